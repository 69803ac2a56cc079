/**
 * The cmi5 side of a launch (the AU), on @rusticisoftware/cmi5: it fetches the auth token once
 * (the fetch URL works only once), reads LMS.LaunchData (launch mode, masteryScore, moveOn,
 * context template), sends `initialized`, and when the run reaches its ending sends `completed`,
 * then `passed` or `failed` with the score (against the platform's masteryScore), then
 * `terminated` — the order the cmi5 spec requires, each verb at most once.
 *
 * A reload in the middle of a session must neither fetch the token again nor send `initialized`
 * again: the session (token, launch data, what was sent) is kept in sessionStorage and put back
 * into the library's state. Leaving mid-run sends nothing more; the platform then marks the
 * session abandoned, as the spec provides.
 *
 * `terminated` must be the session's last statement (cmi5 7.1.2) and the game's own statements
 * must come between `initialized` and it (7.1.3): it is sent only once the outbox has delivered
 * (or parked, or been refused) what is queued, waiting at most SETTLE_MS so a dead LRS never
 * holds the session open; after it the outbox is disconnected, so nothing follows it.
 *
 * The game's own statements (one per decision, xAPI, built elsewhere) can use `cmi5Session()`
 * for the same endpoint, auth and context.
 */
import Cmi5 from '@rusticisoftware/cmi5';
import type { Run } from '../engine/types';
import type { Scores } from '../engine/contract';
import { scoreRun } from '../persistence/scoring';
import { app } from '../ui/state/app.svelte';
import { t } from '../i18n';
import { playHash, type LmsLaunch } from './launch';
import { listenToRuns } from './seam';
import { normaliseEndpoint } from '../xapi/launch';
import type { XapiAgent } from '../xapi/types';
import type { LrsState } from '../ui/state/lrs.svelte';

/** What survives a reload of the AU within one session. */
interface Kept {
  auth: string;
  fetchContent: unknown;
  launchData: unknown;
  learnerPrefs: unknown;
  durationStart: number;
  initialized: boolean;
  completed: boolean;
  /** 'passed' | 'failed' once judged. */
  judged: 'passed' | 'failed' | null;
  terminated: boolean;
  /** The run played in this session. */
  runId: string | null;
}

/** The library keeps its session in these fields (3.2); a reload puts them back. */
interface Cmi5State {
  _fetchContent: unknown;
  _lmsLaunchData: unknown;
  _contextTemplate: string | null;
  _learnerPrefs: unknown;
  _initialized: boolean | null;
  _isActive: boolean;
  _durationStart: number | null;
  _completed: boolean | null;
  _passed: boolean | null;
  _failed: boolean | null;
  _terminated: boolean | null;
}

let current: Cmi5 | null = null;

/** How long `terminated` waits for the game's own statements to reach the LRS. */
export const SETTLE_MS = 10_000;

/** The running cmi5 session (for the game's own xAPI statements), or null. */
export function cmi5Session(): { endpoint: string; auth: string; actor: object; registration: string; activityId: string; contextTemplate: unknown } | null {
  if (!current || !current.isActive()) return null;
  const launchData = (current as unknown as Cmi5State)._lmsLaunchData as { contextTemplate?: unknown } | null;
  return {
    endpoint: current.getEndpoint(),
    auth: current.getAuth(),
    actor: current.getActor(),
    registration: current.getRegistration(),
    activityId: current.getActivityId(),
    contextTemplate: launchData?.contextTemplate ?? {},
  };
}

function keyOf(launch: LmsLaunch): string {
  return `frontlijn-cmi5:${launch.params.registration ?? ''}:${launch.params.activityId ?? ''}`;
}

function readKept(key: string): Kept | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Kept) : null;
  } catch {
    return null;
  }
}

function keep(key: string, kept: Kept): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(kept));
  } catch {
    // No sessionStorage: a reload would start a new session (the token is gone); play goes on.
  }
}

function snapshot(cmi: Cmi5, prev: Partial<Kept>): Kept {
  const s = cmi as unknown as Cmi5State;
  return {
    auth: cmi.getAuth(),
    fetchContent: s._fetchContent,
    launchData: s._lmsLaunchData,
    learnerPrefs: s._learnerPrefs,
    durationStart: s._durationStart ?? Date.now(),
    initialized: !!s._initialized,
    completed: !!s._completed,
    judged: s._passed ? 'passed' : s._failed ? 'failed' : null,
    terminated: !!s._terminated,
    runId: prev.runId ?? null,
  };
}

function restore(cmi: Cmi5, kept: Kept): void {
  const s = cmi as unknown as Cmi5State;
  cmi.setAuth(kept.auth);
  s._fetchContent = kept.fetchContent;
  s._lmsLaunchData = kept.launchData;
  s._contextTemplate = JSON.stringify((kept.launchData as { contextTemplate?: unknown } | null)?.contextTemplate ?? {});
  s._learnerPrefs = kept.learnerPrefs;
  s._initialized = kept.initialized;
  s._isActive = kept.initialized && !kept.terminated;
  s._durationStart = kept.durationStart;
  s._completed = kept.completed || null;
  s._passed = kept.judged === 'passed' || null;
  s._failed = kept.judged === 'failed' || null;
  s._terminated = kept.terminated || null;
}

/**
 * The game's own xAPI statements (one per decision, the dimensions' scores) go to the platform's
 * LRS too: the outbox and delivery are pointed at this session's endpoint and auth, with the
 * launch's actor, registration and context template (so each is a "cmi5 allowed" statement,
 * src/xapi/cmi5-context.ts). Not awaited: the first flush must not hold up the start.
 */
function connectLrs(mastery: number): Promise<LrsState | null> {
  const session = cmi5Session();
  const endpoint = session ? normaliseEndpoint(session.endpoint) : null;
  if (!session || !endpoint) return Promise.resolve(null);
  return import('../ui/state/lrs.svelte')
    .then(async ({ lrs }) => {
      await lrs.connect({
        endpoint,
        auth: session.auth,
        actor: session.actor as XapiAgent,
        source: 'cmi5',
        masteryThreshold: Math.round(mastery * 100),
        cmi5: { registration: session.registration, contextTemplate: session.contextTemplate },
      });
      return lrs;
    })
    .catch((e) => {
      console.warn('[frontlijn] cmi5: the xAPI outbox could not connect', e);
      return null;
    });
}

/** Waits (at most SETTLE_MS) until the outbox has nothing left to send; says so when it gave up. */
async function settle(connecting: Promise<LrsState | null>): Promise<void> {
  const start = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), SETTLE_MS)));
  const done = connecting.then((lrs) => (lrs ? lrs.settled(Math.max(0, SETTLE_MS - (Date.now() - start))) : true));
  const settled = await Promise.race([done, timeout]).finally(() => clearTimeout(timer));
  if (!settled) console.warn(`[frontlijn] cmi5: the game's statements were not all delivered within ${SETTLE_MS / 1000} s; sending terminated anyway (the rest stays on this device)`);
}

/** Starts (or, after a reload, continues) the AU session; returns the address to open. */
export async function startCmi5(launch: LmsLaunch): Promise<string> {
  const key = keyOf(launch);
  const cmi = new Cmi5(location.href);
  let kept = readKept(key);
  if (kept) {
    restore(cmi, kept);
    if (!kept.initialized) {
      // The token was fetched, the session not yet begun: begin it now (never a second fetch).
      if (!kept.launchData) await cmi.loadLMSLaunchData();
      if (!kept.learnerPrefs) await cmi.loadLearnerPrefs();
      await cmi.initialize();
      kept = snapshot(cmi, kept);
      keep(key, kept);
    }
  } else {
    await cmi.start({ postFetch: () => keep(key, snapshot(cmi, {})) });
    kept = snapshot(cmi, {});
    keep(key, kept);
  }
  current = cmi;

  await app.ready();
  if (!app.currentPlayer) {
    const name = (cmi.getActor() as { name?: string }).name?.trim().slice(0, 60) ?? '';
    await app.createProfile(name || t('app.guest'), null, !name);
  }

  const normal = cmi.getLaunchMode() === 'Normal';
  const platformMastery = cmi.getMasteryScore();
  const mastery = typeof platformMastery === 'number' ? platformMastery : launch.mastery;
  const connecting = connectLrs(mastery);
  let sending: Promise<void> = Promise.resolve();

  const finish = async (run: Run): Promise<void> => {
    const state = readKept(key) ?? kept!;
    if (state.terminated) return;
    if (state.runId && state.runId !== run.id) return;
    const store = await app.ready();
    const version = await store.getScenario(run.scenarioHash);
    const scores: Scores | null = version ? (scoreRun(run, version)?.scores ?? null) : null;
    if (normal && scores) {
      if (!state.completed) await cmi.completed();
      keep(key, snapshot(cmi, state));
      const score = { scaled: scores.overall / 100, raw: scores.overall, min: 0, max: 100 };
      if (state.judged === null) await (score.scaled >= mastery ? cmi.passed(score) : cmi.failed(score));
      keep(key, snapshot(cmi, state));
    }
    await settle(connecting);
    await cmi.terminate();
    keep(key, snapshot(cmi, state));
    // Nothing may follow terminated: the session's LRS connection is let go.
    const lrs = await connecting;
    await lrs?.disconnect();
  };

  listenToRuns((run) => {
    if (run.scenarioId !== launch.scenarioId) return;
    const state = readKept(key);
    if (state && !state.runId && !state.terminated) keep(key, { ...state, runId: run.id });
    if (run.finishedAt === undefined) return;
    sending = sending.then(() => finish(run)).catch((e) => console.warn('[frontlijn] cmi5:', e));
  });

  if (kept.runId && kept.terminated) return `#/report/${encodeURIComponent(kept.runId)}`;
  return playHash(launch, kept.runId ?? undefined);
}
