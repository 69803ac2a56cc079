import { expect, test, type Page } from '@playwright/test';
import { attachScreens, expectAccessible, expectNoCspViolations, frames, holdApp, lateLangWrites, readScenario, watchCsp, watchFrames, watchLangWrites, untilCountdownRuns } from './helpers';

/**
 * A link straight to a scenario (`/play/<id>/`) shows its first decision from the page itself,
 * before the app's code has arrived (src/boot/boot.ts), and the app plays what happened there.
 * The app's code is held back here to stand for a slow phone network.
 */
const TOY = 'toy-shop-saturday';
const toy = readScenario(TOY);
const first = toy.nodes[toy.start];
const text = (v: unknown, lang: 'nl' | 'en') => (typeof v === 'string' ? v : (v as Record<string, string>)[lang]);

test.use({ locale: 'en-GB' });

/** The app has taken over from the pre-rendered page. */
async function appTookOver(page: Page): Promise<void> {
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('#app')).toBeVisible();
}

test('a direct link shows its first decision before the app has loaded, and plays the choice made there', async ({ page }, testInfo) => {
  await watchCsp(page);
  await page.clock.install();
  const release = await holdApp(page);
  await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });

  await expect(page.getByRole('heading', { level: 1, name: text(toy.title, 'en') })).toBeVisible();
  // first the intro: who you are and the scene, nothing timed yet
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  await expect(page.getByText(text(toy.player, 'en'))).toBeVisible();
  // the mode (practice, the default) says what it means: this player never saw the mode screen
  await expect(page.getByText('Practice', { exact: true })).toBeVisible();
  await expect(page.getByText('After each choice you see what it did and why.')).toBeVisible();
  // nothing is decided yet: the badge says this is the introduction, and numbers the decision after "Begin"
  await expect(page.getByText('Introduction', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Decision \d+$/)).toHaveCount(0);
  await expect(page.getByRole('timer')).toHaveCount(0);
  await expectAccessible(page, testInfo, 'boot-intro');
  await attachScreens(page, testInfo, 'boot-intro');
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByText('Decision 1', { exact: true })).toBeVisible();
  await expect(page.getByText('Introduction', { exact: true })).toHaveCount(0);

  await expect(page.getByText(text(first.situation, 'en'))).toBeVisible();
  await expect(page.locator('#situation-heading')).toBeFocused();
  const options = page.getByRole('list', { name: 'What do you do?' }).getByRole('button');
  await expect(options).toHaveCount(first.options.length);
  // the customer is waiting: with the options in view (and the situation read), the countdown
  // runs before the app is there
  await expect(page.getByText('Take your time', { exact: true })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText('the clock starts soon');
  await untilCountdownRuns(page);
  await expect(page.getByText(`${toy.customer.name} is waiting`)).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/^\d+ seconds left$/);
  await expectAccessible(page, testInfo, 'boot-first-decision');
  await attachScreens(page, testInfo, 'boot-first-decision');

  // key 2 picks the second option shown (the options are shuffled): it shows as chosen, the
  // others can no longer be picked
  const second = (await options.nth(1).locator('.text').textContent())!;
  await page.keyboard.press('2');
  const chosen = page.getByRole('button', { name: second });
  await expect(chosen).toHaveAttribute('aria-pressed', 'true');
  await expect(options.first()).toBeDisabled();

  release();
  await appTookOver(page);
  // coaching (the default): the app shows what the choice did
  await expect(page.getByRole('heading', { name: 'What this did' })).toBeVisible();
  await expect(page.getByText(`You chose: ${second}`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What this did' })).toBeFocused();
  await expectNoCspViolations(page);
});

test('a direct link is in the browser\'s language from its first frame, and stays so as the app takes over', async ({ page }) => {
  await watchLangWrites(page);
  await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });
  await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await appTookOver(page);
  await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // (the page's markup says Dutch: English is set before the first frame, never again after it)
  expect(await lateLangWrites(page)).toEqual([]);
});

test('a first visit shows its first decision without reading the device\'s storage; a saved language is still honoured', async ({ page }) => {
  // Counts the page's reads of localStorage before its first decision is ready (the first read is
  // a synchronous round trip to the browser, before anything is shown).
  await page.addInitScript(() => {
    const w = window as unknown as { __storageReads: number };
    w.__storageReads = 0;
    const own = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        if (performance.getEntriesByName('frontlijn:first-choice-ready').length === 0) w.__storageReads++;
        return own.get!.call(window);
      },
    });
  });
  const reads = () => page.evaluate(() => (window as unknown as { __storageReads: number }).__storageReads);
  let release = await holdApp(page);
  await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });
  await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible();
  expect(await reads()).toBe(0);
  // the language picked there is kept, and read on the next visit
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('button', { name: 'Beginnen' })).toBeVisible();
  release();
  await appTookOver(page);
  await page.unrouteAll();
  release = await holdApp(page);
  await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });
  await expect(page.getByRole('button', { name: 'Beginnen' })).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(1);
  expect(await reads()).toBeGreaterThan(0);
  release();
  await appTookOver(page);
  await expect(page.getByRole('button', { name: 'Beginnen' })).toBeVisible();
});

/** The phone menu's entries on a direct link, as a guest sees them. */
async function expectGuestMenu(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Scenarios', 'My results', 'Teams', 'Room', 'Write scenarios', 'Choose a name']);
  await expect(nav.getByRole('group', { name: 'For trainers' }).getByRole('link')).toHaveText(['Teams', 'Room', 'Write scenarios']);
  await expect(nav.getByText('Playing as Guest')).toBeVisible();
}

test('on a phone the menu opened before the app has loaded stays open, unmoved and the same, as the app takes over', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await watchFrames(page);
  const release = await holdApp(page);
  await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { level: 1, name: text(toy.title, 'en') })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  const button = nav.getByRole('button', { name: 'Menu' });
  // a tap beside the open menu closes it
  await button.click();
  await expect(nav.getByRole('link', { name: 'Scenarios', exact: true })).toHaveAttribute('aria-current', 'page');
  const intro = (await page.getByRole('heading', { name: 'Before you start' }).boundingBox())!;
  await page.mouse.click(intro.x + 10, intro.y + intro.height / 2);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Scenarios', exact: true })).toBeFocused();
  await expectGuestMenu(page);
  const panel = page.locator('#main-menu');
  const box = await panel.boundingBox();

  release();
  await appTookOver(page);
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expectGuestMenu(page);
  expect(await panel.boundingBox()).toEqual(box);
  await expect(button).toBeFocused();
  expect((await frames(page)).shift).toBe(0);
  // the app's menu: a link chosen goes to its screen and closes it
  await nav.getByRole('link', { name: 'My results' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My results' })).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('on a phone the menu opened by a tap before the app has loaded shows no focus ring once the app has taken over', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const release = await holdApp(page);
  await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });
  const button = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Menu' });
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const ring = () => button.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(await ring()).toBe('none');

  release();
  await appTookOver(page);
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(button).toBeFocused();
  expect(await ring()).toBe('none');
  // by the keyboard it shows
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(button).toBeFocused();
  expect(await ring()).not.toBe('none');
});

test('a returning player is named in the header before the app has loaded, as text, as the app then names them', async ({ page }) => {
  // (markup and a replacement pattern in the name: shown as typed)
  const name = '<b>Ann</b> $& Co';
  await page.goto('/');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/#\/scenarios/);

  await page.setViewportSize({ width: 360, height: 800 });
  await watchFrames(page);
  const release = await holdApp(page);
  await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });
  const header = page.getByRole('banner');
  const named = async () => {
    await expect(header.getByText(`Playing as ${name}`, { exact: true }).filter({ visible: true })).toBeVisible();
    await expect(header.getByRole('link', { name: 'Next player' }).filter({ visible: true })).toBeVisible();
    await expect(header.getByText('Playing as Guest')).toHaveCount(0);
  };
  // on a phone, in the menu
  await header.getByRole('button', { name: 'Menu' }).click();
  await named();
  await header.getByRole('button', { name: 'Menu' }).click();
  // on a wide screen, beside the tools
  await page.setViewportSize({ width: 1280, height: 800 });
  await named();
  await expect(page.locator('#boot')).toHaveCount(1);

  release();
  await appTookOver(page);
  await named();
  expect((await frames(page)).shift).toBe(0);
});

test.describe('a touch screen, before the app has loaded', () => {
  test.use({ hasTouch: true, viewport: { width: 360, height: 740 } });

  test('a tap beside the open menu closes it and does nothing else: no answer is chosen', async ({ page }) => {
    await holdApp(page);
    await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Begin' }).tap();
    const options = page.getByRole('list', { name: 'What do you do?' }).getByRole('button');
    await expect(options.first()).toBeEnabled();
    const button = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Menu' });
    await button.tap();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    // the options scrolled into view under the open menu; a finger closing it lands on one
    await options.last().scrollIntoViewIfNeeded();
    const menu = (await page.locator('#main-menu').boundingBox())!;
    let target: { x: number; y: number; name: string } | undefined;
    for (const option of await options.all()) {
      const box = (await option.boundingBox())!;
      const y = box.y + box.height / 2;
      if (y > menu.y + menu.height + 8 && y < 740) {
        target = { x: box.x + box.width / 2, y, name: (await option.locator('.text').textContent())! };
        break;
      }
    }
    expect(target, 'an option below the open menu').toBeDefined();
    await page.touchscreen.tap(target!.x, target!.y);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    // nothing chosen: every option can still be chosen, none shows as chosen
    for (const option of await options.all()) {
      await expect(option).toBeEnabled();
      await expect(option).not.toHaveAttribute('aria-pressed', 'true');
    }
    // the same tap now chooses
    await page.touchscreen.tap(target!.x, target!.y);
    await expect(page.getByRole('button', { name: target!.name })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('#boot')).toHaveCount(1);
  });
});

test.describe('an old link to the app\'s play route (/#/play/<id>), bookmarked or shared', () => {
  // The browser's language decides, as on a direct link's page (bootLang): Dutch here.
  test.use({ locale: 'nl-NL', viewport: { width: 360, height: 800 } });

  test('shows the first decision from `/` itself before the app has loaded, and the app plays the choice made there', async ({ page }, testInfo) => {
    await watchCsp(page);
    await watchFrames(page);
    const release = await holdApp(page);
    await page.goto(`/#/play/${TOY}?mode=assessment`, { waitUntil: 'commit' });

    await expect(page.getByRole('heading', { level: 1, name: text(toy.title, 'nl') })).toBeVisible();
    await expect(page.getByText('Toets', { exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    // not the who-screen that `/` shows
    await expect(page.getByRole('heading', { name: 'Wie speelt er?' })).toHaveCount(0);
    await expectAccessible(page, testInfo, 'hash-boot-intro');
    await page.getByRole('button', { name: 'Beginnen' }).click();
    await expect(page.getByText(text(first.situation, 'nl'))).toBeVisible();
    const options = page.getByRole('list', { name: 'Wat doe je?' }).getByRole('button');
    await expect(options).toHaveCount(first.options.length);
    const picked = (await options.first().locator('.text').textContent())!;
    await options.first().click();
    await expect(page.getByRole('button', { name: picked })).toHaveAttribute('aria-pressed', 'true');

    release();
    await appTookOver(page);
    // assessment: no feedback, the next situation
    await expect(page.getByText('Beslissing 2', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: text(toy.title, 'nl') })).toHaveCount(1);
    // one heading in every frame, from the page's first decision to the app's; nothing moved
    const seen = await frames(page);
    expect(seen.headings.filter((n) => n !== 1)).toEqual([]);
    expect(seen.shift).toBe(0);
    await expectNoCspViolations(page);
  });

  test('leaves a run to resume to the app: its first decision is not shown again', async ({ page }) => {
    await page.goto(`/#/play/${TOY}`);
    await appTookOver(page);
    await page.getByRole('button', { name: 'Beginnen' }).click();
    await page.getByRole('button', { name: text(first.options[0].text, 'nl') }).click();
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
    await expect(page.getByText('Beslissing 2', { exact: true })).toBeVisible();

    const release = await holdApp(page);
    await page.goto('about:blank');
    await page.goto(`/#/play/${TOY}`, { waitUntil: 'commit' });
    await expect(page.locator('#app')).toBeAttached();
    await expect(page.locator('#boot')).toHaveCount(0);
    release();
    await expect(page.getByText('Beslissing 2', { exact: true })).toBeVisible();
  });

  test('a reload straight after the first choice, before the phone was ever idle, resumes the run', async ({ page }) => {
    await page.goto(`/#/play/${TOY}`);
    await appTookOver(page);
    await page.getByRole('button', { name: 'Beginnen' }).click();
    // A phone too busy to be idle before the player reloads: nothing waiting for idle time runs.
    await page.evaluate(() => {
      window.requestIdleCallback = () => 0;
    });
    await page.getByRole('button', { name: text(first.options[0].text, 'nl') }).click();
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
    await expect(page.getByText('Beslissing 2', { exact: true })).toBeVisible();

    // The page must not offer a new run's "Beginnen" for the run the app is about to resume.
    const release = await holdApp(page);
    await page.reload({ waitUntil: 'commit' });
    await expect(page.locator('#app')).toBeAttached();
    await expect(page.locator('#boot')).toHaveCount(0);
    release();
    await expect(page.getByText('Beslissing 2', { exact: true })).toBeVisible();
  });
});

test('an assessment link shows its mode, and a pre-rendered page can switch language; the app keeps it', async ({ page }) => {
  const release = await holdApp(page);
  await page.goto(`/play/${TOY}/?mode=assessment`, { waitUntil: 'commit' });
  await expect(page.getByText('Assessment', { exact: true })).toBeVisible();
  await expect(page.getByText('No hints until the end: this run counts.')).toBeVisible();
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1, name: text(toy.title, 'nl') })).toBeVisible();
  await expect(page.getByText('Toets', { exact: true })).toBeVisible();
  await expect(page.getByText('Geen uitleg tot het einde: deze ronde telt mee.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nederlands' })).toBeFocused();

  release();
  await appTookOver(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1, name: text(toy.title, 'nl') })).toBeVisible();
  await expect(page.getByText('Geen uitleg tot het einde: deze ronde telt mee.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nederlands' })).toBeFocused();
  // the choice is the app's setting now, not just the page's
  await page.evaluate(() => localStorage.removeItem('frontlijn.lang'));
  await page.goto('/#/scenarios');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test('"more time" on the pre-rendered decision is given once, and carries over to the app', async ({ page }) => {
  await page.clock.install();
  const release = await holdApp(page);
  await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('button', { name: 'More time' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'More time given' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'More time' })).toHaveCount(0);
  await untilCountdownRuns(page);
  const minutes = (first.timeLimit!.seconds * 10) / 60;
  await expect(page.getByRole('timer')).toHaveText(new RegExp(`^(${minutes}:00|${minutes - 1}:5\\d) min left$`));
  release();
  await appTookOver(page);
  await expect(page.getByRole('status').filter({ hasText: 'More time given' })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(new RegExp(`^(${minutes}:00|${minutes - 1}:[45]\\d) min left$`));
});

test('the timer turned off on the pre-rendered decision stays off, in place, in the app', async ({ page }) => {
  await page.clock.install();
  const release = await holdApp(page);
  await page.goto(`/play/${TOY}/?mode=assessment`, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Begin' }).click();
  const off = page.getByRole('button', { name: 'Turn the timer off' });
  await expect(off).toHaveAccessibleDescription('In an assessment your report will then say: played without a timer.');
  const option = page.getByRole('list', { name: 'What do you do?' }).getByRole('button').first();
  const before = (await option.boundingBox())!.y;
  await off.click();
  await expect(page.getByRole('status').filter({ hasText: 'Timer turned off' })).toBeFocused();
  await expect(page.getByRole('timer')).toHaveText('No time limit');
  expect(Math.abs((await option.boundingBox())!.y - before)).toBeLessThan(2);
  release();
  await appTookOver(page);
  await expect(page.getByRole('timer')).toHaveText('No time limit');
  await expect(page.getByRole('status').filter({ hasText: 'Timer turned off' })).toBeVisible();
  await page.clock.fastForward(10 * 60 * 1000);
  await expect(page.getByText('Decision 1', { exact: true })).toBeVisible();
});

test('a reload in the middle of a run resumes it: the first decision is not shown again', async ({ page }) => {
  await page.goto(`/play/${TOY}/`);
  await appTookOver(page);
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('button', { name: text(first.options[0].text, 'en') }).click();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByText('Decision 2', { exact: true })).toBeVisible();

  await page.addInitScript(() => {
    const w = window as unknown as { __bootShown?: boolean };
    let handle: unknown;
    Object.defineProperty(window, '__frontlijnBoot', {
      configurable: true,
      get: () => handle,
      set: (v) => {
        if (v) w.__bootShown = true;
        handle = v;
      },
    });
  });
  await page.goto(`/play/${TOY}/`);
  await expect(page.getByText('Decision 2', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __bootShown?: boolean }).__bootShown ?? false)).toBe(false);
});

test('with timers off in the settings, the pre-rendered decision has no countdown', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByRole('radio', { name: 'Off: no time limits' }).check();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('frontlijn.boot') ?? '')).toContain('"timerScale":0');
  const release = await holdApp(page);
  await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByRole('list', { name: 'What do you do?' }).getByRole('button').first()).toBeVisible();
  await expect(page.getByRole('timer')).toHaveCount(0);
  release();
  await appTookOver(page);
  await expect(page.getByRole('timer')).toHaveCount(0);
});

test('with a slower timer in the settings, the pre-rendered countdown shows the longer time once begun', async ({ page }) => {
  await page.clock.install();
  await page.goto('/#/settings');
  await page.getByRole('radio', { name: 'Slower (×1.5)' }).check();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('frontlijn.boot') ?? '')).toContain('"timerScale":1.5');
  const release = await holdApp(page);
  await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Begin' }).click();
  // (first the time to read the situation) then the longer time, counting down
  await untilCountdownRuns(page);
  const longer = first.timeLimit!.seconds * 1.5;
  await expect(page.getByRole('timer')).toHaveText(new RegExp(`^(${longer}|${longer - 1}) seconds left$`));
  release();
  await appTookOver(page);
  await expect(page.getByRole('timer')).toHaveText(/^\d+ seconds left$/);
});

const SOUND = {
  'nl-NL': { mute: 'Geluid uitzetten', on: 'Geluid aan', off: 'Geluid uit', begin: 'Beginnen' },
  'en-GB': { mute: 'Mute sound', on: 'Sound on', off: 'Sound off', begin: 'Begin' },
} as const;

for (const locale of ['nl-NL', 'en-GB'] as const) {
  test.describe(`"Mute sound" on a phone in ${locale}, before the app has loaded`, () => {
    test.use({ locale, hasTouch: true, viewport: { width: 360, height: 740 } });
    const words = SOUND[locale];

    test('a tap mutes at once; the app keeps it and plays nothing; the next link shows it muted before the app', async ({ page }) => {
      let release = await holdApp(page);
      await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });
      const mute = page.getByRole('banner').getByRole('button', { name: words.mute });
      await expect(mute).toHaveAttribute('aria-pressed', 'false');
      await expect(mute).toHaveAttribute('title', words.on);
      await mute.tap();
      await expect(mute).toHaveAttribute('aria-pressed', 'true');
      await expect(mute).toHaveAttribute('title', words.off);
      await expect(page.locator('#boot')).toHaveCount(1);

      release();
      await appTookOver(page);
      await expect(mute).toHaveAttribute('aria-pressed', 'true');
      await expect(mute).toHaveAttribute('title', words.off);
      // the first tap in the app starts sound muted: nothing is heard
      await page.getByRole('button', { name: words.begin }).tap();
      await expect.poll(() => page.evaluate(() => (window as unknown as { Howler?: { _muted: boolean } }).Howler?._muted ?? null)).toBe(true);

      // another direct link: muted from the page itself (once the app has noted it, when idle)
      await expect.poll(() => page.evaluate(() => localStorage.getItem('frontlijn.boot'))).toContain('"sound":false');
      await page.unrouteAll();
      release = await holdApp(page);
      await page.goto('/play/age-check/', { waitUntil: 'commit' });
      await expect(page.locator('#boot')).toHaveCount(1);
      await expect(mute).toHaveAttribute('aria-pressed', 'true');
      await expect(mute).toHaveAttribute('title', words.off);
      // sound back on there, and the app keeps that
      await mute.tap();
      await expect(mute).toHaveAttribute('aria-pressed', 'false');
      release();
      await appTookOver(page);
      await expect(mute).toHaveAttribute('aria-pressed', 'false');
      await expect(mute).toHaveAttribute('title', words.on);
    });
  });
}

const MOOD = {
  'nl-NL': { later: 'Stemming: zie je aan het einde', station: 'Tankstation: Milan kijkt', happy: 'blij', neutral: 'neutraal', call: 'Aan de lijn: Marieke de Boer klinkt', angry: 'boos', annoyed: 'geïrriteerd' },
  'en-GB': { later: 'Mood: shown at the end', station: 'Fuel station: Milan, looking', happy: 'happy', neutral: 'neutral', call: 'On the line: Marieke de Boer sounds', angry: 'angry', annoyed: 'annoyed' },
} as const;

for (const locale of ['nl-NL', 'en-GB'] as const) {
  test.describe(`the mood on a phone in ${locale}, before the app has loaded`, () => {
    test.use({ locale, hasTouch: true, viewport: { width: 360, height: 740 } });
    const words = MOOD[locale];

    test('an assessment link shows no mood and the story\'s face, as the app then does: nothing changes as it takes over', async ({ page }) => {
      await watchFrames(page);
      const release = await holdApp(page);
      await page.goto('/play/age-check/?mode=assessment', { waitUntil: 'commit' });
      const later = page.getByText(words.later, { exact: true });
      // (the story wrote a happy customer here; the mood is only shown at the end)
      const scene = page.getByRole('img', { name: `${words.station} ${words.happy}` });
      const same = async () => {
        await expect(later).toBeVisible();
        await expect(page.getByRole('meter')).toHaveCount(0);
        await expect(scene).toBeVisible();
      };
      await same();
      const box = await later.boundingBox();
      await expect(page.locator('#boot')).toHaveCount(1);
      release();
      await appTookOver(page);
      await same();
      expect(await later.boundingBox()).toEqual(box);
      expect((await frames(page)).shift).toBe(0);
    });

    test('a practice link shows the meter, with a face that agrees with its words, as the app then does', async ({ page }) => {
      const release = await holdApp(page);
      await page.goto('/play/age-check/', { waitUntil: 'commit' });
      const same = async () => {
        await expect(page.getByRole('meter')).toHaveAttribute('aria-valuetext', words.neutral);
        await expect(page.getByRole('img', { name: `${words.station} ${words.neutral}` })).toBeVisible();
        await expect(page.getByText(words.later)).toHaveCount(0);
      };
      await same();
      release();
      await appTookOver(page);
      await same();
    });

    test('on an assessment phone call, the caller sounds as the story wrote it, not as the mood is', async ({ page }) => {
      const release = await holdApp(page);
      await page.goto('/play/phone-complaint/?mode=assessment', { waitUntil: 'commit' });
      const call = page.getByText(`${words.call} ${words.angry}`, { exact: true });
      await expect(call).toBeVisible();
      await expect(page.getByText(`${words.call} ${words.annoyed}`, { exact: true })).toHaveCount(0);
      release();
      await appTookOver(page);
      await expect(call).toBeVisible();
    });
  });
}
