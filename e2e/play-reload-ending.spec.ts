/**
 * A reload never starts a run the player did not ask for: on the ending it shows that run's ending
 * again, and a run that was only opened (no choice, no countdown) leaves nothing in the history —
 * so neither the player nor a facilitator sees a phantom "not finished, no choices yet" run.
 */
import { expect, test, type Page } from '@playwright/test';
import { readDb } from './persist-support';

const TOY = 'toy-shop-saturday';

test.use({ locale: 'en-GB' });

/** Plays a coaching run on to its ending: "Begin", then the first option and "Continue" each time. */
async function playThrough(page: Page): Promise<void> {
  const ending = page.locator('#ending-heading');
  const begin = page.getByRole('button', { name: 'Begin' });
  const next = page.getByRole('button', { name: 'Continue', exact: true });
  const option = page.locator('button[data-option]:enabled').first();
  for (let i = 0; i < 80; i++) {
    await expect(ending.or(begin).or(next).or(option).first()).toBeVisible();
    if (await ending.isVisible()) return;
    // Each step waits for its own effect: right after a click the old option or button can still
    // be on screen, and reading the page then would click it a second time.
    if (await begin.isVisible()) {
      await begin.click();
      await expect(begin).toHaveCount(0);
    } else if (await next.isVisible()) {
      await next.click();
      await expect(next).toHaveCount(0);
    } else {
      await option.click();
      await expect(ending.or(next).first()).toBeVisible();
    }
  }
  await expect(ending).toBeVisible();
}

test('a reload on the ending of a direct link shows that ending again, not a new run', async ({ page }) => {
  await page.goto(`/play/${TOY}/`);
  await playThrough(page);
  const title = await page.locator('#ending-heading').textContent();
  const runId = await page.locator('[data-run-id]').getAttribute('data-run-id');

  await page.reload();
  await expect(page.getByRole('heading', { name: title!.trim() })).toBeVisible();
  await expect(page.getByRole('link', { name: 'See the report' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Begin' })).toHaveCount(0);
  await expect(page.locator('[data-run-id]')).toHaveAttribute('data-run-id', runId!);

  await page.getByRole('link', { name: 'My results' }).click();
  await expect(page.getByRole('heading', { name: 'My results', level: 1 })).toBeVisible();
  await expect(page.getByText(/1 finished run in 1 scenario/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Not finished yet' })).toHaveCount(0);
  await expect(page.getByText('no choices yet')).toHaveCount(0);
  const db = await readDb(page);
  expect(db.runs.map((r) => r.id)).toEqual([runId]);
});

test('a run opened and reloaded before any choice leaves no empty run in the history', async ({ page }) => {
  await page.goto(`/play/${TOY}/`);
  await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible();
  // The app has taken over from the pre-rendered page and opened its run.
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('[data-run-id]')).toHaveAttribute('data-run-id', /.+/);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible();
  await page.goto('/#/history');
  await expect(page.getByText('has not finished a scenario yet')).toBeVisible();
  await expect(page.getByText('no choices yet')).toHaveCount(0);
  expect((await readDb(page)).runs).toEqual([]);
});

test('an address naming a run this device does not have starts one run, and a reload goes on with it', async ({ page }) => {
  // A finished run's address copied to another device, or a run whose first write failed.
  await page.goto(`/#/play/${TOY}?run=not-on-this-device`);
  await page.getByRole('button', { name: 'Begin' }).click();
  const runId = await page.locator('[data-run-id]').getAttribute('data-run-id');
  await page.locator('button[data-option]:enabled').first().click();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Decision 2/ })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: /Decision 2/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Begin' })).toHaveCount(0);
  await expect(page.locator('[data-run-id]')).toHaveAttribute('data-run-id', runId!);
  expect((await readDb(page)).runs.map((r) => r.id)).toEqual([runId]);
});
