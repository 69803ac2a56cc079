/**
 * The SCORM side of a launch (1.2 and 2004 4th edition): finds the platform's API object in a
 * parent frame or the opener (the standard search), initializes, resumes the run kept in
 * suspend_data, and after every saved step writes the values of scorm-data.ts and commits. The
 * session ends (time, then LMSFinish/Terminate) when the page goes away. Without an API the
 * game simply plays on its own.
 */
import type { Run } from '../engine/types';
import type { Scores } from '../engine/contract';
import { decodeRunLink, encodeRunLink } from '../persistence/run-link';
import { scoreRun } from '../persistence/scoring';
import { app } from '../ui/state/app.svelte';
import { scenarios } from '../ui/state/scenarios.svelte';
import { t } from '../i18n';
import { playHash, type LmsLaunch } from './launch';
import { listenToRuns } from './seam';
import { fitsSuspend, scorm12Time, scorm2004Time, scormValues, type ScormVersion } from './scorm-data';
import { replayRun } from '../engine/replay';

interface Api12 {
  LMSInitialize(s: ''): string;
  LMSFinish(s: ''): string;
  LMSGetValue(k: string): string;
  LMSSetValue(k: string, v: string): string;
  LMSCommit(s: ''): string;
}
interface Api2004 {
  Initialize(s: ''): string;
  Terminate(s: ''): string;
  GetValue(k: string): string;
  SetValue(k: string, v: string): string;
  Commit(s: ''): string;
}

/** One calling convention over both versions. */
interface Scorm {
  version: ScormVersion;
  init(): boolean;
  get(k: string): string;
  set(k: string, v: string): boolean;
  commit(): void;
  finish(): void;
}

function findIn(win: Window, name: string): unknown {
  let w: Window | null = win;
  for (let hops = 0; w && hops < 10; hops++) {
    try {
      const api = (w as unknown as Record<string, unknown>)[name];
      if (api) return api;
    } catch {
      return null; // another origin: the search stops there
    }
    if (w.parent === w) break;
    w = w.parent;
  }
  return null;
}

/** The SCORM API of this launch, or null when the page was not opened by a platform. */
export function findScorm(version: ScormVersion, win: Window = window): Scorm | null {
  const name = version === '1.2' ? 'API' : 'API_1484_11';
  const api = findIn(win, name) ?? (win.opener ? findIn(win.opener as Window, name) : null);
  if (!api) return null;
  if (version === '1.2') {
    const a = api as Api12;
    return {
      version,
      init: () => a.LMSInitialize('') === 'true',
      get: (k) => String(a.LMSGetValue(k) ?? ''),
      set: (k, v) => a.LMSSetValue(k, v) === 'true',
      commit: () => void a.LMSCommit(''),
      finish: () => void a.LMSFinish(''),
    };
  }
  const a = api as Api2004;
  return {
    version,
    init: () => a.Initialize('') === 'true',
    get: (k) => String(a.GetValue(k) ?? ''),
    set: (k, v) => a.SetValue(k, v) === 'true',
    commit: () => void a.Commit(''),
    finish: () => void a.Terminate(''),
  };
}

/** The pass mark the platform gives (1.2 mastery_score 0–100, 2004 scaled_passing_score), else ours. */
function masteryOf(api: Scorm, fallback: number): number {
  const raw = api.get(api.version === '1.2' ? 'cmi.student_data.mastery_score' : 'cmi.scaled_passing_score');
  const n = raw === '' ? NaN : Number(raw);
  if (!Number.isFinite(n)) return fallback;
  return api.version === '1.2' ? n / 100 : n;
}

/** "Last, First" (1.2 student_name) or a plain name, as the player's name. */
function learnerName(api: Scorm): string {
  const raw = api.get(api.version === '1.2' ? 'cmi.core.student_name' : 'cmi.learner_name').trim();
  const m = /^([^,]+),\s*(.+)$/.exec(raw);
  return (m ? `${m[2]} ${m[1]}` : raw).slice(0, 60);
}

/** Puts the run from suspend_data into this device's store; returns it (or the local copy, if further). */
async function restoreSuspended(data: string, launch: LmsLaunch, playerId: string): Promise<Run | null> {
  let run: Run;
  try {
    run = (await decodeRunLink(data)).run;
  } catch {
    return null;
  }
  if (run.scenarioId !== launch.scenarioId) return null;
  const store = await app.ready();
  const local = await store.getRun(run.id).catch(() => undefined);
  if (local && local.events.length >= run.events.length) return local;
  const version = await scenarios.playVersion(run.scenarioHash).catch(() => null);
  if (!version) return null; // a different version of the scenario than this package has
  try {
    replayRun(version.scenario, run);
  } catch {
    return null;
  }
  await scenarios.remember(version);
  const restored: Run = { ...run, playerId };
  await store.saveRun(restored);
  return restored;
}

/**
 * Starts the SCORM session of this launch and returns the address to open: the run to resume,
 * the report of a finished run, or a new run of the package item's scenario.
 */
export async function startScorm(launch: LmsLaunch): Promise<string> {
  const version: ScormVersion = launch.kind === 'scorm12' ? '1.2' : '2004';
  const api = findScorm(version);
  if (!api || !api.init()) return playHash(launch);
  const startedAt = Date.now();
  const mastery = masteryOf(api, launch.mastery);
  await app.ready();
  if (!app.currentPlayer) await app.createProfile(learnerName(api) || t('app.guest'), null, !learnerName(api));
  const player = app.currentPlayer!;

  let resumeTo: Run | null = null;
  const suspended = api.get('cmi.suspend_data');
  if (suspended) resumeTo = await restoreSuspended(suspended, launch, player.id);

  let writing: Promise<void> = Promise.resolve();
  let lastSuspend = '';
  const write = async (run: Run): Promise<void> => {
    let scores: Scores | null = null;
    const store = await app.ready();
    if (run.finishedAt !== undefined) {
      const stored = await store.getScenario(run.scenarioHash);
      scores = stored ? (scoreRun(run, stored)?.scores ?? null) : null;
    }
    const state = run.finishedAt === undefined ? await locate(run) : '';
    const suspend = await encodeRunLink({ run, player: null, team: null });
    if (!fitsSuspend(version, suspend)) console.warn(`[frontlijn] run record (${suspend.length} characters) too long for suspend_data; the last one kept`);
    if (suspend === lastSuspend && scores === null) return;
    lastSuspend = suspend;
    for (const [k, v] of scormValues(version, { suspend, location: state, scores, mastery })) {
      if (!api.set(k, v)) console.warn(`[frontlijn] SCORM ${version} refused ${k}`);
    }
    api.commit();
  };
  const locate = async (run: Run): Promise<string> => {
    const store = await app.ready();
    const stored = await store.getScenario(run.scenarioHash);
    try {
      return stored ? (replayRun(stored.scenario, run).node ?? '') : '';
    } catch {
      return '';
    }
  };
  listenToRuns((run) => {
    if (run.scenarioId !== launch.scenarioId) return;
    writing = writing.then(() => write(run)).catch((e) => console.warn('[frontlijn] SCORM write failed', e));
  });

  let finished = false;
  const end = () => {
    if (finished) return;
    finished = true;
    api.set(version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time', (version === '1.2' ? scorm12Time : scorm2004Time)(Date.now() - startedAt));
    api.finish();
  };
  addEventListener('pagehide', end);

  if (resumeTo?.finishedAt !== undefined) return `#/report/${encodeURIComponent(resumeTo.id)}`;
  return playHash(launch, resumeTo?.id);
}
