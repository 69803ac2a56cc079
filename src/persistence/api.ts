/**
 * The small API the UI calls to keep profiles, teams, runs, scenario versions and settings.
 * Implemented over IndexedDB (idb.ts) with an in-memory fallback (memory.ts) for browsers that
 * cannot open a database; `openStore()` in index.ts picks one and reports why.
 */
import type { EndingTone, Lang, Mode, Run, Scenario, TimerScale } from '../engine/types';
import type { PathStep, Scores } from '../engine/contract';
import type { Outbox } from './outbox';
import type { DeviceKeyPair } from './run-signature';

export interface Profile {
  id: string;
  name: string;
  /** The team id, or null. */
  teamId: string | null;
  createdAt: number;
  /** Set for a guest who has not been named yet. */
  guest?: boolean;
  /**
   * A guest's number on this device ("Gast 3"), given once when the guest was made here or first
   * arrived here, never changed (guest-numbers.ts). Only on guests.
   */
  guestNumber?: number;
}

export interface Team {
  id: string;
  name: string;
  createdAt: number;
}

export interface Settings {
  /** null: follow the browser's language. */
  lang: Lang | null;
  sound: boolean;
  /** 0..1 */
  volume: number;
  timerScale: TimerScale;
  /** 'system' follows prefers-reduced-motion. */
  reducedMotion: 'system' | 'on' | 'off';
  /** The profile playing on this device now. */
  currentPlayerId: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  lang: null,
  sound: true,
  volume: 0.7,
  timerScale: 1,
  reducedMotion: 'system',
  currentPlayerId: null,
};

/** A scenario version, kept by content hash so every run replays against what was played. */
export interface StoredScenario {
  hash: string;
  id: string;
  /** The exact file text. */
  source: string;
  scenario: Scenario;
  /** True for imported/authored scenarios. */
  custom: boolean;
  storedAt: number;
  /** A deleted custom scenario that runs still refer to: kept for replay, hidden from lists. */
  hidden?: boolean;
  /**
   * Brought by a results file or link, and not (yet) accepted on this device: not offered for
   * play, and its runs are kept apart (no result rows, so no leaderboard, average or debrief)
   * until a manager adds it (Store.trustScenario) or imports the same file in Write scenarios.
   * Versions this device stored itself (played, authored, shipped with the app) have no mark.
   */
  untrusted?: true;
}

/** A version awaiting a manager's decision, and how many runs wait with it. */
export interface PendingVersion {
  version: StoredScenario;
  runs: number;
}

/** Why storage is degraded, for a plain-words banner in the UI. */
export type StorageIssue =
  | { kind: 'unavailable'; detail: string } // private mode, no IndexedDB: playing in memory
  | { kind: 'blocked' } // another tab holds an older version open
  | { kind: 'blocking' } // this tab holds up another tab's upgrade
  /**
   * Disk full: what was saved is kept, the rest is kept in memory until there is room. With
   * `refusedImport`, an import was refused whole (nothing of it written, nothing of it kept), and
   * `kept` says whether results played here still wait in memory besides.
   */
  | { kind: 'quota'; refusedImport?: { kept: boolean } }
  | { kind: 'closed' } // the browser closed the database (site data cleared): opened again, or playing in memory
  | { kind: 'timeout' } // the database did not answer (opening hangs): playing in memory
  | { kind: 'failed'; detail: string }; // the browser could not open the database

/**
 * A finished run's scores, computed by replaying its log when it finished (or was imported) and
 * kept beside it as a small row, so leaderboards over thousands of runs never replay anything.
 * Derived data: always recomputed from the log, never imported.
 */
export interface RunResult {
  runId: string;
  playerId: string | null;
  scenarioId: string;
  scenarioHash: string;
  mode: Mode;
  startedAt: number;
  finishedAt: number;
  /** Set for "play from here" test runs, which are never compared. */
  startNode?: string;
  ending: string;
  tone: EndingTone | null;
  scores: Scores;
  /** The decisions taken, in order (option null: the time ran out), for the debrief. */
  steps: PathStep[];
  /** Set for an assessment played (for a while) with the timers off: a score without time pressure. */
  timersOff?: true;
  /** The run came without a signature (see Run.unverified): never compared. */
  unverified?: true;
}

/** What an import brings: already restored (valid) values. See results-file.ts. */
export interface ImportBundle {
  runs: Run[];
  scenarios: StoredScenario[];
  profiles: Profile[];
  teams: Team[];
  /** Ids of runs the import left out (changed after they were played): the outcome names those whose genuine copy is here. */
  refusedRunIds?: string[];
}

/** A run the import log names: its id, its player's name ('?': none, or a guest) and its scenario id. */
export interface RunNote {
  runId: string;
  name: string;
  scenario: string;
  /** Its player's id (as the file or link gives it; as stored here for a run named by its copy here). */
  playerId?: string | null;
  /** A guest's number as the same source gives it (the log names a guest here by their number here). */
  guestNumber?: number;
}

/** What an import did with one scenario version it brought, for the import log. */
export interface VersionNote {
  hash: string;
  id: string;
  title: Scenario['title'];
  /** Its id is one of a built-in scenario (so it can never be added as a scenario of its own). */
  builtInId: boolean;
  /** 'trusted': already accepted here; 'new': stored apart, awaiting a decision; 'pending': was already awaiting one. */
  status: 'trusted' | 'new' | 'pending';
  /** Runs of the import played on it. */
  runs: number;
}

/** Where the runs of one player id in an import were filed, for the import log. */
export interface PlayerNote {
  /** The id and name the import gave. */
  id: string;
  name: string;
  /** The id the runs are stored under. */
  storedAs: string;
  /** 'joined': the same id and name are here; 'added': a new player; 'separate': the id belongs to someone else here. */
  kind: 'joined' | 'added' | 'separate';
  /** For 'separate': the name of the player here who has that id. */
  holder?: string;
  runs: number;
}

/**
 * Trust on first use: signed runs of a player whose earlier runs here all came from other
 * devices (other keys, or this device itself). A note, not a refusal: players change devices.
 */
export interface DeviceNote {
  /** The player id the runs are stored under, and the player's name. */
  playerId: string;
  name: string;
  /** Runs of the import signed by that device. */
  runs: number;
}

/** What an import changed. */
export interface ImportOutcome {
  runsAdded: number;
  /** Runs already known that the import completed (an unfinished copy replaced by the finished one). */
  runsUpdated: number;
  /** Runs already known, left as they were. */
  runsSkipped: number;
  /** Of those, runs the import told differently (another player, mode, start or choices): the copy here was kept. */
  runsConflicting: number;
  profilesAdded: number;
  teamsAdded: number;
  scenariosAdded: number;
  /** Runs on versions not accepted here: stored apart, left out of every comparison. */
  runsApart: number;
  /** Runs added or completed without a signature: kept, but left out of every comparison. */
  runsUnverified: number;
  /** Runs here unverified that came again signed: replaced by the signed copy, and compared now. */
  runsNowVerified: number;
  versions: VersionNote[];
  players: PlayerNote[];
  /** Players whose runs came from a device that has not sent their runs here before. */
  devices: DeviceNote[];
  /**
   * Of the bundle's refusedRunIds, the runs whose genuine copy is here (finished, and signed where
   * it was played or played here): nothing is missing, a fresh export would bring nothing more.
   * Named as the copy here gives them.
   */
  refusedHere: RunNote[];
}

export interface Store {
  /** 'idb' or 'memory'. */
  readonly kind: 'idb' | 'memory';

  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;

  listProfiles(): Promise<Profile[]>;
  saveProfile(profile: Profile): Promise<void>;
  /** Deletes the profile and all of its runs. */
  deleteProfile(id: string): Promise<void>;
  /** The highest number a guest here gave up (deleted or named; 0: none): never given again (guest-numbers.ts). */
  retiredGuestNumber(): Promise<number>;

  listTeams(): Promise<Team[]>;
  saveTeam(team: Team): Promise<void>;
  deleteTeam(id: string): Promise<void>;

  /** Store a scenario version (idempotent by hash). */
  saveScenario(s: StoredScenario): Promise<void>;
  getScenario(hash: string): Promise<StoredScenario | undefined>;
  listScenarios(): Promise<StoredScenario[]>;
  /** Deletes every version of a custom scenario that no run refers to, and hides the others. */
  deleteScenario(id: string): Promise<void>;
  /** Versions brought by imports and not accepted yet (listScenarios leaves them out). */
  listPendingScenarios(): Promise<PendingVersion[]>;
  /**
   * A manager accepts a pending version: it becomes an ordinary stored version (the newest of its
   * scenario) and its finished runs are scored. Returns how many runs now count.
   */
  trustScenario(hash: string, now?: number): Promise<number>;

  /** Create or replace a run (called on start, after every event, and on finish). */
  saveRun(run: Run): Promise<void>;
  /** Append one event to a stored run: the write that happens on every choice. */
  appendEvent(runId: string, event: Run['events'][number]): Promise<void>;
  getRun(id: string): Promise<Run | undefined>;
  listRuns(filter?: { playerId?: string; scenarioId?: string }): Promise<Run[]>;
  /** The unfinished run of this player (or guest) to resume, if any. */
  unfinishedRun(playerId: string | null): Promise<Run | undefined>;
  deleteRun(id: string): Promise<void>;

  /** Resolves once every finished run written so far has its result row (scored when the page is idle). */
  resultsSettled(): Promise<void>;
  /** Scores of finished runs (small rows, precomputed). */
  listResults(filter?: { playerId?: string; scenarioId?: string }): Promise<RunResult[]>;
  /**
   * The result of the most recently finished run that `counts` accepts (undefined: none). Read
   * newest first, so on a device with thousands of runs only the newest few are read.
   */
  latestResult(counts: (r: RunResult) => boolean): Promise<RunResult | undefined>;
  /**
   * Merge an import in ONE transaction: runs by id (never twice), profiles and teams by id,
   * scenario versions by hash. Scores are recomputed by replay, only for runs on versions this
   * device trusts. A run whose player id is here under another name is filed under a player of
   * its own (see import-plan.ts); a player and their team come in only with a run written (added
   * or completed), not with one skipped (import-plan.ts, withRunsTaken). Either all of it is written or
   * nothing (throws, database unchanged).
   */
  importBundle(bundle: ImportBundle): Promise<ImportOutcome>;
  /**
   * This device's signing key pair (device-key.ts), made on first need and kept with the
   * settings; in memory for the session where it cannot be kept.
   */
  deviceKey(): Promise<DeviceKeyPair>;

  /** Close the connection (another tab takes over, or before a reload). */
  close(): void;

  /** The xAPI outbox: statements waiting for the LRS (see outbox.ts). */
  readonly outbox: Outbox;

  /** Subscribe to storage problems (blocked, quota, ...). Returns an unsubscribe function. */
  onIssue(listener: (issue: StorageIssue) => void): () => void;
}
