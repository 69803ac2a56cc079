/**
 * Storage trouble in plain words, in Chromium: another tab holding an older version of the
 * database open (this tab plays in memory and says to close it or reload), and another tab
 * wanting to upgrade while this one holds the database (this tab says to reload).
 */
import { expect, test } from '@playwright/test';
import { readDb } from './persist-support';

test('an older tab blocking the upgrade is explained; after closing it a reload uses the database', async ({ context }) => {
  // A tab of an older Frontlijn (schema v2), which never lets go of its connection.
  const old = await context.newPage();
  await old.goto('/favicon.svg');
  await old.evaluate(`new Promise((resolve, reject) => {
    const req = indexedDB.open('frontlijn', 2);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('profiles', { keyPath: 'id' });
      const runs = db.createObjectStore('runs', { keyPath: 'id' });
      runs.createIndex('by-player', 'playerId');
      runs.createIndex('by-scenario', 'scenarioId');
      runs.createIndex('by-finished', 'finishedAt');
      db.createObjectStore('teams', { keyPath: 'id' });
      db.createObjectStore('scenarios', { keyPath: 'hash' }).createIndex('by-id', 'id');
      db.createObjectStore('kept-open');
    };
    req.onsuccess = () => { window.keep = req.result; resolve(); };
    req.onerror = () => reject(req.error);
  })`);

  const page = await context.newPage();
  await page.goto('/#/');
  await expect(page.getByText('Frontlijn is open in another tab with an older version. Close the other tab, or reload this one.')).toBeVisible({ timeout: 15_000 });
  // Playing on in memory works meanwhile.
  await page.getByLabel('Your name').fill('Mila');
  await page.getByRole('button', { name: /^start$/i }).click();
  await expect(page).toHaveURL(/#\/scenarios/);

  await old.close();
  await page.getByRole('button', { name: 'Reload' }).click();
  await page.waitForLoadState('load');
  await expect(page.getByText(/older version/)).toHaveCount(0);
  await page.goto('/#/');
  await page.getByLabel('Your name').fill('Noor');
  await page.getByRole('button', { name: /^start$/i }).click();
  await expect(page).toHaveURL(/#\/scenarios/);
  await expect.poll(async () => (await readDb(page)).profiles.map((p) => p.name)).toEqual(['Noor']);
});

test('a tab holding the database is told when another tab wants to upgrade it', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('/#/players');
  await expect(page.getByRole('heading', { name: 'Players and teams' })).toBeVisible();
  const newer = await context.newPage();
  await newer.goto('/favicon.svg');
  await newer.evaluate(`void indexedDB.open('frontlijn', 99)`);
  await expect(page.getByText("Another tab wants to update Frontlijn’s storage. Reload this tab to let it.")).toBeVisible();
});
