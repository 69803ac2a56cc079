/**
 * A trainer runs the room from a projector at 1280×720, often with a presentation clicker: the
 * leaderboard's projector mode fills the screen as the debrief's does, and each has a visible way
 * back (a button, and Escape) at the top, staying there while a board or a decision taller than
 * the screen scrolls under it, the room's projector view too; the clicker's PageDown /
 * PageUp and the arrow keys step through the debrief: each option's feedback in turn, then the
 * next decision; each projector view (room, debrief, leaderboard) switches between
 * Dutch and English. In Dutch and English.
 */
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { loadScenario, seedCrowdedRoom, seedRoom } from './persist-support';
import type { Text } from '../src/engine/types';
import { brokenWords } from './layout-support';

const TOY = 'toy-shop-saturday';
const toy = loadScenario(TOY);
const PROJECTOR = { width: 1280, height: 720 };

const WORDS = {
  en: { board: /^Leaderboard: /, menu: 'Main', projector: 'Projector (large)', off: 'Projector off', decision: 'Decision', of: 'of', latest: 'Latest run', names: 'Show names', scenario: 'Scenario', show: 'Show the code', scan: /^Scan the code/, copy: 'Copy link', again: 'Show the code again' },
  nl: { board: /^Ranglijst: /, menu: 'Hoofdmenu', projector: 'Beamer (groot)', off: 'Beamer uit', decision: 'Beslissing', of: 'van', latest: 'Laatste ronde', names: 'Namen tonen', scenario: 'Scenario', show: 'Toon de code', scan: /^Scan de code/, copy: 'Link kopiëren', again: 'Toon de code opnieuw' },
} as const;

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

/** A laptop after a session (seedRoom) opens a toy-shop room for team Kassa on a 1280×720 projector. */
async function openKassaRoom(page: Page, info: TestInfo): Promise<void> {
  await seedRoom(page, info.outputPath('room.json'));
  await page.setViewportSize(PROJECTOR);
  await page.goto('/#/room');
  await page.getByLabel('Scenario').selectOption(TOY);
  await page.getByLabel('Team to join').selectOption({ label: 'Kassa' });
  await page.getByRole('button', { name: 'Show the code' }).click();
}

/** Presses Tab until `target` has the focus, as a trainer at the laptop's keyboard would. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

for (const lang of ['en', 'nl'] as const) {
  const w = WORDS[lang];

  test(`the leaderboard on the projector has no menu, and its button or Escape brings it back (${lang})`, async ({ page }, info) => {
    await seedRoom(page, info.outputPath('room.json'));
    if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.setViewportSize(PROJECTOR);
    await page.goto(`/#/teams?scenario=${TOY}`);
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
    const menu = page.getByRole('navigation', { name: w.menu });
    const projector = page.getByRole('checkbox', { name: w.projector });
    await expect(menu).toBeVisible();
    await expect(page.getByRole('button', { name: w.off })).toHaveCount(0);

    await projector.click();
    await expect(menu).toHaveCount(0);
    const off = page.getByRole('button', { name: w.off });
    await expect(off).toBeVisible();
    await expect(off).toBeInViewport({ ratio: 1 });
    // Only the way out: not the switch that turned it on as well.
    await expect(projector).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: w.names })).toBeVisible();
    await shot(page, info, `teams-projector-${lang}-1280x720`);

    // The button: the menu is back, the focus on the checkbox that turns projector mode on.
    await off.click();
    await expect(menu).toBeVisible();
    await expect(projector).not.toBeChecked();
    await expect(projector).toBeFocused();

    // Escape, wherever the focus is.
    await projector.click();
    await expect(menu).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Scenario' }).focus();
    await page.keyboard.press('Escape');
    await expect(menu).toBeVisible();
    await expect(projector).not.toBeChecked();
    await expect(projector).toBeFocused();

    // The debrief's projector mode has the same way back.
    await page.goto(`/#/debrief?scenario=${TOY}&projector=1`);
    await expect(menu).toHaveCount(0);
    await page.getByRole('button', { name: w.off }).click();
    await expect(menu).toBeVisible();
    await expect(projector).toBeFocused();
  });

  test(`the address follows the projector: a reload shows the view the trainer left, on the board and in the debrief (${lang})`, async ({ page }, info) => {
    await seedRoom(page, info.outputPath('room.json'));
    if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.setViewportSize(PROJECTOR);
    const menu = page.getByRole('navigation', { name: w.menu });
    const projector = page.getByRole('checkbox', { name: w.projector });
    for (const view of [`/#/teams?scenario=${TOY}`, `/#/debrief?scenario=${TOY}&team=kassa`]) {
      await page.goto(view);
      await projector.click();
      await expect(menu).toHaveCount(0);
      // On: a reload keeps the projector view.
      await page.reload();
      await expect(page.getByRole('button', { name: w.off })).toBeVisible();
      await expect(menu).toHaveCount(0);
      // "Projector off": a reload keeps it off.
      await page.getByRole('button', { name: w.off }).click();
      await expect(menu).toBeVisible();
      await page.reload();
      await expect(projector).not.toBeChecked();
      await expect(menu).toBeVisible();
      // On again, then Escape: off after a reload too.
      await projector.click();
      await expect(menu).toHaveCount(0);
      await page.keyboard.press('Escape');
      await expect(menu).toBeVisible();
      await page.reload();
      await expect(projector).not.toBeChecked();
      await expect(page.getByRole('button', { name: w.off })).toHaveCount(0);
    }
    // Opened on the projector (the room's Debrief), left with Escape: a reload does not bring it back.
    await page.goto(`/#/debrief?scenario=${TOY}&team=kassa&projector=1`);
    await expect(menu).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(menu).toBeVisible();
    await page.reload();
    await expect(projector).not.toBeChecked();
    await expect(menu).toBeVisible();
  });

  test(`the room's projector view has its way out at the top, as the board and the debrief, and Escape leaves it too, the focus on what shows the code again (${lang})`, async ({ page }, info) => {
    await seedRoom(page, info.outputPath('room.json'));
    if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.setViewportSize(PROJECTOR);
    await page.goto('/#/room');
    await page.getByLabel(w.scenario).selectOption(TOY);
    await page.getByRole('button', { name: w.show }).click();
    const menu = page.getByRole('navigation', { name: w.menu });
    await expect(page.getByText(w.scan)).toBeVisible();
    await expect(menu).toHaveCount(0);
    // The way out at the top right, beside the scenario's title, as on the board and the debrief.
    const off = page.getByRole('button', { name: w.off });
    const title = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    const box = (await off.boundingBox())!;
    expect(box.y + box.height, 'the way out, at the top').toBeLessThanOrEqual(title.y + title.height);
    expect(box.x, 'the way out, at the right').toBeGreaterThan(PROJECTOR.width / 2);
    await shot(page, info, `room-projector-${lang}-1280x720`);
    await off.click();
    await expect(menu).toBeVisible();
    await expect(page.getByRole('link', { name: w.again })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText(w.scan)).toBeVisible();
    await page.getByRole('button', { name: w.copy }).focus();
    await page.keyboard.press('Escape');
    await expect(menu).toBeVisible();
    await expect(page.getByText(w.scan)).toHaveCount(0);
    const again = page.getByRole('link', { name: w.again });
    await expect(again).toBeFocused();
    // Enter there shows the code again, and Escape again leaves it.
    await page.keyboard.press('Enter');
    await expect(page.getByText(w.scan)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(again).toBeFocused();
  });

  test(`on the projector a clicker's PageDown and PageUp, and the arrow keys, step through the debrief (${lang})`, async ({ page }, info) => {
    await seedRoom(page, info.outputPath('room.json'));
    if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.setViewportSize(PROJECTOR);
    await page.goto(`/#/debrief?scenario=${TOY}&team=kassa&projector=1`);
    const where = (n: number) => page.getByText(new RegExp(`^${w.decision} ${n} ${w.of} \\d+$`));
    await expect(where(1)).toBeVisible();
    const total = Number(/(\d+)$/.exec(await where(1).innerText())![1]);
    expect(total).toBeGreaterThanOrEqual(3);
    const situation = page.locator('#db-situation');
    const words = (text: Text) => (typeof text === 'string' ? text : text[lang]!);
    // What a screen reader is told at each step, as with the buttons.
    await expect(where(1)).toHaveAttribute('aria-live', 'polite');

    // At each decision the clicker first shows each option's feedback in turn, the option being
    // discussed focused (a screen reader reads it), one option's feedback at a time.
    const options = page.getByRole('region').filter({ has: situation }).getByRole('listitem').getByRole('button');
    const count = await options.count();
    expect(count).toBeGreaterThanOrEqual(2);
    const first = toy.nodes[toy.start].options;
    const feedback = (k: number) => page.getByText(words(first[k].feedback!), { exact: true });
    await expect(options.first()).toContainText(words(first[0].text));
    await expect(feedback(0)).toHaveCount(0);
    await page.keyboard.press('PageDown');
    await expect(feedback(0)).toBeVisible();
    await expect(options.first()).toHaveAttribute('aria-expanded', 'true');
    await expect(options.first()).toBeFocused();
    await expect(feedback(1)).toHaveCount(0);
    // Some clickers send the arrow keys.
    await page.keyboard.press('ArrowRight');
    await expect(feedback(1)).toBeVisible();
    await expect(feedback(0)).toHaveCount(0);
    await expect(options.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(feedback(0)).toBeVisible();
    for (let k = 1; k < count; k++) await page.keyboard.press('PageDown');
    await expect(options.last()).toHaveAttribute('aria-expanded', 'true');
    await expect(where(1)).toBeVisible();
    // After the last option, the next decision, none of its feedback shown yet.
    await page.keyboard.press('PageDown');
    await expect(where(2)).toBeVisible();
    await expect(situation).toBeFocused();
    await expect(situation).toBeInViewport({ ratio: 1 });
    for (const option of await options.all()) await expect(option).toHaveAttribute('aria-expanded', 'false');
    // Back: the decision before, as the room left it: its last option's feedback open and
    // focused, so a trainer who pressed once too often is back where the room was.
    await page.keyboard.press('PageUp');
    await expect(where(1)).toBeVisible();
    await expect(options.last()).toHaveAttribute('aria-expanded', 'true');
    await expect(options.last()).toBeFocused();
    // On again: the next decision as the room left it, none of its feedback shown yet.
    await page.keyboard.press('PageDown');
    await expect(where(2)).toBeVisible();
    await expect(situation).toBeFocused();
    for (const option of await options.all()) await expect(option).toHaveAttribute('aria-expanded', 'false');
    // Back through the decision before, option by option, to none of its feedback shown.
    await page.keyboard.press('PageUp');
    for (let k = count - 2; k >= 0; k--) {
      await page.keyboard.press('PageUp');
      await expect(options.nth(k)).toHaveAttribute('aria-expanded', 'true');
      await expect(options.nth(k)).toBeFocused();
    }
    await page.keyboard.press('PageUp');
    await expect(situation).toBeFocused();
    await expect(feedback(0)).toHaveCount(0);
    // Nothing before the first decision.
    await page.keyboard.press('PageUp');
    await expect(where(1)).toBeVisible();
    await expect(situation).toBeFocused();
    // A click on an option shows its feedback, a second click hides it.
    await options.nth(1).click();
    await expect(feedback(1)).toBeVisible();
    await options.nth(1).click();
    await expect(feedback(1)).toHaveCount(0);
    await shot(page, info, `debrief-clicker-${lang}-1280x720`);

    // In a field the arrow keys are the field's: on a radio button they pick the other choice.
    await page.locator('#db-filters').click();
    await page.getByRole('radio', { name: w.latest }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: w.latest })).not.toBeChecked();
    await expect(where(1)).toBeVisible();
    await page.getByRole('checkbox', { name: w.names }).focus();
    await page.keyboard.press('PageDown');
    await expect(where(1)).toBeVisible();

    // Escape in the open choices closes them first, the focus back on their line; a second
    // Escape leaves the projector, as on the leaderboard.
    const filters = page.locator('#db-filters');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('checkbox', { name: w.names })).toBeHidden();
    await expect(filters).toBeFocused();
    await expect(page.getByRole('navigation', { name: w.menu })).toHaveCount(0);
    await expect(page.getByRole('button', { name: w.off })).toBeVisible();
    await filters.click();
    await expect(page.getByRole('checkbox', { name: w.names })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('checkbox', { name: w.names })).toBeHidden();
    await expect(filters).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('navigation', { name: w.menu })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: w.projector })).toBeFocused();
    // Off the projector the keys are the page's again.
    await page.keyboard.press('PageDown');
    await expect(page.getByText(new RegExp(`^${w.decision} 1 `))).toBeVisible();
  });
}

/** The element lies inside the window, top to bottom (to the pixel: a scroll can end between two). */
async function expectWhole(page: Page, el: Locator): Promise<void> {
  const box = (await el.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(-1);
  expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height + 1);
}

/** A room of 48 with long names: a decision with its names shown is taller than a 1280×720 projector. */
const CROWD = Array.from({ length: 48 }, (_, i) => ({ name: `${['Anne-Marie', 'Mohammed', 'Gerrit-Jan', 'Wilhelmina'][i % 4]} van der Zwaluw-Oosterhuis ${i + 1}` }));

for (const lang of ['en', 'nl'] as const) {
  const w = WORDS[lang];
  test(`on the projector the way out and the steps stay at the top while a decision taller than the screen scrolls under them (${lang})`, async ({ page }, info) => {
    await seedCrowdedRoom(page, info.outputPath('crowd.json'), CROWD);
    if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.setViewportSize(PROJECTOR);
    await page.goto(`/#/debrief?scenario=${TOY}&projector=1`);
    await expect(page.getByText(new RegExp(`^${w.decision} 1 ${w.of} \\d+$`))).toBeVisible();
    // The names under the option being discussed make the decision taller than the screen.
    await page.locator('#db-filters').click();
    await page.getByRole('checkbox', { name: w.names }).check();
    await page.locator('#db-filters').click();
    const off = page.getByRole('button', { name: w.off });
    const decision = page.getByRole('region').filter({ has: page.locator('#db-situation') });
    const options = decision.getByRole('listitem').getByRole('button');
    const count = await options.count();
    let tallest = 0;
    for (let k = 0; k < count; k++) {
      await page.keyboard.press('PageDown');
      await expect(options.nth(k)).toBeFocused();
      tallest = Math.max(tallest, (await decision.boundingBox())!.height);
      // What the room discusses is on the screen whole: the option, its feedback, who chose it.
      await expectWhole(page, decision.getByRole('listitem').nth(k));
      await expect(off).toBeInViewport({ ratio: 1 });
      await expect(page.getByText(new RegExp(`^${w.decision} 1 ${w.of} \\d+$`))).toBeInViewport({ ratio: 1 });
      // The option being discussed is below the line that stays, not behind it.
      const top = (await off.boundingBox())!;
      expect((await options.nth(k).boundingBox())!.y, `option ${k + 1} under the way out`).toBeGreaterThanOrEqual(top.y + top.height);
      await expect(options.nth(k)).toBeInViewport({ ratio: 1 });
      if (k === count - 1) await shot(page, info, `debrief-tall-${lang}-1280x720`);
    }
    expect(tallest, 'the decision with its names is taller than the screen').toBeGreaterThan(PROJECTOR.height);
    // Back up the options: each comes into view under the line, none behind it.
    for (let k = count - 2; k >= 0; k--) {
      await page.keyboard.press('PageUp');
      await expect(options.nth(k)).toBeFocused();
      await expectWhole(page, decision.getByRole('listitem').nth(k));
      const top = (await off.boundingBox())!;
      expect((await options.nth(k).boundingBox())!.y, `option ${k + 1} under the way out`).toBeGreaterThanOrEqual(top.y + top.height);
    }
    // The way out works from down the page.
    await off.click();
    await expect(page.getByRole('navigation', { name: w.menu })).toBeVisible();
  });

  test(`the leaderboard on the projector keeps its way out at the top at every scroll position, over nothing the keyboard reaches (${lang})`, async ({ page }, info) => {
    await seedCrowdedRoom(page, info.outputPath('crowd.json'), CROWD);
    if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.setViewportSize(PROJECTOR);
    await page.goto(`/#/teams?scenario=${TOY}&projector=1`);
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
    const off = page.getByRole('button', { name: w.off });
    const rows = page.getByRole('table', { name: w.board }).getByRole('row');
    await expect(rows).toHaveCount(31); // the heading row and the top 30
    // Half way down the board of 48, and at its end (the keyboard's End): the way out in view.
    await page.evaluate(() => scrollTo({ top: document.documentElement.scrollHeight / 2 - innerHeight / 2 }));
    await expect(off).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1)).toBe(true);
    await expect(off).toBeInViewport({ ratio: 1 });
    await shot(page, info, `teams-projector-end-${lang}-1280x720`);
    // What the keyboard goes to comes into view under the line that stays, not behind it: the
    // choices at the top, and each row of the board on the way down.
    const line = (await off.boundingBox())!;
    const under = line.y + line.height;
    const names = page.getByRole('checkbox', { name: w.names });
    await names.focus();
    expect((await names.boundingBox())!.y, 'the names switch under the way out').toBeGreaterThanOrEqual(under);
    for (const k of [5, 15, 25]) {
      await rows.nth(k).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      expect((await rows.nth(k).boundingBox())!.y, `row ${k} under the way out`).toBeGreaterThanOrEqual(under - 1);
      await expect(off).toBeInViewport({ ratio: 1 });
    }
    await off.click();
    await expect(page.getByRole('navigation', { name: w.menu })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: w.projector })).toBeFocused();
  });
}

test('Back after leaving a projector view goes where the trainer was before it, never into the view again', async ({ page }, info) => {
  await seedRoom(page, info.outputPath('room.json'));
  await page.setViewportSize(PROJECTOR);
  const menu = page.getByRole('navigation', { name: 'Main' });
  const scan = page.getByText(/^Scan the code/);
  const players = page.getByRole('heading', { level: 1, name: 'Players and teams' });
  const setup = page.getByRole('heading', { level: 1, name: 'Room mode' });
  const again = page.getByRole('link', { name: 'Show the code again' });

  // The room, from Players: the code shown, then Escape; Back goes on to Players.
  await page.goto('/#/players');
  await expect(players).toBeVisible();
  await menu.getByRole('link', { name: 'Room' }).click();
  await page.getByLabel('Scenario').selectOption(TOY);
  await page.getByRole('button', { name: 'Show the code' }).click();
  await expect(scan).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(again).toBeFocused();
  await page.goBack();
  await expect(players).toBeVisible();
  await expect(scan).toHaveCount(0);
  // "Show the code again", its way out "Projector off": the same.
  await page.goForward();
  await expect(setup).toBeVisible();
  await again.click();
  await expect(scan).toBeVisible();
  await page.getByRole('button', { name: 'Projector off' }).click();
  await expect(setup).toBeVisible();
  await page.goBack();
  await expect(players).toBeVisible();

  // Shown again from Collect results: Escape to the setup, Back to the results.
  await page.goto('/#/results');
  await page.getByRole('link', { name: 'Show the code again' }).click();
  await expect(scan).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(setup).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Collect and share results' })).toBeVisible();
  await expect(scan).toHaveCount(0);

  // The leaderboard and the debrief turn the projector off in place: Back goes to the screen before.
  for (const [view, ready] of [
    [`#/teams?scenario=${TOY}`, page.getByRole('table', { name: /^Leaderboard/ })],
    [`#/debrief?scenario=${TOY}`, page.getByText(/^Decision 1 of the \d+ decisions that players met$/)],
  ] as const) {
    await page.goto('/#/players');
    await expect(players).toBeVisible();
    await page.goto(`/${view}`);
    await expect(ready).toBeVisible();
    await page.getByRole('checkbox', { name: 'Projector (large)' }).click();
    await expect(menu).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(menu).toBeVisible();
    await page.goBack();
    await expect(players).toBeVisible();
    await expect(page.getByRole('button', { name: 'Projector off' })).toHaveCount(0);
  }
});

test('from the leaderboard on the projector its Debrief link opens the debrief on the projector; off it, off', async ({ page }, info) => {
  await seedRoom(page, info.outputPath('room.json'));
  await page.setViewportSize(PROJECTOR);
  const menu = page.getByRole('navigation', { name: 'Main' });
  await page.goto(`/#/teams?scenario=${TOY}&projector=1`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  await page.getByRole('link', { name: 'Debrief', exact: true }).click();
  await expect(page.getByText(/^Decision 1 of \d+$/)).toBeVisible();
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Projector off' })).toBeVisible();
  await page.goto(`/#/teams?scenario=${TOY}`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Debrief', exact: true }).click();
  await expect(page.getByText(/^Decision 1 of the \d+ decisions that players met$/)).toBeVisible();
  await expect(menu).toBeVisible();
});

test('every projector view switches between Dutch and English from the keyboard, with 44 px buttons', async ({ page }, info) => {
  await openKassaRoom(page, info);
  const views = [
    { hash: '#/room?view=projector', en: /^Scan the code/, nl: /^Scan de code/ },
    { hash: `#/debrief?scenario=${TOY}&team=kassa&projector=1`, en: /^Decision 1 of \d+$/, nl: /^Beslissing 1 van \d+$/ },
    { hash: `#/teams?scenario=${TOY}&projector=1`, en: /^Leaderboard: /, nl: /^Ranglijst: / },
  ];
  for (const view of views) {
    await page.goto(`/${view.hash}`);
    await expect(page.getByText(view.en)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    const group = page.getByRole('group', { name: 'Language' });
    for (const button of await group.getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.width, view.hash).toBeGreaterThanOrEqual(44);
      expect(box.height, view.hash).toBeGreaterThanOrEqual(44);
    }
    await expect(group.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    // Reached with Tab and pressed with Enter, as from the laptop's keyboard.
    const nl = group.getByRole('button', { name: 'Nederlands' });
    await tabTo(page, nl);
    await page.keyboard.press('Enter');
    await expect(page.getByText(view.nl)).toBeVisible();
    await expect(page.getByRole('group', { name: 'Taal' }).getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-pressed', 'true');
    await shot(page, info, `lang-${view.hash.slice(2, 7)}-nl-1280x720`);
    await page.getByRole('group', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
    await expect(page.getByText(view.en)).toBeVisible();
  }
});

test('on the projector the best option is marked only once the room has seen its feedback', async ({ page }, info) => {
  await seedRoom(page, info.outputPath('room.json'));
  await page.setViewportSize(PROJECTOR);
  await page.goto(`/#/debrief?scenario=${TOY}&team=kassa&projector=1`);
  await expect(page.getByText(/^Decision 1 of \d+$/)).toBeVisible();
  const options = page.getByRole('region').filter({ has: page.locator('#db-situation') }).getByRole('listitem').getByRole('button');
  const mark = page.getByText('Best option', { exact: true });
  // Before the discussion the room sees the options and their shares, not the answer.
  await expect(mark).toHaveCount(0);
  const count = await options.count();
  let markedAt = -1;
  for (let k = 0; k < count; k++) {
    await page.keyboard.press('PageDown');
    await expect(options.nth(k)).toHaveAttribute('aria-expanded', 'true');
    if (markedAt < 0 && (await mark.count()) > 0) {
      markedAt = k;
      // The mark comes with the feedback of the best option itself.
      await expect(options.nth(k)).toContainText('Best option');
    }
  }
  expect(markedAt, 'the best option is marked once its feedback is shown').toBeGreaterThanOrEqual(0);
  await expect(mark).toHaveCount(1);
  // The next decision starts again without it.
  await page.keyboard.press('PageDown');
  await expect(page.getByText(/^Decision 2 of \d+$/)).toBeVisible();
  await expect(mark).toHaveCount(0);
  // Back with the clicker, and with the button: the decision before as the room left it, its best option marked.
  await page.keyboard.press('PageUp');
  await expect(page.getByText(/^Decision 1 of \d+$/)).toBeVisible();
  await expect(mark).toHaveCount(1);
  await page.getByRole('button', { name: 'Next decision' }).click();
  await expect(mark).toHaveCount(0);
  await page.getByRole('button', { name: 'Previous decision' }).click();
  await expect(mark).toHaveCount(1);
  await expect(options.last()).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('button', { name: 'Next decision' }).click();
  // Off the projector, the trainer's own view marks it at once.
  await page.keyboard.press('Escape');
  await expect(page.getByText(/^Decision 2 of the \d+ decisions that players met$/)).toBeVisible();
  await expect(mark).toHaveCount(1);
});

test('from the room’s code the leaderboard opens on the projector for the room’s scenario, by keyboard, and goes back to the code', async ({ page }, info) => {
  await openKassaRoom(page, info);
  const menu = page.getByRole('navigation', { name: 'Main' });
  const code = page.getByRole('img', { name: /^QR code: open/ });
  await expect(code).toBeVisible();

  // Reached with Tab and opened with Enter, as from the laptop's keyboard, in view without scrolling.
  const toBoard = page.getByRole('link', { name: 'Leaderboard', exact: true });
  await expect(toBoard).toBeInViewport({ ratio: 1 });
  await tabTo(page, toBoard);
  await page.keyboard.press('Enter');
  // The same scenario's board, on the projector: no menu, "Player n", the way out at the top.
  await expect(page.getByRole('heading', { level: 2, name: 'Leaderboard: Toy shop on a Saturday' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(TOY);
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Projector off' })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Leaderboard/ }).getByRole('rowheader').first()).toHaveText(/^Player [1-5]$/);
  await shot(page, info, 'room-to-board-1280x720');
  await page.setViewportSize({ width: 360, height: 740 });
  await shot(page, info, 'room-to-board-360');
  await page.setViewportSize(PROJECTOR);

  // And back to the code, by keyboard too.
  const back = page.getByRole('link', { name: 'Back to the code' });
  await tabTo(page, back);
  await page.keyboard.press('Enter');
  await expect(code).toBeVisible();
  await expect(page.getByText(/^Scan the code/)).toBeVisible();
  await expect(menu).toHaveCount(0);

  // A board of another scenario has no way back to this room's code; in Dutch the words are Dutch.
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.getByRole('link', { name: 'Ranglijst', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Terug naar de code' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('fuel-station-evening');
  await expect(page.getByRole('link', { name: 'Terug naar de code' })).toHaveCount(0);
});

test('on a phone the projector board’s top line is one line: title, language and the way out, 44 px buttons, no word broken', async ({ page }, info) => {
  await seedRoom(page, info.outputPath('room.json'));
  for (const lang of ['en', 'nl'] as const) {
    if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();
    const w = WORDS[lang];
    for (const size of [{ width: 360, height: 740 }, PROJECTOR]) {
      await page.setViewportSize(size);
      await page.goto(`/#/teams?scenario=${TOY}&projector=1`);
      await expect(page.locator('[data-ready="true"]')).toBeVisible();
      const title = page.getByRole('heading', { level: 1 });
      const off = page.getByRole('button', { name: w.off });
      const langs = page.getByRole('group', { name: lang === 'nl' ? 'Taal' : 'Language' }).getByRole('button');
      const bar = page.locator('.sticky-top');
      // Scrolled down the board, the line stays at the top, its height a control's and a little.
      await page.mouse.wheel(0, 500);
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
      const barBox = (await bar.boundingBox())!;
      expect(barBox.y).toBe(0);
      expect(barBox.height, `${lang} ${size.width}`).toBeLessThanOrEqual(size.width < 500 ? 60 : 80);
      // One line: the title, the language and the way out side by side, each control 44 px.
      const t = (await title.boundingBox())!;
      const o = (await off.boundingBox())!;
      expect(o.x, 'the way out beside the title').toBeGreaterThan(t.x + t.width - 1);
      expect(o.height).toBeGreaterThanOrEqual(44);
      for (const b of await langs.all()) {
        const box = (await b.boundingBox())!;
        expect(box.height).toBeGreaterThanOrEqual(44);
        expect(box.width).toBeGreaterThanOrEqual(44);
        expect(box.y).toBeGreaterThanOrEqual(barBox.y);
        expect(box.y + box.height).toBeLessThanOrEqual(barBox.y + barBox.height + 0.5);
      }
      expect(await brokenWords(bar), await bar.innerText()).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
      await shot(page, info, `board-bar-${lang}-${size.width}`);
    }
  }
});

test('an empty board on the projector leads with what is missing, in letters as large as the advice under it', async ({ page }, info) => {
  await page.setViewportSize(PROJECTOR);
  await page.goto(`/#/teams?scenario=${TOY}&projector=1`);
  const missing = page.getByText(`No assessment runs of “Toy shop on a Saturday” on this device yet.`);
  const advice = page.getByText(/^Collect the team’s runs first/);
  await expect(missing).toBeVisible();
  await expect(advice).toBeVisible();
  const size = (l: Locator) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  // The back of the room reads the first sentence first: it is not the smaller of the two.
  expect(await size(missing)).toBeGreaterThan(await size(advice));
  // In the page's darkest ink, as the advice is: grey read weakly from the back (fresh eyes).
  const ink = (l: Locator) => l.evaluate((el) => getComputedStyle(el).color);
  expect(await ink(missing)).toBe(await ink(advice));
  await shot(page, info, 'empty-board-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await size(missing)).toBeGreaterThan(await size(advice));
  await shot(page, info, 'empty-board-360');
});
