/**
 * Two tabs: the same run is never played in both at once. The second tab says so in plain words
 * and offers to continue there; taking over tells the first tab, which stops writing. Two tabs
 * that import results at once both keep what each of them logged.
 */
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { engineRun, readDb, signedElsewhere, startAs, shownStep } from './persist-support';

const TOY = 'toy-shop-saturday';

test('a run open in one tab is not played in a second; "Continue here" takes it over', async ({ context }) => {
  const first = await context.newPage();
  await startAs(first, 'Tess', TOY);
  await first.locator('button[data-option]:enabled').first().click();
  await expect.poll(() => shownStep(first)).toBe(2);

  const second = await context.newPage();
  await second.goto(`/#/play/${TOY}?mode=assessment`);
  await expect(second.getByText('This game is open in another tab.')).toBeVisible();
  await expect(second.locator('button[data-option]')).toHaveCount(0);

  await second.getByRole('button', { name: 'Continue here' }).click();
  await expect.poll(() => shownStep(second)).toBe(2);
  await expect(first.getByText('You are now playing on in another tab.')).toBeVisible();
  // The first tab can no longer choose.
  await expect(first.locator('button[data-option]').first()).toBeDisabled();

  await second.locator('button[data-option]:enabled').first().click();
  await expect.poll(() => shownStep(second)).toBe(3);
  const db = await readDb(second);
  expect(db.runs).toHaveLength(1);
  expect(db.runs[0].events.filter((e) => e.type !== 'timer.scale' && e.type !== 'timer.start')).toHaveLength(2);

  // And back again: the first tab re-reads what the second wrote.
  await first.getByRole('button', { name: 'Continue here' }).click();
  await expect.poll(() => shownStep(first)).toBe(3);
  await expect(second.getByText('You are now playing on in another tab.')).toBeVisible();
});

test('two tabs importing results at once: a log write of one that drops the other’s entries is repaired', async ({ context }, info) => {
  const playerId = 'p-anna';
  const runs = await signedElsewhere(['anna-1', 'anna-2'].map((id, i) => ({ ...engineRun(TOY, id, (available) => available[i % available.length].id), playerId })));
  const profiles = [{ id: playerId, name: 'Anna', teamId: null, createdAt: 1 }];
  const kassa = info.outputPath('kassa.json');
  writeFileSync(kassa, JSON.stringify({ format: 'frontlijn-results', formatVersion: 2, exportedAt: Date.now(), scope: { kind: 'all' }, teams: [], profiles, scenarios: [], runs, scores: [] }));
  const [first, second] = [await context.newPage(), await context.newPage()];
  await second.goto('/#/results');
  await first.goto('/#/results');
  await first.getByLabel('Results file (.json)').setInputFiles(kassa);
  const kassaLogged = (page: typeof first) => page.getByRole('log').getByText('kassa.json: 2 new runs, none already here, 1 new player.');
  await expect(kassaLogged(first)).toBeVisible();
  // The second tab imported bar.json at the same moment: having read the log before the first tab
  // wrote to it, it stores the log as it saw it plus its own entry (what a browser may do when
  // two tabs write one localStorage key at once).
  const barEntry = { ok: true, file: 'bar.json', said: [{ key: 'teams.import.outcome', args: { added: 1, updated: 0, skipped: 0, players: 1 } }], id: 'bar1', at: Date.now() };
  await second.evaluate((entry) => localStorage.setItem('frontlijn-received', JSON.stringify([entry])), barEntry);
  // The first tab puts its entries back: both tabs, and a reload, show both imports.
  const barLogged = (page: typeof first) => page.getByRole('log').getByText('bar.json: 1 new run, none already here, 1 new player.');
  await expect(barLogged(first)).toBeVisible();
  await expect(kassaLogged(first)).toBeVisible();
  await expect(kassaLogged(second)).toBeVisible();
  await expect(barLogged(second)).toBeVisible();
  await second.reload();
  await expect(kassaLogged(second)).toBeVisible();
  await expect(barLogged(second)).toBeVisible();
});
