/**
 * What the results screen does with what comes in: a handed-in run (link or scanned QR) or a
 * results file. Everything is checked first (results-file.ts in a worker, run-link.ts), then written in one
 * transaction (store.importBundle), so a refused import leaves the database as it was.
 */
import { catalog } from 'virtual:scenario-catalog';
import type { ImportBundle, ImportOutcome, PendingVersion, RunResult, StoredScenario } from '../../../persistence/api';
import type { Lang } from '../../../engine/types';
import { t as textOf } from '../../../engine/text';
import { ImportError, MAX_RESULTS_BYTES, type ResultsRead, type RunNote } from '../../../persistence/results-file';
import { importHandedInRun } from '../../../persistence/hand-in';
import { readResultsFileOffThread } from '../../../persistence/results-import';
import { decodeRunLink, NewerLinkError, type HandedInRun } from '../../../persistence/run-link';
import { app } from '../../state/app.svelte';
import { scenarios } from '../../state/scenarios.svelte';
import { noteHandedIn } from '../../state/room-session';
import { announceResults } from '../../state/results-notice';

/** The exact scenario version, from the store or (for built-ins) the catalog, when hashes match. */
export async function knownVersion(hash: string, scenarioId: string): Promise<StoredScenario | undefined> {
  const store = await app.ready();
  const stored = await store.getScenario(hash);
  if (stored) return stored;
  if (!scenarios.builtin(scenarioId)) return undefined;
  try {
    const s = await scenarios.loadScenario(scenarioId);
    if (s.hash !== hash) return undefined;
    return { hash: s.hash, id: s.scenario.id, source: s.source, scenario: s.scenario, custom: false, storedAt: Date.now() };
  } catch {
    return undefined;
  }
}

/**
 * The titles, in `lang`, of the endings of these results' scenario versions: undefined for a
 * version not known here or an ending it does not have.
 */
export async function endingTitles(results: Pick<RunResult, 'scenarioHash' | 'scenarioId'>[], lang: Lang): Promise<(scenarioHash: string, endingId: string) => string | undefined> {
  const byHash = new Map<string, StoredScenario | undefined>();
  for (const r of results) if (!byHash.has(r.scenarioHash)) byHash.set(r.scenarioHash, await knownVersion(r.scenarioHash, r.scenarioId));
  return (scenarioHash, endingId) => {
    const endings = byHash.get(scenarioHash)?.scenario.endings;
    // An id from data: only the scenario's own endings, never an Object.prototype member.
    if (!endings || !Object.hasOwn(endings, endingId)) return undefined;
    return textOf(endings[endingId].title, lang) || undefined;
  };
}

export interface HandInOutcome {
  handed: HandedInRun;
  outcome: ImportOutcome;
}

/** Why a hand-in link or code was refused (teams.import.link_<code>): it is a link, not a file. */
export class LinkError extends Error {
  constructor(
    readonly code: 'cut' | 'damaged' | 'newer' | 'unknown_scenario' | 'earlier_version',
    /** For 'newer': the link's format version. */
    readonly version?: number,
    /** For 'earlier_version': the scenario's id. */
    readonly scenario?: string,
  ) {
    super(code);
    this.name = 'LinkError';
  }
}

/**
 * Imports a handed-in run from link data; throws LinkError, or ImportError (forged-run, checkRun's).
 * A changed run whose genuine copy is here is not thrown: the outcome names it (refusedHere).
 */
export async function importHandedIn(data: string): Promise<HandInOutcome> {
  const store = await app.settled();
  // The scenario version the link names: asked for as it is read (versions 2, 3), else its run's.
  let named: { id: string; hash: string } | undefined;
  let handed: HandedInRun;
  let outcome: ImportOutcome;
  try {
    handed = await decodeLink(data, (id, hash) => (named = { id, hash }));
    named = { id: handed.run.scenarioId, hash: handed.run.scenarioHash };
    outcome = await importHandedInRun(store, handed, knownVersion);
  } catch (e) {
    // A link carries no scenario text: one played on an earlier version of a built-in that this
    // device has not stored cannot be replayed, so it is refused, never scored against today's text.
    const missing = (e instanceof LinkError && e.code === 'unknown_scenario') || (e instanceof ImportError && e.code === 'missing-scenario');
    if (missing && named && scenarios.isEarlier(named.id, named.hash)) throw new LinkError('earlier_version', undefined, named.id);
    throw e;
  }
  await app.refreshPeople();
  // A changed copy of a run here (refusedHere) brought nothing: the room saw the genuine one come in.
  if (outcome.refusedHere.length === 0) {
    noteHandedIn(handed.run);
    announceResults();
  }
  return { handed, outcome };
}

/** Reads link data as a run; throws LinkError. `asked` hears which scenario version it needs to. */
async function decodeLink(data: string, asked: (id: string, hash: string) => void): Promise<HandedInRun> {
  try {
    return await decodeRunLink(data, async (hash, id) => {
      asked(id, hash);
      return (await knownVersion(hash, id))?.scenario;
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : '';
    throw new LinkError(why === 'cut' ? 'cut' : why === 'newer' ? 'newer' : why === 'scenario' ? 'unknown_scenario' : 'damaged', e instanceof NewerLinkError ? e.version : undefined);
  }
}

export interface FileOutcome {
  outcome: ImportOutcome;
  /** How many of the file's runs were taken in (added, completed, or already here). */
  taken: number;
  /** The file's runs left out: changed after they were played, and not here as played. */
  refused: RunNote[];
  /** The file's runs left out (changed after they were played) whose genuine copy is here and counts. */
  refusedHere: RunNote[];
  /** Runs in the file twice: the genuine copy taken, a changed copy ignored. */
  doubled: RunNote[];
  /** Runs whose scores or ending in the file were not what their choices give: the replay's count. */
  misstated: RunNote[];
  /** The file's players and teams not added: no run of theirs was taken. */
  leftOut: ResultsRead['leftOut'];
}

/** Imports a results file; throws ImportError when it is refused (nothing written). */
export async function importFile(file: File): Promise<FileOutcome> {
  if (file.size > MAX_RESULTS_BYTES) throw new ImportError('too-large', { max: Math.round(MAX_RESULTS_BYTES / 1024 / 1024) });
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Parsed and checked in a worker: 10,000 runs or megabytes of brackets never freeze the page.
  const store = await app.settled();
  const { refused, doubled, misstated, leftOut, ...bundle } = await readResultsFileOffThread(bytes, knownVersion, Date.now(), {
    builtInIds: catalog.map((c) => c.id),
    earlierVersions: scenarios.earlier,
  });
  const outcome = await store.importBundle({ ...bundle, refusedRunIds: refused.map((n) => n.runId) });
  await app.refreshPeople();
  await scenarios.refresh().catch(() => undefined);
  for (const run of bundle.runs) noteHandedIn(run);
  announceResults();
  // A changed run whose genuine copy is here is named apart: no fresh export is needed for it.
  const here = new Set(outcome.refusedHere.map((n) => n.runId));
  const elsewhere = refused.filter((n) => !here.has(n.runId));
  return { outcome, taken: bundle.runs.length, refused: elsewhere, refusedHere: outcome.refusedHere, doubled, misstated, leftOut: notTaken(bundle, outcome, leftOut) };
}

/**
 * The file's players and teams not added: those the file left out, and those whose every run the
 * store did not take (told otherwise here): it names no one of them (outcome.players), nor adds
 * their team. Read after app.refreshPeople.
 */
function notTaken(bundle: ImportBundle, outcome: ImportOutcome, leftOut: ResultsRead['leftOut']): ResultsRead['leftOut'] {
  const named = new Set(outcome.players.map((n) => n.id));
  const teamsHere = new Set(app.teams.map((x) => x.id));
  const note = (x: { id: string; name: string; guest?: boolean }) => ({ id: x.id, name: x.guest ? '?' : x.name });
  return {
    players: [...leftOut.players, ...bundle.profiles.filter((p) => !named.has(p.id)).map(note)],
    teams: [...leftOut.teams, ...bundle.teams.filter((x) => !teamsHere.has(x.id)).map(note)],
  };
}

/**
 * Scenario versions brought by imports that wait for a manager's decision; never the app's own
 * earlier versions that an older release of it kept apart (they count: app.settled).
 */
export async function pendingVersions(): Promise<PendingVersion[]> {
  const store = await app.settled();
  return store.listPendingScenarios();
}

/** A manager adds a waiting version: it becomes playable (custom) and its runs count. */
export async function acceptVersion(hash: string): Promise<number> {
  const store = await app.ready();
  const n = await store.trustScenario(hash);
  await scenarios.refresh().catch(() => undefined);
  // Its runs count from now on: a board on screen shows them, as it shows runs handed in.
  if (n > 0) announceResults();
  return n;
}

/** Offers text as a file download (no server involved). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
