/**
 * Two languages: the UI follows the browser (nl or en, else Dutch), can be switched at any
 * moment — also in the middle of a scenario, where the story goes on in the other language at
 * the same step — and remembers the choice across reloads.
 */
import { expect, test } from '@playwright/test';
import { expectNoCspViolations, expectReportScores, plannedPaths, pressOption, readScenario, waitForOptions, watchCsp } from './helpers';
import type { Text } from '../src/engine/types';

const id = 'toy-shop-saturday';
const scenario = readScenario(id);
const inLang = (text: Text | undefined, lang: 'nl' | 'en') => (typeof text === 'string' ? text : (text?.[lang] ?? ''));

test.describe('an English browser', () => {
  test.use({ locale: 'en-GB' });
  test('gets the English UI', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Who is playing?' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE' });
  test('gets Dutch, the default', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Wie speelt er?' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  });
});

test.describe('switching', () => {
  test.use({ locale: 'nl-NL' });

  test('mid-scenario: the same step goes on in English, and the choice is remembered', async ({ page }) => {
    await watchCsp(page);
    await page.goto(`/#/play/${id}?mode=assessment`);
    await waitForOptions(page);
    const start = scenario.nodes[scenario.start];
    await expect(page.getByText(inLang(start.situation, 'nl'))).toBeVisible();
    await pressOption(page, inLang(start.options[0].text, 'nl'));
    await expect(page.locator('#situation-heading')).toContainText('Beslissing 2');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#situation-heading')).toContainText('Decision 2');
    const next = scenario.nodes[start.options[0].next as string];
    if (next) await expect(page.getByText(inLang(next.situation, 'en'))).toBeVisible();
    await expect(page.getByRole('heading', { name: 'What do you do?' })).toBeVisible();

    await page.reload();
    await waitForOptions(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#situation-heading')).toContainText('Decision 2');
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(page.locator('#situation-heading')).toContainText('Beslissing 2');
    await expectNoCspViolations(page);
  });

  test('the report names the dimensions in both languages', async ({ page }) => {
    const plan = plannedPaths(scenario).find((p) => !p.keys.includes(0))!;
    await page.goto(`/#/play/${id}?mode=assessment`);
    for (const option of plan.texts) {
      await waitForOptions(page);
      const step = await page.locator('#situation-heading').textContent();
      await pressOption(page, option!.nl);
      await expect(page.locator('#situation-heading, #ending-heading').first()).not.toHaveText(step ?? '');
    }
    await page.getByRole('link', { name: 'Naar het rapport' }).click();
    await expectReportScores(page, plan.scores, 'nl');
    await page.getByRole('button', { name: 'English' }).click();
    await expectReportScores(page, plan.scores, 'en');
    await expect(page.getByRole('heading', { name: 'Scores' })).toBeVisible();
  });
});
