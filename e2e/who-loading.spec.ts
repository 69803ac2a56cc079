/**
 * While the device's players are still being read, the who-screen says it is loading: it never
 * says "no players yet" above a list that is about to appear (a player would add themselves a
 * second time).
 */
import { expect, test } from '@playwright/test';
import { startAs } from './persist-support';
import { holdDb } from './helpers';

test.use({ locale: 'en-GB' });

test('the who-screen shows "Loading…", not "no players yet", until the stored players are read', async ({ page: first, context }) => {
  await startAs(first, 'Anna', 'toy-shop-saturday');
  await first.close();
  // The next visit holds the database's "opened" event until the test lets it through.
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await holdDb(page);
  await page.goto('/#/');
  await expect(page.getByRole('heading', { name: 'Who is playing?', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toBeVisible();
  await expect(page.getByText('No players yet')).toHaveCount(0);

  await page.evaluate(() => (window as unknown as { releaseDb: () => void }).releaseDb());
  await expect(page.getByRole('button', { name: 'Play as Anna' })).toBeVisible();
  await expect(page.getByText('Loading…')).toHaveCount(0);
  await expect(page.getByText('No players yet')).toHaveCount(0);
  // Anna's row took the room kept for it: nothing below moved (as for a device with no players)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
});
