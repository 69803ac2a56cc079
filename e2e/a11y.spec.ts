/**
 * Every screen of the game checked with axe (WCAG 2.0/2.1/2.2 A and AA) with zero violations,
 * one h1 each, no CSP violation, and screenshots at 360 and 1280 px attached as artefacts.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { attachScreens, expectAccessible, expectNoCspViolations, plannedPaths, pressOption, readScenario, waitForOptions, watchCsp } from './helpers';

test.use({ locale: 'nl-NL' });

const id = 'toy-shop-saturday';

async function check(page: Page, testInfo: TestInfo, name: string) {
  await expect(page.locator('h1')).toHaveCount(1);
  await expectAccessible(page, testInfo, name);
  await attachScreens(page, testInfo, name);
  await expectNoCspViolations(page);
}

test.beforeEach(async ({ page }) => {
  await watchCsp(page);
});

test('who is playing (empty, then with players)', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Wie speelt er?' })).toBeVisible();
  await check(page, testInfo, 'who-empty');
  await page.getByLabel('Je naam').fill('Anna');
  await page.getByLabel('Team').selectOption({ label: 'Nieuw team…' });
  await page.getByLabel('Naam van het nieuwe team').fill('Zaterdagploeg');
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kies een scenario' })).toBeVisible();
  await page.getByRole('link', { name: 'Volgende speler' }).click();
  await expect(page.getByRole('button', { name: 'Speel als Anna' })).toBeVisible();
  await check(page, testInfo, 'who-players');
});

test('choose a scenario and the mode', async ({ page }, testInfo) => {
  await page.goto('/#/scenarios');
  await expect(page.getByRole('heading', { level: 1, name: 'Kies een scenario' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await check(page, testInfo, 'scenarios');
  await page.goto(`/#/mode/${id}`);
  await expect(page.getByRole('radio', { name: /Toets/ })).toBeVisible();
  await check(page, testInfo, 'mode');
});

test('play: a timed decision, coaching feedback, the ending and the report', async ({ page }, testInfo) => {
  const plan = plannedPaths(readScenario(id)).find((p) => !p.keys.includes(0))!;
  await page.goto(`/#/play/${id}?mode=coaching`);
  await expect(page.getByRole('button', { name: 'Beginnen' })).toBeVisible();
  await check(page, testInfo, 'play-intro');
  await waitForOptions(page);
  await check(page, testInfo, 'play-decision');
  for (let i = 0; i < plan.keys.length; i++) {
    await waitForOptions(page);
    await pressOption(page, plan.texts[i]!.nl);
    await expect(page.locator('#feedback-heading')).toBeFocused();
    if (i === 0) await check(page, testInfo, 'play-feedback');
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
  }
  await expect(page.locator('#ending-heading')).toBeFocused();
  await check(page, testInfo, 'play-ending');
  await page.getByRole('link', { name: 'Naar het rapport' }).click();
  await expect(page.getByRole('meter', { name: 'Warmte' })).toBeVisible();
  // A new screen puts the focus on its heading (also after its loading state).
  await expect(page.locator('#main h1')).toBeFocused();
  await check(page, testInfo, 'report');
  await page.getByText(/^Toon (alle \d+ beslissingen|de beslissing)$/).click();
  await expect(page.getByText('Beste keuze vanaf hier').first()).toBeVisible();
  await check(page, testInfo, 'report-path');
  await page.getByLabel('Wat zou je op je werk nodig hebben om zo te handelen?').fill('Een collega die meekijkt.');
  await page.getByRole('button', { name: 'Antwoord bewaren' }).click();
  await expect(page.getByText('Bewaard bij deze ronde.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Wat zou je op je werk nodig hebben om zo te handelen?')).toHaveValue('Een collega die meekijkt.');
});

test('settings and a wrong address', async ({ page }, testInfo) => {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  await check(page, testInfo, 'settings');
  await page.goto('/#/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
  await check(page, testInfo, 'not-found');
});

test('reduced motion: the setting stops animation', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByRole('radio', { name: 'Minder beweging' }).check();
  await expect(page.locator('html')).toHaveClass(/reduce-motion/);
  await page.getByRole('radio', { name: 'Beweging toestaan' }).check();
  await expect(page.locator('html')).not.toHaveClass(/reduce-motion/);
});
