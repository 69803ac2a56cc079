/**
 * The in-memory store: used when the browser cannot open IndexedDB (private modes, blocked
 * storage) and in tests. Same behaviour as the IndexedDB store; everything is lost on reload,
 * which is why the UI offers an export while it is in use. Values are copied in and out, so
 * callers can never change what is stored by mutating an object.
 */
import type { Run, RunEvent } from '../engine/types';
import {
  DEFAULT_SETTINGS,
  type ImportBundle,
  type ImportOutcome,
  type PendingVersion,
  type Profile,
  type RunResult,
  type Settings,
  type Store,
  type StorageIssue,
  type StoredScenario,
  type Team,
} from './api';
import { numberArrivals, retiredBy } from './guest-numbers';
import { DeviceMemory, namesOf, planPlayers, refusedHere, startOutcome, withRunsTaken } from './import-plan';
import { IssueHub } from './issues';
import { mergeDecision, tellsAnotherStory, withEvent, writtenHere } from './merge';
import { measureSave } from './measure';
import type { Scorer } from './scoring';
import { MemoryOutbox } from './outbox';
import { generateDeviceKey, type DeviceKeyPair } from './run-signature';

const copy = <T>(v: T): T => structuredClone(v);

export interface MemoryStoreOptions {
  /** Computes a finished run's result (default: none, results are not kept). */
  scorer?: Scorer;
}

export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private settings: Settings = { ...DEFAULT_SETTINGS };
  private profiles = new Map<string, Profile>();
  private teams = new Map<string, Team>();
  private scenarios = new Map<string, StoredScenario>();
  private runs = new Map<string, Run>();
  private results = new Map<string, RunResult>();
  private hub = new IssueHub();
  /** The xAPI outbox (queued with every run write while an LRS is connected). */
  readonly outbox = new MemoryOutbox((run) => {
    const profile = run.playerId ? this.profiles.get(run.playerId) : undefined;
    return { version: this.scenarios.get(run.scenarioHash), profile, team: profile?.teamId ? this.teams.get(profile.teamId) : undefined };
  });

  constructor(private readonly opts: MemoryStoreOptions = {}) {}

  async getSettings(): Promise<Settings> {
    return copy(this.settings);
  }
  async saveSettings(settings: Settings): Promise<void> {
    this.settings = copy(settings);
  }

  async listProfiles(): Promise<Profile[]> {
    return [...this.profiles.values()].map(copy);
  }
  async saveProfile(profile: Profile): Promise<void> {
    this.retire(retiredBy(this.profiles.get(profile.id), profile));
    this.profiles.set(profile.id, copy(profile));
  }
  async retiredGuestNumber(): Promise<number> {
    return this.retired;
  }
  /** The highest number a guest here gave up (guest-numbers.ts). */
  private retired = 0;
  private retire(n: number): void {
    this.retired = Math.max(this.retired, n);
  }
  async deleteProfile(id: string): Promise<void> {
    this.retire(retiredBy(this.profiles.get(id), undefined));
    this.profiles.delete(id);
    for (const [rid, run] of this.runs) {
      if (run.playerId === id) {
        this.runs.delete(rid);
        this.results.delete(rid);
      }
    }
    if (this.settings.currentPlayerId === id) this.settings = { ...this.settings, currentPlayerId: null };
  }

  async listTeams(): Promise<Team[]> {
    return [...this.teams.values()].map(copy);
  }
  async saveTeam(team: Team): Promise<void> {
    this.teams.set(team.id, copy(team));
  }
  async deleteTeam(id: string): Promise<void> {
    this.teams.delete(id);
    for (const p of this.profiles.values()) if (p.teamId === id) p.teamId = null;
  }

  async saveScenario(s: StoredScenario): Promise<void> {
    const known = this.scenarios.get(s.hash);
    if (known && !known.hidden && !known.untrusted) return;
    this.scenarios.set(s.hash, copy({ ...s, hidden: undefined }));
    if (known?.untrusted && !s.untrusted) this.scoreVersion(s.hash);
  }
  async getScenario(hash: string): Promise<StoredScenario | undefined> {
    const s = this.scenarios.get(hash);
    return s ? copy(s) : undefined;
  }
  async listScenarios(): Promise<StoredScenario[]> {
    return [...this.scenarios.values()].filter((s) => !s.hidden && !s.untrusted).map(copy);
  }
  async listPendingScenarios(): Promise<PendingVersion[]> {
    const runs = [...this.runs.values()];
    return [...this.scenarios.values()]
      .filter((s) => s.untrusted)
      .map((s) => ({ version: copy(s), runs: runs.filter((r) => r.scenarioHash === s.hash).length }));
  }
  async trustScenario(hash: string, now = Date.now()): Promise<number> {
    const s = this.scenarios.get(hash);
    if (!s?.untrusted) return 0;
    const { untrusted: _, ...trusted } = s;
    this.scenarios.set(hash, { ...trusted, storedAt: now });
    await this.opts.scorer?.prepare?.();
    return this.scoreVersion(hash);
  }
  /** Scores every finished run of a version (just accepted). */
  private scoreVersion(hash: string): number {
    let n = 0;
    for (const run of this.runs.values()) {
      if (run.scenarioHash !== hash) continue;
      if (this.score(run)) n++;
      this.outbox.queue(run); // kept back while the version was untrusted
    }
    return n;
  }
  async deleteScenario(id: string): Promise<void> {
    const used = new Set([...this.runs.values()].map((r) => r.scenarioHash));
    for (const [hash, s] of this.scenarios) {
      if (s.id !== id || !s.custom) continue;
      if (used.has(hash)) this.scenarios.set(hash, { ...s, hidden: true });
      else this.scenarios.delete(hash);
    }
  }

  /** Writes a finished run's result row; runs on versions not trusted here get none. */
  private score(run: Run): boolean {
    if (run.finishedAt === undefined || !this.opts.scorer) return false;
    const version = this.scenarios.get(run.scenarioHash);
    const result = version && !version.untrusted ? this.opts.scorer(run, version) : null;
    if (result) this.results.set(run.id, result);
    return !!result;
  }

  async saveRun(run: Run): Promise<void> {
    await this.outbox.decided(); // at start-up: whether this write also queues statements
    if (run.finishedAt !== undefined) await this.opts.scorer?.prepare?.();
    measureSave('run', () => {
      const mine = writtenHere(run);
      this.runs.set(run.id, copy(mine));
      this.score(mine);
      this.outbox.queue(mine);
    });
  }
  async appendEvent(runId: string, event: RunEvent): Promise<void> {
    await this.outbox.decided();
    measureSave('append', () => {
      const run = this.runs.get(runId);
      if (!run) throw new Error(`No run ${runId} to append to`);
      const next = withEvent(run, copy(event));
      if (next) {
        this.runs.set(runId, next);
        this.outbox.queue(next);
      }
    });
  }
  async getRun(id: string): Promise<Run | undefined> {
    const r = this.runs.get(id);
    return r ? copy(r) : undefined;
  }
  async listRuns(filter: { playerId?: string; scenarioId?: string } = {}): Promise<Run[]> {
    return [...this.runs.values()]
      .filter((r) => (filter.playerId === undefined || r.playerId === filter.playerId) && (filter.scenarioId === undefined || r.scenarioId === filter.scenarioId))
      .sort((a, b) => a.startedAt - b.startedAt)
      .map(copy);
  }
  async unfinishedRun(playerId: string | null): Promise<Run | undefined> {
    let latest: Run | undefined;
    for (const r of this.runs.values()) {
      if (r.finishedAt === undefined && r.playerId === playerId && (!latest || r.startedAt > latest.startedAt)) latest = r;
    }
    return latest ? copy(latest) : undefined;
  }
  async deleteRun(id: string): Promise<void> {
    this.runs.delete(id);
    this.results.delete(id);
  }

  /** Results are scored as runs are saved. */
  async resultsSettled(): Promise<void> {}

  async listResults(filter: { playerId?: string; scenarioId?: string } = {}): Promise<RunResult[]> {
    return [...this.results.values()]
      .filter((r) => (filter.playerId === undefined || r.playerId === filter.playerId) && (filter.scenarioId === undefined || r.scenarioId === filter.scenarioId))
      .sort((a, b) => a.finishedAt - b.finishedAt)
      .map(copy);
  }

  async latestResult(counts: (r: RunResult) => boolean): Promise<RunResult | undefined> {
    let latest: RunResult | undefined;
    for (const r of this.results.values()) if (counts(r) && (!latest || r.finishedAt > latest.finishedAt)) latest = r;
    return latest ? copy(latest) : undefined;
  }

  async importBundle(bundle: ImportBundle): Promise<ImportOutcome> {
    await this.opts.scorer?.prepare?.();
    await this.outbox.decided();
    const before = new Map(bundle.scenarios.map((s) => [s.hash, this.scenarios.get(s.hash)]));
    const plan = await planPlayers(bundle, async (id) => this.profiles.get(id));
    const written = plan.runs.filter((run) => mergeDecision(this.runs.get(run.id), run) !== 'skip');
    const people = withRunsTaken(bundle, plan, written);
    const out = startOutcome(bundle, before, people.notes);
    const names = namesOf(plan);
    const devices = new DeviceMemory(async (id) => [...this.runs.values()].filter((r) => r.playerId === id));
    for (const run of written) await devices.check(run, names.get(run.playerId ?? '') ?? '?');
    out.devices = devices.notes();
    // Plan everything first, then apply: nothing can fail half-way in memory.
    for (const s of bundle.scenarios) {
      if (!this.scenarios.has(s.hash)) {
        this.scenarios.set(s.hash, copy(s));
        out.scenariosAdded++;
      }
    }
    for (const t of people.teams) {
      if (!this.teams.has(t.id)) {
        this.teams.set(t.id, copy(t));
        out.teamsAdded++;
      }
    }
    for (const p of numberArrivals(people.profiles, this.profiles.values(), this.retired)) {
      if (!this.profiles.has(p.id)) {
        this.profiles.set(p.id, copy(p));
        out.profilesAdded++;
      }
    }
    for (const run of plan.runs) {
      const stored = this.runs.get(run.id);
      const d = mergeDecision(stored, run);
      if (d === 'skip') {
        out.runsSkipped++;
        if (stored && tellsAnotherStory(stored, run)) out.runsConflicting++;
        continue;
      }
      this.runs.set(run.id, copy(run));
      this.results.delete(run.id);
      this.score(run);
      this.outbox.queue(run);
      if (this.scenarios.get(run.scenarioHash)?.untrusted) out.runsApart++;
      if (run.unverified) out.runsUnverified++;
      if (d === 'add') out.runsAdded++;
      else if (stored?.unverified && !run.unverified) out.runsNowVerified++;
      else out.runsUpdated++;
    }
    out.refusedHere = await refusedHere(bundle.refusedRunIds ?? [], async (id) => this.runs.get(id), async (id) => this.profiles.get(id));
    return out;
  }

  private key: Promise<DeviceKeyPair> | null = null;
  /** A key for the session: a device that cannot keep a database cannot keep a key either. */
  deviceKey(): Promise<DeviceKeyPair> {
    this.key ??= generateDeviceKey();
    return this.key;
  }

  close(): void {}

  onIssue(listener: (issue: StorageIssue) => void): () => void {
    return this.hub.on(listener);
  }
}

export function createMemoryStore(opts: MemoryStoreOptions = {}): Store {
  return new MemoryStore(opts);
}
