/**
 * What the game writes into a SCORM platform's data model, as pure (element, value) pairs:
 * completion and success, the overall score, warmth / initiative / outcome as objectives, the
 * run's compact record in suspend_data (so the platform resumes the run), where the player is,
 * and the session time. The runtime (scorm-runtime.ts) only sets these in order and commits.
 */
import type { Scores } from '../engine/contract';

export type ScormVersion = '1.2' | '2004';

/** suspend_data's limit: SCORM 1.2 CMIString4096, SCORM 2004 4th edition 64000 characters. */
export const SUSPEND_LIMIT: Record<ScormVersion, number> = { '1.2': 4096, '2004': 64000 };

export const OBJECTIVES = ['warmth', 'initiative', 'outcome'] as const;

export interface ScormProgress {
  /** The compact run record (persistence/run-link), or null when it would not fit. */
  suspend: string | null;
  /** The decision the player is at ('' at an ending). */
  location: string;
  /** Set once the run reached an ending. */
  scores: Scores | null;
  /** Pass mark, 0..1 of a score. */
  mastery: number;
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
export function scorm12Time(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(Math.min(h, 9999), 4)}:${pad(m, 2)}:${s.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), e.g. PT1H2M3.45S. */
export function scorm2004Time(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${Number(s.toFixed(2))}S`;
}

/** A record longer than the version allows is not written (the last one that fitted stays). */
export function fitsSuspend(version: ScormVersion, data: string): boolean {
  return data.length <= SUSPEND_LIMIT[version];
}

/** The values to set, in order, for the run as it is now. */
export function scormValues(version: ScormVersion, p: ScormProgress): [string, string][] {
  const out: [string, string][] = [];
  const done = p.scores !== null;
  const passed = done && p.scores!.overall / 100 >= p.mastery;
  const suspend = p.suspend !== null && fitsSuspend(version, p.suspend) ? p.suspend : null;
  if (version === '1.2') {
    out.push(['cmi.core.lesson_status', done ? (passed ? 'passed' : 'failed') : 'incomplete']);
    out.push(['cmi.core.lesson_location', p.location]);
    if (suspend !== null) out.push(['cmi.suspend_data', suspend]);
    if (done) {
      out.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', String(p.scores!.overall)]);
      OBJECTIVES.forEach((dim, n) => {
        const v = p.scores![dim];
        out.push(
          [`cmi.objectives.${n}.id`, dim],
          [`cmi.objectives.${n}.score.min`, '0'],
          [`cmi.objectives.${n}.score.max`, '100'],
          [`cmi.objectives.${n}.score.raw`, String(v)],
          [`cmi.objectives.${n}.status`, v / 100 >= p.mastery ? 'passed' : 'failed'],
        );
      });
    }
    out.push(['cmi.core.exit', done ? '' : 'suspend']);
    return out;
  }
  out.push(['cmi.completion_status', done ? 'completed' : 'incomplete']);
  out.push(['cmi.success_status', done ? (passed ? 'passed' : 'failed') : 'unknown']);
  if (p.location) out.push(['cmi.location', p.location]);
  if (suspend !== null) out.push(['cmi.suspend_data', suspend]);
  if (done) {
    out.push(
      ['cmi.score.min', '0'],
      ['cmi.score.max', '100'],
      ['cmi.score.raw', String(p.scores!.overall)],
      ['cmi.score.scaled', String(p.scores!.overall / 100)],
    );
    OBJECTIVES.forEach((dim, n) => {
      const v = p.scores![dim];
      out.push(
        [`cmi.objectives.${n}.id`, dim],
        [`cmi.objectives.${n}.score.min`, '0'],
        [`cmi.objectives.${n}.score.max`, '100'],
        [`cmi.objectives.${n}.score.raw`, String(v)],
        [`cmi.objectives.${n}.score.scaled`, String(v / 100)],
        [`cmi.objectives.${n}.success_status`, v / 100 >= p.mastery ? 'passed' : 'failed'],
        [`cmi.objectives.${n}.completion_status`, 'completed'],
      );
    });
  }
  out.push(['cmi.exit', done ? 'normal' : 'suspend']);
  return out;
}
