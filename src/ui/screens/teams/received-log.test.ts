import { afterEach, describe, expect, it, vi } from 'vitest';
import { Locale } from '../../../i18n/locale.svelte';
import core from '../../../i18n/core.en.json';
import coreNl from '../../../i18n/core.nl.json';
import teams from '../../../i18n/teams.en.json';
import teamsNl from '../../../i18n/teams.nl.json';
import type { Lang } from '../../../engine/types';
import { addReceived, loadReceived, mergeReceived, RECEIVED_KEY, receivedId, receivedText, type ReceivedEntry } from './received-log';

/** A localStorage of one Map (the unit tests run in node). */
function storage(refuse = false): Map<string, string> {
  const data = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => {
      if (refuse) throw new DOMException('denied', 'SecurityError');
      return data.get(k) ?? null;
    },
    setItem: (k: string, v: string) => {
      if (refuse) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, v);
    },
  });
  return data;
}
afterEach(() => vi.unstubAllGlobals());

/** The app's own messages, and a scenario this device knows, worded in `lang`. */
function wording(lang: Lang) {
  const locale = new Locale(lang);
  locale.register('', { en: core, nl: coreNl });
  locale.register('teams', { en: teams, nl: teamsNl });
  const titles: Record<string, Record<Lang, string>> = { 'toy-shop': { en: 'Toy shop on a Saturday', nl: 'Speelgoedwinkel op zaterdag' } };
  return { t: locale.t.bind(locale), scenarioTitle: (id: string) => titles[id]?.[lang] ?? id, lang };
}

const added = (name: string): ReceivedEntry => ({ ok: true, said: [{ key: 'teams.import.run_added', args: { name, scenario: { scenario: 'toy-shop' } } }] });
const named = (name: string | { ui: string }) => ({ key: 'teams.import.run_named', args: { name, scenario: { scenario: 'toy-shop' } } });
const nameOf = (e: ReceivedEntry) => ('said' in e ? e.said[0].args?.name : e.text);

describe('the Received log', () => {
  it('keeps what came in for the next page load, as it was logged, newest first, at most 50', () => {
    storage();
    let shown = loadReceived();
    expect(shown).toEqual([]);
    const file: ReceivedEntry = {
      ok: false,
      partial: true,
      file: 'kassa.json',
      said: [
        { key: 'teams.import.outcome', args: { added: 2, updated: 0, skipped: 1, players: 2 } },
        { key: 'teams.import.outcome_unverified', args: { count: 1 } },
      ],
    };
    const version: ReceivedEntry = { ok: false, said: [{ key: 'teams.import.version_new', args: { title: { text: { nl: 'Kassa', en: 'Till' }, or: 'till' }, id: 'till', version: 'abcd1234', runs: 2 } }] };
    const guest: ReceivedEntry = { ok: false, said: [{ key: 'teams.import.error_forged_run', args: { name: { ui: 'app.guest' }, scenario: { scenario: 'toy-shop' } } }] };
    shown = addReceived(file, shown);
    shown = addReceived(version, shown);
    shown = addReceived(guest, shown);
    expect(loadReceived()).toMatchObject([guest, version, file]);
    // Taken but for what its own entries refuse: read back as such (amber, not red), and only then.
    expect(loadReceived().map((e) => 'partial' in e && e.partial)).toEqual([false, false, true]);
    for (let i = 1; i <= 52; i++) shown = addReceived(added(`player ${i}`), shown);
    const again = loadReceived();
    expect(again).toEqual(shown);
    expect(again).toHaveLength(50);
    expect(nameOf(again[0])).toBe('player 52');
    expect(nameOf(again.at(-1)!)).toBe('player 3');
  });

  it('adds on top of what another tab stored meanwhile', () => {
    storage();
    const mine = addReceived(added('here'), []);
    addReceived(added('other tab'), mine);
    expect(addReceived(added('here again'), mine).map(nameOf)).toEqual(['here again', 'other tab', 'here']);
  });

  it('two tabs logging at once: a write that dropped the other tab’s entries is repaired, in both tabs', () => {
    const data = storage();
    // Tab A logs Anna; tab B, which read the log before A wrote it, logs Bram over it.
    let a = addReceived(added('Anna'), []);
    data.delete(RECEIVED_KEY);
    let b = addReceived(added('Bram'), []);
    expect(loadReceived().map(nameOf)).toEqual(['Bram']);
    // A hears of B's write and puts Anna back; B then hears of A's and needs to add nothing.
    a = mergeReceived(a);
    expect(loadReceived().map(nameOf)).toEqual(['Bram', 'Anna']);
    const written = data.get(RECEIVED_KEY);
    b = mergeReceived(b);
    expect(data.get(RECEIVED_KEY)).toBe(written);
    expect([a.map(nameOf), b.map(nameOf)]).toEqual([
      ['Bram', 'Anna'],
      ['Bram', 'Anna'],
    ]);
    // The same race with A logging again before it hears of B's write: Anna is kept too.
    data.set(RECEIVED_KEY, JSON.stringify(b.slice(0, 1)));
    a = addReceived(added('Cem'), a);
    expect(loadReceived().map(nameOf)).toEqual(['Cem', 'Bram', 'Anna']);
  });

  it('words each entry in the language shown now, not the one it was logged in', () => {
    storage();
    const entries = [
      added('Cem'),
      { ok: false, said: [{ key: 'teams.import.run_added', args: { name: 'Dewi', scenario: { scenario: 'toy-shop' } } }, { key: 'teams.import.run_unverified' }] },
      { ok: true, said: [{ key: 'teams.import.version_new', args: { title: { text: { nl: 'Kassa', en: 'Till' }, or: 'till' }, id: 'till', version: 'abcd1234', runs: 2 } }] },
      { ok: false, said: [{ key: 'teams.import.error_forged_run', args: { name: { ui: 'app.guest' }, scenario: { scenario: 'gone' } } }] },
      // Runs named one by one: each worded, then listed the language's way.
      {
        ok: false,
        file: 'kassa.json',
        said: [
          {
            key: 'teams.import.runs_refused',
            args: { runs: { list: [named('Jan'), named({ ui: 'app.guest' })] }, count: 2, more: 0, taken: 3 },
          },
        ],
      },
      { ok: false, file: 'kassa.json', said: [{ key: 'teams.import.misstated', args: { runs: { list: [named('Jan')] }, count: 12, more: 11 } }] },
    ] satisfies ReceivedEntry[];
    let shown: ReceivedEntry[] = [];
    for (const e of entries) shown = addReceived(e, shown);
    const stored = loadReceived().reverse();
    const en = wording('en');
    expect(stored.map((e) => receivedText(e, en))).toEqual([
      'Run of Cem in “Toy shop on a Saturday” added.',
      expect.stringMatching(/^Run of Dewi in “Toy shop on a Saturday” added\. It came without a signature/),
      expect.stringMatching(/^Scenario “Till” \(version abcd1234\) is not known on this device: .* 2 runs wait for your decision below\.$/),
      'Refused: the run of Guest in “gone” was changed after it was played (its signature does not match). Ask for a fresh link or export from the device it was played on. Nothing was changed.',
      'kassa.json: Not imported: 2 runs, of Jan in “Toy shop on a Saturday” and Guest in “Toy shop on a Saturday”. They were changed after they were played (the signature does not match). The 3 other runs in the file were imported. Ask for a fresh export from the device it was played on.',
      'kassa.json: For 12 runs (Jan in “Toy shop on a Saturday”, and 11 more) the scores or ending in the file did not match the choices: the recalculated result counts. The file was changed after it was exported, or comes from another version of Frontlijn.',
    ]);
    const nl = wording('nl');
    expect(stored.map((e) => receivedText(e, nl))).toEqual([
      'Ronde van Cem in ‘Speelgoedwinkel op zaterdag’ toegevoegd.',
      expect.stringMatching(/^Ronde van Dewi in ‘Speelgoedwinkel op zaterdag’ toegevoegd\. Hij kwam zonder handtekening/),
      expect.stringMatching(/^Scenario ‘Kassa’ \(versie abcd1234\) is niet bekend op dit apparaat: .* 2 rondes wachten op jouw besluit hieronder\.$/),
      'Geweigerd: de ronde van Gast in ‘gone’ is veranderd nadat hij gespeeld is (de handtekening klopt niet). Vraag een nieuwe link of export van het apparaat waarop gespeeld is. Er is niets veranderd.',
      'kassa.json: Niet ingelezen: 2 rondes, van Jan in ‘Speelgoedwinkel op zaterdag’ en Gast in ‘Speelgoedwinkel op zaterdag’. Die zijn veranderd nadat ze gespeeld zijn (de handtekening klopt niet). De 3 andere rondes uit het bestand zijn wel ingelezen. Vraag een nieuwe export van het apparaat waarop gespeeld is.',
      'kassa.json: Bij 12 rondes (Jan in ‘Speelgoedwinkel op zaterdag’, en nog 11) klopten de scores of het einde in het bestand niet met de keuzes: de herberekende uitslag geldt. Het bestand is na het exporteren veranderd, of komt van een andere versie van Frontlijn.',
    ]);
    // What was logged is the same whatever the language: a reload of a link tells it by this.
    expect(receivedId(stored[0])).toBe(receivedId(added('Cem')));
    expect(receivedId(stored[0])).not.toBe(receivedId(added('Dewi')));
  });

  it('shows an older build’s entries (finished sentences) as they are, beside new ones', () => {
    const data = storage();
    data.set(RECEIVED_KEY, JSON.stringify([{ ok: true, text: 'Run of Anna in “Toy shop on a Saturday” added.' }, { ok: false, text: 'Geweigerd: …' }]));
    const shown = addReceived(added('Cem'), loadReceived());
    expect(loadReceived()).toEqual(shown);
    expect(shown.map((e) => receivedText(e, wording('nl')))).toEqual(['Ronde van Cem in ‘Speelgoedwinkel op zaterdag’ toegevoegd.', 'Run of Anna in “Toy shop on a Saturday” added.', 'Geweigerd: …']);
  });

  it('reads a damaged or foreign value as an empty log, and drops only the broken part', () => {
    const data = storage();
    data.set(RECEIVED_KEY, '{not json');
    expect(loadReceived()).toEqual([]);
    data.set(RECEIVED_KEY, JSON.stringify({ ok: true }));
    expect(loadReceived()).toEqual([]);
    data.set(RECEIVED_KEY, JSON.stringify([{ ok: true, text: 'fine' }, { ok: 'yes', text: 1 }, null, '<b>x</b>']));
    expect(loadReceived()).toEqual([{ ok: true, text: 'fine' }]);
    data.set(
      RECEIVED_KEY,
      JSON.stringify([
        // a message with a key that is no UI message name, beside a good one: the good one stays
        { ok: true, file: 7, said: [{ key: 'constructor' }, { key: 'teams.import.run_added', args: { name: 'Cem', scenario: { scenario: 'toy-shop' }, bad: { ui: '__proto__' }, worse: [1], nan: null, ['__proto__']: 'x' } }] },
        // nothing left of it: dropped
        { ok: false, said: [{ key: 42 }, 'teams.import.run_added'] },
        { ok: false, said: [] },
      ]),
    );
    const [only, ...rest] = loadReceived();
    expect(rest).toEqual([]);
    expect(only).toEqual({ ok: true, said: [{ key: 'teams.import.run_added', args: { name: 'Cem', scenario: { scenario: 'toy-shop' }, ['__proto__']: 'x' } }] });
    expect(Object.getPrototypeOf('said' in only ? only.said[0].args : null)).toBe(Object.prototype);
    expect(receivedText(only, wording('en'))).toBe('Run of Cem in “Toy shop on a Saturday” added.');
    // A key another build knows and this one does not: that message is left out, and an entry
    // with nothing known reads as nothing (the screen skips it).
    expect(receivedText({ ok: true, said: [{ key: 'teams.import.run_added', args: { name: 'Cem', scenario: 'x' } }, { key: 'teams.import.not_here' }] }, wording('en'))).toBe('Run of Cem in “x” added.');
    expect(receivedText({ ok: true, said: [{ key: 'teams.import.not_here' }] }, wording('en'))).toBe('');
    // A list of runs keeps its good messages; a list inside a list (never written) is dropped.
    const deep = { key: 'teams.import.run_named', args: { name: { list: [named('Deep')] }, scenario: 'toy-shop' } };
    data.set(RECEIVED_KEY, JSON.stringify([{ ok: false, said: [{ key: 'teams.import.misstated', args: { count: 2, runs: { list: [named('Jan'), { key: 'x' }, deep] } } }] }]));
    const shallow = { key: 'teams.import.run_named', args: { scenario: 'toy-shop' } };
    expect(loadReceived()).toEqual([{ ok: false, said: [{ key: 'teams.import.misstated', args: { count: 2, runs: { list: [named('Jan'), shallow] } } }] }]);
  });

  it('still shows the entry on this page when storage refuses', () => {
    storage(true);
    expect(addReceived(added('new'), [added('old')]).map(nameOf)).toEqual(['new', 'old']);
    expect(loadReceived()).toEqual([]);
  });
});
