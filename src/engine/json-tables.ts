/**
 * Where every value of a parsed JSON text stands, kept in flat typed arrays so that recording a
 * place costs a few integer writes. Used by json-scanner.ts (writing) and json-parse.ts (lookups).
 */

/**
 * Where every value stands, as flat tables of entries (one entry per value; entry 0 is the root).
 * A container's members are linked: `first[e]` is the first member of entry e (-1 when e is not
 * a container or is empty) and `next[m]` the member after m (-1 at the end). Typed arrays, grown
 * by doubling, keep this cheap; keys are not copied but read again from the text when looked up.
 */
export interface LocTables {
  /** How many entries are in use. */
  size: number;
  /** Offset of the member's key (objects) or -1. */
  keyAt: Int32Array;
  /** Offset of the value. */
  valAt: Int32Array;
  first: Int32Array;
  next: Int32Array;
  /** 1 when the entry is an object (members have keys). */
  isObject: Uint8Array;
}

/** A copy of a typed array with room for `size` entries. */
function grow<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * Tables given back by the last finished validation (releaseTables): a big file's tables are
 * megabytes outside the JavaScript heap, and allocating and freeing them for every validation
 * made V8 collect more often and the system map and zero fresh memory each time.
 */
let spare: LocTables | null = null;

/** Empty tables with room for about n entries (they grow as needed): the spare ones when they are big enough. */
export function createTables(n: number): LocTables {
  if (spare && spare.valAt.length >= n) {
    const t = spare;
    spare = null;
    t.size = 0;
    return t;
  }
  return { size: 0, keyAt: new Int32Array(n), valAt: new Int32Array(n), first: new Int32Array(n), next: new Int32Array(n), isObject: new Uint8Array(n) };
}

/** Gives tables back for the next parse; whoever held them must not read them any more. */
export function releaseTables(t: LocTables): void {
  if (!spare || spare.valAt.length < t.valAt.length) spare = t;
}

/** Adds an entry for a value at offset valAt (key at keyAt, or -1); returns its index. */
export function addEntry(g: LocTables, keyAt: number, valAt: number): number {
  const e = g.size++;
  if (e >= g.valAt.length) {
    const n = g.valAt.length * 2;
    g.keyAt = grow(g.keyAt, n);
    g.valAt = grow(g.valAt, n);
    g.first = grow(g.first, n);
    g.next = grow(g.next, n);
    g.isObject = grow(g.isObject, n);
  }
  g.keyAt[e] = keyAt;
  g.valAt[e] = valAt;
  g.first[e] = -1;
  g.next[e] = -1;
  g.isObject[e] = 0;
  return e;
}
