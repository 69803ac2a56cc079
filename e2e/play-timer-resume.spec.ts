/**
 * A run taken up again after a reload keeps the timer its player chose in it: "more time" stays
 * given, a timer turned off stays off. A setting changed while the run was closed can give more
 * time, never take any away, and never turns an assessment's timer off (its report would say so).
 */
import { expect, test, type Page } from '@playwright/test';
import { readDb } from './persist-support';
import { untilCountdownRuns, waitForOptions } from './helpers';

const id = 'toy-shop-saturday';

/** Opens a new run at its timed first decision, with the countdown running. */
async function openCounting(page: Page, mode: 'coaching' | 'assessment'): Promise<void> {
  await page.clock.install();
  await page.goto(`/#/play/${id}?mode=${mode}`);
  await waitForOptions(page);
  await untilCountdownRuns(page);
}

/** Waits until the run on disk has the timer change just made (a reload must not overtake its write). */
async function untilStored(page: Page, scale: number): Promise<void> {
  await expect
    .poll(async () => (await readDb(page)).runs.some((r) => r.events.some((e) => e.type === 'timer.scale' && e.scale === scale)))
    .toBe(true);
}

test.describe('nl', () => {
  test.use({ locale: 'nl-NL' });

  test('"Meer tijd" given in a run is still given after a reload', async ({ page }) => {
    await openCounting(page, 'assessment');
    await page.getByRole('button', { name: 'Meer tijd' }).click();
    await expect(page.getByRole('timer')).toHaveText(/^nog \d:\d\d min$/);
    await untilStored(page, 10);

    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'Verder waar je gebleven was.' })).toBeVisible();
    await expect(page.getByRole('timer')).toHaveText(/^nog \d:\d\d min$/);
    await expect(page.getByRole('status').filter({ hasText: 'Meer tijd gegeven' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Meer tijd' })).toHaveCount(0);
  });

  test('timers turned off in the settings while an assessment was closed: the slowest timer, not off', async ({ page }) => {
    await openCounting(page, 'assessment');
    await page.goto('/#/settings');
    await page.getByRole('radio', { name: /Uit: geen tijdslimieten/ }).check();
    await expect(page.getByText('Bewaard.')).toBeVisible();

    await page.goto(`/#/play/${id}?mode=assessment`);
    await expect(page.getByRole('status').filter({ hasText: 'Verder waar je gebleven was.' })).toBeVisible();
    // more time, as the setting asks; turning the timer off is the player's own step, said first
    await expect(page.getByRole('timer')).toHaveText(/^nog \d:\d\d min$/);
    await expect(page.getByRole('button', { name: 'Timer uitzetten' })).toHaveAccessibleDescription('In een toets meldt je rapport dan: zonder timer gespeeld.');
    await expect(page.getByText('Geen tijdslimiet')).toHaveCount(0);
  });
});

test.describe('en', () => {
  test.use({ locale: 'en-GB' });

  test('a timer turned off in an assessment stays off after a reload', async ({ page }) => {
    await openCounting(page, 'assessment');
    await page.getByRole('button', { name: 'Turn the timer off' }).click();
    await expect(page.getByRole('timer')).toHaveText('No time limit');
    await untilStored(page, 0);

    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'Continued where you left off.' })).toBeVisible();
    await expect(page.getByRole('timer')).toHaveText('No time limit');
    await expect(page.getByRole('status').filter({ hasText: 'Timer turned off' })).toBeVisible();
    await page.clock.fastForward(10 * 60 * 1000);
    await expect(page.locator('#situation-heading')).toContainText('Decision 1');
    await expect(page.locator('button[data-option]').first()).toBeEnabled();
  });

  test('a slower timer chosen in the settings while a practice run was closed slows it down', async ({ page }) => {
    await openCounting(page, 'coaching');
    await page.goto('/#/settings');
    await page.getByRole('radio', { name: /Much slower/ }).check();
    await expect(page.getByText('Saved.')).toBeVisible();

    await page.goto(`/#/play/${id}?mode=coaching`);
    await expect(page.getByRole('status').filter({ hasText: 'Continued where you left off.' })).toBeVisible();
    await expect(page.getByRole('timer')).toHaveText(/^\d:\d\d min left$/);
  });
});
