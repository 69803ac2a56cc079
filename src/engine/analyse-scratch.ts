/**
 * Working memory of the graph analysis, reused from one analysis to the next. The state graph of
 * a big scenario needs megabytes of typed arrays (states, edges, lookups, orders, values); their
 * memory lives outside the JavaScript heap, and allocating it afresh for every analysis made the
 * engine pay for extra garbage collections (V8 collects when outside memory grows) that cost more
 * than the work itself. Safe because everything is synchronous and no array outlives the call
 * that asked for it: `analyseScenario` and `pathsToEndings` keep only plain results.
 */

type Typed = Int32Array | Int8Array | Uint8Array | Float32Array | Float64Array;
type Kind<T extends Typed> = new (n: number) => T;

const pool = new Map<string, Typed>();

/**
 * A typed array of kind `kind` with at least `n` entries (maybe more), kept under `slot` for the
 * next call. Its contents are whatever the last user left: fill it if that matters.
 */
export function scratch<T extends Typed>(slot: string, kind: Kind<T>, n: number): T {
  const have = pool.get(slot);
  if (have instanceof kind && have.length >= n) return have;
  const fresh = new kind(Math.max(n, 1024, have ? have.length * 2 : 0));
  pool.set(slot, fresh);
  return fresh;
}

/** `scratch`, zero-filled over its first n entries. */
export function zeroed<T extends Typed>(slot: string, kind: Kind<T>, n: number): T {
  const a = scratch(slot, kind, n);
  a.fill(0, 0, n);
  return a;
}

/**
 * Makes room for `need` entries in the scratch array `a` of `slot`, keeping its contents: `a`
 * itself when it is big enough, else a bigger one (kept for the next call) with a's entries copied.
 */
export function growScratch<T extends Typed>(slot: string, a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as Kind<T>)(Math.max(need, a.length * 2));
  b.set(a as never);
  pool.set(slot, b);
  return b;
}
