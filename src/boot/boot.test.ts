import { describe, expect, it } from 'vitest';
import { orderOptions } from '../engine/option-order';
import {
  HINT_KEY as BOOT_HINT_KEY,
  LANG_KEY as BOOT_LANG_KEY,
  PLAYER_KEY as BOOT_PLAYER_KEY,
  STORED_COOKIE as BOOT_STORED_COOKIE,
  WHO_KEY as BOOT_WHO_KEY,
  bootLang,
  countdownWarning,
  beginsIntro as bootBeginsIntro,
  CONTROL_SELECTOR as BOOT_CONTROL_SELECTOR,
  INTRO_KEYS as BOOT_INTRO_KEYS,
  bootMode,
  carriedPlay,
  firstOrder,
  homeAddress,
  readHint,
  readPlayer,
  reservedRows,
  storedCookie,
} from './boot';
import { beginsIntro, CONTROL_SELECTOR, INTRO_KEYS } from '../ui/components/play/intro-keys';
import { HINT_KEY, LANG_KEY, PLAYER_KEY, STORED_COOKIE, WHO_KEY, type BootHint } from './protocol';
import { isWarning } from '../ui/components/play/countdown-warning';
import { parsePlayerHint, parseWhoHint, playerHint } from '../ui/state/who-hint';
import { parseSoundHint } from '../ui/state/boot-hint';

const at = (pathname: string, search = '', hash = '') => ({ pathname, search, hash });
const ID = 'toy-shop-saturday';

describe('bootMode: when the pre-rendered first decision may be shown', () => {
  it('shows it for the scenario page itself, in coaching mode by default', () => {
    expect(bootMode(at(`/play/${ID}/`), ID, null)).toBe('coaching');
    expect(bootMode(at(`/play/${ID}`), ID, null)).toBe('coaching');
    expect(bootMode(at(`/play/${ID}/index.html`), ID, null)).toBe('coaching');
  });

  it('follows the link’s mode, from the query or from the hash route', () => {
    expect(bootMode(at(`/play/${ID}/`, '?mode=assessment'), ID, null)).toBe('assessment');
    expect(bootMode(at(`/play/${ID}/`, '', `#/play/${ID}?mode=assessment`), ID, null)).toBe('assessment');
    expect(bootMode(at(`/play/${ID}/`, '', `#/play/${ID}`), ID, null)).toBe('coaching');
  });

  it('shows it on index.html opened at the app\'s play route (an old link), with the same rules', () => {
    expect(bootMode(at('/', '', `#/play/${ID}`), ID, null)).toBe('coaching');
    expect(bootMode(at('/index.html', '', `#/play/${ID}/`), ID, null)).toBe('coaching');
    expect(bootMode(at('/', '', `#/play/${ID}?mode=assessment`), ID, null)).toBe('assessment');
    expect(bootMode(at('/', '?mode=assessment', `#/play/${ID}`), ID, null)).toBe('assessment');
    expect(bootMode(at('/', '', `#/play/${ID}?team=t1`), ID, null)).toBeNull();
    expect(bootMode(at('/', '?endpoint=x', `#/play/${ID}`), ID, null)).toBeNull();
    expect(bootMode(at('/', '', `#/play/${ID}`), ID, JSON.stringify({ open: ID, timerScale: 1 }))).toBeNull();
  });

  it('leaves every other address to the app', () => {
    expect(bootMode(at('/'), ID, null)).toBeNull();
    expect(bootMode(at('/', '', '#/'), ID, null)).toBeNull();
    expect(bootMode(at('/', '', '#/play/other'), ID, null)).toBeNull();
    expect(bootMode(at('/', '', `#/play/${ID}/x`), ID, null)).toBeNull();
    expect(bootMode(at('/play/other/', '', `#/play/${ID}`), ID, null)).toBeNull();
    expect(bootMode(at('/play/other/'), ID, null)).toBeNull();
    expect(bootMode(at(`/play/${ID}/`, '', '#/scenarios'), ID, null)).toBeNull();
    expect(bootMode(at(`/play/${ID}/`, '', '#/play/other'), ID, null)).toBeNull();
  });

  it('leaves links with anything but a mode to the app (a team to join, a test run, a version)', () => {
    expect(bootMode(at(`/play/${ID}/`, '?team=t1'), ID, null)).toBeNull();
    expect(bootMode(at(`/play/${ID}/`, '', `#/play/${ID}?from=greet`), ID, null)).toBeNull();
    expect(bootMode(at(`/play/${ID}/`, '?mode=assessment&hash=abc'), ID, null)).toBeNull();
    expect(bootMode(at(`/play/${ID}/`, '?mode=quiz'), ID, null)).toBeNull();
  });

  it('stays away when the app will resume an unfinished run of this scenario', () => {
    expect(bootMode(at(`/play/${ID}/`), ID, JSON.stringify({ open: ID, timerScale: 1 }))).toBeNull();
    expect(bootMode(at(`/play/${ID}/`), ID, JSON.stringify({ open: 'tram-card-reader', timerScale: 1 }))).toBe('coaching');
    expect(bootMode(at(`/play/${ID}/`), ID, '{not json')).toBe('coaching');
  });
});

describe('homeAddress: when the pre-rendered first screen of `/` may be shown', () => {
  it('shows it for the who-screen itself', () => {
    expect(homeAddress(at('/'))).toBe(true);
    expect(homeAddress(at('/', '', '#'))).toBe(true);
    expect(homeAddress(at('/', '', '#/'))).toBe(true);
    expect(homeAddress(at('/index.html'))).toBe(true);
  });

  it('leaves every other screen, a room’s link, a platform’s launch and a direct link’s path to the app', () => {
    expect(homeAddress(at('/', '', '#/teams'))).toBe(false);
    expect(homeAddress(at('/', '', '#/?next=%23%2Fplay%2Ftoy'))).toBe(false);
    expect(homeAddress(at('/', '', '#main'))).toBe(false);
    expect(homeAddress(at('/', '?endpoint=x&fetch=y'))).toBe(false);
    expect(homeAddress(at(`/play/${ID}/`))).toBe(false);
  });
});

describe('carriedPlay: which built-in\'s first decision index.html shows at `#/play/<id>`', () => {
  const plays = `age-check ${ID}`;
  it('names the scenario of the play route when the page carries it', () => {
    expect(carriedPlay(at('/', '', `#/play/${ID}`), plays)).toBe(ID);
    expect(carriedPlay(at('/', '', `#/play/${ID}?mode=assessment`), plays)).toBe(ID);
    expect(carriedPlay(at('/', '', '#/play/age-check/'), plays)).toBe('age-check');
  });

  it('names none for another route, a scenario the page does not carry, or a direct link\'s own page', () => {
    expect(carriedPlay(at('/'), plays)).toBeNull();
    expect(carriedPlay(at('/', '', '#/scenarios'), plays)).toBeNull();
    expect(carriedPlay(at('/', '', '#/play/my-own'), plays)).toBeNull();
    expect(carriedPlay(at('/', '', '#/play/age'), plays)).toBeNull();
    expect(carriedPlay(at('/', '', `#/play/${ID}`), undefined)).toBeNull();
    expect(carriedPlay(at(`/play/${ID}/`, '', `#/play/${ID}`), plays)).toBeNull();
  });
});

describe('bootLang and readHint', () => {
  it('uses the saved language, else the browser’s first nl/en, else Dutch — like the app', () => {
    expect(bootLang('en', ['nl-NL'])).toBe('en');
    expect(bootLang(null, ['de-DE', 'en-GB', 'nl'])).toBe('en');
    expect(bootLang('fr', ['nl-BE'])).toBe('nl');
    expect(bootLang(null, ['fr'])).toBe('nl');
  });

  it('reads the timer speed, falling back to normal speed on anything odd', () => {
    expect(readHint(JSON.stringify({ open: null, timerScale: 0 }))).toEqual({ open: null, timerScale: 0, sound: true });
    expect(readHint(JSON.stringify({ open: 'x', timerScale: 10 }))).toEqual({ open: 'x', timerScale: 10, sound: true });
    expect(readHint(JSON.stringify({ timerScale: 7 }))).toEqual({ open: null, timerScale: 1, sound: true });
    expect(readHint(null)).toEqual({ open: null, timerScale: 1, sound: true });
    expect(readHint('[')).toEqual({ open: null, timerScale: 1, sound: true });
  });

  it('reads sound off only where the app wrote it off, as the app reads it before its store', () => {
    const hint = (sound: boolean): BootHint => ({ open: null, timerScale: 1, sound });
    expect(readHint(JSON.stringify(hint(false))).sound).toBe(false);
    expect(readHint(JSON.stringify(hint(true))).sound).toBe(true);
    for (const raw of [null, '', '[', 'null', '{"sound":0}', '{"sound":"off"}', JSON.stringify(hint(false)), JSON.stringify(hint(true))]) {
      expect(readHint(raw).sound, String(raw)).toBe(parseSoundHint(raw));
    }
  });

  it('warns near the end of a countdown exactly when the app does', () => {
    for (const total of [5_000, 10_000, 20_000, 30_000, 60_000, 200_000, 300_000]) {
      for (let left = -1_000; left <= total; left += 250) expect(countdownWarning(left, total), `${left} of ${total}`).toBe(isWarning(left, total));
    }
    // (a 20-second limit warns in its last 5 seconds, not from its first)
    expect(countdownWarning(19_000, 20_000)).toBe(false);
    expect(countdownWarning(5_000, 20_000)).toBe(true);
  });

  it('uses the same storage keys as the app', () => {
    expect(BOOT_LANG_KEY).toBe(LANG_KEY);
    expect(BOOT_HINT_KEY).toBe(HINT_KEY);
    expect(BOOT_WHO_KEY).toBe(WHO_KEY);
    expect(BOOT_PLAYER_KEY).toBe(PLAYER_KEY);
    expect(BOOT_STORED_COOKIE).toBe(STORED_COOKIE);
  });

  it('finds the cookie that says the app keeps something here, among others', () => {
    expect(storedCookie('')).toBe(false);
    expect(storedCookie(`${STORED_COOKIE}=1`)).toBe(true);
    expect(storedCookie(`a=b; ${STORED_COOKIE}=1; c=d`)).toBe(true);
    expect(storedCookie(`x${STORED_COOKIE}=1; ${STORED_COOKIE}=0`)).toBe(false);
  });

  it('reads who is playing as the app writes it, and nobody from anything odd', () => {
    const profile = { id: 'p', name: 'Anna', teamId: null, createdAt: 0 };
    expect(readPlayer(JSON.stringify(playerHint(profile)))).toEqual({ name: 'Anna', guest: false });
    expect(readPlayer(JSON.stringify(playerHint({ ...profile, name: 'Gast 1', guest: true })))).toEqual({ name: 'Gast 1', guest: true });
    // a right-to-left name is isolated, as the app's header puts it into its sentence
    expect(readPlayer(JSON.stringify(playerHint({ ...profile, name: 'سارة' })))?.name).toBe('\u2068سارة\u2069');
    for (const raw of [null, '', 'null', '[', '{"guest":true}', '{"name":3}']) expect(readPlayer(raw)).toBeNull();
    expect(readPlayer(JSON.stringify(playerHint({ ...profile, name: 'Gast', guest: true, guestNumber: 3 })))).toEqual({ name: 'Gast', guest: true, guestNumber: 3 });
    for (const raw of [null, '', '[', '{"name":"Bo"}', '{"name":"Bo","guest":1}', '{"name":"Bo","guest":true}', '{"name":"Bo","guest":true,"guestNumber":2}', '{"name":"Bo","guest":true,"guestNumber":0}', '{"name":"Bo","guestNumber":2}'])
      expect(readPlayer(raw)).toEqual(parsePlayerHint(raw));
  });

  it('keeps as many rows for the players listed last time as the app does', () => {
    for (const raw of [null, '', '0', '1', '3', '20', '21', '999', '-2', '2.5', 'x', ' 4 ']) expect(reservedRows(raw)).toBe(parseWhoHint(raw));
    expect(reservedRows('3')).toBe(3);
    expect(reservedRows('999')).toBe(20);
  });
});

describe('firstOrder: the first decision shuffled as the app shuffles it', () => {
  it('gives the same order as the engine for any seed and pinned options', () => {
    for (let i = 0; i < 300; i++) {
      const pinned = Array.from({ length: 2 + (i % 3) }, (_, k) => (i % 5 === 0 && k === 1 + (i % 2)) || (i % 7 === 0 && k === 0));
      const options = pinned.map((p, k) => ({ id: `o${k}`, pinned: p }));
      const seed = `seed-${i * 7919}`;
      expect(firstOrder(pinned, seed).map((k) => options[k].id)).toEqual(orderOptions(options, seed, 0).map((o) => o.id));
    }
  });
});

describe('the keys that begin a run from its intro', () => {
  it('are the same on the direct-link page and in the app: Enter, Space and 1 where no control has the focus', () => {
    expect(BOOT_INTRO_KEYS).toEqual(INTRO_KEYS);
    expect(BOOT_CONTROL_SELECTOR).toBe(CONTROL_SELECTOR);
    // A stand-in for the focused element: a control when `closest` finds one.
    const on = (control: boolean) => ({ closest: (s: string) => (control && s === CONTROL_SELECTOR ? {} : null) }) as unknown as EventTarget;
    const press = { ctrlKey: false, metaKey: false, altKey: false, repeat: false };
    for (const key of ['Enter', ' ', '1', '2', 'a', 'Escape', 'Tab'])
      for (const control of [false, true])
        for (const extra of [{}, { ctrlKey: true }, { repeat: true }]) {
          const e = { ...press, ...extra, key, target: on(control) };
          const expected = !control && ['Enter', ' ', '1'].includes(key) && !('ctrlKey' in extra) && !('repeat' in extra);
          expect(beginsIntro(e), `${JSON.stringify(key)} control=${control} ${JSON.stringify(extra)}`).toBe(expected);
          expect(bootBeginsIntro(e)).toBe(expected);
        }
    expect(beginsIntro({ ...press, key: 'Enter', target: null })).toBe(true);
  });
});
