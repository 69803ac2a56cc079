import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './index';
import { DB_NAME, DB_VERSION, upgrade, type FrontlijnDB } from './schema';

const realIdb = globalThis.indexedDB;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  globalThis.indexedDB = realIdb;
});

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
});
