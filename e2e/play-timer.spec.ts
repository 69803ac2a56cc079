/**
 * Timed decisions (WCAG 2.2.1): a calm countdown with "more time" from the start, a time-out that
 * happens at the deadline and is shown as such, and timers that are off never run out.
 */
import { expect, test } from '@playwright/test';
import { expectNoCspViolations, readScenario, waitForOptions, watchCsp } from './helpers';

test.use({ locale: 'nl-NL' });

const id = 'toy-shop-saturday';
const scenario = readScenario(id);
const seconds = scenario.nodes[scenario.start].timeLimit?.seconds ?? 0;

test('a timer that runs out: the customer waited, and coaching says what that did', async ({ page }) => {
  test.skip(!seconds, 'the first decision of this scenario is not timed');
  await watchCsp(page);
  await page.clock.install();
  await page.goto(`/#/play/${id}?mode=coaching`);
  await waitForOptions(page);
  const countdown = page.getByRole('timer');
  await expect(page.getByText('De klant wacht')).toBeVisible();
  await expect(countdown).toHaveText(new RegExp(`nog (${seconds}|${seconds - 1}) seconden`));
  await expect(page.getByRole('button', { name: 'Meer tijd' })).toBeVisible();

  await page.clock.fastForward((seconds + 1) * 1000);
  await expect(page.getByRole('heading', { name: 'Je liet de klant wachten' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Je liet de klant wachten' })).toContainText('Warmte −1');
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.locator('#situation-heading')).toContainText('Stap 2');
  await expectNoCspViolations(page);
});

test('"more time" stretches the running countdown tenfold', async ({ page }) => {
  test.skip(!seconds, 'the first decision of this scenario is not timed');
  await page.clock.install();
  await page.goto(`/#/play/${id}?mode=assessment`);
  await waitForOptions(page);
  await page.getByRole('button', { name: 'Meer tijd' }).click();
  await expect(page.getByRole('timer')).toHaveText(new RegExp(`nog (${seconds * 10}|${seconds * 10 - 1}) seconden`));
  await page.clock.fastForward((seconds + 5) * 1000);
  await expect(page.locator('#situation-heading')).toContainText('Stap 1');
});

test('timers switched off in the settings never run out', async ({ page }) => {
  await page.clock.install();
  await page.goto('/#/settings');
  await page.getByRole('radio', { name: /Uit: geen tijdslimieten/ }).check();
  await expect(page.getByText('Bewaard.')).toBeVisible();
  await page.goto(`/#/play/${id}?mode=assessment`);
  await waitForOptions(page);
  await expect(page.getByText('De klant wacht')).toHaveCount(0);
  await page.clock.fastForward(30 * 60 * 1000);
  await expect(page.locator('#situation-heading')).toContainText('Stap 1');
  await expect(page.locator('button[data-option]').first()).toBeEnabled();
});
