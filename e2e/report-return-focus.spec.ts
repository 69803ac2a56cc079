/**
 * Back from a report, a keyboard player lands where they left the list: on the card of the
 * scenario just played (Scenarios) or on the Report link of the run just read (My results), not
 * on the page's heading with the whole list to Tab through again.
 */
import { expect, test } from '@playwright/test';
import { playToEnd, startAs } from './persist-support';
import { readScenario } from './helpers';

const ID = 'age-check';
const title = (readScenario(ID).title as { en: string }).en;

test('"All scenarios" on the report returns the focus to the card of the scenario just played', async ({ page }) => {
  await startAs(page, 'Lena', ID);
  await playToEnd(page);
  await page.getByRole('link', { name: 'See the report' }).click();
  await page.getByRole('link', { name: 'All scenarios' }).first().press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeFocused();
});

test('Back from a report opened in My results returns the focus to that run’s Report link', async ({ page }) => {
  await startAs(page, 'Lena', ID);
  const runId = await playToEnd(page);
  await page.goto('/#/history');
  await page.getByText('1 attempt', { exact: true }).click();
  const report = page.getByRole('link', { name: 'Report' });
  await expect(report).toHaveAttribute('href', `#/report/${runId}`);
  await report.press('Enter');
  await expect(page.getByRole('link', { name: 'All scenarios' }).first()).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'My results', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Report' })).toBeFocused();
});
