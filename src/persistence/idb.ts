/**
 * The IndexedDB store (idb): owns the "frontlijn" database on this device. Every choice is one
 * small readwrite transaction on `runs` (appendEvent), measured as 'frontlijn:save'. Everything
 * read is restored (restore.ts) before the UI sees it, so a damaged record never throws.
 * When the disk is full (QuotaExceededError, which Chrome may only report by aborting the
 * transaction) the store keeps the unsaved runs in memory, tells the UI, and tries again on the
 * next write: the game goes on and the export still contains everything.
 *
 * What a choice's save costs (Chromium 156, measured in the game, scripts/bench-storage.ts):
 * ~0.3 ms of script (clone, idb, measure) and ~1 ms from the put to `complete`, the same with
 * or without the four `runs` indexes and for a whole run as for a tiny record. After a real tap
 * or click Chromium holds every task, this `complete` included, until the next frame is
 * produced (~10 ms, more with a slow CPU): that wait is the browser's, not the database's, so
 * the store keeps writing the whole run in one put rather than splitting runs into event rows.
 */
import { openDB, type IDBPDatabase } from 'idb';
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
import { planPlayers, versionNotes } from './import-plan';
import { IssueHub, isQuotaError } from './issues';
import { mergeDecision, withEvent } from './merge';
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

/** Resolves when the page is next idle (soon, in any case), or at once outside a browser. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });
}

export class IdbStore implements Store {
  readonly kind = 'idb' as const;
  /** Runs the disk had no room for: kept here and written on the next chance. */
  private unsaved = new Map<string, Run>();
  /**
   * The unfinished runs this tab last wrote or read, so a choice is one put without a read first
   * (the per-choice write is on the player's critical path). Only one tab writes a run at a time
   * (tab-guard.ts), and taking a run over re-reads it with getRun, which refreshes this.
   */
  private open = new Map<string, Run>();
  private backfilling: Promise<void>;
  /** Result rows still being computed for runs that just finished (see saveRun). */
  private scoring: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DB,
    private readonly hub: IssueHub,
    private readonly scorer: Scorer | undefined,
  ) {
    this.backfilling = this.backfillResults().catch((e) => console.warn('[frontlijn] result backfill failed', e));
  }

  // ---- settings, profiles, teams ------------------------------------------------------------

  async getSettings(): Promise<Settings> {
    const r = new Repairs();
    const s = restoreSettings(await this.db.get('settings', SETTINGS_KEY), r);
    r.log('settings');
    return s;
  }
  async saveSettings(settings: Settings): Promise<void> {
    await this.guard(() => this.db.put('settings', structuredClone(settings), SETTINGS_KEY));
  }

  async listProfiles(): Promise<Profile[]> {
    return restoreList(await this.db.getAll('profiles'), restoreProfile, 'profiles').sort((a, b) => a.createdAt - b.createdAt);
  }
  async saveProfile(profile: Profile): Promise<void> {
    await this.guard(() => this.db.put('profiles', structuredClone(profile)));
  }
  async deleteProfile(id: string): Promise<void> {
    await this.guard(async () => {
      const tx = this.db.transaction(['profiles', 'runs', 'results', 'settings'], 'readwrite');
      const runIds = await tx.objectStore('runs').index('by-player').getAllKeys(id);
      await Promise.all([
        tx.objectStore('profiles').delete(id),
        ...runIds.flatMap((rid) => [tx.objectStore('runs').delete(rid), tx.objectStore('results').delete(rid)]),
      ]);
      const settings = restoreSettings(await tx.objectStore('settings').get(SETTINGS_KEY));
      if (settings.currentPlayerId === id) await tx.objectStore('settings').put({ ...settings, currentPlayerId: null }, SETTINGS_KEY);
      await tx.done;
      for (const [rid, run] of this.unsaved) if (run.playerId === id) this.unsaved.delete(rid);
      for (const [rid, run] of this.open) if (run.playerId === id) this.open.delete(rid);
    });
  }

  async listTeams(): Promise<Team[]> {
    return restoreList(await this.db.getAll('teams'), restoreTeam, 'teams').sort((a, b) => a.createdAt - b.createdAt);
  }
  async saveTeam(team: Team): Promise<void> {
    await this.guard(() => this.db.put('teams', structuredClone(team)));
  }
  async deleteTeam(id: string): Promise<void> {
    await this.guard(async () => {
      const tx = this.db.transaction(['teams', 'profiles'], 'readwrite');
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
    let accepted = false;
    await this.guard(async () => {
      const tx = this.db.transaction('scenarios', 'readwrite');
      const known = await tx.store.get(s.hash);
      if (!known || known.hidden || known.untrusted) await tx.store.put(structuredClone({ ...s, hidden: undefined }));
      accepted = !!known?.untrusted && !s.untrusted;
      await tx.done;
    });
    // A version that waited apart was imported by a manager (Write scenarios): its runs count now.
    if (accepted) await this.scoreVersion(s.hash);
  }
  async getScenario(hash: string): Promise<StoredScenario | undefined> {
    const v = await this.db.get('scenarios', hash);
    return v === undefined ? undefined : (restoreStoredScenario(v) ?? undefined);
  }
  async listScenarios(): Promise<StoredScenario[]> {
    return restoreList(await this.db.getAll('scenarios'), restoreStoredScenario, 'scenarios').filter((s) => !s.hidden && !s.untrusted);
  }
  async listPendingScenarios(): Promise<PendingVersion[]> {
    const pending = restoreList(await this.db.getAll('scenarios'), restoreStoredScenario, 'scenarios').filter((s) => s.untrusted);
    const out: PendingVersion[] = [];
    for (const version of pending) {
      const runs = (await this.db.getAllFromIndex('runs', 'by-scenario', version.id)).filter((r) => r.scenarioHash === version.hash).length;
      out.push({ version, runs });
    }
    return out;
  }
  async trustScenario(hash: string, now = Date.now()): Promise<number> {
    await this.guard(async () => {
      const tx = this.db.transaction('scenarios', 'readwrite');
      const v = restoreStoredScenario(await tx.store.get(hash));
      if (v?.untrusted) {
        const { untrusted: _, ...trusted } = v;
        await tx.store.put({ ...trusted, storedAt: now });
      }
      await tx.done;
    });
    return this.scoreVersion(hash);
  }
  /** Writes the result rows of a version's finished runs (a version just accepted); returns how many. */
  private async scoreVersion(hash: string): Promise<number> {
    const scorer = this.scorer;
    if (!scorer) return 0;
    await scorer.prepare?.();
    let n = 0;
    await this.guard(async () => {
      const tx = this.db.transaction(['runs', 'results', 'scenarios'], 'readwrite');
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
    await this.guard(async () => {
      const tx = this.db.transaction(['scenarios', 'runs'], 'readwrite');
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
    await measureSaveAsync('run', async () => {
      const copy = structuredClone(run);
      this.unsaved.delete(run.id);
      await this.guardRun(copy, async () => {
        await this.flushUnsaved();
        const tx = this.db.transaction('runs', 'readwrite');
        void tx.store.put(toRecord(copy));
        commitNow(tx);
        await tx.done;
        this.remember(copy);
      });
    });
    if (run.finishedAt !== undefined && this.scorer && !this.unsaved.has(run.id)) {
      const copy = structuredClone(run);
      this.scoring = this.scoring
        .then(whenIdle)
        .then(() => this.scoreRun(copy))
        .catch((e) => console.warn('[frontlijn] scoring a finished run failed; it is retried at the next start', e));
    }
  }

  /**
   * Writes the result row of a finished run (replaying it against its scenario version), in one
   * transaction with reading the run: a run deleted (or replaced) meanwhile gets no stale row.
   */
  private async scoreRun(run: Run): Promise<void> {
    const scorer = this.scorer;
    if (!scorer) return;
    await scorer.prepare?.();
    await this.guard(async () => {
      const tx = this.db.transaction(['runs', 'results', 'scenarios'], 'readwrite');
      tx.done.catch(() => undefined); // awaited below
      const stored = restoreRun(await tx.objectStore('runs').get(run.id));
      const version = stored?.finishedAt !== undefined ? restoreStoredScenario(await tx.objectStore('scenarios').get(stored.scenarioHash)) : null;
      const result = stored && version && !version.untrusted ? scorer(stored, version) : null;
      if (result) await tx.objectStore('results').put(result);
      commitNow(tx);
      await tx.done;
    });
  }

  async appendEvent(runId: string, event: RunEvent): Promise<void> {
    await measureSaveAsync('append', async () => {
      const pending = this.unsaved.get(runId);
      if (pending) {
        const next = withEvent(pending, structuredClone(event));
        if (next) this.unsaved.set(runId, next);
        await this.guardRun(this.unsaved.get(runId)!, () => this.flushUnsaved());
        return;
      }
      let next: Run | null = null;
      let txError: () => unknown = () => undefined;
      try {
        const tx = this.db.transaction('runs', 'readwrite');
        tx.done.catch(() => undefined); // awaited below
        txError = () => tx.error;
        let base = this.open.get(runId);
        if (!base) {
          const rec = await tx.store.get(runId);
          if (!rec) throw new Error(`No run ${runId} to append to`);
          base = restoreRun(rec) ?? undefined;
          if (!base) throw new Error(`Run ${runId} could not be read`);
        }
        next = withEvent(base, structuredClone(event));
        if (next) {
          void tx.store.put(toRecord(next));
          commitNow(tx);
          await tx.done;
          this.remember(next);
        }
      } catch (e) {
        this.open.delete(runId);
        if ((isQuotaError(e) || isQuotaError(txError())) && next) {
          this.keepUnsaved(next);
          return;
        }
        throw e;
      }
    });
  }

  async getRun(id: string): Promise<Run | undefined> {
    const pending = this.unsaved.get(id);
    if (pending) return structuredClone(pending);
    const rec = await this.db.get('runs', id);
    if (rec === undefined) return undefined;
    const r = new Repairs();
    const run = restoreRun(rec, r);
    r.log(`run ${id}`);
    if (run) this.remember(run);
    else this.open.delete(id);
    return run ? structuredClone(run) : undefined;
  }

  async listRuns(filter: Filter = {}): Promise<Run[]> {
    let recs: unknown[];
    if (filter.playerId !== undefined) recs = await this.db.getAllFromIndex('runs', 'by-player', filter.playerId);
    else if (filter.scenarioId !== undefined) recs = await this.db.getAllFromIndex('runs', 'by-scenario', filter.scenarioId);
    else recs = await this.db.getAll('runs');
    const runs = restoreList(recs, (v, r) => restoreRun(v, r), 'runs').filter((r) => matches(r, filter) && !this.unsaved.has(r.id));
    for (const u of this.unsaved.values()) if (matches(u, filter)) runs.push(structuredClone(u));
    return runs.sort((a, b) => a.startedAt - b.startedAt);
  }

  async unfinishedRun(playerId: string | null): Promise<Run | undefined> {
    const open = restoreList(await this.db.getAllFromIndex('runs', 'by-open', 1), (v, r) => restoreRun(v, r), 'runs');
    const candidates = [...open.filter((r) => !this.unsaved.has(r.id)), ...this.unsaved.values()].filter(
      (r) => r.finishedAt === undefined && r.playerId === playerId,
    );
    candidates.sort((a, b) => b.startedAt - a.startedAt);
    return candidates[0] ? structuredClone(candidates[0]) : undefined;
  }

  async deleteRun(id: string): Promise<void> {
    this.unsaved.delete(id);
    this.open.delete(id);
    await this.guard(async () => {
      const tx = this.db.transaction(['runs', 'results'], 'readwrite');
      await Promise.all([tx.objectStore('runs').delete(id), tx.objectStore('results').delete(id), tx.done]);
    });
  }

  // ---- results, import ----------------------------------------------------------------------

  async listResults(filter: Filter = {}): Promise<RunResult[]> {
    await this.backfilling;
    await this.scoring;
    let rows: unknown[];
    if (filter.scenarioId !== undefined) rows = await this.db.getAllFromIndex('results', 'by-scenario', filter.scenarioId);
    else if (filter.playerId !== undefined) rows = await this.db.getAllFromIndex('results', 'by-player', filter.playerId);
    else rows = await this.db.getAll('results');
    const out: RunResult[] = [];
    for (const row of rows) {
      const res = restoreResult(row);
      if (res && matches(res, filter)) out.push(res);
    }
    return out.sort((a, b) => a.finishedAt - b.finishedAt);
  }

  async importBundle(bundle: ImportBundle): Promise<ImportOutcome> {
    await this.scorer?.prepare?.();
    const tx = this.db.transaction(['runs', 'results', 'scenarios', 'profiles', 'teams'], 'readwrite');
    tx.done.catch(() => undefined); // awaited below; an abort must not also be an unhandled rejection
    let out: ImportOutcome;
    try {
      const before = new Map<string, StoredScenario | undefined>();
      for (const s of bundle.scenarios) before.set(s.hash, restoreStoredScenario(await tx.objectStore('scenarios').get(s.hash)) ?? undefined);
      const plan = await planPlayers(bundle, async (id) => restoreProfile(await tx.objectStore('profiles').get(id)) ?? undefined);
      out = {
        runsAdded: 0,
        runsUpdated: 0,
        runsSkipped: 0,
        profilesAdded: 0,
        teamsAdded: 0,
        scenariosAdded: 0,
        runsApart: 0,
        versions: versionNotes(bundle, before),
        players: plan.notes,
      };
      const versions = new Map<string, StoredScenario>();
      for (const s of bundle.scenarios) {
        const known = before.get(s.hash);
        if (!known) {
          await tx.objectStore('scenarios').put(structuredClone(s));
          out.scenariosAdded++;
        }
        versions.set(s.hash, known ?? s);
      }
      for (const t of bundle.teams) {
        if (!(await tx.objectStore('teams').get(t.id))) {
          await tx.objectStore('teams').put(structuredClone(t));
          out.teamsAdded++;
        }
      }
      for (const p of plan.profiles) {
        if (!(await tx.objectStore('profiles').get(p.id))) {
          await tx.objectStore('profiles').put(structuredClone(p));
          out.profilesAdded++;
        }
      }
      for (const run of plan.runs) {
        const storedRec = await tx.objectStore('runs').get(run.id);
        const stored = storedRec ? (restoreRun(storedRec) ?? undefined) : undefined;
        const d = mergeDecision(stored, run);
        if (d === 'skip') {
          out.runsSkipped++;
          continue;
        }
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
        if (d === 'add') out.runsAdded++;
        else out.runsUpdated++;
      }
      await tx.done;
    } catch (e) {
      try {
        tx.abort();
      } catch {
        /* already finished or aborted */
      }
      if (isQuotaError(e)) this.hub.emit({ kind: 'quota' });
      throw e;
    }
    return out;
  }

  close(): void {
    this.db.close();
  }

  onIssue(listener: (issue: StorageIssue) => void): () => void {
    return this.hub.on(listener);
  }

  // ---- internals ----------------------------------------------------------------------------

  /** Runs a write; a full disk is reported (and rethrown, nothing was written). */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (isQuotaError(e)) this.hub.emit({ kind: 'quota' });
      throw e;
    }
  }

  /** Runs a run write; on a full disk the run is kept in memory instead and the game goes on. */
  private async guardRun(run: Run, fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      this.keepUnsaved(run);
    }
  }

  /** Keeps an unfinished run for the next append; forgets a finished one. */
  private remember(run: Run): void {
    if (run.finishedAt === undefined) this.open.set(run.id, structuredClone(run));
    else this.open.delete(run.id);
  }

  private keepUnsaved(run: Run): void {
    this.unsaved.set(run.id, structuredClone(run));
    this.hub.emit({ kind: 'quota' });
  }

  /** Tries to write the runs the disk had no room for; keeps them when it still has none. */
  private async flushUnsaved(): Promise<void> {
    if (this.unsaved.size === 0) return;
    const tx = this.db.transaction('runs', 'readwrite');
    await Promise.all([...[...this.unsaved.values()].map((r) => tx.store.put(toRecord(r))), tx.done]);
    this.unsaved.clear();
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

/** Opens the database (creating or upgrading it). Rejects when IndexedDB is missing or refuses. */
export async function openIdb(
  hub: IssueHub,
  hooks: { onBlocked?: () => void; name?: string } = {},
): Promise<DB> {
  if (typeof indexedDB === 'undefined') throw Object.assign(new Error('IndexedDB is not available'), { name: 'NoIndexedDB' });
  return openDB<FrontlijnDB>(hooks.name ?? DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, newVersion, tx) => upgrade(db, oldVersion, newVersion ?? DB_VERSION, tx),
    blocked: () => {
      hub.emit({ kind: 'blocked' });
      hooks.onBlocked?.();
    },
    blocking: () => hub.emit({ kind: 'blocking' }),
    terminated: () => hub.emit({ kind: 'failed', detail: 'The browser closed the database unexpectedly.' }),
  });
}
