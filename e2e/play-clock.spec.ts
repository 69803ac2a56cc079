/**
 * A device clock that jumps during a timed decision (set back an hour by hand or by a time
 * server) must not make the countdown promise more time than the limit.
 */
import { expect, test } from '@playwright/test';
import { readScenario, untilCountdownRuns, waitForOptions } from './helpers';

test.use({ locale: 'en-GB' });

const id = 'toy-shop-saturday';
const scenario = readScenario(id);
const seconds = scenario.nodes[scenario.start].timeLimit?.seconds ?? 0;

test('a clock set back an hour still shows at most the time limit', async ({ page }) => {
  expect(seconds, 'the first decision of this scenario is timed').toBeGreaterThan(0);
  await page.clock.install({ time: new Date('2026-03-10T10:00:00Z') });
  await page.goto(`/#/play/${id}?mode=assessment`);
  await waitForOptions(page);
  const countdown = page.getByRole('timer');
  await untilCountdownRuns(page);
  await expect(countdown).toHaveText(/\d+ seconds? left/);
  await page.clock.setSystemTime(new Date('2026-03-10T09:00:00Z'));
  await page.clock.runFor(1000);
  const left = async () => Number(/([\d,]+) seconds? left/.exec((await countdown.textContent()) ?? '')?.[1].replace(/,/g, '') ?? NaN);
  await expect.poll(left).toBeLessThanOrEqual(seconds);
  expect(await left()).toBeGreaterThan(0);
});
