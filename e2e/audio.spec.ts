/**
 * Sound in Chromium, as a player meets it: nothing is downloaded or played before the player
 * interacts; the first click starts the setting's ambience (its file is requested and howler
 * reports it playing); a choice plays its cue; a hidden tab pauses it; the visible mute stops everything and is
 * remembered; with sound off, no audio file is downloaded at all.
 */
import { expect, test, type Page } from '@playwright/test';

test.use({ locale: 'en-US' });

interface HowlerProbe {
  loaded: boolean;
  muted: boolean;
  /** Every sound howler was given (each one requests its file). */
  howls: number;
  playing: string[];
}

/** What howler (which sets window.Howler when it loads) is doing right now. */
function howler(page: Page): Promise<HowlerProbe> {
  return page.evaluate(() => {
    const h = (window as unknown as { Howler?: { _muted: boolean; _howls: { _src: string | string[]; playing(): boolean }[] } }).Howler;
    if (!h) return { loaded: false, muted: false, howls: 0, playing: [] };
    const src = (s: string | string[]) => (Array.isArray(s) ? s[0] : s).replace(/^.*\//, '');
    return { loaded: true, muted: h._muted, howls: h._howls.length, playing: h._howls.filter((x) => x.playing()).map((x) => src(x._src)) };
  });
}

function audioRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/audio/')) seen.push(u.pathname);
  });
  return seen;
}

/**
 * Opens the toy shop at its intro ("Begin" not pressed: that would be an interaction), with
 * Playwright's clock in the page, so the spec can move time on past the game's sound timers
 * (preloading a while after the first screen, the ambience a moment after the unlocking click).
 */
async function openToyShop(page: Page): Promise<void> {
  await page.clock.install();
  await page.goto('/#/play/toy-shop-saturday?mode=coaching');
  await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible();
  // The page's pre-rendered first decision is playable before the app loads (its "Mute sound" is
  // handed to the app, see play-boot.spec.ts); these tests are about the app's sound, so they wait.
  await expect(page.locator('#boot')).toHaveCount(0);
}

async function begin(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.locator('[data-option]').first()).toBeEnabled();
}

test('silent until the player interacts, then the ambience plays; a choice plays its cue; mute stops it', async ({ page }) => {
  const requested = audioRequests(page);
  await openToyShop(page);
  // Give the idle-time preloading every chance to misbehave: past its timer and idle callback,
  // until the library is there, and on past anything that library would do in idle time.
  await page.clock.runFor(10_000);
  await expect.poll(async () => (await howler(page)).loaded, { message: 'the audio library is preloaded' }).toBe(true);
  await page.clock.runFor(10_000);
  expect((await howler(page)).howls, 'no sound made before any interaction').toBe(0);
  expect(requested, 'no audio file before any interaction').toEqual([]);
  expect((await howler(page)).playing).toEqual([]);

  // The first interaction: a click anywhere in the game (not a choice yet).
  const ambienceFile = page.waitForResponse((r) => /\/audio\/ambience-shop\.(webm|mp3)$/.test(new URL(r.url()).pathname));
  await page.locator('#intro-heading').click();
  const response = await ambienceFile;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^(audio|video)\/(webm|mpeg)/);
  await expect.poll(async () => (await howler(page)).playing, { message: 'the shop ambience plays' }).toContain('ambience-shop.webm');

  // The cues are fetched in idle time after the first interaction; a choice plays "confirm".
  await expect.poll(() => requested).toContain('/audio/cue-confirm.webm');
  await page.evaluate(() => {
    const w = window as unknown as { __played: string[]; Howl: { prototype: { play: (...a: unknown[]) => unknown; _src: string | string[] } } };
    w.__played = [];
    const play = w.Howl.prototype.play;
    w.Howl.prototype.play = function (this: { _src: string | string[] }, ...a: unknown[]) {
      w.__played.push(String(Array.isArray(this._src) ? this._src[0] : this._src).replace(/^.*\//, ''));
      return play.apply(this, a);
    };
  });
  await begin(page);
  await page.keyboard.press('1');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __played: string[] }).__played)).toContain('cue-confirm.webm');

  // A hidden tab (another app in front on a phone) pauses the ambience; back in front, it resumes.
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  await expect.poll(async () => (await howler(page)).playing, { message: 'paused while hidden' }).toEqual([]);
  await setVisibility('visible');
  await expect.poll(async () => (await howler(page)).playing, { message: 'resumes when visible' }).toContain('ambience-shop.webm');

  // The visible mute stops everything at once.
  const mute = page.getByRole('button', { name: 'Mute sound' });
  await expect(mute).toHaveAttribute('aria-pressed', 'false');
  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await howler(page)).playing, { message: 'nothing plays after mute' }).toEqual([]);
  expect((await howler(page)).muted).toBe(true);

  // Muting is remembered: after a reload the game stays silent, even after a click.
  await page.reload();
  // (the choice's feedback comes back after the reload: coaching keeps its lesson)
  await expect(page.locator('#feedback-heading')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mute sound' })).toHaveAttribute('aria-pressed', 'true');
  await page.locator('#feedback-heading').click();
  // The click unlocked sound (howler loaded, its master mute applied); past the moment the
  // ambience would start, no sound was even made.
  await expect.poll(async () => (await howler(page)).muted, { message: 'unlocked, muted' }).toBe(true);
  await page.clock.runFor(10_000);
  expect((await howler(page)).howls).toBe(0);
  expect((await howler(page)).playing).toEqual([]);

  // Sound back on: the ambience fades in again.
  await page.getByRole('button', { name: 'Mute sound' }).click();
  await expect.poll(async () => (await howler(page)).playing).toContain('ambience-shop.webm');
});

test('with sound switched off before the first interaction, no audio file is ever downloaded', async ({ page }) => {
  const requested = audioRequests(page);
  await openToyShop(page);
  await page.getByRole('button', { name: 'Mute sound' }).click(); // also the first interaction
  await begin(page);
  await page.keyboard.press('1');
  // Sound is unlocked (howler loaded, muted); past the ambience's start, the cues' idle-time
  // preloading and the choice's cue, no sound was even made.
  await expect.poll(async () => (await howler(page)).muted, { message: 'unlocked, muted' }).toBe(true);
  await page.clock.runFor(10_000);
  expect((await howler(page)).howls).toBe(0);
  expect(requested).toEqual([]);
  expect((await howler(page)).playing).toEqual([]);
});
