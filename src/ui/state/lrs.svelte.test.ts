// @vitest-environment ./src/ui/test/runes-environment.ts
/**
 * The LRS connection at start-up, with the real store (fake-indexeddb), builder and delivery
 * against a fake LRS. The xAPI code is loaded on demand; the test holds that load back to see
 * what a run write does meanwhile (a resumed run writes its time-outs at once).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { IdbStore, openIdb } from '../../persistence/idb';
import { IssueHub } from '../../persistence/issues';
import type { LrsConnection } from '../../persistence/outbox';
import { playThrough } from '../../persistence/test/play';
import type { StoredScenario } from '../../persistence/api';
import { validateScenario } from '../../engine/validate';
import { contentHash } from '../../engine/hash';
import toySource from '../../../scenarios/toy-shop-saturday.json?raw';
import { analyseScenario } from '../../engine/analyse';
import { buildStatements, playerAgent } from '../../xapi/statements';
import { FakeLrs } from '../../xapi/test/fake-lrs';
import { LrsState } from './lrs.svelte';

const load = vi.hoisted(() => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  return { held, release: () => release() };
});
// The statement source's code arrives only when the test says so.
vi.mock('../../xapi/source', async (importOriginal) => {
  await load.held;
  return importOriginal();
});

const checked = validateScenario(toySource);
const toy: StoredScenario = { hash: contentHash(checked.scenario!), id: 'toy-shop-saturday', source: toySource, scenario: checked.scenario!, custom: false, storedAt: 1 };
const HOME = 'https://frontlijn.test';
const connection: LrsConnection = { endpoint: 'https://lrs.test/xAPI/', auth: 'Basic dGVzdDp0ZXN0', source: 'settings' };
let lrs: FakeLrs;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  lrs = new FakeLrs();
  vi.stubGlobal('fetch', lrs.fetch);
  vi.stubGlobal('location', new URL(`${HOME}/`));
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** Whether `p` settles while the event loop runs `turns` times (no clock: IndexedDB work only). */
async function settles(p: Promise<unknown>, turns = 200): Promise<boolean> {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < turns && !done; i++) await new Promise((resolve) => setImmediate(resolve));
  return done;
}

it('a run written while the saved connection is still being read is sent whole', async () => {
  const hub = new IssueHub();
  const store = new IdbStore(await openIdb(hub), hub, undefined);
  await store.saveScenario(toy);
  // Connected in Settings before this page started.
  await store.outbox.saveConnection(connection);
  const run = playThrough(toy, 'run-1', 'p1', (i) => i);

  // The page starts: the app reads its LRS connection and loads the xAPI code ...
  const state = new LrsState();
  const init = state.init(store);
  // ... while the run resumed at once writes its last event (a time-out caught up): it finishes.
  const write = store.saveRun(run);
  await settles(write);
  load.release();
  await write;
  await init;
  await state.flush();

  // Every statement of the run reaches the LRS, and none stays behind.
  const ids = buildStatements(toy.scenario, run, { base: `${HOME}/xapi`, actor: playerAgent(HOME, 'p1'), lang: 'nl', analysis: analyseScenario(toy.scenario) }).map((s) => s.id);
  expect([...lrs.stored.keys()].sort()).toEqual([...ids].sort());
  expect(await store.outbox.counts()).toMatchObject({ queued: 0, parked: [], sent: ids.length });
});

/** A store with the toy scenario, connected in Settings, and an LrsState started on it. */
async function started(): Promise<{ store: IdbStore; state: LrsState }> {
  const hub = new IssueHub();
  const store = new IdbStore(await openIdb(hub), hub, undefined);
  await store.saveScenario(toy);
  await store.outbox.saveConnection(connection);
  load.release();
  const state = new LrsState();
  await state.init(store);
  return { store, state };
}

it('settled: resolves once every queued statement has reached the LRS (cmi5 terminated waits for it)', async () => {
  const { store, state } = await started();
  const run = playThrough(toy, 'run-2', 'p1', (i) => i);
  // The first send fails (network); the retry comes after a backoff, and settled waits for it.
  lrs.faults = ['network'];
  await store.saveRun(run);
  expect((await store.outbox.counts()).queued).toBeGreaterThan(0);
  expect(await state.settled(10_000)).toBe(true);
  expect(lrs.posts).toBeGreaterThan(1);
  expect(await store.outbox.counts()).toMatchObject({ queued: 0, parked: [] });
  expect(lrs.stored.size).toBe(1 + run.events.length + 5);
});

it('settled: gives up after its time when the LRS is down, and the statements stay queued', async () => {
  const { store, state } = await started();
  lrs.faults = Array<'network'>(100).fill('network');
  await store.saveRun(playThrough(toy, 'run-3', 'p1', (i) => i));
  expect(await state.settled(20)).toBe(false);
  expect((await store.outbox.counts()).queued).toBeGreaterThan(0);
  expect(lrs.stored.size).toBe(0);
});

it('forwardAll: a facilitator sends every finished run, but never under a launch that names one learner', async () => {
  const hub = new IssueHub();
  const store = new IdbStore(await openIdb(hub), hub, undefined);
  await store.saveScenario(toy);
  // Two colleagues' runs, played before any LRS was connected.
  await store.saveRun(playThrough(toy, 'run-a', 'p1', (i) => i));
  await store.saveRun(playThrough(toy, 'run-b', 'p2', (i) => i + 1));
  load.release();
  const state = new LrsState();
  await state.init(store);

  // A launch link for one learner: forwarding would send both runs as hers.
  await state.connect({ ...connection, source: 'launch', actor: { objectType: 'Agent', account: { homePage: 'https://lms.test', name: 'learner-7' } } });
  expect(state.canForwardAll).toBe(false);
  expect(await state.forwardAll()).toBe(0);
  expect(lrs.stored.size).toBe(0);

  // Connected in Settings, the facilitator's own LRS: both runs go, each as its own player.
  await state.connect(connection);
  expect(state.canForwardAll).toBe(true);
  expect(await state.forwardAll()).toBeGreaterThan(0);
  const actors = new Set([...lrs.stored.values()].map((s) => (s as { actor: { account: { name: string } } }).actor.account.name));
  expect(actors).toEqual(new Set(['p1', 'p2']));
});
