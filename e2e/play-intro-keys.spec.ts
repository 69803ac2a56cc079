/**
 * A keyboard player begins a run from its intro without a Tab: Enter, Space or 1 (as on the
 * decisions), with the focus on the intro's heading (kept for screen readers) or nowhere; on the
 * direct-link page before the app has loaded, on `#/play/<id>` and in the app itself.
 */
import { expect, test, type Page } from '@playwright/test';
import { holdApp } from './helpers';

test.use({ locale: 'nl-NL' });

const TOY = 'toy-shop-saturday';

async function beginsWith(page: Page, key: string, onHeading: boolean) {
  const begin = page.getByRole('button', { name: 'Beginnen' });
  await expect(begin).toBeVisible();
  await expect(page.getByText('Of druk op Enter, de spatiebalk of 1.')).toBeVisible();
  if (onHeading) await page.getByRole('heading', { name: 'Voordat je begint' }).focus();
  await page.keyboard.press(key);
  await expect(begin).toBeHidden();
  await expect(page.getByText('Beslissing 1', { exact: true })).toBeVisible();
  // The key began the run and chose nothing: every option is still there to choose.
  await expect(page.locator('button[data-option]').first()).toBeEnabled();
  await expect(page.locator('button[data-option][aria-pressed="true"]')).toHaveCount(0);
}

for (const [key, name] of [['Enter', 'Enter'], ['1', '1'], [' ', 'Space']] as const) {
  test(`the direct link, before the app has loaded: ${name} on the intro's heading begins`, async ({ page }) => {
    const release = await holdApp(page);
    await page.goto(`/play/${TOY}/`);
    await beginsWith(page, key, true);
    release();
  });
}

test('an old link (#/play/<id>), before the app has loaded: Enter with the focus nowhere begins', async ({ page }) => {
  const release = await holdApp(page);
  await page.goto(`/#/play/${TOY}`);
  await beginsWith(page, 'Enter', false);
  release();
});

for (const [key, name] of [['Enter', 'Enter'], ['1', '1'], [' ', 'Space']] as const) {
  test(`in the app (Scenarios → play): ${name} on the intro's heading begins`, async ({ page }) => {
    await page.goto('/#/scenarios');
    await expect(page.locator('#boot')).toHaveCount(0);
    await page.evaluate((id) => (location.hash = `#/play/${id}`), TOY);
    await beginsWith(page, key, true);
  });
}

test('in the app, a key on a control is the control’s: 1 on the language button does not begin', async ({ page }) => {
  await page.goto('/#/scenarios');
  await expect(page.locator('#boot')).toHaveCount(0);
  await page.evaluate((id) => (location.hash = `#/play/${id}`), TOY);
  await expect(page.getByRole('button', { name: 'Beginnen' })).toBeVisible();
  await page.locator('button.lang[lang="nl"]').focus();
  await page.keyboard.press('1');
  await expect(page.getByRole('button', { name: 'Beginnen' })).toBeVisible();
});
