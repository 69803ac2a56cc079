/**
 * Two tabs: the same run is never played in both at once. The second tab says so in plain words
 * and offers to continue there; taking over tells the first tab, which stops writing.
 */
import { expect, test } from '@playwright/test';
import { readDb, startAs, shownStep } from './persist-support';

const TOY = 'toy-shop-saturday';

test('a run open in one tab is not played in a second; "Continue here" takes it over', async ({ context }) => {
  const first = await context.newPage();
  await startAs(first, 'Tess', TOY);
  await first.locator('button[data-option]:enabled').first().click();
  await expect.poll(() => shownStep(first)).toBe(2);

  const second = await context.newPage();
  await second.goto(`/#/play/${TOY}?mode=assessment`);
  await expect(second.getByText('This game is open in another tab.')).toBeVisible();
  await expect(second.locator('button[data-option]')).toHaveCount(0);

  await second.getByRole('button', { name: 'Continue here' }).click();
  await expect.poll(() => shownStep(second)).toBe(2);
  await expect(first.getByText('You are now playing on in another tab.')).toBeVisible();
  // The first tab can no longer choose.
  await expect(first.locator('button[data-option]').first()).toBeDisabled();

  await second.locator('button[data-option]:enabled').first().click();
  await expect.poll(() => shownStep(second)).toBe(3);
  const db = await readDb(second);
  expect(db.runs).toHaveLength(1);
  expect(db.runs[0].events.filter((e) => e.type !== 'timer.scale' && e.type !== 'timer.start')).toHaveLength(2);

  // And back again: the first tab re-reads what the second wrote.
  await first.getByRole('button', { name: 'Continue here' }).click();
  await expect.poll(() => shownStep(first)).toBe(3);
  await expect(second.getByText('You are now playing on in another tab.')).toBeVisible();
});
