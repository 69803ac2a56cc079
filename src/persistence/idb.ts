/**
 * The IndexedDB store (idb): owns the "frontlijn" database on this device. Every choice is one
 * small readwrite transaction on `runs` (appendEvent), measured as 'frontlijn:save'. Everything
 * read is restored (restore.ts) before the UI sees it, so a damaged record never throws.
 * When the browser cannot write (the disk is full: QuotaExceededError, which Chrome reports by
 * aborting the transaction, its request failing with AbortError; or the connection was closed:
 * site data cleared) the store keeps what it could not write in memory, whole (runs, players,
 * teams, settings, scenario versions), tells the UI, and writes it all on the next write that
 * succeeds: the game goes on, nothing is written half, and the export still contains everything.
 * A connection the browser closed is opened again before giving up on the database.
 *
 * What a choice's save costs (Chromium 156, measured in the game, scripts/bench-storage.ts):
 * ~0.3 ms of script (clone, idb, measure) and ~1 ms from the put to `complete`, the same with
 * or without the four `runs` indexes and for a whole run as for a tiny record. After a real tap
 * or click Chromium holds every task, this `complete` included, until the next frame is
 * produced (~10 ms, more with a slow CPU): that wait is the browser's, not the database's, so
 * the store keeps writing the whole run in one put rather than splitting runs into event rows.
 */
import { openDB, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import type { Run, RunEvent } from '../engine/types';
import type {
  ImportBundle,
  ImportOutcome,
  PendingVersion,
  Profile,
  RunResult,
  Settings,
  StorageIssue,
  Store,
  StoredScenario,
  Team,
} from './api';
import { DEVICE_KEY, isKeyPair, loadDeviceKey } from './device-key';
import type { DeviceKeyPair } from './run-signature';
import { numberArrivals, restoreRetired, RETIRED_KEY, retiredBy } from './guest-numbers';
import { DeviceMemory, namesOf, planPlayers, refusedHere, startOutcome, withRunsTaken } from './import-plan';
import { IssueHub, isQuotaError } from './issues';
import { mergeDecision, tellsAnotherStory, withEvent, writtenHere } from './merge';
import { measureSaveAsync } from './measure';
import {
  restoreList,
  restoreProfile,
  restoreResult,
  restoreRun,
  restoreSettings,
  restoreStoredScenario,
  restoreTeam,
  Repairs,
} from './restore';
import { DB_NAME, DB_VERSION, SETTINGS_KEY, toRecord, upgrade, type FrontlijnDB } from './schema';
import type { Scorer } from './scoring';
import { IdbOutbox, OUTBOX_STORES, QUEUE_STORES, queueInTx, type QueueTx, type StatementSource } from './outbox';

type DB = IDBPDatabase<FrontlijnDB>;
type Filter = { playerId?: string; scenarioId?: string };

function matches(r: { playerId: string | null; scenarioId: string }, f: Filter): boolean {
  return (f.playerId === undefined || r.playerId === f.playerId) && (f.scenarioId === undefined || r.scenarioId === f.scenarioId);
}

/**
 * Asks for the commit as soon as a write's last request is queued. Left to itself the
 * transaction commits only after the put's reply has come back to the page: a second round trip
 * between the page and the browser's database thread (measured: 1.4 -> 1.0 ms median, p95
 * 2.0 -> 1.2 ms, more on a busy CPU). `complete` still fires only once the data is written.
 */
function commitNow(tx: { commit?: () => void }): void {
  try {
    tx.commit?.();
  } catch {
    /* already committing or finished: `complete` (or the abort) comes all the same */
  }
}

/** Why the browser did not write: the disk is full, or the connection is gone. Null otherwise. */
export function writeLost(e: unknown): 'quota' | 'closed' | null {
  if (isQuotaError(e)) return 'quota';
  const name = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
  // "The database connection is closing." (site data cleared), or it could not be opened again.
  if (name === 'InvalidStateError' || name === 'StorageClosed') return 'closed';
  return null;
}

/**
 * A transaction's real error: Chrome aborts a transaction that exceeds the quota with
 * QuotaExceededError on the transaction, while its requests fail with a plain AbortError.
 */
function txFailure(e: unknown, tx: { error: DOMException | null }): unknown {
  let txError: unknown = null;
  try {
    txError = tx.error;
  } catch {
    /* the transaction is still running: its error cannot be read yet */
  }
  return txError && (!(e instanceof Error) || e.name === 'AbortError') ? txError : e;
}

type SmallStore = 'settings' | 'profiles' | 'teams' | 'scenarios';

/** One readwrite transaction on one store; a failure is the transaction's own error (see txFailure). */
function writeTx<N extends SmallStore>(db: DB, name: N, fn: (tx: IDBPTransaction<FrontlijnDB, [N], 'readwrite'>) => Promise<unknown>): Promise<void> {
  return writeAll(db, [name], fn);
}

/** One readwrite transaction on a few of the small stores, as writeTx. */
async function writeAll<S extends SmallStore[]>(db: DB, names: S, fn: (tx: IDBPTransaction<FrontlijnDB, S, 'readwrite'>) => Promise<unknown>): Promise<void> {
  const tx = db.transaction(names, 'readwrite');
  tx.done.catch(() => undefined); // awaited below
  try {
    await fn(tx);
    commitNow(tx);
    await tx.done;
  } catch (e) {
    throw txFailure(e, tx);
  }
}

/** Raises the mark of the guest numbers given up here to `n` (guest-numbers.ts), in the caller's transaction. */
async function retire(tx: { objectStore(name: 'settings'): IDBPObjectStore<FrontlijnDB, ArrayLike<StoreNames<FrontlijnDB>>, 'settings', 'readwrite'> }, n: number): Promise<void> {
  const settings = tx.objectStore('settings');
  if (n > restoreRetired(await settings.get(RETIRED_KEY))) await settings.put(n, RETIRED_KEY);
}

/**
 * One readwrite transaction that may make a scenario version trusted. With an LRS connected
 * (`source`) it also locks what queueing the version's runs needs (queueVersionInTx).
 */
async function trustTx(db: DB, source: StatementSource | null, fn: (tx: QueueTx) => Promise<unknown>): Promise<void> {
  const tx = db.transaction(source ? ['runs', ...QUEUE_STORES] : ['scenarios'], 'readwrite');
  tx.done.catch(() => undefined); // awaited below
  try {
    await fn(tx as unknown as QueueTx);
    commitNow(tx);
    await tx.done;
  } catch (e) {
    throw txFailure(e, tx);
  }
}

/**
 * Queues the statements of a version's runs, kept back while it was not trusted, in the
 * transaction that trusts it: a crash keeps both the trust and the statements, or neither (a
 * later step would never be retried, as the version is no longer kept apart).
 */
async function queueVersionInTx(tx: QueueTx, version: Pick<StoredScenario, 'id' | 'hash'>, source: StatementSource): Promise<void> {
  for (const rec of await tx.objectStore('runs').index('by-scenario').getAll(version.id)) {
    const run = rec.scenarioHash === version.hash ? restoreRun(rec) : null;
    if (run) await queueInTx(tx, run, source);
  }
}

/** Resolves when the page is next idle (soon, in any case), or at once outside a browser. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });
}

export class IdbStore implements Store {
  readonly kind = 'idb' as const;
  /** Runs the browser could not write (full disk, lost connection): kept here whole, written on the next chance. */
  private unsaved = new Map<string, Run>();
  /** The same for the other records: the in-memory copy is the truth until it is written. */
  private unsavedProfiles = new Map<string, Profile>();
  private unsavedTeams = new Map<string, Team>();
  private unsavedScenarios = new Map<string, StoredScenario>();
  private unsavedSettings: Settings | null = null;
  /** Set when the browser closed the connection (site data cleared): open it again before the next use. */
  private lost = false;
  /** Closed by the app (close()): never opened again behind its back. */
  private closed = false;
  private reconnecting: Promise<void> | null = null;
  /**
   * The players, teams, settings and scenario versions this tab has read or written, so that when
   * the browser wipes the database under it (site data cleared) they are written again with the
   * open runs: the game goes on as the player's own, and the run still scores when it ends.
   */
  private seen = { profiles: new Map<string, Profile>(), teams: new Map<string, Team>(), scenarios: new Map<string, StoredScenario>(), settings: null as Settings | null };
  /**
   * The unfinished runs this tab last wrote or read, so a choice is one put without a read first
   * (the per-choice write is on the player's critical path). Only one tab writes a run at a time
   * (tab-guard.ts), and taking a run over re-reads it with getRun, which refreshes this.
   */
  private open = new Map<string, Run>();
  private backfilling: Promise<void>;
  /** Result rows still being computed for runs that just finished (see saveRun). */
  private scoring: Promise<void> = Promise.resolve();
  /** The xAPI outbox: while it has a source, every run write also queues the run's new statements. */
  readonly outbox: IdbOutbox;

  constructor(
    private db: DB,
    private readonly hub: IssueHub,
    private readonly scorer: Scorer | undefined,
    /** Opens the database again after the browser closed it (none: such a store plays on in memory). */
    private readonly reopen?: () => Promise<DB>,
  ) {
    this.outbox = new IdbOutbox(() => this.db);
    this.backfilling = this.backfillResults().catch((e) => console.warn('[frontlijn] result backfill failed', e));
  }

  // ---- settings, profiles, teams ------------------------------------------------------------

  async getSettings(): Promise<Settings> {
    if (this.unsavedSettings) return structuredClone(this.unsavedSettings);
    const r = new Repairs();
    const s = restoreSettings(await this.read((db) => db.get('settings', SETTINGS_KEY), undefined), r);
    r.log('settings');
    this.seen.settings = structuredClone(s);
    return s;
  }
  async saveSettings(settings: Settings): Promise<void> {
    const copy = structuredClone(settings);
    this.seen.settings = copy;
    await this.writeOrKeep(
      (db) => writeTx(db, 'settings', (tx) => tx.store.put(copy, SETTINGS_KEY)),
      () => (this.unsavedSettings = copy),
    );
  }

  async listProfiles(): Promise<Profile[]> {
    const stored = restoreList(await this.read((db) => db.getAll('profiles'), []), restoreProfile, 'profiles');
    for (const p of stored) this.seen.profiles.set(p.id, structuredClone(p));
    return withUnsaved(stored, this.unsavedProfiles, (p) => p.id).sort((a, b) => a.createdAt - b.createdAt);
  }
  async saveProfile(profile: Profile): Promise<void> {
    const copy = structuredClone(profile);
    this.seen.profiles.set(copy.id, copy);
    await this.writeOrKeep(
      // A guest named gives up their number: it is never given again (guest-numbers.ts).
      (db) =>
        writeAll(db, ['profiles', 'settings'], async (tx) => {
          const retired = retiredBy(restoreProfile(await tx.objectStore('profiles').get(copy.id)) ?? undefined, copy);
          await Promise.all([tx.objectStore('profiles').put(copy), retired > 0 ? retire(tx, retired) : undefined]);
        }),
      () => this.unsavedProfiles.set(copy.id, copy),
    );
  }
  async retiredGuestNumber(): Promise<number> {
    return restoreRetired(await this.read((db) => db.get('settings', RETIRED_KEY), undefined));
  }
  async deleteProfile(id: string): Promise<void> {
    this.unsavedProfiles.delete(id);
    this.seen.profiles.delete(id);
    for (const [rid, run] of this.unsaved) if (run.playerId === id) this.unsaved.delete(rid);
    if (this.unsavedSettings?.currentPlayerId === id) this.unsavedSettings = { ...this.unsavedSettings, currentPlayerId: null };
    await this.guard(async (db) => {
      const tx = db.transaction(['profiles', 'runs', 'results', 'settings'], 'readwrite');
      const runIds = await tx.objectStore('runs').index('by-player').getAllKeys(id);
      const retired = retiredBy(restoreProfile(await tx.objectStore('profiles').get(id)) ?? undefined, undefined);
      await Promise.all([
        retired > 0 ? retire(tx, retired) : undefined,
        tx.objectStore('profiles').delete(id),
        ...runIds.flatMap((rid) => [tx.objectStore('runs').delete(rid), tx.objectStore('results').delete(rid)]),
      ]);
      const settings = restoreSettings(await tx.objectStore('settings').get(SETTINGS_KEY));
      if (settings.currentPlayerId === id) await tx.objectStore('settings').put({ ...settings, currentPlayerId: null }, SETTINGS_KEY);
      await tx.done;
      for (const [rid, run] of this.open) if (run.playerId === id) this.open.delete(rid);
    });
  }

  async listTeams(): Promise<Team[]> {
    const stored = restoreList(await this.read((db) => db.getAll('teams'), []), restoreTeam, 'teams');
    for (const t of stored) this.seen.teams.set(t.id, structuredClone(t));
    return withUnsaved(stored, this.unsavedTeams, (t) => t.id).sort((a, b) => a.createdAt - b.createdAt);
  }
  async saveTeam(team: Team): Promise<void> {
    const copy = structuredClone(team);
    this.seen.teams.set(copy.id, copy);
    await this.writeOrKeep(
      (db) => writeTx(db, 'teams', (tx) => tx.store.put(copy)),
      () => this.unsavedTeams.set(copy.id, copy),
    );
  }
  async deleteTeam(id: string): Promise<void> {
    this.unsavedTeams.delete(id);
    this.seen.teams.delete(id);
    for (const [pid, p] of this.unsavedProfiles) if (p.teamId === id) this.unsavedProfiles.set(pid, { ...p, teamId: null });
    await this.guard(async (db) => {
      const tx = db.transaction(['teams', 'profiles'], 'readwrite');
      await tx.objectStore('teams').delete(id);
      let cursor = await tx.objectStore('profiles').openCursor();
      while (cursor) {
        if (cursor.value.teamId === id) await cursor.update({ ...cursor.value, teamId: null });
        cursor = await cursor.continue();
      }
      await tx.done;
    });
  }

  // ---- scenario versions --------------------------------------------------------------------

  async saveScenario(s: StoredScenario): Promise<void> {
    const copy = structuredClone({ ...s, hidden: undefined });
    this.seen.scenarios.set(copy.hash, copy);
    let accepted = false;
    await this.outbox.decided();
    const source = this.outbox.source;
    await this.writeOrKeep(
      (db) =>
        trustTx(db, source, async (tx) => {
          const known = await tx.objectStore('scenarios').get(s.hash);
          if (!known || known.hidden || known.untrusted) await tx.objectStore('scenarios').put(copy);
          accepted = !!known?.untrusted && !s.untrusted;
          if (accepted && source) await queueVersionInTx(tx, copy, source);
        }),
      () => this.unsavedScenarios.set(copy.hash, copy),
    );
    // A version that waited apart was imported by a manager (Write scenarios): its runs count now.
    if (accepted) await this.scoreVersion(s.hash);
  }
  async getScenario(hash: string): Promise<StoredScenario | undefined> {
    const pending = this.unsavedScenarios.get(hash);
    if (pending) return structuredClone(pending);
    const v = await this.read((db) => db.get('scenarios', hash), undefined);
    const version = v === undefined ? undefined : (restoreStoredScenario(v) ?? undefined);
    if (version) this.seen.scenarios.set(hash, structuredClone(version));
    return version;
  }
  async listScenarios(): Promise<StoredScenario[]> {
    const stored = restoreList(await this.read((db) => db.getAll('scenarios'), []), restoreStoredScenario, 'scenarios');
    return withUnsaved(stored, this.unsavedScenarios, (s) => s.hash).filter((s) => !s.hidden && !s.untrusted);
  }
  async listPendingScenarios(): Promise<PendingVersion[]> {
    const all = restoreList(await this.read((db) => db.getAll('scenarios'), []), restoreStoredScenario, 'scenarios');
    const out: PendingVersion[] = [];
    for (const version of all.filter((s) => s.untrusted)) {
      const runs = await this.read((db) => db.getAllFromIndex('runs', 'by-scenario', version.id), []);
      out.push({ version, runs: runs.filter((r) => r.scenarioHash === version.hash).length });
    }
    return out;
  }
  async trustScenario(hash: string, now = Date.now()): Promise<number> {
    await this.outbox.decided();
    const source = this.outbox.source;
    await this.guard((db) =>
      trustTx(db, source, async (tx) => {
        const v = restoreStoredScenario(await tx.objectStore('scenarios').get(hash));
        if (v?.untrusted) {
          const { untrusted: _, ...trusted } = v;
          await tx.objectStore('scenarios').put({ ...trusted, storedAt: now });
          if (source) await queueVersionInTx(tx, v, source);
        }
      }),
    );
    return this.scoreVersion(hash);
  }
  /** Writes the result rows of a version's finished runs (a version just accepted); returns how many. */
  private async scoreVersion(hash: string): Promise<number> {
    const scorer = this.scorer;
    if (!scorer) return 0;
    await scorer.prepare?.();
    let n = 0;
    await this.guard(async (db) => {
      const tx = db.transaction(['runs', 'results', 'scenarios'], 'readwrite');
      const version = restoreStoredScenario(await tx.objectStore('scenarios').get(hash));
      if (version && !version.untrusted) {
        for (const rec of await tx.objectStore('runs').index('by-scenario').getAll(version.id)) {
          const run = rec.scenarioHash === hash ? restoreRun(rec) : null;
          const result = run ? scorer(run, version) : null;
          if (result) {
            await tx.objectStore('results').put(result);
            n++;
          }
        }
      }
      await tx.done;
    });
    return n;
  }
  async deleteScenario(id: string): Promise<void> {
    for (const [hash, v] of this.seen.scenarios) if (v.id === id && v.custom) this.seen.scenarios.delete(hash);
    const used = new Set([...this.unsaved.values()].map((r) => r.scenarioHash));
    for (const [hash, v] of this.unsavedScenarios) if (v.id === id && v.custom && !used.has(hash)) this.unsavedScenarios.delete(hash);
    await this.guard(async (db) => {
      const tx = db.transaction(['scenarios', 'runs'], 'readwrite');
      const versions = await tx.objectStore('scenarios').index('by-id').getAll(id);
      const runs = await tx.objectStore('runs').index('by-scenario').getAll(id);
      const used = new Set(runs.map((r) => r.scenarioHash));
      for (const v of versions) {
        if (!v.custom) continue;
        if (used.has(v.hash)) await tx.objectStore('scenarios').put({ ...v, hidden: true });
        else await tx.objectStore('scenarios').delete(v.hash);
      }
      await tx.done;
    });
  }

  // ---- runs ---------------------------------------------------------------------------------

  /**
   * Saves a run. A finished run's result row (its scores, for the leaderboards) is computed just
   * after, once the page is idle: replaying a run costs tens of milliseconds on a slow phone, which
   * must not hold up showing the ending. Readers of results wait for it (listResults), and a crash
   * in between leaves a finished run without a row, which the next start fills in (backfill).
   */
  async saveRun(run: Run): Promise<void> {
    await this.outbox.decided(); // at start-up: whether this write also queues statements
    await measureSaveAsync('run', async () => {
      const copy = structuredClone(writtenHere(run));
      await this.writeOrKeep(
        (db) => this.putRun(db, copy),
        () => this.unsaved.set(copy.id, copy),
      );
    });
    if (run.finishedAt !== undefined && !this.unsaved.has(run.id)) this.scoreLater(run);
  }

  private scoreLater(run: Run): void {
    if (!this.scorer) return;
    const copy = structuredClone(run);
    this.scoring = this.scoring
      .then(whenIdle)
      .then(() => this.scoreRun(copy))
      .catch((e) => console.warn('[frontlijn] scoring a finished run failed; it is retried at the next start', e));
  }

  /** One put of a whole run, committed at once; the run is then the base of the next append. */
  private async putRun(db: DB, run: Run): Promise<void> {
    const source = this.outbox.source;
    // An LRS is connected: the run's new statements are queued in the same transaction.
    const tx = db.transaction(source ? ['runs', ...QUEUE_STORES] : ['runs'], 'readwrite');
    tx.done.catch(() => undefined); // awaited below
    try {
      void tx.objectStore('runs').put(toRecord(run)).catch(() => undefined); // its failure is the transaction's
      if (source) await queueInTx(tx as unknown as QueueTx, run, source);
      commitNow(tx);
      await tx.done;
    } catch (e) {
      throw txFailure(e, tx);
    }
    this.remember(run);
  }

  /**
   * Writes the result row of a finished run (replaying it against its scenario version), in one
   * transaction with reading the run: a run deleted (or replaced) meanwhile gets no stale row.
   */
  private async scoreRun(run: Run): Promise<void> {
    const scorer = this.scorer;
    if (!scorer) return;
    await scorer.prepare?.();
    await this.guard(async (db) => {
      const tx = db.transaction(['runs', 'results', 'scenarios'], 'readwrite');
      tx.done.catch(() => undefined); // awaited below
      const stored = restoreRun(await tx.objectStore('runs').get(run.id));
      const version = stored?.finishedAt !== undefined ? restoreStoredScenario(await tx.objectStore('scenarios').get(stored.scenarioHash)) : null;
      const result = stored && version && !version.untrusted ? scorer(stored, version) : null;
      if (result) await tx.objectStore('results').put(result);
      commitNow(tx);
      await tx.done;
    });
  }

  /**
   * Appends one event: the whole run with it is written in one put, or (the browser cannot
   * write) kept whole in memory. Either way the choice is made; when anything else goes wrong it
   * is not, and nothing changes (a retry does not add it twice).
   */
  async appendEvent(runId: string, event: RunEvent): Promise<void> {
    await this.outbox.decided();
    await measureSaveAsync('append', async () => {
      let base = this.unsaved.get(runId) ?? this.open.get(runId);
      if (!base) {
        const rec = await this.read((db) => db.get('runs', runId), undefined);
        if (!rec) throw new Error(`No run ${runId} to append to`);
        base = restoreRun(rec) ?? undefined;
        if (!base) throw new Error(`Run ${runId} could not be read`);
      }
      const next = withEvent(base, structuredClone(event));
      if (!next) return;
      await this.writeOrKeep(
        (db) => this.putRun(db, next),
        () => this.unsaved.set(runId, next),
      );
    });
  }

  async getRun(id: string): Promise<Run | undefined> {
    const pending = this.unsaved.get(id);
    if (pending) return structuredClone(pending);
    const rec = await this.read((db) => db.get('runs', id), undefined);
    if (rec === undefined) return undefined;
    const r = new Repairs();
    const run = restoreRun(rec, r);
    r.log(`run ${id}`);
    if (run) this.remember(run);
    else this.open.delete(id);
    return run ? structuredClone(run) : undefined;
  }

  async listRuns(filter: Filter = {}): Promise<Run[]> {
    const recs: unknown[] = await this.read((db) => {
      if (filter.playerId !== undefined) return db.getAllFromIndex('runs', 'by-player', filter.playerId);
      if (filter.scenarioId !== undefined) return db.getAllFromIndex('runs', 'by-scenario', filter.scenarioId);
      return db.getAll('runs');
    }, []);
    const runs = restoreList(recs, (v, r) => restoreRun(v, r), 'runs').filter((r) => matches(r, filter) && !this.unsaved.has(r.id));
    for (const u of this.unsaved.values()) if (matches(u, filter)) runs.push(structuredClone(u));
    return runs.sort((a, b) => a.startedAt - b.startedAt);
  }

  async unfinishedRun(playerId: string | null): Promise<Run | undefined> {
    const open = restoreList(await this.read((db) => db.getAllFromIndex('runs', 'by-open', 1), []), (v, r) => restoreRun(v, r), 'runs');
    const candidates = [...open.filter((r) => !this.unsaved.has(r.id)), ...this.unsaved.values()].filter(
      (r) => r.finishedAt === undefined && r.playerId === playerId,
    );
    candidates.sort((a, b) => b.startedAt - a.startedAt);
    return candidates[0] ? structuredClone(candidates[0]) : undefined;
  }

  async deleteRun(id: string): Promise<void> {
    this.unsaved.delete(id);
    this.open.delete(id);
    await this.guard(async (db) => {
      const tx = db.transaction(['runs', 'results'], 'readwrite');
      await Promise.all([tx.objectStore('runs').delete(id), tx.objectStore('results').delete(id), tx.done]);
    });
  }

  // ---- results, import ----------------------------------------------------------------------

  async resultsSettled(): Promise<void> {
    await this.backfilling;
    await this.scoring;
  }

  async listResults(filter: Filter = {}): Promise<RunResult[]> {
    await this.backfilling;
    await this.scoring;
    const rows: unknown[] = await this.read((db) => {
      if (filter.scenarioId !== undefined) return db.getAllFromIndex('results', 'by-scenario', filter.scenarioId);
      if (filter.playerId !== undefined) return db.getAllFromIndex('results', 'by-player', filter.playerId);
      return db.getAll('results');
    }, []);
    const out: RunResult[] = [];
    for (const row of rows) {
      const res = restoreResult(row);
      if (res && matches(res, filter)) out.push(res);
    }
    return out.sort((a, b) => a.finishedAt - b.finishedAt);
  }

  async latestResult(counts: (r: RunResult) => boolean): Promise<RunResult | undefined> {
    await this.backfilling;
    await this.scoring;
    // The runs' finish-time index, newest first, read by key only (not the runs' event logs); a
    // run without a result (not scored: a version not trusted here) is passed over.
    return this.read(async (db) => {
      const tx = db.transaction(['runs', 'results']);
      const results = tx.objectStore('results');
      for (let cursor = await tx.objectStore('runs').index('by-finished').openKeyCursor(null, 'prev'); cursor; cursor = await cursor.continue()) {
        const result = restoreResult(await results.get(cursor.primaryKey));
        if (result && counts(result)) return result;
      }
      return undefined;
    }, undefined);
  }

  async importBundle(bundle: ImportBundle): Promise<ImportOutcome> {
    await this.scorer?.prepare?.();
    await this.outbox.decided();
    const source = this.outbox.source;
    if (this.lost) await this.reconnect();
    const tx = this.db.transaction(['runs', 'results', 'scenarios', 'profiles', 'teams', 'settings', 'outbox', 'outboxMeta'], 'readwrite');
    tx.done.catch(() => undefined); // awaited below; an abort must not also be an unhandled rejection
    let out: ImportOutcome;
    try {
      const before = new Map<string, StoredScenario | undefined>();
      for (const s of bundle.scenarios) before.set(s.hash, restoreStoredScenario(await tx.objectStore('scenarios').get(s.hash)) ?? undefined);
      const plan = await planPlayers(bundle, async (id) => restoreProfile(await tx.objectStore('profiles').get(id)) ?? undefined);
      const decided: { run: Run; stored: Run | undefined; d: ReturnType<typeof mergeDecision> }[] = [];
      for (const run of plan.runs) {
        const storedRec = await tx.objectStore('runs').get(run.id);
        const stored = storedRec ? (restoreRun(storedRec) ?? undefined) : undefined;
        decided.push({ run, stored, d: mergeDecision(stored, run) });
      }
      const people = withRunsTaken(bundle, plan, decided.flatMap((x) => (x.d === 'skip' ? [] : [x.run])));
      out = startOutcome(bundle, before, people.notes);
      const versions = new Map<string, StoredScenario>();
      for (const s of bundle.scenarios) {
        const known = before.get(s.hash);
        if (!known) {
          await tx.objectStore('scenarios').put(structuredClone(s));
          out.scenariosAdded++;
        }
        versions.set(s.hash, known ?? s);
      }
      for (const t of people.teams) {
        if (!(await tx.objectStore('teams').get(t.id))) {
          await tx.objectStore('teams').put(structuredClone(t));
          out.teamsAdded++;
        }
      }
      const here = (await tx.objectStore('profiles').getAll()).flatMap((p) => restoreProfile(p) ?? []);
      for (const p of numberArrivals(people.profiles, here, restoreRetired(await tx.objectStore('settings').get(RETIRED_KEY)))) {
        if (!(await tx.objectStore('profiles').get(p.id))) {
          await tx.objectStore('profiles').put(structuredClone(p));
          out.profilesAdded++;
        }
      }
      const names = namesOf(plan);
      const devices = new DeviceMemory(async (id) => (await tx.objectStore('runs').index('by-player').getAll(id)).flatMap((r) => restoreRun(r) ?? []));
      for (const { run, stored, d } of decided) {
        if (d === 'skip') {
          out.runsSkipped++;
          if (stored && tellsAnotherStory(stored, run)) out.runsConflicting++;
          continue;
        }
        await devices.check(run, names.get(run.playerId ?? '') ?? '?');
        await tx.objectStore('runs').put(toRecord(structuredClone(run)));
        this.open.delete(run.id);
        let version = versions.get(run.scenarioHash);
        if (!version) {
          version = restoreStoredScenario(await tx.objectStore('scenarios').get(run.scenarioHash)) ?? undefined;
          if (version) versions.set(version.hash, version);
        }
        // Runs on a version this device does not trust are kept apart: no result row.
        const result = version && !version.untrusted && this.scorer ? this.scorer(run, version) : null;
        if (result) await tx.objectStore('results').put(result);
        else await tx.objectStore('results').delete(run.id);
        if (version?.untrusted) out.runsApart++;
        if (run.unverified) out.runsUnverified++;
        // A facilitator's laptop with an LRS forwards the runs it collects (hand-in, files);
        // runs on a version kept apart wait until it is trusted (queueInTx, trustScenario).
        if (source) await queueInTx(tx as unknown as QueueTx, run, source);
        if (d === 'add') out.runsAdded++;
        else if (stored?.unverified && !run.unverified) out.runsNowVerified++;
        else out.runsUpdated++;
      }
      out.devices = devices.notes();
      out.refusedHere = await refusedHere(
        bundle.refusedRunIds ?? [],
        async (id) => {
          const rec = await tx.objectStore('runs').get(id);
          return rec ? (restoreRun(rec) ?? undefined) : undefined;
        },
        async (id) => restoreProfile(await tx.objectStore('profiles').get(id)) ?? undefined,
      );
      await tx.done;
    } catch (e) {
      // A full disk aborts the transaction with QuotaExceededError, its requests with AbortError:
      // the import says which (the UI tells a full disk from another refusal).
      const failure = txFailure(e, tx);
      try {
        tx.abort();
      } catch {
        /* already finished or aborted */
      }
      if (isQuotaError(failure)) this.hub.emit({ kind: 'quota', refusedImport: { kept: this.keepsUnsaved() } });
      throw failure;
    }
    return out;
  }

  private key: Promise<DeviceKeyPair> | null = null;
  deviceKey(): Promise<DeviceKeyPair> {
    this.key ??= loadDeviceKey(
      () => this.read((db) => db.get('settings', DEVICE_KEY), undefined),
      (pair) => this.keepKey(pair),
    ).catch((e: unknown) => {
      this.key = null;
      throw e;
    });
    return this.key;
  }
  /** Stores a new key pair unless another tab stored one first (that one is kept and returned). */
  private async keepKey(pair: DeviceKeyPair): Promise<DeviceKeyPair> {
    let kept = pair;
    try {
      await this.withConn((db) =>
        writeTx(db, 'settings', async (tx) => {
          const other: unknown = await tx.store.get(DEVICE_KEY);
          if (isKeyPair(other)) kept = other;
          else await tx.store.put(pair, DEVICE_KEY);
        }),
      );
    } catch (e) {
      // A full disk or a lost database: this key signs for the session.
      if (!writeLost(e)) throw e;
    }
    return kept;
  }

  close(): void {
    this.closed = true;
    this.db.close();
  }

  onIssue(listener: (issue: StorageIssue) => void): () => void {
    return this.hub.on(listener);
  }

  // ---- internals ----------------------------------------------------------------------------

  /** Opens the connection again after the browser closed it; rejects with StorageClosed when it cannot. */
  private reconnect(): Promise<void> {
    this.reconnecting ??= (async () => {
      try {
        if (!this.reopen) throw new Error('no way to reopen');
        try {
          this.db.close();
        } catch {
          /* already closed */
        }
        this.db = await this.reopen();
        this.lost = false;
        const db = this.db;
        const [runs, profiles, settings] = await Promise.all([db.count('runs'), db.count('profiles'), db.count('settings')]);
        if (runs + profiles + settings === 0) this.rewriteSeen();
      } catch (e) {
        throw Object.assign(new Error(`The database could not be opened again: ${e instanceof Error ? e.message : String(e)}`), { name: 'StorageClosed' });
      } finally {
        this.reconnecting = null;
      }
    })();
    return this.reconnecting;
  }

  /** The database came back empty (site data cleared): what this tab knows is written again, whole, with the next write. */
  private rewriteSeen(): void {
    for (const [id, run] of this.open) if (!this.unsaved.has(id)) this.unsaved.set(id, structuredClone(run));
    for (const [id, p] of this.seen.profiles) if (!this.unsavedProfiles.has(id)) this.unsavedProfiles.set(id, structuredClone(p));
    for (const [id, t] of this.seen.teams) if (!this.unsavedTeams.has(id)) this.unsavedTeams.set(id, structuredClone(t));
    for (const [hash, v] of this.seen.scenarios) if (!this.unsavedScenarios.has(hash)) this.unsavedScenarios.set(hash, structuredClone(v));
    if (this.seen.settings) this.unsavedSettings ??= structuredClone(this.seen.settings);
  }

  /** The browser closed the connection (site data cleared, the disk went away). */
  connectionLost(): void {
    this.lost = true;
  }

  /** Runs `fn` on the connection, opening it again once when the browser has closed it. */
  private async withConn<T>(fn: (db: DB) => Promise<T>): Promise<T> {
    if (this.lost && !this.closed) await this.reconnect();
    try {
      return await fn(this.db);
    } catch (e) {
      if (writeLost(e) !== 'closed' || !this.reopen || this.closed) throw e;
      this.lost = true;
      await this.reconnect();
      return fn(this.db);
    }
  }

  /** A read; when the database cannot be reached at all, `fallback` (what is kept in memory is added by the caller). */
  private async read<T>(fn: (db: DB) => Promise<T>, fallback: T): Promise<T> {
    try {
      return await this.withConn(fn);
    } catch (e) {
      if (writeLost(e) !== 'closed') throw e;
      return fallback;
    }
  }

  /** Runs a write; a full disk is reported (and rethrown, nothing was written). */
  private async guard<T>(fn: (db: DB) => Promise<T>): Promise<T> {
    try {
      return await this.withConn(fn);
    } catch (e) {
      if (isQuotaError(e)) this.hub.emit({ kind: 'quota' });
      throw e;
    }
  }

  /**
   * Writes what waits in memory, then `write`. When the browser cannot write (full disk, lost
   * connection) `keep` keeps the record in memory instead, whole, the UI is told, and the game
   * goes on; any other failure is thrown and nothing changes.
   */
  private async writeOrKeep(write: (db: DB) => Promise<unknown>, keep: () => void): Promise<void> {
    try {
      await this.withConn(async (db) => {
        await this.flushUnsaved(db);
        await write(db);
      });
    } catch (e) {
      const why = writeLost(e);
      if (!why) throw e;
      keep();
      this.hub.emit(why === 'quota' ? { kind: 'quota' } : { kind: 'closed' });
    }
  }

  /** Whether anything waits in memory to be written (a full disk or a lost connection kept it). */
  private keepsUnsaved(): boolean {
    return this.unsaved.size + this.unsavedProfiles.size + this.unsavedTeams.size + this.unsavedScenarios.size > 0 || this.unsavedSettings !== null;
  }

  /** Keeps an unfinished run for the next append; forgets a finished one. */
  private remember(run: Run): void {
    if (run.finishedAt === undefined) this.open.set(run.id, structuredClone(run));
    else this.open.delete(run.id);
  }

  /**
   * Writes everything kept in memory, in one transaction: all of it or (full disk) none. What
   * changed meanwhile stays kept for the next time.
   */
  private async flushUnsaved(db: DB): Promise<void> {
    const runs = [...this.unsaved.values()];
    const profiles = [...this.unsavedProfiles.values()];
    const teams = [...this.unsavedTeams.values()];
    const scenarios = [...this.unsavedScenarios.values()];
    const settings = this.unsavedSettings;
    if (runs.length + profiles.length + teams.length + scenarios.length === 0 && !settings) return;
    const source = this.outbox.source;
    const tx = db.transaction(['runs', 'profiles', 'teams', 'scenarios', 'settings', ...OUTBOX_STORES], 'readwrite');
    tx.done.catch(() => undefined); // awaited below
    try {
      const quiet = (p: Promise<unknown>) => void p.catch(() => undefined); // their failure is the transaction's
      for (const r of runs) quiet(tx.objectStore('runs').put(toRecord(r)));
      for (const p of profiles) quiet(tx.objectStore('profiles').put(p));
      for (const t of teams) quiet(tx.objectStore('teams').put(t));
      for (const s of scenarios) quiet(tx.objectStore('scenarios').put(s));
      if (settings) quiet(tx.objectStore('settings').put(settings, SETTINGS_KEY));
      // The statements of the choices kept in memory are queued now, with the runs they describe
      // (after the players, teams and versions above, which they name). The mark per run makes
      // this add only what was not queued before: nothing lost, nothing twice.
      if (source) for (const r of runs) await queueInTx(tx as unknown as QueueTx, r, source);
      commitNow(tx);
      await tx.done;
    } catch (e) {
      throw txFailure(e, tx);
    }
    for (const r of runs) {
      if (this.unsaved.get(r.id) !== r) continue;
      this.unsaved.delete(r.id);
      this.remember(r);
      if (r.finishedAt !== undefined) this.scoreLater(r);
    }
    for (const p of profiles) if (this.unsavedProfiles.get(p.id) === p) this.unsavedProfiles.delete(p.id);
    for (const t of teams) if (this.unsavedTeams.get(t.id) === t) this.unsavedTeams.delete(t.id);
    for (const s of scenarios) if (this.unsavedScenarios.get(s.hash) === s) this.unsavedScenarios.delete(s.hash);
    if (this.unsavedSettings === settings) this.unsavedSettings = null;
  }

  /** Fills in result rows for finished runs that have none (runs from before v3, late scenarios). */
  private async backfillResults(): Promise<void> {
    if (!this.scorer) return;
    const finished = await this.db.getAllKeysFromIndex('runs', 'by-finished');
    if (finished.length === 0) return;
    const have = new Set(await this.db.getAllKeys('results'));
    const missing = finished.filter((k) => !have.has(k));
    if (missing.length === 0) return;
    // Only now fetch the scoring code: a device with nothing to backfill never loads it at start.
    await this.scorer.prepare?.();
    for (const id of missing) {
      const run = restoreRun(await this.db.get('runs', id));
      if (!run) continue;
      const version = await this.getScenario(run.scenarioHash);
      const result = version && !version.untrusted ? this.scorer(run, version) : null;
      if (result) await this.db.put('results', result);
    }
  }
}

/** The records of `stored`, with those kept in memory (not yet written) in place of or beside them. */
function withUnsaved<T>(stored: T[], unsaved: Map<string, T>, key: (v: T) => string): T[] {
  if (unsaved.size === 0) return stored;
  return [...stored.filter((v) => !unsaved.has(key(v))), ...[...unsaved.values()].map((v) => structuredClone(v))];
}

/** Opens the database (creating or upgrading it). Rejects when IndexedDB is missing or refuses. */
export async function openIdb(
  hub: IssueHub,
  hooks: { onBlocked?: () => void; onTerminated?: () => void; onUpgrade?: () => void; name?: string } = {},
): Promise<DB> {
  if (typeof indexedDB === 'undefined') throw Object.assign(new Error('IndexedDB is not available'), { name: 'NoIndexedDB' });
  return openDB<FrontlijnDB>(hooks.name ?? DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, newVersion, tx) => {
      hooks.onUpgrade?.();
      upgrade(db, oldVersion, newVersion ?? DB_VERSION, tx);
    },
    blocked: () => {
      hub.emit({ kind: 'blocked' });
      hooks.onBlocked?.();
    },
    blocking: () => hub.emit({ kind: 'blocking' }),
    terminated: () => {
      hooks.onTerminated?.();
      hub.emit({ kind: 'closed' });
    },
  });
}
