/**
 * Wraps the per-choice write in `performance.measure('frontlijn:save')`, which the benchmark
 * (scripts/bench-storage.ts) reads back from the page.
 */
export const SAVE_MEASURE = 'frontlijn:save';

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function record(start: number): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  try {
    performance.measure(SAVE_MEASURE, { start, end: now() });
  } catch {
    /* measuring must never break saving */
  }
}

export function measureSave<T>(fn: () => T): T {
  const start = now();
  try {
    return fn();
  } finally {
    record(start);
  }
}

export async function measureSaveAsync<T>(fn: () => Promise<T>): Promise<T> {
  const start = now();
  try {
    return await fn();
  } finally {
    record(start);
  }
}
