/**
 * Results a facilitator can trust (#17), in Chromium with the real IndexedDB: a results file or a
 * link cannot set leaderboard scores with a forged scenario version, replace a scenario, or file
 * runs under someone else; and a laptop holding hostile data still shows every screen.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { applyEvent, initialPlayState } from '../src/engine/replay';
import { contentHash } from '../src/engine/hash';
import type { Run, Scenario } from '../src/engine/types';
import { encodeRunLink } from '../src/persistence/run-link';
import { canonical, deviceOpener, readDb, signedElsewhere } from './persist-support';
import { readScenario } from './helpers';

const TOY = 'toy-shop-saturday';
const TOY_TITLE = 'Toy shop on a Saturday';

const open = deviceOpener();
async function device(browser: Browser): Promise<Page> {
  const page = await open(browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}
const errorsOf = (page: Page) => (page as Page & { errors: string[] }).errors;

interface Version {
  hash: string;
  id: string;
  custom: boolean;
  source: string;
  scenario: Scenario;
}

/** A version of the toy shop, edited, with its hash recomputed by the project's own contentHash. */
function forgedToy(custom: boolean, edit: (s: Scenario) => void): Version {
  const s = readScenario(TOY);
  edit(s);
  const source = JSON.stringify(s, null, 2);
  return { hash: contentHash(s), id: s.id, custom, source, scenario: s };
}
const generous = (s: Scenario) => {
  for (const n of Object.values(s.nodes)) for (const o of n.options) o.effects = { ...o.effects, warmth: 2, initiative: 2, outcome: 2 };
};

function play(scenario: Scenario, hash: string, id: string, playerId: string, pick: (i: number) => number, finish = true): Run {
  const t0 = Date.now() - 600_000;
  const run: Run = { formatVersion: 1, id, scenarioId: scenario.id, scenarioHash: hash, playerId, mode: 'assessment', timerScale: 1, startedAt: t0, events: [] };
  let state = initialPlayState(scenario, run);
  let at = t0;
  while (state.node !== null) {
    at += 2000;
    const e = { type: 'choice.select' as const, node: state.node, option: state.available[pick(run.events.length) % state.available.length].id, at };
    state = applyEvent(scenario, state, e, run.events.length);
    run.events.push(e);
    if (!finish) return run;
  }
  run.finishedAt = at;
  return run;
}

/** A results file as another device exports it (its runs signed by that device). */
async function writeResults(path: string, parts: { scenarios?: { hash: string; id: string; custom: boolean; source: string }[]; runs: Run[]; profiles: { id: string; name: string }[] }): Promise<string> {
  writeFileSync(
    path,
    JSON.stringify({
      format: 'frontlijn-results',
      formatVersion: 2,
      exportedAt: Date.now(),
      scope: { kind: 'all' },
      teams: [],
      profiles: parts.profiles.map((p) => ({ ...p, teamId: null, createdAt: 1 })),
      scenarios: (parts.scenarios ?? []).map(({ hash, id, custom, source }) => ({ hash, id, custom, source })),
      runs: await signedElsewhere(parts.runs),
      scores: [],
    }),
  );
  return path;
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.goto('/#/results');
  await page.getByLabel('Results file (.json)').setInputFiles(path);
}

test('a forged scenario version in a results file sets no score until the facilitator accepts it', async ({ browser }, info) => {
  const laptop = await device(browser);
  const forged = forgedToy(false, generous);
  const run = play(forged.scenario, forged.hash, 'forged-1', 'mallory', () => 0);
  await importFile(laptop, await writeResults(info.outputPath('forged.json'), { scenarios: [forged], runs: [run], profiles: [{ id: 'mallory', name: 'Mallory' }] }));

  const log = laptop.getByRole('log');
  await expect(log).toContainText('1 new run');
  await expect(log).toContainText('1 run kept apart');
  await expect(log).toContainText(`Scenario “${TOY_TITLE}” (version ${forged.hash.slice(0, 8)}) is not known on this device: stored apart, not added.`);
  expect(canonical(await readDb(laptop)).results).toEqual([]);

  await laptop.goto(`/#/teams?scenario=${TOY}`);
  await expect(laptop.getByText(`No assessment runs of “${TOY_TITLE}” on this device yet.`)).toBeVisible();

  // The facilitator decides: only now does the run count.
  await laptop.goto('/#/results');
  const pending = laptop.getByRole('region', { name: 'Waiting for your decision' });
  await expect(pending).toContainText('This is not the version of this scenario that came with the app.');
  await pending.getByRole('button', { name: /Count its runs/ }).click();
  await expect(log).toContainText(`“${TOY_TITLE}” added: 1 run now counts.`);
  await expect(pending).toHaveCount(0);
  await laptop.goto(`/#/teams?scenario=${TOY}`);
  await expect(laptop.getByRole('row', { name: /Mallory/ })).toBeVisible();
  expect(errorsOf(laptop)).toEqual([]);
});

/** Writes a scenario version straight into the laptop's database, as an import before #17 could. */
async function storeVersion(page: Page, v: Version): Promise<void> {
  // The app opens (and creates) its database only once it has started, in steps after the page
  // loads; opening it here first would create an empty one that the app then sees as already made.
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'frontlijn'))).toBe(true);
  await page.evaluate(async (version) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('frontlijn');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('scenarios', 'readwrite');
      tx.objectStore('scenarios').put({ ...version, storedAt: Date.now() });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, v);
}

test('a stored custom version with a built-in’s id takes down no screen', async ({ browser }, info) => {
  const laptop = await device(browser);
  await laptop.goto('/#/');
  await storeVersion(laptop, forgedToy(true, generous));
  const toy = readScenario(TOY);
  await importFile(laptop, await writeResults(info.outputPath('anna.json'), { runs: [play(toy, contentHash(toy), 'run-a', 'anna', () => 0)], profiles: [{ id: 'anna', name: 'Anna' }] }));
  await expect(laptop.getByRole('log')).toContainText('1 new run');

  await laptop.goto(`/#/teams?scenario=${TOY}`);
  await expect(laptop.getByRole('heading', { name: 'Team scores' })).toBeVisible();
  await expect(laptop.getByLabel('Scenario').locator('option').filter({ hasText: TOY_TITLE })).toHaveCount(1);
  await expect(laptop.getByRole('row', { name: /Anna/ })).toBeVisible();
  for (const [path, heading] of [
    [`/#/debrief?scenario=${TOY}`, 'Debrief'],
    ['/#/room', 'Room mode'],
  ] as const) {
    await laptop.goto(path);
    await expect(laptop.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await expect(laptop.getByLabel('Scenario').locator('option').filter({ hasText: TOY_TITLE })).toHaveCount(1);
  }
  await laptop.goto('/#/scenarios');
  await expect(laptop.getByRole('heading', { name: TOY_TITLE })).toHaveCount(1);
  expect(errorsOf(laptop)).toEqual([]);
});

test('players with ids like __proto__ show their runs, not NaN', async ({ browser }, info) => {
  const laptop = await device(browser);
  const toy = readScenario(TOY);
  const ids = ['__proto__', 'constructor', 'hasOwnProperty'];
  const runs = ids.map((id, i) => play(toy, contentHash(toy), `run-${i}`, id, (k) => k + i));
  await importFile(laptop, await writeResults(info.outputPath('proto.json'), { runs, profiles: ids.map((id, i) => ({ id, name: `Player ${i + 1}` })) }));
  await expect(laptop.getByRole('log')).toContainText('3 new runs');
  await laptop.goto(`/#/teams?scenario=${TOY}`);
  for (let i = 1; i <= 3; i++) await expect(laptop.getByRole('row', { name: new RegExp(`Player ${i}`) })).toBeVisible();
  await laptop.goto('/#/players');
  for (let i = 1; i <= 3; i++) await expect(laptop.getByRole('listitem').filter({ hasText: `Player ${i}` })).toContainText('1 run');
  await expect(laptop.getByText(/NaN/)).toHaveCount(0);
  expect(errorsOf(laptop)).toEqual([]);
});

test('a link with an existing player’s id but another name is filed apart, and says so', async ({ browser }, info) => {
  const laptop = await device(browser);
  const toy = readScenario(TOY);
  const hash = contentHash(toy);
  await importFile(laptop, await writeResults(info.outputPath('dewi.json'), { runs: [play(toy, hash, 'dewi-1', 'p-dewi', () => 0)], profiles: [{ id: 'p-dewi', name: 'Dewi' }] }));
  await expect(laptop.getByRole('log')).toContainText('1 new run');

  const injected = play(toy, hash, 'mallory-1', 'p-dewi', () => 1);
  const data = await encodeRunLink({ run: injected, player: { id: 'p-dewi', name: 'Mallory', teamId: null, createdAt: 1 }, team: null });
  await laptop.goto(`/#/import-run/${data}`);
  await expect(laptop.getByRole('log')).toContainText(`Run of “Mallory” in “${TOY_TITLE}” filed under a player of their own: the player id on it belongs to Dewi on this device.`);
  const db = canonical(await readDb(laptop));
  expect(db.runs.filter((r) => r.playerId === 'p-dewi').map((r) => r.id)).toEqual(['dewi-1']);
  const mallory = db.profiles.find((p) => p.name === 'Mallory')!;
  expect(db.runs.find((r) => r.id === 'mallory-1')?.playerId).toBe(mallory.id);
});

test('an unfinished run handed in by link is logged as unfinished', async ({ browser }) => {
  const laptop = await device(browser);
  const toy = readScenario(TOY);
  const open = play(toy, contentHash(toy), 'open-1', 'p-eva', () => 0, false);
  await laptop.goto(`/#/import-run/${await encodeRunLink({ run: open, player: { id: 'p-eva', name: 'Eva', teamId: null, createdAt: 1 }, team: null })}`);
  await expect(laptop.getByRole('log')).toContainText(`Unfinished run of Eva in “${TOY_TITLE}” added: it counts in no scores until it is finished.`);
});

test('a link from a newer version of Frontlijn names its format', async ({ browser }) => {
  const laptop = await device(browser);
  const json = JSON.stringify([7, []]);
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const data = Buffer.from(bytes).toString('base64url');
  await laptop.goto(`/#/import-run/${data}`);
  await expect(laptop.getByRole('log')).toContainText('(format 7)');
  await expect(laptop.getByRole('log')).not.toContainText('{version}');
});
