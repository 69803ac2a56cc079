/**
 * Reload in the middle of a scenario resumes exactly: same situation, same scores and mood, the
 * same time left on a running timer, and not one event more or less in the real IndexedDB.
 */
import { expect, test } from '@playwright/test';
import { choose, loadScenario, pathTo, playToEnd, readDb, shownStep, startAs } from './persist-support';
import { untilCountdownRuns } from './helpers';

const TOY = 'toy-shop-saturday';

async function snapshot(page: import('@playwright/test').Page) {
  return {
    step: await shownStep(page),
    situation: await page.locator('.situation-text').textContent(),
    // (an assessment shows no mood meter until the end: the face the story wrote, and the run on disk)
    face: await page.getByRole('img', { name: /looking/ }).getAttribute('aria-label'),
  };
}

test('reload mid-scenario (no timer running) resumes at the same situation with nothing lost or doubled', async ({ page }) => {
  const scenario = loadScenario(TOY);
  const path = pathTo(scenario, (s) => s.steps.length >= 2 && s.node !== null && !scenario.nodes[s.node].timeLimit);
  await startAs(page, 'Anna', TOY);
  for (const option of path) await choose(page, option);

  const before = await snapshot(page);
  const dbBefore = await readDb(page);
  const run = dbBefore.runs.find((r) => r.finishedAt === undefined)!;
  // (each timed decision's countdown start, when its options came into view, is logged too)
  expect(run.events.filter((e) => e.type !== 'timer.start').map((e) => (e.type === 'choice.select' ? e.option : e.type))).toEqual(path);

  await page.reload();
  await expect(page.getByText('Continued where you left off.')).toBeVisible();
  expect(await snapshot(page)).toEqual(before);
  const dbAfter = await readDb(page);
  expect(dbAfter.runs.find((r) => r.id === run.id)).toEqual(run);
  expect(dbAfter.runs).toHaveLength(1);

  // Close the tab and come back through the scenario list: still the same run.
  await page.goto('about:blank');
  await page.goto(`/#/play/${TOY}?mode=assessment`);
  await expect(page.locator('.situation-text')).toHaveText(before.situation!);
  expect((await readDb(page)).runs).toHaveLength(1);
});

test('a reload in the same moment as a choice still resumes at the situation that choice led to', async ({ page }) => {
  // The step's write waits for the frame that shows it; leaving the page lets it go at once.
  const scenario = loadScenario(TOY);
  const path = pathTo(scenario, (s) => s.steps.length >= 2 && s.node !== null && !scenario.nodes[s.node].timeLimit);
  await startAs(page, 'Anna', TOY);
  for (const option of path.slice(0, -1)) await choose(page, option);
  const last = path.at(-1)!;
  await expect(page.locator(`button[data-option="${last}"]`)).toBeEnabled();
  await page.evaluate((option) => {
    document.querySelector<HTMLButtonElement>(`button[data-option="${option}"]`)!.click();
    location.reload();
  }, last);

  await expect(page.getByText('Continued where you left off.')).toBeVisible();
  expect(await shownStep(page)).toBe(path.length + 1);
  const run = (await readDb(page)).runs.find((r) => r.finishedAt === undefined)!;
  expect(run.events.filter((e) => e.type !== 'timer.start').map((e) => (e.type === 'choice.select' ? e.option : e.type))).toEqual(path);
});

test('the resume note is said once, politely, and goes at the next choice', async ({ page }) => {
  const scenario = loadScenario(TOY);
  const path = pathTo(scenario, (s) => s.steps.length >= 1 && s.node !== null && !scenario.nodes[s.node].timeLimit);
  await startAs(page, 'Noor', TOY);
  for (const option of path) await choose(page, option);
  await expect(page.getByText('Continued where you left off.')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Continued where you left off.' })).toBeVisible();
  await choose(page, (await page.locator('button[data-option]:enabled').first().getAttribute('data-option'))!);
  await expect(page.getByText('Continued where you left off.')).toHaveCount(0);
  await playToEnd(page);
  await expect(page.getByText('Continued where you left off.')).toHaveCount(0);
});

test('reload while a timer runs keeps the same deadline: the customer kept waiting', async ({ page }) => {
  const scenario = loadScenario(TOY);
  // The first timed decision (the start of this scenario is one).
  const path = pathTo(scenario, (s) => s.deadline !== null);
  // The page's clock is Playwright's: it runs as usual until paused below, then moves only when told.
  await page.clock.install();
  await startAs(page, 'Bram', TOY);
  for (const option of path) await choose(page, option);
  const timer = page.getByRole('timer');
  await expect(timer).toBeVisible();
  const seconds = async () => Number(/(\d+)/.exec((await timer.textContent()) ?? '')![1]);
  // It counts down once the options are in view (the first decision: and its situation read).
  await untilCountdownRuns(page);

  // Stop the clock (the countdown shows the seconds left at that moment), then let 7 s pass.
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 250);
  const s1 = await seconds();
  expect(s1).toBeGreaterThan(7);
  const before = await snapshot(page);
  await page.clock.pauseAt(now + 250 + 7000);
  await expect.poll(seconds).toBe(s1 - 7);

  // After the reload the clock is still stopped at the same moment: the same absolute deadline
  // shows the same seconds left (a deadline started anew would show the full time again).
  await page.reload();
  await expect(timer).toBeVisible();
  await expect.poll(seconds).toBe(s1 - 7);
  expect(await snapshot(page)).toEqual(before);
  const run = (await readDb(page)).runs[0];
  expect(run.events.filter((e) => e.type === 'timer.expire')).toHaveLength(0);
});
