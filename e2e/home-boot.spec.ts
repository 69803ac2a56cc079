import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoCspViolations, frames, holdDb, lateLangWrites, watchCsp, watchFrames, watchLangWrites } from './helpers';

/**
 * `/` shows its first screen ("who is playing") from the page itself, before the app's code has
 * arrived (src/boot/boot.ts, startHome), in the player's language; the app then takes over with
 * what the player did there. The app's code is held back here to stand for a slow phone network.
 */

const WHO = {
  en: { heading: 'Who is playing?', intro: 'Pick your name, or add yourself. No password needed.', name: 'Your name', start: 'Start', button: 'English', next: 'Next player', none: 'No players yet on this device.', loading: 'Loading…', playAs: 'Play as' },
  nl: { heading: 'Wie speelt er?', intro: 'Kies je naam, of voeg jezelf toe. Geen wachtwoord nodig.', name: 'Je naam', start: 'Beginnen', button: 'Nederlands', next: 'Volgende speler', none: 'Nog geen spelers op dit apparaat.', loading: 'Laden…', playAs: 'Speel als' },
} as const;

/** Holds every script of the app (its entry and chunks) until the returned function is called. */
async function holdApp(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/[\w.-]+\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** The app has taken over from the pre-rendered screen. */
async function appTookOver(page: Page): Promise<void> {
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('#app')).toBeVisible();
}

for (const [locale, lang, other] of [
  ['en-GB', 'en', 'nl'],
  ['nl-NL', 'nl', 'en'],
] as const) {
  test.describe(`a phone in ${locale}`, () => {
    test.use({ locale, viewport: { width: 360, height: 800 } });

    test('sees the first screen in that language from its first frame, and so it stays as the app takes over', async ({ page }) => {
      await watchLangWrites(page);
      await page.goto('/', { waitUntil: 'commit' });
      await expect(page.getByRole('heading', { level: 1, name: WHO[lang].heading })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await appTookOver(page);
      await expect(page.getByRole('heading', { level: 1, name: WHO[lang].heading })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      expect(await lateLangWrites(page)).toEqual([]);
    });

    test('sees the first screen before the app has loaded, can switch language there, and the app keeps it', async ({ page }, testInfo) => {
      await watchCsp(page);
      await watchFrames(page);
      await holdDb(page);
      const release = await holdApp(page);
      await page.goto('/', { waitUntil: 'commit' });

      await expect(page.getByRole('heading', { level: 1, name: WHO[lang].heading })).toBeVisible();
      await expect(page.getByText(WHO[lang].intro)).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectAccessible(page, testInfo, `home-boot-${lang}`);

      await page.getByRole('button', { name: WHO[other].button }).click();
      await expect(page.getByRole('heading', { level: 1, name: WHO[other].heading })).toBeVisible();
      await expect(page.getByText(WHO[other].intro)).toBeVisible();
      await expect(page.getByRole('button', { name: WHO[other].button })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByRole('button', { name: WHO[other].button })).toBeFocused();
      await expect(page.locator('html')).toHaveAttribute('lang', other);

      release();
      await appTookOver(page);
      await expect(page.getByRole('heading', { name: WHO[other].heading })).toHaveCount(1);
      await expect(page.getByRole('button', { name: WHO[other].button })).toBeFocused();
      // then the device's players are read: there are none yet
      await expect(page.getByRole('status').filter({ hasText: WHO[other].loading })).toBeVisible();
      await page.evaluate(() => (window as unknown as { releaseDb: () => void }).releaseDb());
      await expect(page.getByText(WHO[other].none)).toBeVisible();
      // in every frame one heading, from the page's first to the app's screen with the device's
      // players read; nothing moved
      const seen = await frames(page);
      expect(seen.headings.length).toBeGreaterThan(0);
      expect(seen.headings.filter((n) => n !== 1)).toEqual([]);
      expect(seen.shift).toBe(0);
      // the app's own screen works: a new player is added and moves on
      await page.getByLabel(WHO[other].name).fill('Anna');
      await page.getByRole('button', { name: WHO[other].start }).click();
      await expect(page).toHaveURL(/#\/scenarios/);
      // on a phone "Next player" is in the header's menu
      await page.getByRole('button', { name: 'Menu' }).click();
      await expect(page.getByRole('link', { name: WHO[other].next })).toBeVisible();
      await expectNoCspViolations(page);

      // the language picked before the app had loaded is the app's setting now
      await page.evaluate(() => localStorage.removeItem('frontlijn.lang'));
      await page.goto('/#/scenarios');
      await expect(page.locator('html')).toHaveAttribute('lang', other);
    });

    test('a returning player sees their names take the room kept for them: nothing moves', async ({ page: first, context }) => {
      for (const name of ['Anna', 'Bram']) {
        await first.goto('/');
        await first.getByLabel(WHO[lang].name).fill(name);
        await first.getByRole('button', { name: WHO[lang].start }).click();
        await expect(first).toHaveURL(/#\/scenarios/);
      }
      await first.close();

      const page = await context.newPage();
      await watchFrames(page);
      await holdDb(page);
      const release = await holdApp(page);
      await page.goto('/', { waitUntil: 'commit' });
      await expect(page.getByRole('heading', { level: 1, name: WHO[lang].heading })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: WHO[lang].loading })).toBeVisible();
      await expect(page.getByText(WHO[lang].none)).toHaveCount(0);
      release();
      await appTookOver(page);
      await expect(page.getByRole('status').filter({ hasText: WHO[lang].loading })).toBeVisible();
      await page.evaluate(() => (window as unknown as { releaseDb: () => void }).releaseDb());
      await expect(page.getByRole('button', { name: `${WHO[lang].playAs} Anna` })).toBeVisible();
      await expect(page.getByRole('button', { name: `${WHO[lang].playAs} Bram` })).toBeVisible();
      await expect(page.getByText(WHO[lang].loading)).toHaveCount(0);
      const seen = await frames(page);
      expect(seen.headings.filter((n) => n !== 1)).toEqual([]);
      expect(seen.shift).toBe(0);
    });
  });
}

test.describe('who is playing, in the header of the first screen before the app has loaded', () => {
  test.use({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });

  test('nobody yet: no one is named, as in the app', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto('/', { waitUntil: 'commit' });
    await expect(page.getByRole('heading', { level: 1, name: WHO.en.heading })).toBeVisible();
    await expect(page.getByRole('banner').getByText(/Playing as/)).toHaveCount(0);
    release();
    await appTookOver(page);
    await expect(page.getByRole('banner').getByText(/Playing as/)).toHaveCount(0);
  });

  test('a returning player is named, as text, and stays named while the app reads the device: nothing moves', async ({ page }) => {
    const name = '<i>Bram</i> $1';
    await page.goto('/');
    await page.getByLabel(WHO.en.name).fill(name);
    await page.getByRole('button', { name: WHO.en.start }).click();
    await expect(page).toHaveURL(/#\/scenarios/);

    await watchFrames(page);
    await holdDb(page);
    const release = await holdApp(page);
    await page.goto('/', { waitUntil: 'commit' });
    const header = page.getByRole('banner');
    const named = async () => {
      await expect(header.getByText(`Playing as ${name}`, { exact: true }).filter({ visible: true })).toBeVisible();
      await expect(header.getByRole('link', { name: WHO.en.next }).filter({ visible: true })).toBeVisible();
    };
    await expect(page.getByRole('heading', { level: 1, name: WHO.en.heading })).toBeVisible();
    await named();
    release();
    await appTookOver(page);
    await named();
    await page.evaluate(() => (window as unknown as { releaseDb: () => void }).releaseDb());
    await expect(page.getByRole('button', { name: `${WHO.en.playAs} ${name}` })).toBeVisible();
    await named();
    expect((await frames(page)).shift).toBe(0);
  });

  test('a returning guest is named by their number before the app has loaded, as the app then names them', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Play as Guest', exact: true }).click();
    await expect(page).toHaveURL(/#\/scenarios/);
    const header = page.getByRole('banner');
    const named = () => expect(header.getByText('Playing as Guest 1', { exact: true }).filter({ visible: true })).toBeVisible();
    await named();

    const release = await holdApp(page);
    await page.goto('/', { waitUntil: 'commit' });
    await expect(page.getByRole('heading', { level: 1, name: WHO.en.heading })).toBeVisible();
    // Before, the pre-rendered header said "Playing as Guest" until the app came.
    await named();
    release();
    await appTookOver(page);
    await named();
  });
});

test.describe('before the app has loaded', () => {
  test.use({ locale: 'en-GB' });

  test('a name typed and sent on the first screen is added once the app has loaded', async ({ page }) => {
    await watchFrames(page);
    const release = await holdApp(page);
    await page.goto('/', { waitUntil: 'commit' });
    await page.getByLabel('Your name').fill('Bram');
    await page.getByLabel('Your name').press('Enter');
    // the form waits for the app, as it does while the app saves; "Start" says it is at work
    const start = page.getByRole('button', { name: 'Start' });
    await expect(start).toBeDisabled();
    await expect(start).toHaveAttribute('aria-busy', 'true');
    await expect(start.getByText('One moment…')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'One moment, the game is loading…' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Play as Guest' })).not.toHaveAttribute('aria-busy');

    // from here until the next screen, every frame shows "Start" waiting: the app's as the page's
    await page.evaluate(() => {
      const w = window as unknown as { __waiting: boolean[]; __shiftWaiting: number };
      w.__waiting = [];
      const frame = () => {
        if (location.hash.startsWith('#/scenarios')) return;
        w.__shiftWaiting = (window as unknown as { __shift: number }).__shift;
        const b = document.querySelector('button[type="submit"][aria-busy="true"]');
        w.__waiting.push(!!b?.checkVisibility() && !!b.querySelector('.wait')?.checkVisibility({ visibilityProperty: true }));
        requestAnimationFrame(frame);
      };
      // (the screen as it stands counts too: a busy machine may draw no frame before the app is there)
      frame();
    });
    release();
    await expect(page).toHaveURL(/#\/scenarios/);
    await expect(page.getByText('Playing as Bram')).toBeVisible();
    const waiting = await page.evaluate(() => (window as unknown as { __waiting: boolean[] }).__waiting);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.filter((shown) => !shown)).toEqual([]);
    // and nothing moved while it waited
    expect(await page.evaluate(() => (window as unknown as { __shiftWaiting: number }).__shiftWaiting)).toBe(0);
  });

  test('"Play as Guest" pressed before the app has loaded says the game is loading', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto('/', { waitUntil: 'commit' });
    const guest = page.getByRole('button', { name: 'Play as Guest' });
    const box = await guest.boundingBox();
    await guest.click();
    await expect(guest).toHaveAttribute('aria-busy', 'true');
    await expect(guest.getByText('One moment…')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'One moment, the game is loading…' })).toHaveCount(1);
    // the button keeps its size and place
    expect(await guest.boundingBox()).toEqual(box);
    release();
    await expect(page).toHaveURL(/#\/scenarios/);
  });

  test('what is typed carries over with the focus, and a link followed lands on its screen', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto('/', { waitUntil: 'commit' });
    await page.getByLabel('Your name').fill('Chris');
    release();
    await appTookOver(page);
    await expect(page.getByLabel('Your name')).toHaveValue('Chris');
    await expect(page.getByLabel('Your name')).toBeFocused();

    const held = await holdApp(page);
    await page.goto('/', { waitUntil: 'commit' });
    await expect(page.getByRole('heading', { level: 1, name: 'Who is playing?' })).toBeVisible();
    await page.getByRole('link', { name: 'Teams' }).click();
    // the screen asked for comes with the app: the first screen makes way for "Loading…"
    await expect(page.getByRole('heading', { name: 'Who is playing?' })).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toBeVisible();
    held();
    await expect(page).toHaveURL(/#\/teams$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Team scores' })).toBeVisible();
    await expect(page.locator('#boot')).toHaveCount(0);
  });

  test('on a phone the menu works before the app has loaded, and a link chosen in it lands on its screen', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 360, height: 800 });
    const release = await holdApp(page);
    await page.goto('/', { waitUntil: 'commit' });
    await expect(page.getByRole('heading', { level: 1, name: 'Who is playing?' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const button = nav.getByRole('button', { name: 'Menu' });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link')).toHaveCount(0);
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link')).toHaveText(['Scenarios', 'My results', 'Teams', 'Room', 'Write scenarios']);
    await expectAccessible(page, testInfo, 'home-boot-menu');
    await page.keyboard.press('Escape');
    await expect(nav.getByRole('link')).toHaveCount(0);
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await nav.getByRole('link', { name: 'Teams' }).click();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toBeVisible();
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Team scores' })).toBeVisible();
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  test('another address shows nothing pre-rendered', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto('/#/teams', { waitUntil: 'commit' });
    await expect(page.locator('#app')).toBeAttached();
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Who is playing?' })).toHaveCount(0);
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Team scores' })).toBeVisible();
  });
});

const SOUND = {
  'nl-NL': { mute: 'Geluid uitzetten', on: 'Geluid aan', off: 'Geluid uit', sounds: 'Geluid afspelen', heading: WHO.nl.heading },
  'en-GB': { mute: 'Mute sound', on: 'Sound on', off: 'Sound off', sounds: 'Play sounds', heading: WHO.en.heading },
} as const;

for (const locale of ['nl-NL', 'en-GB'] as const) {
  test.describe(`"Mute sound" on the first screen in ${locale}`, () => {
    test.use({ locale, hasTouch: true, viewport: { width: 360, height: 740 } });
    const words = SOUND[locale];

    test('a muted player sees it muted before the app and while it reads the device; sound turned on there stays on', async ({ page }) => {
      await page.goto('/');
      const mute = page.getByRole('banner').getByRole('button', { name: words.mute });
      await expect(page.locator('#boot')).toHaveCount(0);
      await mute.tap();
      await expect(mute).toHaveAttribute('aria-pressed', 'true');
      // (the app notes it for the page when idle)
      await expect.poll(() => page.evaluate(() => localStorage.getItem('frontlijn.boot'))).toContain('"sound":false');

      await watchFrames(page);
      await holdDb(page);
      const release = await holdApp(page);
      await page.goto('/', { waitUntil: 'commit' });
      await expect(page.getByRole('heading', { level: 1, name: words.heading })).toBeVisible();
      await expect(page.locator('#boot')).toHaveCount(1);
      await expect(mute).toHaveAttribute('aria-pressed', 'true');
      await expect(mute).toHaveAttribute('title', words.off);
      release();
      await appTookOver(page);
      await expect(mute).toHaveAttribute('aria-pressed', 'true');
      await expect(mute).toHaveAttribute('title', words.off);
      await page.evaluate(() => (window as unknown as { releaseDb: () => void }).releaseDb());
      await expect(page.getByRole('heading', { level: 1, name: words.heading })).toBeVisible();
      await expect(mute).toHaveAttribute('aria-pressed', 'true');
      expect((await frames(page)).shift).toBe(0);

      // turned on before the app, which takes over before the device is read: on, and saved
      await page.unrouteAll();
      const again = await holdApp(page);
      await page.goto('/', { waitUntil: 'commit' });
      await expect(page.locator('#boot')).toHaveCount(1);
      await mute.tap();
      await expect(mute).toHaveAttribute('aria-pressed', 'false');
      await expect(mute).toHaveAttribute('title', words.on);
      again();
      await appTookOver(page);
      await expect(mute).toHaveAttribute('aria-pressed', 'false');
      await page.evaluate(() => (window as unknown as { releaseDb: () => void }).releaseDb());
      await expect(page.getByRole('heading', { level: 1, name: words.heading })).toBeVisible();
      await expect(mute).toHaveAttribute('aria-pressed', 'false');
      // (another tab, which reads the device at once: the settings say sound is on)
      const settings = await page.context().newPage();
      await settings.goto('/#/settings');
      await expect(settings.getByRole('checkbox', { name: words.sounds })).toBeChecked();
      await expect(settings.getByRole('banner').getByRole('button', { name: words.mute })).toHaveAttribute('aria-pressed', 'false');
    });
  });
}
