/**
 * The outbox with the real builder and IndexedDB (fake-indexeddb): statements are queued with the
 * run writes that describe them, once each; delivery follows the status rules against a fake LRS.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdbStore, openIdb } from '../persistence/idb';
import { IssueHub } from '../persistence/issues';
import { MemoryStore } from '../persistence/memory';
import type { Store } from '../persistence/api';
import { DECIDE_WAIT_MS, type LrsConnection } from '../persistence/outbox';
import { builtIn, playThrough } from '../persistence/test/play';
import type { Run } from '../engine/types';
import { buildStatements, playerAgent } from './statements';
import { analyseScenario } from '../engine/analyse';
import { Delivery } from './delivery';
import { statementSource } from './source';
import { FakeLrs } from './test/fake-lrs';

const toy = builtIn('toy-shop-saturday');
const connection: LrsConnection = { endpoint: 'https://lrs.test/xAPI/', auth: 'Basic dGVzdDp0ZXN0', source: 'settings' };
const HOME = 'https://frontlijn.test';

async function idbStore(): Promise<IdbStore> {
  const hub = new IssueHub();
  return new IdbStore(await openIdb(hub), hub, undefined);
}

function connect(store: Store): void {
  store.outbox.setSource(statementSource({ homePage: HOME, lang: () => 'nl', connection: () => connection }));
}

/** Plays `run` into the store the way the game writes it: start, one append per event, the last with the finish. */
async function playInto(store: Store, run: Run): Promise<void> {
  await store.saveRun({ ...run, events: [], finishedAt: undefined });
  for (let i = 0; i < run.events.length - 1; i++) await store.appendEvent(run.id, run.events[i]);
  await store.saveRun(run);
}

function expected(run: Run): string[] {
  return buildStatements(toy.scenario, run, { base: `${HOME}/xapi`, actor: playerAgent(HOME, run.playerId!), lang: 'nl', analysis: analyseScenario(toy.scenario) }).map((s) => s.id);
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('outbox queueing', () => {
  for (const kind of ['idb', 'memory'] as const) {
    it(`${kind}: queues each statement once, with the write of the event it describes`, async () => {
      const store = kind === 'idb' ? await idbStore() : new MemoryStore();
      await store.saveScenario(toy);
      const run = playThrough(toy, 'run-1', 'p1', (i) => i);
      // Nothing is queued while no LRS is connected.
      await store.saveRun({ ...run, id: 'local', events: [], finishedAt: undefined });
      expect((await store.outbox.counts()).queued).toBe(0);

      connect(store);
      await store.saveRun({ ...run, events: [], finishedAt: undefined });
      expect((await store.outbox.nextBatch(100)).map((i) => i.statement.verb.display.en)).toEqual(['initialized']);
      await store.appendEvent(run.id, run.events[0]);
      expect((await store.outbox.counts()).queued).toBe(2);
      for (let i = 1; i < run.events.length - 1; i++) await store.appendEvent(run.id, run.events[i]);
      await store.saveRun(run);
      // Saving again (the reflection) queues nothing new.
      await store.saveRun({ ...run, reflection: 'Next time I greet first.' });
      const queued = (await store.outbox.nextBatch(1000)).map((i) => i.id);
      expect(queued).toEqual(expected(run));
      expect(queued.length).toBe(1 + run.events.length + 5);
    });
  }

  it('a cmi5 launch: the saved connection keeps its registration and template, and what it queues is built on them', async () => {
    const store = await idbStore();
    await store.saveScenario(toy);
    const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
    const cmi5 = { registration: '760e3480-ba55-4991-94b0-01820dbd23a2', contextTemplate: { extensions: { [SESSION]: 'session-1' } } };
    await store.outbox.saveConnection({ ...connection, source: 'cmi5', cmi5 });
    const saved = await store.outbox.getConnection();
    expect(saved?.cmi5).toEqual(cmi5);
    store.outbox.setSource(statementSource({ homePage: HOME, lang: () => 'nl', connection: () => saved }));
    await playInto(store, playThrough(toy, 'run-c', 'p1', (i) => i));
    const queued = await store.outbox.nextBatch(1000);
    expect(queued.length).toBeGreaterThan(5);
    for (const { statement } of queued) {
      expect(statement.context.registration).toBe(cmi5.registration);
      expect(statement.context.extensions[SESSION]).toBe('session-1');
    }
  });

  it('after a reload, the builder starts from the stored log and queues only what is new', async () => {
    const store = await idbStore();
    await store.saveScenario(toy);
    connect(store);
    const run = playThrough(toy, 'run-2', 'p1', (i) => i + 1);
    await store.saveRun({ ...run, events: run.events.slice(0, 2), finishedAt: undefined });
    store.close();
    const again = await idbStore();
    connect(again); // a fresh source: nothing cached
    for (let i = 2; i < run.events.length - 1; i++) await again.appendEvent(run.id, run.events[i]);
    await again.saveRun(run);
    expect((await again.outbox.nextBatch(1000)).map((i) => i.id)).toEqual(expected(run));
  });

  it('a facilitator forwards imported runs and runs collected earlier', async () => {
    const store = await idbStore();
    const a = playThrough(toy, 'run-a', 'p1', (i) => i);
    const b = playThrough(toy, 'run-b', 'p2', (i) => i * 2);
    await store.importBundle({ scenarios: [toy], runs: [a], profiles: [], teams: [] });
    connect(store);
    expect((await store.outbox.counts()).queued).toBe(0);
    expect(await store.outbox.queueRuns([a])).toBe(expected(a).length);
    expect(await store.outbox.queueRuns([a])).toBe(0);
    await store.importBundle({ scenarios: [toy], runs: [b], profiles: [{ id: 'p2', name: 'Bo', teamId: 't', createdAt: 1 }], teams: [{ id: 't', name: 'Kassa', createdAt: 1 }] });
    const items = await store.outbox.nextBatch(1000);
    expect(items.map((i) => i.id)).toEqual([...expected(a), ...expected(b)]);
    const fromB = items.filter((i) => i.runId === 'run-b');
    expect(fromB[0].statement.context.team).toEqual({ objectType: 'Group', name: 'Kassa', account: { homePage: HOME, name: 't' } });
    expect(fromB[0].statement.actor).toEqual({ objectType: 'Agent', name: 'Bo', account: { homePage: HOME, name: 'p2' } });
  });
});

describe('unsigned runs and the LRS', () => {
  for (const [name, make] of [
    ['idb', idbStore],
    ['memory', async () => new MemoryStore()],
  ] as const) {
    it(`${name}: a run imported without a signature is not sent; its signed copy is`, async () => {
      const store: Store = await make();
      connect(store);
      const run = playThrough(toy, 'run-u', 'p1', (i) => i);
      const unsigned: Run = { ...run, unverified: true };
      await store.importBundle({ scenarios: [toy], runs: [unsigned], profiles: [], teams: [] });
      expect(await store.outbox.queueRuns([unsigned])).toBe(0);
      expect((await store.outbox.counts()).queued).toBe(0);
      // The same run from its own device's signed file (checked when the file was read) replaces it: now the LRS gets it.
      const signed: Run = { ...run, signature: { key: 'device-key', sig: 'checked-on-read' } };
      await store.importBundle({ scenarios: [toy], runs: [signed], profiles: [], teams: [] });
      expect((await store.outbox.nextBatch(1000)).map((i) => i.id)).toEqual(expected(run));
    });
  }
});

/** Fills the disk the way Chrome reports it (see persistence/store.test.ts). Returns "space again". */
function fillDisk(): () => void {
  const origPut = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const req = origPut.apply(this, args);
    (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
    return req;
  } as IDBObjectStore['put'];
  return () => {
    IDBObjectStore.prototype.put = origPut;
  };
}

describe('outbox queueing with the storage rules of #17', () => {
  it('idb: choices kept in memory on a full disk are queued when they are written, each statement once', async () => {
    const store = await idbStore();
    await store.saveScenario(toy);
    connect(store);
    const run = playThrough(toy, 'run-full', 'p1', (i) => i);
    await store.saveRun({ ...run, events: [], finishedAt: undefined });
    await store.appendEvent(run.id, run.events[0]);
    const before = (await store.outbox.nextBatch(1000)).map((i) => i.id);
    expect(before).toEqual(expected(run).slice(0, 2));
    const space = fillDisk();
    try {
      await store.appendEvent(run.id, run.events[1]);
      await store.appendEvent(run.id, run.events[2]);
      await store.appendEvent(run.id, run.events[2]); // a retried write
      // Kept in memory, not written: neither are their statements.
      expect((await store.outbox.nextBatch(1000)).map((i) => i.id)).toEqual(before);
    } finally {
      space();
    }
    // The next write of anything writes the kept run, and its statements with it.
    await store.saveSettings(await store.getSettings());
    expect((await store.outbox.nextBatch(1000)).map((i) => i.id)).toEqual(expected(run).slice(0, 4));
    for (let i = 3; i < run.events.length - 1; i++) await store.appendEvent(run.id, run.events[i]);
    await store.saveRun(run);
    const queued = (await store.outbox.nextBatch(1000)).map((i) => i.id);
    expect(queued).toEqual(expected(run));
    expect(new Set(queued).size).toBe(queued.length);
  });

  for (const kind of ['idb', 'memory'] as const) {
    it(`${kind}: a run on a version kept apart is not sent until the version is trusted`, async () => {
      const store = kind === 'idb' ? await idbStore() : new MemoryStore();
      await store.saveScenario({ ...toy, untrusted: true });
      connect(store);
      const run = playThrough(toy, 'run-apart', 'p1', (i) => i);
      await store.saveRun(run);
      expect((await store.outbox.counts()).queued).toBe(0);
      await store.trustScenario(toy.hash);
      expect((await store.outbox.nextBatch(1000)).map((i) => i.id)).toEqual(expected(run));
      await store.trustScenario(toy.hash); // again: nothing twice
      expect((await store.outbox.counts()).queued).toBe(expected(run).length);
    });
  }

  const trustWays = {
    'trusted on the import screen': (store: Store) => store.trustScenario(toy.hash),
    'imported by a manager': (store: Store) => store.saveScenario(toy),
  };
  for (const [way, trust] of Object.entries(trustWays)) {
    it(`idb: a version kept apart, ${way}, and the page closed at once: its runs are still sent`, async () => {
      const store = await idbStore();
      await store.saveScenario({ ...toy, untrusted: true });
      connect(store);
      const run = playThrough(toy, 'run-apart', 'p1', (i) => i);
      await store.saveRun(run);
      // The page is gone right after the version became trusted: no later step of this page runs.
      store.outbox.queueRuns = () => Promise.reject(new Error('the page is closed'));
      await trust(store).catch(() => undefined);
      store.close();

      const next = await idbStore();
      connect(next);
      expect((await next.outbox.nextBatch(1000)).map((i) => i.id)).toEqual(expected(run));
    });
  }
});

describe('delivery', () => {
  async function queuedStore(runs = 1): Promise<{ store: IdbStore; all: string[] }> {
    const store = await idbStore();
    await store.saveScenario(toy);
    connect(store);
    const all: string[] = [];
    for (let k = 0; k < runs; k++) {
      const run = playThrough(toy, `run-${k}`, 'p1', (i) => i + k);
      await playInto(store, run);
      all.push(...expected(run));
    }
    return { store, all };
  }

  function timers() {
    const pending: { fn: () => void; ms: number }[] = [];
    return { pending, setTimer: (fn: () => void, ms: number) => pending.push({ fn, ms }), clearTimer: () => undefined };
  }

  it('sends in batches; 200 counts as delivered and empties the outbox', async () => {
    const { store, all } = await queuedStore(2);
    const lrs = new FakeLrs();
    const d = new Delivery(store.outbox, { fetch: lrs.fetch, batchSize: 10 });
    await d.connect(connection);
    expect([...lrs.stored.keys()].sort()).toEqual([...all].sort());
    expect(lrs.posts).toBe(Math.ceil(all.length / 10));
    expect(await store.outbox.counts()).toEqual({ queued: 0, parked: [], sent: all.length });
    expect(d.state.kind).toBe('idle');
  });

  it('a 409 for a statement the LRS already has in the same form counts as delivered; a conflicting one is parked', async () => {
    const { store, all } = await queuedStore();
    const lrs = new FakeLrs();
    const items = await store.outbox.nextBatch(100);
    // The LRS already has the first statement as sent, and another statement under the second's id.
    lrs.stored.set(all[0], JSON.parse(JSON.stringify(items[0].statement)));
    lrs.stored.set(all[1], { ...items[1].statement, verb: { id: 'http://example.com/other' } });
    const strict = async (input: RequestInfo | URL, init?: RequestInit) => {
      // A strict LRS answers 409 even for an identical statement.
      if (init?.method === 'POST') {
        const list = JSON.parse(String(init.body)) as { id: string }[];
        if (list.some((s) => lrs.stored.has(s.id))) return Response.json({ message: 'exists' }, { status: 409 });
      }
      return lrs.fetch(input, init);
    };
    await new Delivery(store.outbox, { fetch: strict }).connect(connection);
    const counts = await store.outbox.counts();
    expect(counts.queued).toBe(0);
    expect(counts.parked).toEqual([{ id: all[1], reason: '409: exists' }]);
    expect(counts.sent).toBe(all.length - 1);
  });

  it('a 400 parks only the refused statement, with the LRS\'s reason', async () => {
    const { store, all } = await queuedStore();
    const lrs = new FakeLrs();
    const bad = all[2];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST' && String(init.body).includes(bad)) return Response.json({ message: 'Invalid statement', warnings: ["Problem in 'statements.0.result'"] }, { status: 400 });
      return lrs.fetch(input, init);
    };
    await new Delivery(store.outbox, { fetch }).connect(connection);
    const counts = await store.outbox.counts();
    expect(counts.parked).toEqual([{ id: bad, reason: "400: Invalid statement; Problem in 'statements.0.result'" }]);
    expect(lrs.stored.size).toBe(all.length - 1);
  });

  it('401/403 stop sending and say so; nothing is removed', async () => {
    for (const status of [401, 403] as const) {
      globalThis.indexedDB = new IDBFactory();
      const { store, all } = await queuedStore();
      const lrs = new FakeLrs();
      lrs.faults = [status];
      const d = new Delivery(store.outbox, { fetch: lrs.fetch });
      await d.connect(connection);
      expect(d.state).toEqual({ kind: 'stopped', status, reason: `${status}: Unauthorised` });
      await d.flush();
      expect(lrs.posts).toBe(1);
      expect((await store.outbox.counts()).queued).toBe(all.length);
      // A new key (connect again) sends.
      await d.connect(connection);
      expect((await store.outbox.counts()).queued).toBe(0);
    }
  });

  it('5xx and network errors retry with growing delays; an answer lost after storing duplicates nothing', async () => {
    const { store, all } = await queuedStore();
    const lrs = new FakeLrs();
    lrs.faults = ['network', 503, 'store-then-503'];
    const t = timers();
    const d = new Delivery(store.outbox, { fetch: lrs.fetch, batchSize: 100, setTimer: t.setTimer, clearTimer: t.clearTimer, now: () => 0 });
    await d.connect(connection);
    expect(d.state).toMatchObject({ kind: 'waiting', retryAt: 1000, reason: 'Failed to fetch' });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const next = t.pending.shift()!;
      delays.push(next.ms);
      next.fn();
      await d.flush();
    }
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(t.pending).toEqual([]);
    expect(lrs.posts).toBe(4);
    expect(lrs.received.length).toBe(all.length * 2); // sent twice (the first answer was lost) ...
    expect(lrs.stored.size).toBe(all.length); // ... stored once
    expect(await store.outbox.counts()).toEqual({ queued: 0, parked: [], sent: all.length });
  });

  it('flushes when the browser comes online and when the page becomes visible', async () => {
    const { store } = await queuedStore();
    const lrs = new FakeLrs();
    lrs.faults = ['network'];
    const t = timers();
    const d = new Delivery(store.outbox, { fetch: lrs.fetch, setTimer: t.setTimer, clearTimer: t.clearTimer });
    const win = new EventTarget() as unknown as Window;
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' }) as unknown as Document;
    d.listen(win, doc);
    await d.connect(connection);
    expect(d.state.kind).toBe('waiting');
    win.dispatchEvent(new Event('online'));
    await d.flush();
    expect((await store.outbox.counts()).queued).toBe(0);
    // New statements are sent on visibilitychange.
    await playInto(store, playThrough(toy, 'run-late', 'p1', (i) => i * 5));
    doc.dispatchEvent(new Event('visibilitychange'));
    await d.flush();
    expect((await store.outbox.counts()).queued).toBe(0);
  });
});

describe('the source at start-up', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a write waits while the source is decided, but never longer than DECIDE_WAIT_MS', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const store = new MemoryStore();
    // The xAPI code never arrives (a stalled network).
    store.outbox.decide(new Promise(() => {}));
    const run = playThrough(toy, 'stalled', 'p1', (i) => i);
    let written = false;
    const write = store.saveRun(run).then(() => (written = true));
    await vi.advanceTimersByTimeAsync(DECIDE_WAIT_MS - 1);
    expect(written).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toBe(true);
    await write;
    // The player's run is kept on this device.
    expect((await store.getRun('stalled'))?.events).toHaveLength(run.events.length);
  });

});
