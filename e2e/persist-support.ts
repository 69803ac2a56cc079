/**
 * Helpers for the persistence, teams and results specs: read Frontlijn's IndexedDB straight from
 * the page (the real database, not the app's view of it), find a path through a built-in
 * scenario with the engine, and make choices the way a player does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { applyEvent, initialPlayState } from '../src/engine/replay';
import type { PlayState } from '../src/engine/contract';
import type { Run, Scenario } from '../src/engine/types';
import { contentHash } from '../src/engine/hash';
import { generateDeviceKey, outgoing } from '../src/persistence/run-signature';

export interface DbDump {
  runs: Run[];
  results: { runId: string; scores: Record<string, number> }[];
  profiles: { id: string; name: string; teamId: string | null; guestNumber?: number }[];
  teams: { id: string; name: string }[];
  scenarios: string[];
}

/** Everything in the 'frontlijn' database, sorted by key (the page must be on the app's origin). */
export async function readDb(page: Page): Promise<DbDump> {
  return page.evaluate(async () => {
    // Never create the database: a read before the app made it would otherwise leave an empty
    // version 1 behind, and the app's own upgrade from there would fail.
    const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
      const req = indexedDB.open('frontlijn');
      req.onupgradeneeded = () => req.transaction?.abort();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => (req.error?.name === 'AbortError' ? resolve(null) : reject(req.error));
    });
    if (!db) return { runs: [] as never, results: [] as never, profiles: [] as never, teams: [] as never, scenarios: [] };
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const keys = (store: string) =>
      new Promise<string[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const req = db.transaction(store).objectStore(store).getAllKeys();
        req.onsuccess = () => resolve(req.result as string[]);
        req.onerror = () => reject(req.error);
      });
    const out = {
      runs: (await all('runs')) as never,
      results: (await all('results')) as never,
      profiles: (await all('profiles')) as never,
      teams: (await all('teams')) as never,
      scenarios: await keys('scenarios'),
    };
    db.close();
    return out;
  });
}

/**
 * Opens devices for one spec: each its own browser context (its own IndexedDB and signing key),
 * all closed after each test. Call once at the top of a spec.
 */
export function deviceOpener(options: BrowserContextOptions = { locale: 'en-GB' }): (browser: Browser) => Promise<Page> {
  const opened: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
  });
  return async (browser) => {
    const ctx = await browser.newContext(options);
    opened.push(ctx);
    return ctx.newPage();
  };
}

/**
 * A finished run of a built-in scenario, played with the engine as a phone would have: a choice
 * every 2 s, ending two minutes ago, each one `pick`ed from the options shown.
 */
export function engineRun(scenarioId: string, runId: string, pick: (available: PlayState['available']) => string): Run {
  const scenario = loadScenario(scenarioId);
  const t0 = Date.now() - 120_000;
  const run: Run = { formatVersion: 1, id: runId, scenarioId, scenarioHash: contentHash(scenario), playerId: 'p-dewi', mode: 'assessment', timerScale: 1, startedAt: t0, events: [] };
  let state = initialPlayState(scenario, run);
  let at = t0;
  while (state.node !== null) {
    at += 2000;
    const event = { type: 'choice.select' as const, node: state.node, option: pick(state.available), at };
    state = applyEvent(scenario, state, event, run.events.length);
    run.events.push(event);
  }
  run.finishedAt = at;
  return run;
}

export function loadScenario(id: string): Scenario {
  return JSON.parse(readFileSync(new URL(`../scenarios/${id}.json`, import.meta.url), 'utf8')) as Scenario;
}

/**
 * The shortest list of option ids (always clicking, never waiting) from the start to a state
 * that satisfies `goal`, found with the engine's own step function.
 */
export function pathTo(scenario: Scenario, goal: (s: PlayState) => boolean): string[] {
  const run: Run = { formatVersion: 1, id: 'x', scenarioId: scenario.id, scenarioHash: 'x', playerId: null, mode: 'assessment', timerScale: 1, startedAt: 1e12, events: [] };
  const start = initialPlayState(scenario, run);
  const queue: { state: PlayState; path: string[] }[] = [{ state: start, path: [] }];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { state, path } = queue.shift()!;
    if (goal(state)) return path;
    if (state.node === null) continue;
    const key = `${state.node}|${state.mood}|${JSON.stringify(state.flags)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const o of state.available) {
      const next = applyEvent(scenario, state, { type: 'choice.select', node: state.node, option: o.id, at: state.enteredAt + 1000 }, path.length);
      queue.push({ state: next, path: [...path, o.id] });
    }
  }
  throw new Error('no path to the goal');
}

/** The "Step n" number shown, or null at an ending. */
export async function shownStep(page: Page): Promise<number | null> {
  // Read in one go: between a count and a read the heading may give way to the ending, and a
  // locator's read would then wait for a heading that never comes back.
  const text = await page.evaluate(() => document.getElementById('situation-heading')?.textContent ?? null);
  const m = text === null ? null : /(\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Clicks an option and waits until the game shows it as made (the next step or the ending). */
export async function choose(page: Page, option: string): Promise<void> {
  const before = await shownStep(page);
  const button = page.locator(`button[data-option="${option}"]`);
  await expect(button).toBeEnabled();
  await button.click();
  await expect
    .poll(async () => {
      if ((await page.locator('#ending-heading').count()) > 0) return true;
      const now = await shownStep(page);
      return now !== null && before !== null && now > before;
    }, { timeout: 15_000 })
    .toBe(true);
}

/** Opens a scenario (in assessment mode unless said) as a named player (creating them on the first visit). */
export async function startAs(page: Page, name: string, scenarioId: string, mode: 'assessment' | 'coaching' = 'assessment'): Promise<void> {
  await page.goto('/#/');
  const existing = page.getByRole('button', { name: `Play as ${name}` });
  // The players on the device are read first (the screen says "Loading…" until then): only then
  // does a missing button mean a new player.
  await expect(page.getByText('Players on this device')).toBeAttached();
  await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0);
  if (await existing.count()) await existing.click();
  else {
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: /start/i }).click();
  }
  // The who-screen moves on by itself: let it, before going to the scenario.
  await expect(page).toHaveURL(/#\/scenarios/);
  await page.goto(`/#/play/${scenarioId}?mode=${mode}`);
  await beginIfShown(page);
}

/**
 * Waits for the play screen and, on a new run's intro (who you are, the scene), presses "Begin",
 * so the situation is shown (or the ending, for a finished run).
 */
export async function beginIfShown(page: Page): Promise<void> {
  await expect(page.locator('#begin-button, #situation-heading, #ending-heading').first()).toBeVisible();
  const begin = page.locator('#begin-button');
  if (await begin.isVisible()) await begin.click();
  await expect(page.locator('#situation-heading, #ending-heading').first()).toBeVisible();
}

/** Plays on (first available option each time) until the ending; returns the run id. */
export async function playToEnd(page: Page): Promise<string> {
  for (let i = 0; i < 60; i++) {
    // The next decision's options (enabled once shown) or the ending, whichever comes.
    await expect(page.locator('#ending-heading, button[data-option]:enabled').first()).toBeVisible();
    if ((await page.locator('#ending-heading').count()) > 0) break;
    await choose(page, (await page.locator('button[data-option]:enabled').first().getAttribute('data-option'))!);
  }
  await expect(page.locator('#ending-heading')).toBeVisible();
  return (await page.locator('[data-run-id]').getAttribute('data-run-id'))!;
}

/** Exports everything on the device as a results file (an English UI), saved at `path`; returns its text. */
export async function exportAll(page: Page, path: string): Promise<string> {
  await page.goto('/#/results');
  await page.getByLabel('What to export').selectOption({ label: 'Everything on this device' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Results file (JSON)' }).click();
  await (await download).saveAs(path);
  return readFileSync(path, 'utf8');
}

/** A results file as another device's older Frontlijn exported it: its runs unsigned, its players and teams as given. */
export function writeResultsFile(path: string, parts: { teams?: { id: string; name: string }[]; profiles: { id: string; name: string; teamId?: string | null }[]; runs: Run[] }): string {
  const at = 1_764_000_000_000;
  writeFileSync(
    path,
    JSON.stringify({
      format: 'frontlijn-results',
      formatVersion: 1,
      exportedAt: at,
      scope: { kind: 'all' },
      teams: (parts.teams ?? []).map((x) => ({ ...x, createdAt: at })),
      profiles: parts.profiles.map((p) => ({ teamId: null, ...p, createdAt: at })),
      scenarios: [],
      runs: parts.runs,
      scores: [],
    }),
  );
  return path;
}

/**
 * Runs as another device exports them: signed with its own key (run-signature.ts), so they count
 * where players are compared. Unsigned runs would be imported as unverified.
 */
export async function signedElsewhere(runs: Run[]): Promise<Run[]> {
  return outgoing(runs, generateDeviceKey);
}

/** A dump's runs without the signatures they were imported with (a device's own runs have none). */
export function unsigned(d: DbDump): DbDump {
  return { ...d, runs: d.runs.map(({ signature: _, ...r }) => r as Run) };
}

/** Sorted, comparable view of a dump (order of keys in IndexedDB is not the point). */
export function canonical(d: DbDump): DbDump {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  return {
    runs: byId(d.runs).map((r) => ({ ...r, open: undefined }) as Run),
    results: [...d.results].sort((a, b) => a.runId.localeCompare(b.runId)),
    profiles: byId(d.profiles),
    teams: byId(d.teams),
    scenarios: [...d.scenarios].sort(),
  };
}

// ---- a room's worth of results -------------------------------------------------------------

const ROOM_SCENARIO = 'toy-shop-saturday';
const roomScenario = loadScenario(ROOM_SCENARIO);
const roomHash = contentHash(roomScenario);

function roomRun(id: string, playerId: string, pick: (i: number, n: number) => number, t0: number): Run {
  const run: Run = { formatVersion: 1, id, scenarioId: ROOM_SCENARIO, scenarioHash: roomHash, playerId, mode: 'assessment', timerScale: 1, startedAt: t0, events: [] };
  let state = initialPlayState(roomScenario, run);
  let at = t0;
  while (state.node !== null) {
    at += 3000;
    const o = state.available[pick(run.events.length, state.available.length) % state.available.length];
    const e = { type: 'choice.select' as const, node: state.node, option: o.id, at };
    state = applyEvent(roomScenario, state, e, run.events.length);
    run.events.push(e);
  }
  run.finishedAt = at;
  return run;
}

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 10, 20, 9);
const people = [
  { id: 'anna', name: 'Anna', teamId: 'kassa' },
  { id: 'bram', name: 'Bram', teamId: 'kassa' },
  { id: 'cem', name: 'Cem', teamId: 'kassa' },
  { id: 'dewi', name: 'Dewi', teamId: 'bar' },
  { id: 'eva', name: 'Eva', teamId: 'bar' },
];
const runs = [
  roomRun('r-anna-1', 'anna', () => 2, t0),
  roomRun('r-anna-2', 'anna', () => 0, t0 + DAY),
  roomRun('r-anna-3', 'anna', (i) => i, t0 + 2 * DAY),
  roomRun('r-bram-1', 'bram', () => 1, t0),
  roomRun('r-cem-1', 'cem', (i) => i + 1, t0),
  roomRun('r-dewi-1', 'dewi', () => 0, t0),
  roomRun('r-eva-1', 'eva', (i, n) => n - 1, t0),
];

/**
 * A facilitator's laptop after a session: two teams (Kassa: Anna ×3, Bram, Cem; Bar: Dewi, Eva),
 * seven assessment runs of the toy shop played with the engine, imported as a results file.
 */
export async function seedRoom(page: Page, path: string): Promise<void> {
  writeFileSync(
    path,
    JSON.stringify({
      format: 'frontlijn-results',
      formatVersion: 2,
      exportedAt: t0 + 3 * DAY,
      scope: { kind: 'all' },
      teams: [
        { id: 'kassa', name: 'Kassa', createdAt: t0 },
        { id: 'bar', name: 'Bar', createdAt: t0 },
      ],
      profiles: people.map((p) => ({ ...p, createdAt: t0 })),
      scenarios: [], // built-in: the laptop knows this exact version
      runs: await signedElsewhere(runs),
      scores: [],
    }),
  );
  await page.goto('/#/results');
  await page.getByLabel('Results file (.json)').setInputFiles(path);
  await expect(page.getByRole('log')).toContainText('7 new runs');
}

/**
 * An open room on the projector after a crowd handed in: one team, each player one toy-shop run
 * (assessment, or coaching where `coaching` says so), imported as a results file, the room's
 * roster listing them all.
 */
export async function seedCrowdedRoom(page: Page, path: string, players: { name: string; coaching?: boolean }[], expected = players.length): Promise<void> {
  const team = { id: 'zaal', name: 'Winkelteam Utrecht-Centrum', createdAt: t0 };
  const profiles = players.map((p, i) => ({ id: `crowd-${i}`, name: p.name, teamId: team.id, createdAt: t0 }));
  const crowdRuns = players.map((p, i) => ({ ...roomRun(`crowd-run-${i}`, `crowd-${i}`, (k) => k + i, t0 + i * 60_000), mode: p.coaching ? ('coaching' as const) : ('assessment' as const) }));
  writeFileSync(
    path,
    JSON.stringify({ format: 'frontlijn-results', formatVersion: 2, exportedAt: t0 + DAY, scope: { kind: 'all' }, teams: [team], profiles, scenarios: [], runs: await signedElsewhere(crowdRuns), scores: [] }),
  );
  await page.goto('/#/results');
  await page.getByLabel(/^(Results file|Resultatenbestand) \(\.json\)$/).setInputFiles(path);
  await expect(page.getByRole('log')).toContainText(/new runs|nieuwe rondes/);
  const room = { scenarioId: ROOM_SCENARIO, teamId: team.id, mode: 'assessment', expected, since: t0, runIds: crowdRuns.map((r) => r.id) };
  await page.evaluate((r) => localStorage.setItem('frontlijn-room', JSON.stringify(r)), room);
  await page.goto('/#/room?view=projector');
}

/**
 * Four players of team Pomp played the fuel station's evening to an end, each choosing the
 * option at its own offset, so that every decision they met has its options spread; imported as
 * a results file from another device.
 */
export async function seedFuelStation(page: Page, path: string): Promise<void> {
  const t0 = Date.UTC(2026, 10, 20, 9);
  const players = ['Anna', 'Bram', 'Cem', 'Dewi'].map((name, i) => ({ id: `p-${i}`, name, teamId: 'pomp', createdAt: t0 }));
  const runs = players.map((p, i) => {
    let k = i;
    return { ...engineRun('fuel-station-evening', `fuel-${i}`, (available) => available[k++ % available.length].id), playerId: p.id };
  });
  writeFileSync(
    path,
    JSON.stringify({ format: 'frontlijn-results', formatVersion: 2, exportedAt: t0, scope: { kind: 'all' }, teams: [{ id: 'pomp', name: 'Pomp', createdAt: t0 }], profiles: players, scenarios: [], runs: await signedElsewhere(runs), scores: [] }),
  );
  await page.goto('/#/results');
  await page.getByLabel('Results file (.json)').setInputFiles(path);
  await expect(page.getByRole('log')).toContainText('4 new runs');
}

/**
 * Runs of a built-in scenario that between them meet every decision it has: for each decision no
 * run has met yet, the shortest way there, then the first option shown to an ending. One player
 * each (all in team Zaal), so that every run counts as its player's latest.
 */
export function runsThroughEveryDecision(scenarioId: string): Run[] {
  const scenario = loadScenario(scenarioId);
  const met = new Set<string>();
  const runs: Run[] = [];
  for (const node of Object.keys(scenario.nodes)) {
    if (met.has(node)) continue;
    const way = pathTo(scenario, (s) => s.node === node);
    const run = { ...engineRun(scenarioId, `${scenarioId}-${runs.length}`, (available) => way.shift() ?? available[0].id), playerId: `${scenarioId}-p${runs.length}` };
    for (const e of run.events) if (e.type === 'choice.select') met.add(e.node);
    runs.push(run);
  }
  return runs;
}

/** Imports runsThroughEveryDecision(scenarioId) as a results file from another device (an English or Dutch UI). */
export async function seedEveryDecision(page: Page, path: string, scenarioId: string): Promise<void> {
  const t0 = Date.UTC(2026, 10, 20, 9);
  const runs = runsThroughEveryDecision(scenarioId);
  const profiles = runs.map((r, i) => ({ id: r.playerId!, name: `Speler ${i + 1}`, teamId: 'zaal', createdAt: t0 }));
  writeFileSync(
    path,
    JSON.stringify({ format: 'frontlijn-results', formatVersion: 2, exportedAt: t0, scope: { kind: 'all' }, teams: [{ id: 'zaal', name: 'Zaal', createdAt: t0 }], profiles, scenarios: [], runs: await signedElsewhere(runs), scores: [] }),
  );
  await page.goto('/#/results');
  await page.getByLabel(/^(Results file|Resultatenbestand) \(\.json\)$/).setInputFiles(path);
  await expect(page.getByRole('log')).toContainText(/new runs?|nieuwe ronde/);
}
