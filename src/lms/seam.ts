/**
 * The one seam between the game and a learning platform (SCORM, cmi5, later xAPI): the game calls
 * `reportRun` with the run record after every saved change of the run being played (its start,
 * each step, its end). Nothing listens unless the page was launched by a platform
 * (src/lms/launch.ts), so playing never needs one. Tiny on purpose: it sits in the play bundle.
 */
import type { Run } from '../engine/types';

export type RunListener = (run: Run) => void;

let listener: RunListener | null = null;

/** Set (or clear, with null) the one listener: the platform adapter of this launch. */
export function listenToRuns(l: RunListener | null): void {
  listener = l;
}

/** The game reports the run it plays, as saved. Never throws into the game. */
export function reportRun(run: Run): void {
  if (!listener) return;
  try {
    listener(run);
  } catch (e) {
    console.warn('[frontlijn] learning platform:', e);
  }
}
