import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './index';
import { DB_NAME, DB_VERSION, upgrade, type FrontlijnDB } from './schema';
import { fakeScorer, finishedRun, profile, run, version } from './test/fixtures';

const realIdb = globalThis.indexedDB;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  globalThis.indexedDB = realIdb;
});

/** An open request that never fires success, error, blocked or upgradeneeded (fake-indexeddb's class). */
const hangingOpen = () => new (IDBOpenDBRequest as unknown as new () => IDBOpenDBRequest)();

describe('openStore', () => {
  it('opens IndexedDB when it can', async () => {
    const { store, issue } = await openStore();
    expect(store.kind).toBe('idb');
    expect(issue).toBeUndefined();
    store.close();
  });

  it('plays in memory, and says why, when the browser has no IndexedDB (private modes)', async () => {
    // @ts-expect-error: a browser without IndexedDB
    delete globalThis.indexedDB;
    const { store, issue } = await openStore();
    expect(store.kind).toBe('memory');
    expect(issue?.kind).toBe('unavailable');
    await store.saveProfile({ id: 'p1', name: 'Anna', teamId: null, createdAt: 1 });
    expect(await store.listProfiles()).toHaveLength(1);
  });

  it('plays in memory when the database cannot be opened (made by a newer Frontlijn)', async () => {
    const newer = await openDB(DB_NAME, DB_VERSION + 5);
    newer.close();
    const { store, issue } = await openStore();
    expect(store.kind).toBe('memory');
    expect(issue).toMatchObject({ kind: 'failed' });
  });

  it('reports "blocked" when an older tab holds the database and does not let go', async () => {
    const old = await openDB<FrontlijnDB>(DB_NAME, 2, { upgrade: (db, o, _n, tx) => upgrade(db, o, 2, tx) });
    const { store, issue } = await openStore();
    expect(issue?.kind).toBe('blocked');
    expect(store.kind).toBe('memory');
    old.close();
  }, 10_000);

  it('tells this tab when another wants to upgrade ("blocking")', async () => {
    const { store } = await openStore();
    const kinds: string[] = [];
    store.onIssue((i) => kinds.push(i.kind));
    const req = indexedDB.open(DB_NAME, DB_VERSION + 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(kinds).toContain('blocking');
    store.close();
    await new Promise<void>((resolve) => {
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
    });
  });

  it('plays in memory, and says so, when the database never answers (opening hangs, as in Safari)', async () => {
    indexedDB.open = hangingOpen;
    const { store, issue } = await openStore({ openTimeoutMs: 50 });
    expect(store.kind).toBe('memory');
    expect(issue).toEqual({ kind: 'timeout' });
    await store.saveProfile({ id: 'p1', name: 'Anna', teamId: null, createdAt: 1 });
    expect(await store.listProfiles()).toHaveLength(1);
  });

  describe('site data cleared mid-run (the browser closes the connection)', () => {
    const e1 = { type: 'choice.select', node: 'a', option: 'good', at: 10 } as const;
    const e2 = { type: 'choice.select', node: 'b', option: 'bad', at: 20 } as const;
    const options = (r: { events: { type: string }[] } | undefined) => r?.events.map((e) => (e as { option?: string }).option);
    const clearSiteData = (store: unknown) => {
      (store as { db: IDBPDatabase }).db.close(); // "The database connection is closing."
      globalThis.indexedDB = new IDBFactory(); // and the data is gone
    };

    it('opens the database again and writes the run whole, with the player, settings and scenario version it needs', async () => {
      const { store } = await openStore({ scorer: fakeScorer });
      await store.saveScenario(version);
      await store.saveProfile(profile('p1', null));
      await store.saveSettings({ ...(await store.getSettings()), currentPlayerId: 'p1' });
      await store.saveRun(run('r1', 'p1'));
      await store.appendEvent('r1', e1);
      clearSiteData(store);
      // A read comes first (the banner's page re-reads the players), then the next choice.
      expect((await store.listProfiles()).map((p) => p.id)).toEqual(['p1']);
      await store.appendEvent('r1', e2);
      expect(options(await store.getRun('r1'))).toEqual(['good', 'bad']);
      const db = await openDB(DB_NAME);
      expect(options(await db.get('runs', 'r1'))).toEqual(['good', 'bad']);
      expect(await db.getAllKeys('profiles')).toEqual(['p1']);
      expect(await db.getAllKeys('scenarios')).toEqual([version.hash]);
      expect((await db.get('settings', 'settings'))?.currentPlayerId).toBe('p1');
      db.close();
      // The run ends: it scores, its version being there again.
      await store.saveRun(finishedRun('r1', 'p1', ['good', 'bad']));
      expect((await store.listResults()).map((r) => r.runId)).toEqual(['r1']);
      store.close();
    });

    it('keeps the run in memory, and says so, when the database cannot be opened again', async () => {
      const { store } = await openStore({ openTimeoutMs: 50 });
      const kinds: string[] = [];
      store.onIssue((i) => kinds.push(i.kind));
      await store.saveRun(run('r1', 'p1'));
      await store.appendEvent('r1', e1);
      clearSiteData(store);
      indexedDB.open = hangingOpen;
      await store.appendEvent('r1', e2);
      expect(kinds).toEqual(['closed']);
      expect(options(await store.getRun('r1'))).toEqual(['good', 'bad']);
      expect((await store.unfinishedRun('p1'))?.id).toBe('r1');
      await store.saveProfile({ id: 'p1', name: 'Anna', teamId: null, createdAt: 1 });
      expect((await store.listProfiles()).map((p) => p.name)).toEqual(['Anna']);
    });
  });
});
