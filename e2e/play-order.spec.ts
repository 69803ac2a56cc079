import { expect, test, type Page } from '@playwright/test';
import { expectNoCspViolations, readScenario, waitForOptions, watchCsp } from './helpers';

/**
 * The options of a decision are shown in an order of their own for every run (so that the
 * first, or key 1, says nothing about which is best), the same order after a reload, on the
 * direct-link page as in the app, and the report shows each decision as the player saw it.
 */
const TRAM = 'tram-card-reader';
const TOY = 'toy-shop-saturday';
const toy = readScenario(TOY);

test.use({ locale: 'nl-NL' });

/** The option texts of the current decision, in the order shown. */
async function shownOrder(page: Page): Promise<string[]> {
  await waitForOptions(page);
  return (await page.getByRole('list', { name: 'Wat doe je?' }).getByRole('button').locator('.text').allTextContents()).map((t) => t.trim());
}

test('each run shows the options in its own order, and keeps it after a reload', async ({ page }) => {
  // Six fresh profiles, each loaded three times: a long test on a busy machine, not a slow app.
  test.slow();
  await watchCsp(page);
  const orders = new Set<string>();
  for (let i = 0; i < 6; i++) {
    // A fresh browser profile each time: a new guest, a new run.
    await page.goto('about:blank');
    await page.context().clearCookies();
    await page.goto(`/#/play/${TRAM}?mode=assessment`);
    await page.evaluate(async () => {
      localStorage.clear();
      for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
    });
    await page.reload();
    const order = await shownOrder(page);
    orders.add(order.join(' | '));
    // Key 1 picks the option shown first.
    await page.keyboard.press('1');
    await expect(page.locator('#situation-heading, #ending-heading').first()).not.toContainText('Beslissing 1');
    // The same run after a reload (it is stored with its first choice): the same order.
    if ((await page.locator('#ending-heading').count()) === 0) {
      const next = await shownOrder(page);
      await page.reload();
      expect(await shownOrder(page)).toEqual(next);
    }
  }
  expect(orders.size, 'six runs showed the first decision in one order').toBeGreaterThan(1);
  await expectNoCspViolations(page);
});

test('the report shows each decision\'s options in the order the player saw them', async ({ page }) => {
  await page.goto(`/#/play/${TRAM}?mode=assessment`);
  const seen: string[][] = [];
  const picked: string[] = [];
  while (await page.locator('#ending-heading').count() === 0) {
    const order = await shownOrder(page);
    seen.push(order);
    // The last option shown: any place can be chosen, and the report must name it.
    picked.push(order[order.length - 1]);
    const step = await page.locator('#situation-heading').textContent();
    await page.keyboard.press(String(order.length));
    await expect(page.locator('#situation-heading, #ending-heading').first()).not.toHaveText(step ?? '');
  }
  await page.getByRole('link', { name: 'Naar het rapport' }).click();
  // The full path sits behind a disclosure under the summary.
  // The player's own path decides how many (the options are shuffled per run): Dutch says "beide" for two.
  await page.getByText({ 1: 'Toon de beslissing', 2: 'Toon beide beslissingen' }[seen.length] ?? `Toon alle ${seen.length} beslissingen`).click();
  const lists = page.locator('details.seen');
  await expect(lists).toHaveCount(seen.length);
  for (let i = 0; i < seen.length; i++) {
    await lists.nth(i).getByText('De opties zoals je ze zag').click();
    const items = (await lists.nth(i).getByRole('listitem').allTextContents()).map((t) => t.replace(/\s*— jouw keuze$/, '').trim());
    expect(items).toEqual(seen[i]);
    await expect(lists.nth(i).getByRole('listitem').filter({ hasText: 'jouw keuze' })).toContainText(picked[i]);
  }
});

test('a direct link shows the first decision shuffled, and the app keeps that order', async ({ page }) => {
  const orders = new Set<string>();
  for (let i = 0; i < 5; i++) {
    // The app's code is held back (a slow phone network) until the page's order was read.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await page.unrouteAll();
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(`/play/${TOY}/`, { waitUntil: 'commit' });
    await page.locator('#boot').getByRole('button', { name: 'Beginnen' }).click();
    const bootList = page.locator('#boot').getByRole('list', { name: 'Wat doe je?' }).getByRole('button');
    await expect(bootList).toHaveCount(toy.nodes[toy.start].options.length);
    const before = (await bootList.locator('.text').allTextContents()).map((t) => t.trim());
    // The keys are numbered in the order shown.
    for (let k = 0; k < before.length; k++) await expect(bootList.nth(k)).toHaveAttribute('aria-keyshortcuts', String(k + 1));
    release();
    await expect(page.locator('#boot')).toHaveCount(0);
    expect(await shownOrder(page)).toEqual(before);
    orders.add(before.join(' | '));
    await page.evaluate(async () => {
      localStorage.clear();
      for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
    });
  }
  expect(orders.size).toBeGreaterThan(1);
});
