/**
 * The IndexedDB schema of Frontlijn's database and its history. Upgrades are cumulative
 * `if (oldVersion < N)` blocks (idb's README): a database of any earlier version is brought up to
 * date step by step, in the one upgrade transaction, keeping its data.
 *
 * History
 *   v1  profiles, runs (settings still lived in localStorage under "frontlijn-settings").
 *   v2  teams; scenario versions by content hash (index by scenario id); runs indexed by player,
 *       scenario and finish time; every profile gets `teamId: null`.
 *   v3  settings move into the database; runs get the derived `open` mark (index by-open, so the
 *       run to resume is found without reading them all); results: one small precomputed row per
 *       finished run (by scenario, by player) for leaderboards. Rows for runs finished before v3
 *       are filled in after opening (see idb.ts, backfillResults), because scoring needs the engine.
 *   v4  the xAPI outbox (outbox.ts): `outbox`, statements waiting for the LRS (by queue order), and
 *       `outboxMeta`: the LRS connection, per run how many statements were queued, the sent count.
 *       Nothing to convert: earlier runs are queued only when a facilitator forwards them.
 *   v5  guests get a number (`guestNumber`, guest-numbers.ts): those stored before are numbered
 *       once, in the order they were made, so "Gast 2" stays "Gast 2" across reloads.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Run } from '../engine/types';
import type { Profile, RunResult, StoredScenario, Team } from './api';
import type { OutboxItem } from './outbox';
import { numberUnnumbered } from './guest-numbers';

export const DB_NAME = 'frontlijn';
export const DB_VERSION = 5;
/** Where v1 and v2 kept the settings. */
export const LEGACY_SETTINGS_KEY = 'frontlijn-settings';
export const SETTINGS_KEY = 'settings';

/** A run as stored: the run plus `open: 1` while it is unfinished (for the by-open index). */
export type RunRecord = Run & { open?: 1 };

export interface FrontlijnDB extends DBSchema {
  profiles: { key: string; value: Profile };
  teams: { key: string; value: Team };
  runs: {
    key: string;
    value: RunRecord;
    indexes: { 'by-player': string; 'by-scenario': string; 'by-finished': number; 'by-open': number };
  };
  scenarios: { key: string; value: StoredScenario; indexes: { 'by-id': string } };
  settings: { key: string; value: unknown };
  results: { key: string; value: RunResult; indexes: { 'by-scenario': string; 'by-player': string } };
  outbox: { key: string; value: OutboxItem; indexes: { 'by-seq': number } };
  outboxMeta: { key: string; value: unknown };
}

type UpgradeTx = IDBPTransaction<FrontlijnDB, StoreNames<FrontlijnDB>[], 'versionchange'>;

/** The record to store for a run (restoreRun drops the `open` mark again on reading). */
export function toRecord(run: Run): RunRecord {
  const rec: RunRecord = { ...run };
  if (run.finishedAt === undefined) rec.open = 1;
  else delete rec.open;
  return rec;
}

function readLegacySettings(): unknown {
  try {
    if (typeof localStorage === 'undefined') return undefined;
    const text = localStorage.getItem(LEGACY_SETTINGS_KEY);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Brings the database from `oldVersion` to `newVersion`. `newVersion` is honoured so tests can
 * create a database exactly as an earlier release of Frontlijn left it.
 */
export function upgrade(db: IDBPDatabase<FrontlijnDB>, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  // The database's shape changed over time; the loose view is for stores of earlier versions.
  const loose = db as unknown as IDBPDatabase;
  const ltx = tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;

  if (oldVersion < 1 && newVersion >= 1) {
    loose.createObjectStore('profiles', { keyPath: 'id' });
    loose.createObjectStore('runs', { keyPath: 'id' });
  }

  if (oldVersion < 2 && newVersion >= 2) {
    loose.createObjectStore('teams', { keyPath: 'id' });
    const scenarios = loose.createObjectStore('scenarios', { keyPath: 'hash' });
    scenarios.createIndex('by-id', 'id');
    const runs = ltx.objectStore('runs');
    runs.createIndex('by-player', 'playerId');
    runs.createIndex('by-scenario', 'scenarioId');
    runs.createIndex('by-finished', 'finishedAt');
    // Profiles of v1 had no team.
    const profiles = ltx.objectStore('profiles');
    void profiles.openCursor().then(async function step(cursor): Promise<void> {
      if (!cursor) return;
      const p = cursor.value as Record<string, unknown>;
      if (p && typeof p === 'object' && !('teamId' in p)) await cursor.update({ ...p, teamId: null });
      return step(await cursor.continue());
    });
  }

  if (oldVersion < 3 && newVersion >= 3) {
    const settings = loose.createObjectStore('settings');
    const legacy = readLegacySettings();
    if (legacy !== undefined) void settings.put(legacy, SETTINGS_KEY);
    const runs = ltx.objectStore('runs');
    runs.createIndex('by-open', 'open');
    void runs.openCursor().then(async function step(cursor): Promise<void> {
      if (!cursor) return;
      const r = cursor.value as Record<string, unknown>;
      if (r && typeof r === 'object' && r.finishedAt === undefined && r.open !== 1) await cursor.update({ ...r, open: 1 });
      return step(await cursor.continue());
    });
    const results = loose.createObjectStore('results', { keyPath: 'runId' });
    results.createIndex('by-scenario', 'scenarioId');
    results.createIndex('by-player', 'playerId');
  }

  if (oldVersion < 4 && newVersion >= 4) {
    const outbox = loose.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('by-seq', 'seq');
    loose.createObjectStore('outboxMeta');
  }

  if (oldVersion < 5 && newVersion >= 5) {
    const profiles = ltx.objectStore('profiles');
    // Each record comes back whole, with its number added (numberArrivals keeps the other fields).
    void profiles.getAll().then(async (all) => {
      const records = all.filter((p): p is Profile => typeof p === 'object' && p !== null && typeof p.id === 'string' && typeof p.createdAt === 'number');
      for (const p of numberUnnumbered(records)) await profiles.put(p);
    });
  }
}
