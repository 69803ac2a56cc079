/**
 * xAPI against a real LRS (Learning Locker's statement service, started by playwright.config.ts):
 * a facilitator connects the device in Settings, a player plays a scenario, and every decision and
 * each dimension score can be read back with the statements API.
 */
import { expect, test } from '@playwright/test';
import { plannedPaths, pressOption, readScenario, waitForOptions } from './helpers';
import { LRS_ENDPOINT, VERB, connectInSettings, statementsOf } from './lrs-support';

const TOY = 'toy-shop-saturday';
test.use({ locale: 'en-GB' });

test('a scenario played with an LRS in Settings: every decision and dimension score reads back from the LRS', async ({ page }, info) => {
  const scenario = readScenario(TOY);
  const plan = plannedPaths(scenario).find((p) => !p.keys.includes(0))!;
  const name = `Speler ${info.testId.slice(0, 8)}-${info.retry}`;

  await page.goto('/#/');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: /^start$/i }).click();
  await connectInSettings(page, LRS_ENDPOINT);
  // The key is not shown again, and not in the page's address.
  await expect(page.getByLabel('Write key')).toHaveValue('');

  await page.goto(`/#/play/${TOY}?mode=assessment`);
  for (let i = 0; i < plan.keys.length; i++) {
    await waitForOptions(page);
    await expect(page.locator('#situation-heading')).toContainText(`Step ${i + 1}`);
    await pressOption(page, plan.texts[i]!.en);
  }
  await expect(page.locator('#ending-heading')).toBeVisible();

  const expected = 1 + plan.keys.length + 5;
  await expect.poll(async () => (await statementsOf(name)).length, { timeout: 30_000 }).toBe(expected);
  const got = await statementsOf(name);
  const registration = got[0].context.registration;
  expect(got.every((s) => s.context.registration === registration)).toBe(true);
  expect(got[0].verb.id).toBe(VERB.initialized);

  // Every decision, in order, with the option chosen and the options as shown.
  const answered = await statementsOf(name, { verb: VERB.answered, registration });
  expect(answered.map((s) => s.result?.response)).toEqual(plan.options);
  for (const s of answered) expect(s.object.definition?.choices?.length).toBeGreaterThanOrEqual(2);

  // One scored per dimension, on its objective activity, with the report's scores.
  const scored = await statementsOf(name, { verb: VERB.scored, registration });
  const byDim = Object.fromEntries(scored.map((s) => [s.object.id.split('/').at(-1), s.result!.score!]));
  for (const d of ['warmth', 'initiative', 'outcome'] as const) {
    expect(Math.round(byDim[d].scaled * 100)).toBe(plan.scores[d]);
    expect(byDim[d].raw).toBeGreaterThanOrEqual(byDim[d].min);
    expect(byDim[d].raw).toBeLessThanOrEqual(byDim[d].max);
  }
  const mastery = got.find((s) => s.verb.id === VERB.passed || s.verb.id === VERB.failed)!;
  expect(mastery.verb.id).toBe(plan.scores.overall >= 60 ? VERB.passed : VERB.failed);
  expect(mastery.result?.score?.raw).toBe(plan.scores.overall);

  // The device says what it sent.
  await page.goto('/#/settings');
  await expect(page.getByRole('status', { name: 'Learning Record Store (xAPI)' })).toHaveText(`${expected} sent · 0 waiting`);
});
