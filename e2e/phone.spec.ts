/**
 * A new hire's phone (issue #12, "The phone"): what a first use on a 360 px phone in Dutch showed,
 * each as the player meets it — by role and text, at 360 px — with every screen looked at in
 * screenshots at 360 and 1280 px (attached as artefacts) and axe at zero violations.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { attachScreens, expectAccessible, plannedPaths, pressOption, readScenario, waitForOptions } from './helpers';
import { playToEnd, readDb, seedRoom } from './persist-support';
import { readingTimeMs } from '../src/ui/state/reading-time';

test.use({ locale: 'nl-NL', viewport: { width: 360, height: 740 } });

const TOY = 'toy-shop-saturday';
const toy = readScenario(TOY);
const first = toy.nodes[toy.start];
const seconds = first.timeLimit!.seconds;
const textIn = (v: unknown, lang: 'nl' | 'en') => (typeof v === 'string' ? v : (v as Record<string, string>)[lang]);
const nl = (v: unknown) => textIn(v, 'nl');
const timer = (page: Page) => page.getByRole('timer');
const options = (page: Page) => page.getByRole('list', { name: 'Wat doe je?' }).getByRole('button');

/** The seconds the countdown shows. */
async function secondsShown(page: Page): Promise<number> {
  return Number(/(\d+)/.exec((await timer(page).textContent()) ?? '')?.[1]);
}

/**
 * The countdown runs: with the page's clock moved on a second at a time, the time left drops (on
 * the run's first decision once the time to read its situation has passed, up to 20 s).
 */
async function expectCountingDown(page: Page): Promise<void> {
  // (while the situation is read, the box says the clock starts soon, with no figure)
  await expect
    .poll(async () => {
      await page.clock.fastForward(1000);
      return secondsShown(page);
    }, { intervals: [100], timeout: 30_000 })
    .toBeGreaterThan(0);
  const before = await secondsShown(page);
  expect(before).toBeLessThanOrEqual(seconds);
  await expect
    .poll(async () => {
      await page.clock.fastForward(1000);
      return secondsShown(page);
    }, { intervals: [100], timeout: 30_000 })
    .toBeLessThan(before);
}

/** The height of an element on screen, in CSS pixels. */
async function height(l: Locator): Promise<number> {
  const box = await l.boundingBox();
  expect(box, 'on screen').not.toBeNull();
  return box!.height;
}

test('the first countdown runs only after the intro, once the options are in view, and stays in view', async ({ page }, testInfo) => {
  // A short phone screen (360 × 460: a small phone with the browser's bars) so that, after "Begin",
  // the options start below the fold.
  await page.setViewportSize({ width: 360, height: 460 });
  await page.clock.install();
  await page.goto(`/#/play/${TOY}?mode=assessment`);

  // The intro and the role come first; nothing is timed while they are read.
  await expect(page.getByRole('heading', { name: 'Voordat je begint' })).toBeVisible();
  await expect(page.getByText('Jouw rol:')).toBeVisible();
  await expect(page.getByText(nl(toy.intro))).toBeVisible();
  // Nothing is decided yet: the header's badge says this is the introduction, not a decision.
  await expect(page.getByText('Inleiding', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Beslissing \d+$/)).toHaveCount(0);
  await expect(timer(page)).toHaveCount(0);
  await expect(options(page)).toHaveCount(0);
  await expectAccessible(page, testInfo, 'phone-intro');
  await attachScreens(page, testInfo, 'phone-intro');
  await page.clock.fastForward(120_000); // two minutes of reading
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await expect(page.getByText('Beslissing 1', { exact: true })).toBeVisible();
  await expect(page.getByText('Inleiding', { exact: true })).toHaveCount(0);

  // The decision: the clock is said to start soon, and stands still while the options are out of view.
  await expect(page.locator('#situation-heading')).toBeFocused();
  await expect(timer(page)).toHaveText('de tijd start zo');
  await expect(options(page).first()).not.toBeInViewport({ ratio: 0.75 });
  await page.clock.fastForward(60_000);
  await expect(timer(page)).toHaveText('de tijd start zo');
  await expect(page.getByRole('heading', { name: 'Wat dit deed' })).toHaveCount(0);

  // Scrolled to the options: after the time to read the situation the countdown runs, and the
  // time left stays on screen.
  await options(page).last().scrollIntoViewIfNeeded();
  await expectCountingDown(page);
  await expect(timer(page)).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(timer(page)).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(timer(page)).toBeInViewport();
  await expectAccessible(page, testInfo, 'phone-decision');
  await attachScreens(page, testInfo, 'phone-decision');

  // The run's log says when the countdown started: after the intro and the minute out of view.
  const run = (await readDb(page)).runs[0];
  expect(run.events[0]).toMatchObject({ type: 'timer.start', node: toy.start });
  expect(run.events[0].at - run.startedAt).toBeGreaterThanOrEqual(180_000);
});

test('the first decision gives a slow reader time to read the situation before the countdown runs', async ({ page }) => {
  // 360 × 740: after "Begin" the situation and the first options are on screen at once.
  await page.clock.install();
  await page.goto(`/#/play/${TOY}?mode=assessment`);
  const begun = await page.evaluate(() => Date.now());
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await expect(options(page).first()).toBeInViewport();
  const reading = readingTimeMs(first, 'nl');
  expect(reading).toBeGreaterThanOrEqual(10_000);
  // Half the reading time later (the options in view all along): still reading, nothing counts.
  await page.clock.fastForward(reading / 2);
  await expect(timer(page)).toHaveText('de tijd start zo');
  // Then the countdown runs; the run's log says it started after the reading time.
  await expectCountingDown(page);
  const run = (await readDb(page)).runs[0];
  expect(run.events[0]).toMatchObject({ type: 'timer.start', node: toy.start });
  expect(run.events[0].at - begun).toBeGreaterThanOrEqual(reading);
});

test('the direct link on a phone: intro first, the countdown starts when the options are in view, and the app logs that moment', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 460 });
  await page.clock.install();
  // The app's code is held back (a slow phone network): this is the pre-rendered page.
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { name: 'Voordat je begint' })).toBeVisible();
  await expect(timer(page)).toHaveCount(0);
  await page.clock.fastForward(60_000);
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await expect(timer(page)).toHaveText('de tijd start zo');
  await page.clock.fastForward(60_000);
  await expect(timer(page)).toHaveText('de tijd start zo');
  await options(page).last().scrollIntoViewIfNeeded();
  await expectCountingDown(page);

  release();
  await expect(page.locator('#boot')).toHaveCount(0);
  // The app goes on at the decision (not the intro again), with the same countdown.
  await expect(page.getByRole('heading', { name: 'Voordat je begint' })).toHaveCount(0);
  await expect(timer(page)).toBeVisible();
  await expect.poll(async () => (await readDb(page)).runs[0]?.events.length ?? 0).toBeGreaterThan(0);
  const run = (await readDb(page)).runs[0];
  expect(run.events[0]).toMatchObject({ type: 'timer.start', node: toy.start });
  expect(run.events[0].at - run.startedAt).toBeGreaterThanOrEqual(120_000);
  await expectCountingDown(page);
});

// The mode choice and Start within 1.5 screens (1,110 px of a 740 px phone): the header and menu
// take about 200 px and the two modes, each explained, about 300 px, so one screen would mean
// hiding the explanations; 1.5 is one short scroll. Before, Start was 1,924 px down (2.6 screens)
// under a full scene, the summary and the role in full, which the intro shows again before Begin.
for (const lang of ['nl', 'en'] as const) {
  const words = {
    nl: { heading: 'Hoe wil je spelen?', role: 'Jouw rol', modes: ['Oefenen', 'Toets'] },
    en: { heading: 'How do you want to play?', role: 'Your role', modes: ['Practice', 'Assessment'] },
  }[lang];
  test(`the mode screen (${lang}) shows the scenario, the modes and Start within 1.5 screens, its heading once`, async ({ page }, testInfo) => {
    await page.goto(`/#/mode/${TOY}`);
    if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
    const start = page.getByRole('button', { name: /^Start/ });
    await expect(start).toBeVisible();
    const screens = 1.5 * 740;
    const bottom = async (l: Locator) => {
      const box = (await l.boundingBox())!;
      return box.y + box.height;
    };
    const group = page.getByRole('group', { name: words.heading });
    for (const mode of words.modes) expect(await bottom(group.getByRole('radio', { name: new RegExp(mode) }))).toBeLessThanOrEqual(screens);
    expect(await bottom(start)).toBeLessThanOrEqual(screens);
    // What the scenario is comes before the choice; the role is one tap away, above Start.
    const description = page.getByText(textIn(toy.description, lang));
    expect((await description.boundingBox())!.y).toBeLessThan((await start.boundingBox())!.y);
    const role = page.getByText(words.role, { exact: true });
    expect((await role.boundingBox())!.y).toBeLessThan((await start.boundingBox())!.y);
    const player = textIn(toy.player, lang);
    await expect(page.getByText(player)).toBeHidden();
    await role.click();
    await expect(page.getByText(player)).toBeVisible();
    // "How do you want to play?" is said once on the page (the modes' group is named by it).
    expect(((await page.locator('main').textContent()) ?? '').split(words.heading).length - 1).toBe(1);
    await expect(page.getByRole('heading', { name: words.heading })).toHaveCount(1);
    if (lang === 'nl') {
      await expectAccessible(page, testInfo, 'phone-mode');
      await attachScreens(page, testInfo, 'phone-mode');
    }
  });
}

const MENU = ['Scenario’s', 'Mijn resultaten', 'Teams', 'Zaal', 'Scenario’s schrijven'];

test('the header is one row on a 360 px phone: the menu waits behind "Menu", opens over the screen and closes', async ({ page }, testInfo) => {
  await page.goto('/#/scenarios');
  const header = page.getByRole('banner');
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  const button = nav.getByRole('button', { name: 'Menu' });
  const heading = page.getByRole('heading', { level: 1, name: 'Kies een scenario' });
  await expect(heading).toBeVisible();
  // one row: the brand, the language, sound, settings and "Menu" side by side, 64 px high at most
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
  const middle = async (l: Locator) => {
    const box = (await l.boundingBox())!;
    return box.y + box.height / 2;
  };
  const row = await middle(button);
  for (const l of [header.getByRole('link', { name: 'Frontlijn' }), header.getByRole('group', { name: 'Taal' }), header.getByRole('link', { name: 'Instellingen' })]) {
    expect(Math.abs((await middle(l)) - row)).toBeLessThan(4);
  }
  expect((await heading.boundingBox())!.y).toBeLessThan(120);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // open: every entry on screen, this screen marked, over the screen (nothing below moves)
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator(`#${await button.getAttribute('aria-controls')}`)).toBeVisible();
  await expect(nav.getByRole('link')).toHaveText(MENU);
  for (const name of MENU) await expect(nav.getByRole('link', { name, exact: true })).toBeInViewport({ ratio: 1 });
  await expect(nav.getByRole('link', { name: 'Scenario’s', exact: true })).toHaveAttribute('aria-current', 'page');
  // the trainers' pages under their own heading, after the player's
  await expect(nav.getByRole('group', { name: 'Voor trainers' }).getByRole('link')).toHaveText(['Teams', 'Zaal', 'Scenario’s schrijven']);
  await expect(nav.getByText('Voor trainers')).toBeInViewport({ ratio: 1 });
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
  expect(await smallTargets(page)).toEqual([]);
  await expectAccessible(page, testInfo, 'phone-menu-open');

  // the keyboard: Tab goes into the menu, Escape closes it and gives the focus back to "Menu"
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Scenario’s', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link')).toHaveCount(0);
  await expect(button).toBeFocused();

  // Enter opens it; a link chosen goes to its screen and closes the menu
  await page.keyboard.press('Enter');
  await nav.getByRole('link', { name: 'Teams' }).click();
  await expect(page.getByRole('heading', { name: 'Teamscores', level: 1 })).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link')).toHaveCount(0);
  await button.click();
  await expect(nav.getByRole('link', { name: 'Teams' })).toHaveAttribute('aria-current', 'page');
  // a tap beside it closes it too
  await page.mouse.click(180, 700);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await attachScreens(page, testInfo, 'phone-menu');
});

test('on a wide screen the menu shows in full, with no "Menu" button', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/scenarios');
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link')).toHaveText(MENU);
  for (const name of MENU) await expect(nav.getByRole('link', { name, exact: true })).toBeInViewport({ ratio: 1 });
  await expect(nav.getByRole('group', { name: 'Voor trainers' }).getByRole('link')).toHaveText(['Teams', 'Zaal', 'Scenario’s schrijven']);
  await expect(page.getByRole('button', { name: 'Menu' })).toHaveCount(0);
});

test('tap targets are at least 44 px: back, settings, "Meer tijd", "Spelers beheren", "Toon de link"', async ({ page }) => {
  await page.goto('/#/');
  // The app's own screen, not the page's pre-rendered one it replaces (measured mid-swap: no box).
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Spelers beheren' })).toBeVisible();
  expect(await height(page.getByRole('link', { name: 'Spelers beheren' }))).toBeGreaterThanOrEqual(44);

  await page.goto(`/#/mode/${TOY}`);
  await expect(page.getByRole('button', { name: /^Start/ })).toBeVisible();
  expect(await height(page.getByRole('link', { name: '← Terug naar de scenario’s' }))).toBeGreaterThanOrEqual(44);
  expect(await height(page.getByRole('main').getByRole('link', { name: 'Instellingen', exact: true }))).toBeGreaterThanOrEqual(44);

  await page.goto(`/#/play/${TOY}?mode=assessment`);
  await waitForOptions(page);
  expect(await height(page.getByRole('button', { name: 'Meer tijd' }))).toBeGreaterThanOrEqual(44);

  // The report's hand-in, after the shortest way to an ending.
  const plan = plannedPaths(toy).filter((p) => !p.keys.includes(0)).sort((a, b) => a.keys.length - b.keys.length)[0];
  for (const option of plan.texts) {
    await waitForOptions(page);
    const step = await page.locator('#situation-heading').textContent();
    await pressOption(page, option!.nl);
    await expect(page.locator('#situation-heading, #ending-heading').first()).not.toHaveText(step ?? '');
  }
  await page.getByRole('link', { name: 'Naar het rapport' }).click();
  const showLink = page.getByText('Toon de link', { exact: true });
  await expect(showLink).toBeVisible();
  expect(await height(showLink)).toBeGreaterThanOrEqual(44);
});

/**
 * Every control on the screen that is smaller than 44 × 44 px where it can be tapped, as
 * "name width×height". A radio or checkbox is tapped through its label (around it or linked to
 * it), and the box a person sees ticked is at least 24 × 24 px ("name box width×height"); a card's
 * stretched link (its ::after covers the card) through the card; the skip link is measured as it
 * shows on focus.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const targets = document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]');
    for (const el of targets) {
      if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('#boot')) continue;
      let area: Element = el;
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
        const box = el.getBoundingClientRect();
        const name = el.labels?.[0]?.textContent?.trim().slice(0, 30) ?? el.name;
        if (box.width < 24 || box.height < 24) out.push(`${name} box ${Math.round(box.width)}×${Math.round(box.height)}`);
        if (el.labels?.[0]) area = el.labels[0];
      }
      const after = getComputedStyle(el, '::after');
      if (after.content !== 'none' && after.position === 'absolute') {
        for (let up = el.parentElement; up; up = up.parentElement) {
          if (getComputedStyle(up).position !== 'static') {
            area = up;
            break;
          }
        }
      }
      const r = area.getBoundingClientRect();
      if (r.width < 44 || r.height < 44) {
        const name = el.getAttribute('aria-label') ?? (area.textContent?.trim().slice(0, 30) || el.tagName);
        out.push(`${name} ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  });
}

test('every tap target is at least 44 × 44 px on 360 px: home, scenarios, play, feedback, ending, report', async ({ page }) => {
  await page.goto('/#/');
  await expect(page.getByLabel('Je naam')).toBeVisible();
  // the language toggle, beside the header's other buttons
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
  expect(await smallTargets(page), 'home').toEqual([]);

  await page.getByLabel('Je naam').fill('Noor');
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await expect(page.getByRole('heading', { name: 'Kies een scenario', level: 1 })).toBeVisible();
  expect(await smallTargets(page), 'scenarios').toEqual([]);

  await page.goto(`/#/mode/${TOY}`);
  await expect(page.getByRole('button', { name: /^Start/ })).toBeVisible();
  expect(await smallTargets(page), 'mode').toEqual([]);

  // Coaching: the intro, the decision, the feedback, and on to the ending and the report.
  await page.goto(`/#/play/${TOY}`);
  await expect(page.getByRole('button', { name: 'Beginnen' })).toBeVisible();
  expect(await smallTargets(page), 'intro').toEqual([]);
  await waitForOptions(page);
  expect(await smallTargets(page), 'decision').toEqual([]);
  await options(page).first().click();
  await expect(page.getByRole('heading', { name: 'Wat dit deed' })).toBeVisible();
  expect(await smallTargets(page), 'feedback').toEqual([]);
  const ending = page.locator('#ending-heading');
  const next = page.getByRole('button', { name: 'Verder', exact: true });
  for (let i = 0; i < 60 && !(await ending.isVisible()); i++) {
    await expect(ending.or(next).or(options(page).first()).first()).toBeVisible();
    // Each step waits for its own effect, so a button still on screen is never clicked twice.
    if (await next.isVisible()) {
      await next.click();
      await expect(next).toHaveCount(0);
    } else if (await options(page).first().isEnabled()) {
      await options(page).first().click();
      await expect(ending.or(next).first()).toBeVisible();
    }
  }
  await expect(ending).toBeVisible();
  expect(await smallTargets(page), 'ending').toEqual([]);

  await page.getByRole('link', { name: 'Naar het rapport' }).click();
  await expect(page.getByText('Toon de link', { exact: true })).toBeVisible();
  expect(await smallTargets(page), 'report').toEqual([]);

  // a report is read from "Mijn resultaten": the menu marks that section
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('link', { name: 'Mijn resultaten' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: 'Scenario’s', exact: true })).not.toHaveAttribute('aria-current');
  await page.getByRole('link', { name: 'Mijn resultaten' }).click();
  await expect(page.getByRole('heading', { name: 'Mijn resultaten', level: 1 })).toBeVisible();
  for (const disclosure of await page.locator('summary').all()) await disclosure.click();
  expect(await smallTargets(page), 'my results').toEqual([]);
});

test('every tap target is at least 44 × 44 px on the trainer\'s screens: team scores, room, collect results', async ({ page }, testInfo) => {
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(viewport);
    await page.goto('/#/teams');
    await expect(page.getByRole('heading', { name: 'Teamscores', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Spelers en teams' })).toBeVisible();
    expect(await smallTargets(page), `team scores ${viewport.width}`).toEqual([]);

    await page.goto('/#/room');
    await expect(page.getByRole('button', { name: 'Toon de code' })).toBeVisible();
    expect(await smallTargets(page), `room ${viewport.width}`).toEqual([]);

    await page.goto('/#/results');
    await expect(page.getByRole('button', { name: 'Kies een resultatenbestand…' })).toBeVisible();
    expect(await smallTargets(page), `collect results ${viewport.width}`).toEqual([]);
  }
  await attachScreens(page, testInfo, 'trainer-results');
  await page.goto('/#/teams');
  await expect(page.getByRole('link', { name: 'Spelers en teams' })).toBeVisible();
  await attachScreens(page, testInfo, 'trainer-team-scores');
});

test.describe('with a room\'s results on the laptop', () => {
  // The results file is imported in English (its labels), then the screens are walked in Dutch.
  test.use({ locale: 'en-GB' });

  test('every radio, checkbox and other control is a 44 px tap target on 360 px: settings, room, team scores, debrief, the map', async ({ page }, testInfo) => {
    test.slow(); // a results file to import, nine screens
    await seedRoom(page, testInfo.outputPath('room.json'));
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(page.getByRole('button', { name: 'English' })).toBeVisible();

    await page.goto('/#/settings');
    await expect(page.getByRole('radio', { name: 'Minder beweging' })).toBeVisible();
    expect(await smallTargets(page), 'settings').toEqual([]);

    await page.goto('/#/room');
    await expect(page.getByRole('radio', { name: 'Oefenen' })).toBeVisible();
    expect(await smallTargets(page), 'room').toEqual([]);

    for (const projector of ['', '&projector=1']) {
      await page.goto(`/#/teams?scenario=${TOY}${projector}`);
      await expect(page.locator('[data-ready="true"]').getByRole('table', { name: /^Ranglijst/ })).toBeVisible();
      expect(await smallTargets(page), `team scores ${projector}`).toEqual([]);

      await page.goto(`/#/debrief?scenario=${TOY}${projector}`);
      await expect(page.getByRole('navigation', { name: 'Beslissingen' })).toBeVisible();
      expect(await smallTargets(page), `debrief ${projector}`).toEqual([]);
    }

    // The map with how players chose, and a decision's panel (its language and the links on).
    await page.goto(`/#/author/map/${TOY}`);
    await expect(page.getByText('7 rondes geteld')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Altijd de langste optie' })).toBeVisible();
    expect(await smallTargets(page), 'map').toEqual([]);
    await page.locator('[data-node]').first().click();
    await expect(page.getByRole('radio', { name: 'English' })).toBeVisible();
    expect(await smallTargets(page), 'map panel').toEqual([]);
  });

  test('the debrief\'s situation takes at most a third of a phone screen, above its options, and is large on a projector', async ({ page }, testInfo) => {
    await seedRoom(page, testInfo.outputPath('room.json'));
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.goto(`/#/debrief?scenario=${TOY}`);
    // The first decision met, the longest situation of the scenario's start (188 characters).
    const situation = page.getByRole('heading', { level: 2, name: nl(first.situation) });
    await expect(situation).toBeVisible();
    // Before: 25 px bold, 12 lines, half the screen.
    expect(await height(situation)).toBeLessThanOrEqual(740 / 3);
    const size = (l: Locator) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const option = page.getByText(nl(first.options[0].text));
    expect(await size(situation)).toBeGreaterThan(await size(option));
    expect(await size(page.getByRole('heading', { level: 1 }))).toBeGreaterThan(await size(situation));

    // On a projector's width the situation is no smaller than in the trainer's own view and large
    // enough to read from the back (the whole decision must also fit a 1280×720 projector:
    // debrief-projector.spec).
    await page.setViewportSize({ width: 1280, height: 800 });
    const own = await size(situation);
    // (on the projector the checkbox folds away with the other choices: a click, not check())
    await page.getByRole('checkbox', { name: 'Beamer (groot)' }).click();
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
    expect(await size(situation)).toBeGreaterThanOrEqual(Math.max(own, 24));
  });
});

// door → wish → sold-out → "online": the story names an annoyed face there, but on this path
// Sandra is at ease (mood 1).
const toOnline = [['door', 'greet'], ['wish', 'kids-along'], ['sold-out', 'helaas']] as const;

test('in practice the customer\'s face agrees with the mood meter', async ({ page }, testInfo) => {
  expect(toy.nodes.online.customer?.expression).toBe('annoyed');
  await page.goto(`/#/play/${TOY}?mode=coaching`);
  for (const [node, option] of toOnline) {
    await waitForOptions(page);
    await pressOption(page, nl(toy.nodes[node].options.find((o) => o.id === option)!.text));
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
  }
  await expect(page.getByRole('meter', { name: 'Stemming van Sandra' })).toHaveAttribute('aria-valuenow', '1');
  await expect(page.getByText("Sandra is ontspannen")).toBeVisible();
  // the face follows the meter
  // the face follows the meter, and the scene's label says it in the meter's words
  await expect(page.getByRole('img', { name: /Sandra kijkt/ })).toHaveAccessibleName(/Sandra kijkt ontspannen$/);
  await attachScreens(page, testInfo, 'phone-face');
});

// table → order-plain → kitchen → wrong-order-cold: the story names an annoyed face there, and on
// this path Yara is a bit tense (mood -1), where that face is drawn too.
const CAFE = 'cafe-terrace-sun';
const cafe = readScenario(CAFE);
const toColdOrder = [['table', 'my-day'], ['order-plain', 'see-menu'], ['kitchen', 'tell-them']] as const;

test('in practice the scene\'s label says how the customer looks in the mood meter\'s words', async ({ page }) => {
  expect(cafe.nodes['wrong-order-cold'].customer?.expression).toBe('annoyed');
  await page.goto(`/#/play/${CAFE}?mode=coaching`);
  for (const [node, option] of toColdOrder) {
    await waitForOptions(page);
    await pressOption(page, nl(cafe.nodes[node].options.find((o) => o.id === option)!.text));
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
  }
  await expect(page.getByText(nl(cafe.nodes['wrong-order-cold'].situation))).toBeVisible();
  await expect(page.getByRole('meter', { name: 'Stemming van Yara' })).toHaveAttribute('aria-valuenow', '-1');
  await expect(page.getByText('Yara is wat gespannen')).toBeVisible();
  // (the annoyed face was labelled "geïrriteerd", the meter's word for -3)
  await expect(page.getByRole('img', { name: /Yara kijkt/ })).toHaveAccessibleName(/Yara kijkt wat gespannen$/);
});

test('in an assessment the mood is not shown until the end, and the face is the one the story wrote', async ({ page }, testInfo) => {
  await page.goto(`/#/play/${TOY}?mode=assessment`);
  await expect(page.getByText('Geen uitleg tot het einde: deze ronde telt mee.')).toBeVisible();
  for (const [node, option] of toOnline) {
    await waitForOptions(page);
    await pressOption(page, nl(toy.nodes[node].options.find((o) => o.id === option)!.text));
  }
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 4');
  // Sandra is at ease here (mood 1): no meter says so, and her face does not either; it is the
  // one the story wrote for this moment, as every player sees it.
  await expect(page.getByRole('meter')).toHaveCount(0);
  await expect(page.getByText('Stemming: zie je aan het einde')).toBeVisible();
  await expect(page.getByText(/Sandra is (ontspannen|tevreden|neutraal)/)).toHaveCount(0);
  await expect(page.getByRole('img', { name: /Sandra kijkt/ })).toHaveAccessibleName(/Sandra kijkt geïrriteerd$/);
  await attachScreens(page, testInfo, 'phone-assessment-mood');
  // at the end the mood is shown
  await playToEnd(page);
  await expect(page.getByRole('meter', { name: 'Stemming van Sandra' })).toBeVisible();
  await expect(page.getByText('Stemming: zie je aan het einde')).toHaveCount(0);
  // and "no explanation until the end" is not said on the end itself (the report explains)
  await expect(page.getByRole('link', { name: 'Naar het rapport' })).toBeVisible();
  await expect(page.getByText('Geen uitleg tot het einde: deze ronde telt mee.')).toHaveCount(0);
});

test('the scenario cards are compact: several fit on one phone screen', async ({ page }, testInfo) => {
  await page.goto('/#/scenarios');
  const cards = page.getByRole('main').getByRole('listitem');
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThanOrEqual(4);
  // each card at most a third of the screen (it was a whole one); under the menu, the page's
  // heading and the first role's heading, the first card is whole on the first screen and the
  // second begins on it
  for (let i = 0; i < (await cards.count()); i++) expect(await height(cards.nth(i))).toBeLessThanOrEqual(740 / 3);
  await expect(cards.nth(0)).toBeInViewport({ ratio: 1 });
  await expect(cards.nth(1)).toBeInViewport();
  await expectAccessible(page, testInfo, 'phone-scenarios');
  await attachScreens(page, testInfo, 'phone-scenarios');
});

test('on a touch screen, the option that lands under the finger after a tap does not look chosen', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'nl-NL', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await page.goto(`/play/${TOY}/?mode=assessment`);
  const look = (o: Locator) => o.evaluate((el) => { const s = getComputedStyle(el); return `${s.backgroundColor} ${s.borderColor}`; });
  const expectAlike = async () => {
    await expect(options(page).first()).toBeEnabled();
    const looks = await Promise.all((await options(page).all()).map(look));
    expect(new Set(looks).size, `options look alike: ${looks.join(' | ')}`).toBe(1);
  };
  // The finger taps "Beginnen"; the first decision's options come where it was.
  await page.getByRole('button', { name: 'Beginnen' }).tap();
  await expectAlike();
  // The finger taps the last option; the next decision's options take the place of these.
  await options(page).last().tap();
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 2');
  await expectAlike();
  await ctx.close();
});

test.describe('a touch screen', () => {
  test.use({ hasTouch: true });

  test('a tap beside the open menu closes it and does nothing else: no answer is chosen', async ({ page }) => {
    await page.goto(`/play/${TOY}/`);
    await expect(page.locator('#boot')).toHaveCount(0);
    await page.getByRole('button', { name: 'Beginnen' }).tap();
    await expect(options(page).first()).toBeEnabled();
    const situation = await page.locator('#situation-heading').textContent();
    const button = page.getByRole('button', { name: 'Menu' });
    await button.tap();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    // the options scrolled into view under the open menu; the first one below it is where a finger
    // closing the menu lands
    await options(page).last().scrollIntoViewIfNeeded();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const menuBottom = (await page.locator('#main-menu').boundingBox())!;
    let target: { x: number; y: number } | undefined;
    for (const option of await options(page).all()) {
      const box = (await option.boundingBox())!;
      if (box.y + box.height / 2 > menuBottom.y + menuBottom.height + 8 && box.y + box.height / 2 < 740) {
        target = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        break;
      }
    }
    expect(target, 'an option below the open menu').toBeDefined();
    await page.touchscreen.tap(target!.x, target!.y);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    // nothing chosen: the same situation, every option still there to choose, no feedback
    await expect(page.locator('#situation-heading')).toHaveText(situation!);
    for (const option of await options(page).all()) await expect(option).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Verder', exact: true })).toHaveCount(0);
    // the same tap now chooses
    await page.touchscreen.tap(target!.x, target!.y);
    await expect(page.getByRole('button', { name: 'Verder', exact: true })).toBeVisible();
  });
});
