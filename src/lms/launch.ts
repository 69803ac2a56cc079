/**
 * How a learning platform launches the game: the package's launch address carries
 * `?lms=scorm12|scorm2004|cmi5&play=<scenario id>` (and optionally `mode`, `mastery` 0–100); a
 * cmi5 platform appends its own parameters (endpoint, fetch, actor, registration, activityId).
 * Pure: parsed from `location.search`, so it is unit-tested without a browser.
 */
import type { Mode } from '../engine/types';

export type LmsKind = 'scorm12' | 'scorm2004' | 'cmi5';

export interface LmsLaunch {
  kind: LmsKind;
  /** The scenario this package item plays. */
  scenarioId: string;
  mode: Mode;
  /** The pass mark as a fraction 0..1 of the overall score, used when the platform gives none. */
  mastery: number;
  /** Every query parameter as given (cmi5 reads its own from here). */
  params: Record<string, string>;
}

export const DEFAULT_MASTERY = 0.6;

export function lmsLaunch(search: string): LmsLaunch | null {
  const q = new URLSearchParams(search);
  const kind = q.get('lms');
  const scenarioId = q.get('play') ?? '';
  if ((kind !== 'scorm12' && kind !== 'scorm2004' && kind !== 'cmi5') || !/^[A-Za-z0-9_-]{1,80}$/.test(scenarioId)) return null;
  const m = Number(q.get('mastery'));
  const params: Record<string, string> = {};
  for (const [k, v] of q) params[k] = v;
  return {
    kind,
    scenarioId,
    mode: q.get('mode') === 'coaching' ? 'coaching' : 'assessment',
    mastery: q.has('mastery') && Number.isFinite(m) && m >= 0 && m <= 100 ? m / 100 : DEFAULT_MASTERY,
    params,
  };
}

/** The address inside the app that plays the launched scenario (or resumes `runId`). */
export function playHash(launch: LmsLaunch, runId?: string): string {
  const q = new URLSearchParams({ mode: launch.mode });
  if (runId) q.set('run', runId);
  return `#/play/${encodeURIComponent(launch.scenarioId)}?${q}`;
}
