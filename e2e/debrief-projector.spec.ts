/**
 * The debrief on a projector: a 1280×720 (and 1920×1080) screen shows the whole decision — the
 * situation and every option with its share — without the app's menu and without scrolling, at
 * every decision the trainer steps to; the room's "Debrief" opens it on the projector; its list of
 * scenarios follows the language. Screenshots at 360, 1280×720 and 1920×1080 are attached.
 */
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { seedFuelStation } from './persist-support';

const FUEL = 'fuel-station-evening';
const PROJECTOR = { width: 1280, height: 720 };
const WIDE = { width: 1920, height: 1080 };
const PHONE = { width: 360, height: 740 };

async function shot(page: Page, info: TestInfo, name: string, fullPage = false): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  await info.attach(name, { path, contentType: 'image/png' });
}

/** The element lies wholly inside the window, as the page is scrolled now. */
async function expectInView(page: Page, el: Locator, what: string): Promise<void> {
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, `${what} is drawn`).not.toBeNull();
  expect(box!.y, `${what}: top in view`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom in view`).toBeLessThanOrEqual(vp.height);
}

/** The decision shown: its situation, each option (its text, share and feedback) and how many came to it, all on this screen. */
async function expectDecisionInView(page: Page, where: string): Promise<void> {
  const decision = page.getByRole('region').filter({ has: page.locator('#db-situation') });
  await expectInView(page, page.locator('#db-situation'), `${where}: the situation`);
  const options = decision.getByRole('listitem');
  expect(await options.count()).toBeGreaterThanOrEqual(2);
  for (const option of await options.all()) {
    const label = (await option.innerText()).slice(0, 40);
    await expectInView(page, option, `${where}: option “${label}”, its share and its feedback`);
  }
  // And how many players came to it, under the options, in either language.
  await expectInView(page, decision.getByText(/^\d+ (of \d+ players? came to this decision|van \d+ spelers? kwamen? bij deze beslissing)\.$/), `${where}: how many players came to it`);
}

test('on a 1280×720 projector every decision fits the first screen, and Next brings the next one into view', async ({ page }, info) => {
  test.slow(); // every decision the players met, at two screen sizes
  await page.setViewportSize(PROJECTOR);
  await seedFuelStation(page, info.outputPath('fuel.json'));
  await page.goto(`/#/debrief?scenario=${FUEL}&team=pomp`);
  await expect(page.getByText(/^Decision 1 of the \d+ decisions that players met$/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.getByLabel('Projector (large)').check();

  // The app's menu gives way, as on the room's projector view; the choices fold into one line.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByText('Showing: Fuel station, evening: anything hot? · Pomp')).toBeVisible();
  await expect(page.getByLabel('Scenario')).toBeHidden();
  // Where the trainer is, in short on the projector.
  const total = Number(/^Decision 1 of (\d+)$/.exec(await page.getByText(/^Decision 1 of \d+$/).innerText())![1]);
  expect(total).toBeGreaterThan(3);
  await shot(page, info, 'debrief-projector-1280x720-1');
  await expectDecisionInView(page, 'decision 1');

  // At the first decision "Previous" cannot be pressed, and looks it: grey, not the white of an
  // enabled secondary button (as it is one step on).
  const previous = page.getByRole('button', { name: 'Previous decision' });
  await expect(previous).toBeDisabled();
  await expect(previous).toHaveCSS('background-color', 'rgb(239, 236, 228)');
  await expect(previous).toHaveCSS('color', 'rgb(74, 85, 99)');

  // "Next decision" from the keyboard, as a trainer at the laptop does: the next decision is in
  // view, its heading focused, at every step.
  const next = page.getByRole('button', { name: 'Next decision' });
  for (let n = 2; n <= total; n++) {
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(`Decision ${n} of ${total}`, { exact: true })).toBeVisible();
    await expect(page.locator('#db-situation')).toBeFocused();
    await expectDecisionInView(page, `decision ${n}`);
    if (n === 2) {
      await shot(page, info, 'debrief-projector-1280x720-2');
      await expect(previous).toHaveCSS('background-color', 'rgb(255, 255, 255)');
      await expect(previous).toHaveCSS('color', 'rgb(11, 93, 99)');
    }
  }
  await expect(next).toBeDisabled();
  await previous.click();
  await expectDecisionInView(page, `back to decision ${total - 1}`);

  // A full HD projector: the same, larger.
  await page.setViewportSize(WIDE);
  await expectDecisionInView(page, 'at 1920×1080');
  await shot(page, info, 'debrief-projector-1920x1080');

  // The folded choices open; projector mode off brings the menu back.
  await page.getByText('Showing: Fuel station').click();
  await page.getByLabel('Projector (large)').uncheck();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByLabel('Projector (large)')).toBeFocused();
  await page.setViewportSize(PHONE);
  await page.getByLabel('Projector (large)').check();
  await shot(page, info, 'debrief-projector-360', true);
});

test('the room’s Debrief opens the debrief on the projector, in Dutch too', async ({ page }, info) => {
  await page.setViewportSize(PROJECTOR);
  await seedFuelStation(page, info.outputPath('fuel.json'));
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.goto('/#/room');
  await page.getByLabel('Scenario').selectOption(FUEL);
  await page.getByLabel('Team om bij aan te sluiten').selectOption({ label: 'Pomp' });
  await page.getByRole('button', { name: 'Toon de code' }).click();
  await page.getByRole('link', { name: 'Nabespreken' }).click();
  await expect(page.getByText(/^Beslissing 1 van \d+$/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
  await shot(page, info, 'debrief-from-room-nl-1280x720');
  await expect(page.getByText('Je ziet: Tankstation, ’s avonds: nog iets warms? · Pomp')).toBeVisible();
  await expectDecisionInView(page, 'beslissing 1');
  await shot(page, info, 'debrief-from-room-nl-1280x720');
  await page.getByRole('button', { name: 'Volgende beslissing' }).click();
  await expect(page.getByText(/^Beslissing 2 van \d+$/)).toBeVisible();
  await expectDecisionInView(page, 'beslissing 2');
});

test('the debrief’s and the leaderboard’s scenario lists follow the language: by title, in Dutch after English', async ({ page }) => {
  await page.setViewportSize(PROJECTOR);
  for (const [hash, title] of [['#/debrief', 'Nabespreken'], ['#/teams', 'Teamscores']]) {
    await page.goto('/#/results');
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`/${hash}`);
    const select = page.getByLabel('Scenario');
    await expect(select.locator('option')).not.toHaveCount(0);
    const en = await select.locator('option').allTextContents();
    expect(en, hash).toEqual([...en].sort((a, b) => a.localeCompare(b, 'en')));
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const nl = await select.locator('option').allTextContents();
    expect(nl, hash).toEqual([...nl].sort((a, b) => a.localeCompare(b, 'nl')));
  }
});
