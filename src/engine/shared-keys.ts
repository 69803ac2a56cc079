/**
 * The keys of a scenario's big maps (its `nodes` and `endings`), listed once per validation.
 *
 * V8 keeps an object with thousands of keys as a hash table, and `Object.keys` on it then sorts
 * the keys back into insertion order on every call: for 10,000 nodes that costs 30 times what it
 * costs for 1,000 (cache misses), and the schema check, the preconditions, the references and the
 * analysis each asked again. `validateScenario` runs its checks inside `withSharedKeys`, where
 * `keysOf` lists a map once and hands every later caller the same array. Outside that scope (a
 * direct `analyseScenario` call, a test that edits a scenario) `keysOf` is plain `Object.keys`.
 * Synchronous, so the scenario cannot change while the scope is open.
 */

let shared: WeakMap<object, string[]> | null = null;

/** `Object.keys(map)`, listed once per `withSharedKeys` scope. The array is shared: never change it. */
export function keysOf(map: object): string[] {
  if (!shared) return Object.keys(map);
  let keys = shared.get(map);
  if (!keys) {
    keys = Object.keys(map);
    shared.set(map, keys);
  }
  return keys;
}

/** Runs `fn` with `keysOf` lists shared between its calls (nested scopes share the outer one). */
export function withSharedKeys<T>(fn: () => T): T {
  const outer = shared;
  shared = outer ?? new WeakMap();
  try {
    return fn();
  } finally {
    shared = outer;
  }
}
