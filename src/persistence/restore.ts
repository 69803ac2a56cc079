/**
 * Restores stored or imported values, Excalidraw-style: every value comes in as `unknown`; what
 * is valid is kept, missing fields get defaults, and only the broken part is dropped and logged.
 * Nothing here throws: a value that cannot be restored at all comes back as null.
 */
import {
  RUN_FORMAT_VERSION,
  TIMER_SCALES,
  LANGS,
  DIMENSIONS,
  ENDING_TONES,
  type Lang,
  type Run,
  type RunEvent,
  type RunSignature,
  type TimerScale,
  type Mode,
  type EndingTone,
} from '../engine/types';
import type { PathStep, Scores } from '../engine/contract';
import { DEFAULT_SETTINGS, type Profile, type RunResult, type Settings, type StoredScenario, type Team } from './api';
// Names without bidi controls or invisible characters, cut by grapheme (issue #17).
import { cleanName } from '../i18n/untrusted';
import { isGuestNumber } from './guest-numbers';

/** Collects what was repaired; logs it once (Twine's repairStory habit). */
export class Repairs {
  readonly notes: string[] = [];
  note(what: string): void {
    this.notes.push(what);
  }
  log(where: string): void {
    if (this.notes.length > 0) console.warn(`[frontlijn] repaired ${where}:`, this.notes.join('; '));
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ID_RE = /^[A-Za-z0-9_.:-]{1,100}$/;
/** An id as this app writes them: short, printable, no spaces. */
export function isId(v: unknown): v is string {
  return typeof v === 'string' && ID_RE.test(v);
}

function isTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e14;
}

function isTimerScale(v: unknown): v is TimerScale {
  return TIMER_SCALES.includes(v as TimerScale);
}

export function restoreSettings(value: unknown, r = new Repairs()): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS };
  if (!isRecord(value)) {
    if (value !== undefined) r.note('settings were not an object: defaults used');
    return s;
  }
  if (value.lang === null || LANGS.includes(value.lang as Lang)) s.lang = value.lang as Lang | null;
  else if (value.lang !== undefined) r.note('settings.lang');
  if (typeof value.sound === 'boolean') s.sound = value.sound;
  else if (value.sound !== undefined) r.note('settings.sound');
  if (typeof value.volume === 'number' && value.volume >= 0 && value.volume <= 1) s.volume = value.volume;
  else if (value.volume !== undefined) r.note('settings.volume');
  if (isTimerScale(value.timerScale)) s.timerScale = value.timerScale;
  else if (value.timerScale !== undefined) r.note('settings.timerScale');
  if (value.reducedMotion === 'system' || value.reducedMotion === 'on' || value.reducedMotion === 'off') {
    s.reducedMotion = value.reducedMotion;
  } else if (value.reducedMotion !== undefined) r.note('settings.reducedMotion');
  if (value.currentPlayerId === null || isId(value.currentPlayerId)) s.currentPlayerId = value.currentPlayerId;
  else if (value.currentPlayerId !== undefined) r.note('settings.currentPlayerId');
  return s;
}

export function restoreProfile(value: unknown, r = new Repairs()): Profile | null {
  if (!isRecord(value) || !isId(value.id)) {
    r.note('a profile without a valid id was dropped');
    return null;
  }
  const name = cleanName(value.name);
  const p: Profile = {
    id: value.id,
    name: name ?? '?',
    teamId: isId(value.teamId) ? value.teamId : null,
    createdAt: isTime(value.createdAt) ? value.createdAt : 0,
  };
  if (name === null) r.note(`profile ${value.id}: name`);
  if (value.teamId !== undefined && value.teamId !== null && p.teamId === null) r.note(`profile ${value.id}: teamId`);
  if (value.guest === true) {
    p.guest = true;
    if (isGuestNumber(value.guestNumber)) p.guestNumber = value.guestNumber;
    else if (value.guestNumber !== undefined) r.note(`profile ${value.id}: guestNumber`);
  }
  return p;
}

export function restoreTeam(value: unknown, r = new Repairs()): Team | null {
  if (!isRecord(value) || !isId(value.id)) {
    r.note('a team without a valid id was dropped');
    return null;
  }
  const name = cleanName(value.name);
  if (name === null) r.note(`team ${value.id}: name`);
  return { id: value.id, name: name ?? '?', createdAt: isTime(value.createdAt) ? value.createdAt : 0 };
}

const NODE_RE = /^[A-Za-z0-9_-]{1,80}$/;
/** A run's option-order seed (Run.seed): an id-like text. */
const SEED_RE = /^[A-Za-z0-9_-]{1,64}$/;
const isNodeId = (v: unknown): v is string => typeof v === 'string' && NODE_RE.test(v);

/** The order options were shown in (1 to 4 option ids), `undefined` when absent, null when broken. */
function restoreShown(value: unknown): string[] | undefined | null {
  if (value === undefined) return undefined;
  return Array.isArray(value) && value.length >= 1 && value.length <= 4 && value.every(isNodeId) ? [...value] : null;
}

/** One event, or null when broken. */
export function restoreEvent(value: unknown): RunEvent | null {
  if (!isRecord(value) || !isTime(value.at)) return null;
  const shown = restoreShown(value.shown);
  if (shown === null) return null;
  const order = shown === undefined ? {} : { shown };
  switch (value.type) {
    case 'choice.select':
      return isNodeId(value.node) && isNodeId(value.option)
        ? { type: 'choice.select', node: value.node, option: value.option, at: value.at, ...order }
        : null;
    case 'timer.expire':
      return isNodeId(value.node) ? { type: 'timer.expire', node: value.node, at: value.at, ...order } : null;
    case 'timer.start':
      return isNodeId(value.node) ? { type: 'timer.start', node: value.node, at: value.at } : null;
    case 'timer.scale':
      return isTimerScale(value.scale) ? { type: 'timer.scale', scale: value.scale, at: value.at } : null;
    default:
      return null;
  }
}

export interface RestoreRunOptions {
  /**
   * Strict (imports): a broken event makes the whole run unusable, because dropping a step from
   * the middle of a log would change its story. Lenient (the device's own database): keep the
   * events before the first broken one, so a resumed run continues from the last good choice.
   */
  strict?: boolean;
}

export function restoreRun(value: unknown, r = new Repairs(), opts: RestoreRunOptions = {}): Run | null {
  if (!isRecord(value) || !isId(value.id)) {
    r.note('a run without a valid id was dropped');
    return null;
  }
  const id = value.id;
  if (typeof value.formatVersion === 'number' && value.formatVersion > RUN_FORMAT_VERSION) {
    r.note(`run ${id}: made by a newer version of Frontlijn`);
    return null;
  }
  if (!isNodeId(value.scenarioId) || typeof value.scenarioHash !== 'string' || !/^[A-Za-z0-9_-]{4,128}$/.test(value.scenarioHash)) {
    r.note(`run ${id}: no scenario`);
    return null;
  }
  if (!isTime(value.startedAt)) {
    r.note(`run ${id}: no start time`);
    return null;
  }
  const events: RunEvent[] = [];
  const raw = Array.isArray(value.events) ? value.events : [];
  if (!Array.isArray(value.events)) r.note(`run ${id}: events`);
  for (let i = 0; i < raw.length; i++) {
    const e = restoreEvent(raw[i]);
    if (e === null) {
      r.note(`run ${id}: event ${i} and later dropped`);
      if (opts.strict) return null;
      break;
    }
    events.push(e);
  }
  const mode: Mode = value.mode === 'assessment' ? 'assessment' : 'coaching';
  if (value.mode !== 'assessment' && value.mode !== 'coaching') r.note(`run ${id}: mode`);
  const run: Run = {
    formatVersion: RUN_FORMAT_VERSION,
    id,
    scenarioId: value.scenarioId,
    scenarioHash: value.scenarioHash,
    playerId: isId(value.playerId) ? value.playerId : null,
    mode,
    timerScale: isTimerScale(value.timerScale) ? value.timerScale : 1,
    startedAt: value.startedAt,
    events,
  };
  if (typeof value.seed === 'string' && SEED_RE.test(value.seed)) run.seed = value.seed;
  else if (value.seed !== undefined) {
    // Without its seed the order the player saw is unknown: the run cannot be shown as played.
    r.note(`run ${id}: seed`);
    return null;
  }
  if (isNodeId(value.startNode)) run.startNode = value.startNode;
  if (isTime(value.finishedAt) && events.length === raw.length) run.finishedAt = value.finishedAt;
  else if (value.finishedAt !== undefined) r.note(`run ${id}: finishedAt`);
  if (typeof value.reflection === 'string') run.reflection = value.reflection.slice(0, 2000);
  const signature = restoreSignature(value.signature);
  if (signature) run.signature = signature;
  else if (value.signature !== undefined) r.note(`run ${id}: signature`);
  if (value.unverified === true) run.unverified = true;
  return run;
}

/** A P-256 public key (65 bytes) is 87 base64url characters, a signature (64 bytes) 86. */
const SIG_PART = /^[A-Za-z0-9_-]{40,200}$/;

/** A run's signature as it came with an import, or null (a malformed one counts as none). */
export function restoreSignature(value: unknown): RunSignature | null {
  if (!isRecord(value) || typeof value.key !== 'string' || typeof value.sig !== 'string') return null;
  return SIG_PART.test(value.key) && SIG_PART.test(value.sig) ? { key: value.key, sig: value.sig } : null;
}

function restoreScores(v: unknown): Scores | null {
  if (!isRecord(v)) return null;
  const out: Record<string, number> = {};
  for (const k of [...DIMENSIONS, 'overall']) {
    const n = v[k];
    if (typeof n !== 'number' || !Number.isFinite(n)) return null;
    out[k] = n;
  }
  return out as unknown as Scores;
}

/** A stored result row (derived data: a broken one is simply dropped and recomputed). */
export function restoreResult(value: unknown): RunResult | null {
  if (!isRecord(value) || !isId(value.runId) || !isNodeId(value.scenarioId)) return null;
  const scores = restoreScores(value.scores);
  if (!scores || !isTime(value.finishedAt) || !isTime(value.startedAt) || typeof value.ending !== 'string') return null;
  const steps: PathStep[] = Array.isArray(value.steps)
    ? value.steps.filter(
        (s): s is PathStep => isRecord(s) && typeof s.node === 'string' && (s.option === null || typeof s.option === 'string'),
      )
    : [];
  const res: RunResult = {
    runId: value.runId,
    playerId: isId(value.playerId) ? value.playerId : null,
    scenarioId: value.scenarioId,
    scenarioHash: typeof value.scenarioHash === 'string' ? value.scenarioHash : '',
    mode: value.mode === 'assessment' ? 'assessment' : 'coaching',
    startedAt: value.startedAt,
    finishedAt: value.finishedAt,
    ending: value.ending,
    tone: ENDING_TONES.includes(value.tone as EndingTone) ? (value.tone as EndingTone) : null,
    scores,
    steps,
  };
  if (isNodeId(value.startNode)) res.startNode = value.startNode;
  if (value.timersOff === true) res.timersOff = true;
  if (value.unverified === true) res.unverified = true;
  return res;
}

/** A stored scenario version; the scenario itself was validated when it was stored. */
export function restoreStoredScenario(value: unknown, r = new Repairs()): StoredScenario | null {
  if (
    !isRecord(value) ||
    typeof value.hash !== 'string' ||
    !isNodeId(value.id) ||
    typeof value.source !== 'string' ||
    !isRecord(value.scenario) ||
    !isRecord(value.scenario.nodes) ||
    !isRecord(value.scenario.endings)
  ) {
    r.note('a scenario version that could not be read was dropped');
    return null;
  }
  return {
    hash: value.hash,
    id: value.id,
    source: value.source,
    scenario: value.scenario as unknown as StoredScenario['scenario'],
    custom: value.custom === true,
    storedAt: isTime(value.storedAt) ? value.storedAt : 0,
    ...(value.hidden === true ? { hidden: true } : {}),
    ...(value.untrusted === true ? { untrusted: true as const } : {}),
  };
}

/** Restores a list, dropping what cannot be restored. */
export function restoreList<T>(values: unknown[], fn: (v: unknown, r: Repairs) => T | null, where: string): T[] {
  const r = new Repairs();
  const out: T[] = [];
  for (const v of values) {
    const x = fn(v, r);
    if (x !== null) out.push(x);
  }
  r.log(where);
  return out;
}
