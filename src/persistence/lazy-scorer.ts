/**
 * The scorer the app's stores use, loaded on demand: replaying and scoring a finished run needs the
 * engine's graph analysis, which is not needed to show the first screen or play the first decision.
 * Stores call `prepare()` before they open a transaction that scores, so no await ever falls inside
 * an IndexedDB transaction; the code is fetched when the first run finishes, never before the
 * first choice. If the code cannot be fetched (the network went away mid-session), the
 * run is still saved; its result row is filled in later (the store backfills missing results).
 */
import type { Scorer } from './scoring';

let impl: Scorer | null = null;
let loading: Promise<void> | null = null;

/** Loads the scoring code once; always resolves (a failed load is retried on the next call). */
export function prepareScorer(): Promise<void> {
  loading ??= import('./scoring').then(
    (m) => {
      impl = m.scoreRun;
    },
    (e: unknown) => {
      loading = null;
      console.warn('[frontlijn] scoring code could not be loaded yet; results will be filled in later', e);
    },
  );
  return loading;
}

/** Scores with the real scorer once `prepareScorer()` has resolved; null before that. */
export const lazyScorer: Scorer = Object.assign((...args: Parameters<Scorer>) => (impl ? impl(...args) : null), {
  prepare: prepareScorer,
});
