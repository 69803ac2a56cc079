/**
 * Wraps the per-choice write in `performance.measure('frontlijn:save')`, which the benchmark
 * (scripts/bench-storage.ts) reads back from the page.
 */
export const SAVE_MEASURE = 'frontlijn:save';

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Which write: 'append' is the per-choice one; 'run' saves a whole run (start, finish). */
export type SaveOp = 'append' | 'run';

function record(start: number, op: SaveOp): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  try {
    performance.measure(SAVE_MEASURE, { start, end: now(), detail: { op } });
  } catch {
    /* measuring must never break saving */
  }
}

export function measureSave<T>(op: SaveOp, fn: () => T): T {
  const start = now();
  try {
    return fn();
  } finally {
    record(start, op);
  }
}

export async function measureSaveAsync<T>(op: SaveOp, fn: () => Promise<T>): Promise<T> {
  const start = now();
  try {
    return await fn();
  } finally {
    record(start, op);
  }
}
