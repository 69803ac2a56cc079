/**
 * The game as an installed app: after one visit the service worker has everything, and with the
 * network off a built-in scenario plays to its ending, its direct-link page opens, and every
 * sound is there. (Other specs block service workers: playwright.config.ts.)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { begin, builtinIds, expectReportScores, plannedPaths, pressOption, readScenario, waitForOptions, untilCountdownRuns } from './helpers';
import { readDb } from './persist-support';
import { LRS_ENDPOINT, connectInSettings } from './lrs-support';

test.use({ serviceWorkers: 'allow', locale: 'nl-NL' });
// The update test changes the served service worker: the two must not overlap.
test.describe.configure({ mode: 'serial' });

const ID = 'cafe-terrace-sun';
const scenario = readScenario(ID);
const plan = plannedPaths(scenario).find((p) => !p.keys.includes(0))!;
const sounds = readdirSync(new URL('../public/audio/', import.meta.url)).filter((f) => /\.(webm|mp3)$/.test(f));

test('after one visit, every built-in scenario and sound is there offline, and one plays to its ending', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The service worker is active once it has precached everything.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  await context.setOffline(true);
  await page.clock.install();
  // A new page load with no network: everything comes from the service worker.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await page.goto(`/#/play/${ID}?mode=assessment`);
  for (let i = 0; i < plan.keys.length; i++) {
    await waitForOptions(page);
    await expect(page.locator('#situation-heading')).toContainText(`Beslissing ${i + 1}`);
    await pressOption(page, plan.texts[i]!.nl);
  }
  await expect(page.locator('#ending-heading')).toBeVisible();
  await page.getByRole('link', { name: 'Naar het rapport' }).click();
  await expect(page.getByText('Rapport van de mystery shopper')).toBeVisible();
  await expectReportScores(page, plan.scores, 'nl');

  // Every sound, from the device.
  const sizes = await page.evaluate(
    (files) => Promise.all(files.map((f) => fetch(`/audio/${f}`).then((r) => (r.ok ? r.blob().then((b) => b.size) : -r.status), (e) => String(e)))),
    sounds,
  );
  expect(sizes.every((n) => typeof n === 'number' && n > 0), JSON.stringify(Object.fromEntries(sounds.map((f, i) => [f, sizes[i]])))).toBe(true);

  // Every built-in scenario's own page (the room's QR code) opens on its intro, then ("Begin") its first decision.
  for (const id of builtinIds()) {
    await page.goto(`/play/${id}/`);
    await begin(page);
    await expect(page.locator('#situation-heading')).toContainText('Beslissing 1');
    await expect(page.locator('button[data-option]').first()).toBeVisible();
  }
});

test('the game says once that it works offline, and while offline that runs stay on the device', async ({ page, context }) => {
  await page.goto('/#/scenarios');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Once everything is on the device: a quiet note (a status, not a dialog), put away by keyboard.
  const ready = page.getByRole('status').filter({ hasText: 'Frontlijn werkt nu ook zonder internet.' });
  await expect(ready).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const gotIt = ready.getByRole('button', { name: 'Begrepen' });
  expect((await gotIt.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await gotIt.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Frontlijn werkt nu ook zonder internet.')).toHaveCount(0);

  // The network goes: a small line says where the runs go; it leaves with the network's return.
  const away = page.getByRole('status').filter({ hasText: 'Offline — je rondes worden op dit apparaat bewaard.' });
  await context.setOffline(true);
  await expect(away).toBeVisible();
  await context.setOffline(false);
  await expect(away).toHaveCount(0);

  // With an LRS, its statements wait for the network.
  await page.getByRole('button', { name: 'English' }).click();
  await connectInSettings(page, LRS_ENDPOINT);
  await page.goto('/#/history');
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Offline — your runs are kept on this device and go to the LRS once you are back online.' })).toBeVisible();
  await context.setOffline(false);
});

test('a new version waits: never offered during a run, offered after it, never taken unasked', async ({ page }) => {
  await page.clock.install();
  await page.goto(`/#/play/${ID}`);
  await begin(page);
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 1');
  // The first decision is timed: its options in view (and its situation read) log `timer.start`,
  // so the run is under way (past its intro) once that is saved; only then is the page reloaded.
  await expect(page.locator('button[data-option]').first()).toBeEnabled();
  await untilCountdownRuns(page);
  await expect
    .poll(async () => (await readDb(page)).runs.some((r) => r.scenarioId === ID && r.events.some((e) => e.type === 'timer.start')))
    .toBe(true);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The next visit is the installed app (the worker controls the page); a run is under way.
  await page.reload();
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 1');
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toMatch(/sw\.js$/);

  // A new version is published while the player is in a run.
  const swFile = new URL('../dist/sw.js', import.meta.url);
  const original = readFileSync(swFile, 'utf8');
  // Same length (the preview server keeps each file's size from its start): one revision differs.
  const changed = original.replace(/revision:"(.)/, (_m, c: string) => `revision:"${c === '0' ? '1' : '0'}`);
  expect(changed).not.toBe(original);
  writeFileSync(swFile, changed);
  try {
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(true);
    // During the run: no offer, and the run is still there.
    await expect(page.getByRole('button', { name: 'Nu bijwerken' })).toHaveCount(0);
    await expect(page.locator('#situation-heading')).toContainText('Beslissing 1');

    // Off the play screen the offer appears; nothing changes until it is taken.
    await page.goto('/#/scenarios');
    const update = page.getByRole('button', { name: 'Nu bijwerken' });
    await expect(update).toBeVisible();
    await expect(page.getByText('Er is een nieuwe versie van Frontlijn')).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(true);
    // Back in the run (it resumes where it was): the offer stays out of the way.
    await page.goto(`/#/play/${ID}`);
    await expect(page.locator('#situation-heading')).toContainText('Beslissing 1');
    await expect(page.getByRole('button', { name: 'Nu bijwerken' })).toHaveCount(0);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(true);
    // (Taking it — "Nu bijwerken" — messages the waiting worker to take over and reloads; not
    // asserted here: in repeated runs Chromium now and then left the worker waiting.)
  } finally {
    writeFileSync(swFile, original);
  }
});
