/**
 * Opens a database exactly as every earlier release of Frontlijn left it (same cumulative upgrade
 * code, stopped at that version), filled with the data that release wrote, with the current code,
 * and checks that nothing was lost.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdbStore, openIdb } from './idb';
import { IssueHub } from './issues';
import { DB_NAME, DB_VERSION, LEGACY_SETTINGS_KEY, upgrade, type FrontlijnDB } from './schema';
import { fakeScorer, finishedRun, run, version } from './test/fixtures';
import type { XapiStatement } from '../xapi/types';

type Loose = IDBPDatabase;

async function createAt(v: number): Promise<Loose> {
  const db = await openDB<FrontlijnDB>(DB_NAME, v, {
    upgrade: (d, oldV, _newV, tx) => upgrade(d, oldV, v, tx),
  });
  return db as unknown as Loose;
}

/** What each release wrote, as that release wrote it. */
const WRITERS: Record<number, (db: Loose) => Promise<void>> = {
  1: async (db) => {
    // v1: profiles had no team; settings lived in localStorage.
    await db.put('profiles', { id: 'p1', name: 'Anna', createdAt: 5 });
    await db.put('runs', run('open1', 'p1', { events: [{ type: 'choice.select', node: 'a', option: 'good', at: 1_700_000_001_000 }] }));
    await db.put('runs', finishedRun('done1', 'p1', ['good', 'bad']));
  },
  2: async (db) => {
    await db.put('teams', { id: 't1', name: 'Kassa', createdAt: 6 });
    await db.put('profiles', { id: 'p1', name: 'Anna', teamId: 't1', createdAt: 5 });
    await db.put('scenarios', version);
    await db.put('runs', run('open1', 'p1', { events: [{ type: 'choice.select', node: 'a', option: 'good', at: 1_700_000_001_000 }] }));
    await db.put('runs', finishedRun('done1', 'p1', ['good', 'bad']));
  },
  3: async (db) => {
    // v3: settings in the database, open runs marked, result rows beside finished runs.
    await db.put('settings', { lang: 'en', sound: false, volume: 0.3, timerScale: 1, reducedMotion: 'system', currentPlayerId: 'p1' }, 'settings');
    await db.put('teams', { id: 't1', name: 'Kassa', createdAt: 6 });
    await db.put('profiles', { id: 'p1', name: 'Anna', teamId: 't1', createdAt: 5 });
    await db.put('scenarios', version);
    await db.put('runs', { ...run('open1', 'p1', { events: [{ type: 'choice.select', node: 'a', option: 'good', at: 1_700_000_001_000 }] }), open: 1 });
    await db.put('runs', finishedRun('done1', 'p1', ['good', 'bad']));
  },
  4: async (db) => {
    // v4: as v3 (the outbox starts empty), and guests without a number, stored in no particular order.
    await WRITERS[3](db);
    await guestsOfV4(db);
  },
};

async function guestsOfV4(db: Loose): Promise<void> {
  await db.put('profiles', { id: 'g-b', name: 'Gast', teamId: null, createdAt: 30, guest: true });
    await db.put('profiles', { id: 'g-a', name: 'Guest', teamId: null, createdAt: 10, guest: true });
    await db.put('profiles', { id: 'g-c', name: 'Gast', teamId: null, createdAt: 30, guest: true });
}

const memory = new Map<string, string>();
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  memory.clear();
  globalThis.localStorage = {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
    clear: () => memory.clear(),
    key: () => null,
    length: 0,
  } as Storage;
});
afterEach(() => {
  delete (globalThis as { localStorage?: Storage }).localStorage;
});

describe('migrations', () => {
  it('has a writer for every earlier version', () => {
    for (let v = 1; v < DB_VERSION; v++) expect(WRITERS[v], `writer for v${v}`).toBeTypeOf('function');
  });

  for (let v = 1; v < DB_VERSION; v++) {
    it(`opens a v${v} database with its data intact`, async () => {
      memory.set(LEGACY_SETTINGS_KEY, JSON.stringify({ lang: 'en', sound: false, volume: 0.3, currentPlayerId: 'p1' }));
      const old = await createAt(v);
      expect(old.version).toBe(v);
      await WRITERS[v](old);
      old.close();

      const hub = new IssueHub();
      const db = await openIdb(hub);
      expect(db.version).toBe(DB_VERSION);
      const store = new IdbStore(db, hub, fakeScorer);

      expect(await store.getSettings()).toMatchObject({ lang: 'en', sound: false, volume: 0.3, currentPlayerId: 'p1' });
      const profiles = (await store.listProfiles()).filter((p) => !p.guest);
      expect(profiles).toEqual([{ id: 'p1', name: 'Anna', teamId: v >= 2 ? 't1' : null, createdAt: 5 }]);
      // The migration itself wrote teamId (not only the restore on reading).
      expect(await db.get('profiles', 'p1')).toHaveProperty('teamId');
      expect((await store.listTeams()).map((t) => t.name)).toEqual(v >= 2 ? ['Kassa'] : []);

      const runs = await store.listRuns({ playerId: 'p1' });
      const byId = runs.map((r) => [r.id, r.events.length, r.finishedAt !== undefined]).sort();
      expect(byId).toEqual([
        ['done1', 2, true],
        ['open1', 1, false],
      ]);
      // The unfinished run is found through the index v3 added.
      expect((await store.unfinishedRun('p1'))?.id).toBe('open1');

      if (v >= 2) {
        // The finished run from before results existed is scored after opening.
        const results = await store.listResults({ scenarioId: 'mini' });
        expect(results.map((r) => [r.runId, r.scores.overall])).toEqual([['done1', 50]]);
      } else {
        // v1 kept no scenario versions: the run stays, unscored, until its version arrives.
        expect(await store.listResults()).toEqual([]);
        await store.importBundle({ scenarios: [version], teams: [], profiles: [], runs: [] });
        expect((await store.getScenario(version.hash))?.id).toBe('mini');
      }
      // v4: the xAPI outbox is there and empty, and queues once an LRS is connected.
      expect(db.objectStoreNames.contains('outbox')).toBe(true);
      expect(await store.outbox.counts()).toEqual({ queued: 0, parked: [], sent: 0 });
      store.outbox.setSource((r) => [{ id: `s-${r.id}-${r.events.length}` } as unknown as XapiStatement]);
      await store.appendEvent('open1', { type: 'choice.select', node: 'b', option: 'good', at: 1_700_000_002_000 });
      expect((await store.outbox.nextBatch(10)).map((i) => i.id)).toEqual(['s-open1-2']);
      await store.outbox.saveConnection({ endpoint: 'https://lrs.test/xAPI/', auth: 'Basic x', source: 'settings' });
      expect((await store.outbox.getConnection())?.endpoint).toBe('https://lrs.test/xAPI/');
      store.close();
    });
  }

  it('numbers the guests of a v4 database once, in the order they were made, and keeps those numbers', async () => {
    const old = await createAt(4);
    await guestsOfV4(old);
    old.close();
    const numbers = async () => {
      const hub = new IssueHub();
      const store = new IdbStore(await openIdb(hub), hub, fakeScorer);
      const out = (await store.listProfiles()).filter((p) => p.guest).map((p) => [p.id, p.guestNumber] as const);
      store.close();
      return out;
    };
    const first = await numbers();
    expect(new Map(first)).toEqual(
      new Map([
        ['g-a', 1],
        ['g-b', 2],
        ['g-c', 3],
      ]),
    );
    expect(await numbers()).toEqual(first);
  });

  it('opening the current version again changes nothing', async () => {
    const hub = new IssueHub();
    const a = new IdbStore(await openIdb(hub), hub, fakeScorer);
    await a.saveRun(run('r1', 'p1'));
    a.close();
    const b = new IdbStore(await openIdb(hub), hub, fakeScorer);
    expect((await b.listRuns()).map((r) => r.id)).toEqual(['r1']);
  });
});
