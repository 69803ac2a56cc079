/**
 * The results file: a versioned JSON export of run logs, the scenario versions they need, and the
 * players and teams they belong to. The file is checked completely (size, JSON, format, version,
 * every run, every scenario version by its content hash, every log replayed) before anything is
 * written, and a damaged file (its layout, a run or scenario version that cannot be read, a log
 * that does not fit) is refused whole with a reason the UI turns into a sentence: what else it
 * holds cannot be told apart from the damage. One exception: a run whose signature does not hold
 * (changed after it was played) is left out and named, and the file's other runs are imported.
 * Each run's signature stands for that run alone, so leaving one out gives a forger nothing they
 * could not have by deleting it from the file, and the trainer loses no genuine run (a run there
 * twice, once as played and once changed, is taken and named as doubled, not refused; a refused
 * run whose genuine copy is already on the device is named apart, by the store's import:
 * ImportOutcome.refusedHere). Players and teams come in only with a run taken from the file: one
 * whose runs were all left out is named, not added.
 *
 * Scores and endings in the file are for people reading it: importing recomputes them by replay
 * (scoring.ts, as every result here is made), and names the runs the file stated differently.
 */
import { scoreRun } from '../engine/score';
import { scoreRun as resultOf } from './scoring';
import { mergeDecision } from './merge';
import { validateScenario } from '../engine/validate';
import { contentHash } from '../engine/hash';
import type { Scores } from '../engine/contract';
import { RUN_FORMAT_VERSION, type Run } from '../engine/types';
import type { ImportBundle, Profile, RunNote, RunResult, Store, StoredScenario, Team } from './api';
import { isRecord, restoreProfile, restoreRun, restoreTeam, Repairs } from './restore';
import { outgoing, verifyRun } from './run-signature';
import { isEarlierVersion, type EarlierVersions } from './earlier-versions';
import { numbered, runNote } from './import-plan';

export const RESULTS_FORMAT = 'frontlijn-results';
/** 2: each run made on the exporting device carries its signature (run-signature.ts). */
export const RESULTS_FORMAT_VERSION = 2;
/** Larger files are refused before they are read: 10,000 runs fit in a few MB. */
export const MAX_RESULTS_BYTES = 15 * 1024 * 1024;

export interface ResultsFile {
  format: typeof RESULTS_FORMAT;
  formatVersion: number;
  exportedAt: number;
  /** What was exported: one player, one team, or everything on the device. */
  scope: { kind: 'player' | 'team' | 'all'; id?: string; name?: string };
  teams: Team[];
  profiles: Profile[];
  scenarios: { hash: string; id: string; custom: boolean; source: string }[];
  runs: Run[];
  /** For reading only: ignored on import (scores are recomputed by replay). */
  scores: Pick<RunResult, 'runId' | 'scores' | 'ending'>[];
}

/** A run the import log names (here: its player's name as the file gives it). */
export type { RunNote };

/** A player or team the import log names: its id and its name as the file gives it ('?': a guest). */
export interface PersonNote {
  id: string;
  name: string;
  /** A guest's number in the file (their own device's). */
  guestNumber?: number;
}

/** A checked results file: what to import, and the runs the import log names. */
export interface ResultsRead extends ImportBundle {
  /** Runs left out: changed after they were played (their signature does not hold). */
  refused: RunNote[];
  /** Runs the file holds twice, genuine (taken) and changed after it was played (ignored): named as the genuine copy. */
  doubled: RunNote[];
  /** The file's players and teams not imported: none of the runs taken from the file is theirs. */
  leftOut: { players: PersonNote[]; teams: PersonNote[] };
  /** Runs whose scores or ending in the file are not what replaying their choices gives: imported, with the replay's. */
  misstated: RunNote[];
}

/** Why a file was refused. The UI has one sentence per code (teams.import.error_<code>). */
export type ImportErrorCode =
  | 'too-large'
  | 'empty'
  | 'not-json'
  | 'truncated'
  | 'foreign'
  | 'newer'
  | 'newer-run'
  | 'invalid'
  | 'bad-run'
  | 'bad-scenario'
  | 'tampered-scenario'
  | 'missing-scenario'
  | 'built-in-id'
  | 'conflicting-run'
  | 'impossible-time'
  | 'finish-before-start'
  | 'bad-log'
  | 'forged-run';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    /** Details for the message (e.g. the run or scenario concerned). */
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'ImportError';
  }
}

// ---- export ---------------------------------------------------------------------------------

export type ExportScope = { kind: 'all' } | { kind: 'player'; id: string } | { kind: 'team'; id: string };

/** Builds the results file for a player, a team or everything on this device. */
export async function buildResultsFile(store: Store, scope: ExportScope, now = Date.now()): Promise<ResultsFile> {
  const [allTeams, allProfiles] = await Promise.all([store.listTeams(), store.listProfiles()]);
  let profiles = allProfiles;
  let teams = allTeams;
  let name: string | undefined;
  if (scope.kind === 'player') {
    profiles = allProfiles.filter((p) => p.id === scope.id);
    teams = allTeams.filter((t) => profiles.some((p) => p.teamId === t.id));
    name = profiles[0]?.name;
  } else if (scope.kind === 'team') {
    profiles = allProfiles.filter((p) => p.teamId === scope.id);
    teams = allTeams.filter((t) => t.id === scope.id);
    name = teams[0]?.name;
  }
  const ids = new Set(profiles.map((p) => p.id));
  const mine = (await store.listRuns()).filter((r) => (scope.kind === 'all' ? true : r.playerId !== null && ids.has(r.playerId)));
  const runs = await outgoing(mine, () => store.deviceKey());
  const hashes = [...new Set(runs.map((r) => r.scenarioHash))];
  const versions = (await Promise.all(hashes.map((h) => store.getScenario(h)))).filter((v): v is StoredScenario => !!v);
  const results = await store.listResults();
  const runIds = new Set(runs.map((r) => r.id));
  return {
    format: RESULTS_FORMAT,
    formatVersion: RESULTS_FORMAT_VERSION,
    exportedAt: now,
    scope: { kind: scope.kind, ...(scope.kind !== 'all' ? { id: scope.id } : {}), ...(name ? { name } : {}) },
    teams,
    profiles,
    scenarios: versions.map((v) => ({ hash: v.hash, id: v.id, custom: v.custom, source: v.source })),
    runs,
    scores: results.filter((r) => runIds.has(r.runId)).map((r) => ({ runId: r.runId, scores: r.scores, ending: r.ending })),
  };
}

export function resultsFileName(file: ResultsFile): string {
  const date = new Date(file.exportedAt).toISOString().slice(0, 10);
  const who = (file.scope.name ?? file.scope.kind).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'results';
  return `frontlijn-${who}-${date}.json`;
}

// ---- import ---------------------------------------------------------------------------------

/** Decodes bytes or text, refusing what is too large or not UTF-8 JSON text. */
function decode(input: string | Uint8Array): string {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_RESULTS_BYTES) throw new ImportError('too-large', { max: Math.round(MAX_RESULTS_BYTES / 1024 / 1024) });
  if (size === 0) throw new ImportError('empty');
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new ImportError('not-json');
  }
}

/** Whether a JSON text leaves a string, object or array open at its end (a file cut off). */
function leftOpen(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    // A cut-off file (a download or copy that stopped) leaves its outer object open, wherever it was cut.
    const trimmed = text.replace(/^\uFEFF/, '').trim();
    throw new ImportError(trimmed.startsWith('{') && leftOpen(trimmed) ? 'truncated' : 'not-json');
  }
}

/**
 * The version this device already has for a hash: stored (trusted, or still `untrusted` from an
 * earlier import) or a built-in that shipped with the app. Undefined when it has none.
 */
export type KnownVersion = (hash: string, scenarioId: string) => Promise<StoredScenario | undefined>;

export interface ReadOptions {
  /** Ids of the built-in scenarios: a custom version may not take one. */
  builtInIds?: readonly string[];
  /**
   * The app's earlier versions of its built-ins (earlier-versions.ts): a version whose content
   * hashes to one is trusted like the current one, not kept apart for a trainer's decision.
   */
  earlierVersions?: EarlierVersions;
}

/** Runs before this date were not made by Frontlijn (it did not exist). */
export const EARLIEST_TIME = Date.UTC(2020, 0, 1);
/** Device clocks differ: times up to a day ahead of this one are accepted. */
export const CLOCK_SLACK_MS = 24 * 60 * 60 * 1000;

/** Refuses a run whose times cannot be true (year 5107, a finish before the start). */
export function checkTimes(run: Run, index: number, now: number): void {
  const times = [run.startedAt, ...(run.finishedAt !== undefined ? [run.finishedAt] : []), ...run.events.map((e) => e.at)];
  for (const at of times) {
    if (at < EARLIEST_TIME || at > now + CLOCK_SLACK_MS) throw new ImportError('impossible-time', { index, date: new Date(at).toISOString().slice(0, 10) });
  }
  if (run.finishedAt !== undefined && run.finishedAt < run.startedAt) throw new ImportError('finish-before-start', { index });
}

/**
 * Reads a results file completely and returns what to import (less the runs it refuses), or
 * throws an ImportError. Nothing is written: pass the bundle to store.importBundle (one transaction).
 */
export async function readResultsFile(input: string | Uint8Array, known: KnownVersion, now = Date.now(), opts: ReadOptions = {}): Promise<ResultsRead> {
  const data = parseJson(decode(input));
  if (!isRecord(data) || data.format !== RESULTS_FORMAT) throw new ImportError('foreign');
  if (typeof data.formatVersion !== 'number' || !Number.isInteger(data.formatVersion) || data.formatVersion < 1) throw new ImportError('invalid');
  if (data.formatVersion > RESULTS_FORMAT_VERSION) throw new ImportError('newer', { version: data.formatVersion });
  for (const key of ['teams', 'profiles', 'scenarios', 'runs'] as const) {
    if (!Array.isArray(data[key])) throw new ImportError('invalid', { field: key });
  }
  const r = new Repairs();
  const teams = (data.teams as unknown[]).map((t) => restoreTeam(t, r)).filter((t): t is Team => t !== null);
  const profiles = (data.profiles as unknown[]).map((p) => restoreProfile(p, r)).filter((p): p is Profile => p !== null);
  r.log('imported players and teams');

  const builtIn = new Set(opts.builtInIds ?? []);
  const versions = new Map<string, StoredScenario>();
  for (const [i, s] of (data.scenarios as unknown[]).entries()) {
    if (!isRecord(s) || typeof s.source !== 'string' || typeof s.hash !== 'string') throw new ImportError('bad-scenario', { index: i + 1 });
    const v = validateScenario(s.source, { played: true });
    if (!v.ok || !v.scenario) throw new ImportError('bad-scenario', { index: i + 1, id: String(s.id ?? '') });
    const hash = contentHash(v.scenario);
    if (hash !== s.hash) throw new ImportError('tampered-scenario', { id: v.scenario.id });
    if (versions.has(hash)) continue;
    // What this device already has for that hash decides, never the file's own word.
    const here = await known(hash, v.scenario.id);
    if (here) {
      versions.set(hash, here);
      continue;
    }
    const builtInId = builtIn.has(v.scenario.id);
    if (builtInId && s.custom !== false) throw new ImportError('built-in-id', { id: v.scenario.id });
    // hash is the hash of the content in the file (checked against its stated hash above):
    // an earlier version the app shipped is trusted, anything else waits for a trainer.
    const shipped = builtInId && isEarlierVersion(opts.earlierVersions, v.scenario.id, hash);
    versions.set(hash, { hash, id: v.scenario.id, source: s.source, scenario: v.scenario, custom: !builtInId, storedAt: now, ...(shipped ? {} : { untrusted: true as const }) });
  }
  const scenarios = [...versions.values()];

  const runs: Run[] = [];
  let refused: RunNote[] = [];
  /** What replaying each run gives (null: not finished), to compare with what the file states. */
  const results = new Map<string, RunResult | null>();
  const seen = new Map<string, number>();
  for (const [i, raw] of (data.runs as unknown[]).entries()) {
    const run = restoreRun(raw, new Repairs(), { strict: true });
    // A run in a format this version cannot read is not damage: updating the device helps.
    if (!run) throw new ImportError(isRecord(raw) && typeof raw.formatVersion === 'number' && raw.formatVersion > RUN_FORMAT_VERSION ? 'newer-run' : 'bad-run', { index: i + 1 });
    const note = runNote(run, profiles);
    try {
      await checkSignature(run, i + 1, note);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      refused.push(note);
      continue;
    }
    checkTimes(run, i + 1, now);
    const at = seen.get(run.id);
    if (at !== undefined) {
      // The same run twice counts once; two different stories under one id are refused.
      const first = runs[at];
      const story = (x: Run) => JSON.stringify([x.scenarioHash, x.playerId, x.events, x.finishedAt ?? null]);
      if (story(first) === story(run) || mergeDecision(run, first) === 'update') continue;
      if (mergeDecision(first, run) !== 'update') throw new ImportError('conflicting-run', { index: i + 1, id: run.id });
      results.set(run.id, await checkRun(run, versions, known));
      runs[at] = run;
      continue;
    }
    seen.set(run.id, runs.length);
    results.set(run.id, await checkRun(run, versions, known));
    runs.push(run);
  }
  // A changed copy of a run whose genuine copy was taken: the run is in, the copy is named apart.
  const taken = new Map(runs.map((run) => [run.id, run]));
  const doubled = oncePerRun(refused.filter((n) => taken.has(n.runId))).map((n) => runNote(taken.get(n.runId)!, profiles));
  refused = oncePerRun(refused.filter((n) => !taken.has(n.runId)));
  const misstated = misstatedRuns(data.scores, runs, results, profiles);
  const people = withRunsBehind(profiles, teams, runs);
  return { ...withVersions({ ...people, scenarios, runs }, versions), refused, doubled, misstated, leftOut: people.leftOut };
}

const oncePerRun = (notes: RunNote[]) => [...new Map(notes.map((n) => [n.runId, n])).values()];

/**
 * The players and teams of a file that come in: a player with a run taken from the file, and the
 * team of such a player. Nothing of the file appears without a run behind it (a file whose every
 * run is refused adds no one); the rest is `leftOut`, for the log.
 */
function withRunsBehind(profiles: Profile[], teams: Team[], runs: Run[]): { profiles: Profile[]; teams: Team[]; leftOut: ResultsRead['leftOut'] } {
  const players = new Set(runs.map((r) => r.playerId));
  const kept = profiles.filter((p) => players.has(p.id));
  const teamIds = new Set(kept.map((p) => p.teamId));
  const keptTeams = teams.filter((t) => teamIds.has(t.id));
  const note = (x: Profile | Team): PersonNote => ('guest' in x && x.guest ? { id: x.id, name: '?', ...numbered(x) } : { id: x.id, name: x.name });
  return {
    profiles: kept,
    teams: keptTeams,
    leftOut: { players: profiles.filter((p) => !players.has(p.id)).map(note), teams: teams.filter((t) => !teamIds.has(t.id)).map(note) },
  };
}

const sameScores = (a: Record<string, unknown>, b: Scores) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k] === v);

/**
 * The runs whose scores or ending the file states otherwise than replaying their choices gives
 * (`results`: the result this device stores, or null for a run not finished). A run the file
 * states nothing for is not named; a statement about a run not in the file is ignored.
 */
function misstatedRuns(stated: unknown, runs: Run[], results: Map<string, RunResult | null>, profiles: Profile[]): RunNote[] {
  if (!Array.isArray(stated)) return [];
  const claims = new Map<string, Record<string, unknown>>();
  for (const c of stated) if (isRecord(c) && typeof c.runId === 'string') claims.set(c.runId, c);
  return runs.flatMap((run) => {
    const claim = claims.get(run.id);
    if (!claim) return [];
    const result = results.get(run.id) ?? null;
    const holds = result ? claim.ending === result.ending && isRecord(claim.scores) && sameScores(claim.scores, result.scores) : claim.ending === undefined && claim.scores === undefined;
    return holds ? [] : [runNote(run, profiles)];
  });
}

/**
 * Checks an imported run's signature, in place. A signature that does not verify refuses the
 * import: the run was changed after it was played (its mode, player, times or choices). A run
 * without one is kept but marked unverified, so it is never compared (stats.ts, comparable).
 */
export async function checkSignature(run: Run, index: number, who: RunNote): Promise<void> {
  delete run.unverified;
  if (!run.signature) {
    run.unverified = true;
    return;
  }
  if (!(await verifyRun(run, run.signature))) {
    // A guest is named by the log as this device knows them (their id), else by the number given.
    const guest = who.name === '?' ? { ...(who.playerId ? { player: who.playerId } : {}), ...(who.guestNumber ? { guest: who.guestNumber } : {}) } : {};
    throw new ImportError('forged-run', { index, name: who.name, scenario: run.scenarioId, ...guest });
  }
}

/**
 * Replays a run against its version (from the file or the device); throws when it does not fit.
 * Returns a finished run's result as the store will make it (scoring.ts), else null.
 */
export async function checkRun(run: Run, versions: Map<string, StoredScenario>, known: KnownVersion): Promise<RunResult | null> {
  let version = versions.get(run.scenarioHash);
  if (!version) {
    version = await known(run.scenarioHash, run.scenarioId);
    if (!version) throw new ImportError('missing-scenario', { scenario: run.scenarioId });
    versions.set(version.hash, version);
  }
  if (version.id !== run.scenarioId) throw new ImportError('bad-log', { scenario: run.scenarioId });
  if (run.finishedAt !== undefined) {
    // Replayed once, by the scorer every stored result comes from: null when it reaches no ending.
    const result = resultOf(run, version);
    if (!result) throw new ImportError('bad-log', { scenario: run.scenarioId });
    return result;
  }
  try {
    scoreRun(version.scenario, run);
  } catch {
    throw new ImportError('bad-log', { scenario: run.scenarioId });
  }
  return null;
}

/**
 * The scenario versions a bundle of runs needs that are not in it (built-in versions the device
 * found on its own), so the import stores them too.
 */
export function withVersions(bundle: ImportBundle, versions: Map<string, StoredScenario>): ImportBundle {
  const have = new Set(bundle.scenarios.map((s) => s.hash));
  const extra = [...versions.values()].filter((v) => !have.has(v.hash) && bundle.runs.some((r) => r.scenarioHash === v.hash));
  return { ...bundle, scenarios: [...bundle.scenarios, ...extra] };
}
