/**
 * A JSON parser for untrusted scenario files: it never throws, records where every value (and
 * every object key) stands so any problem can be placed at a line and column, recovers from the
 * slips people make by hand (a missing or trailing comma, a comment, single quotes) while reporting
 * each of them, reports duplicate keys, never lets `__proto__`, `constructor` or `prototype` reach
 * an object, and refuses nesting deeper than 64 levels. Linear time, no regular expressions.
 */
import type { JsonPath } from './contract';
import { decodeScenarioText } from './json-decode';
import { JsonScanner } from './json-scanner';
import { releaseTables } from './json-tables';
import type { ParseProblem } from './json-scanner';

export type { ParseProblem } from './json-scanner';
export { MAX_JSON_DEPTH } from './json-scanner';

/** A 1-based place in the text, plus its UTF-16 offset. */
export interface JsonLocation {
  line: number;
  column: number;
  offset: number;
}

/** The outcome of parsing: the value (when the text could be read) and where everything is. */
export interface ParsedJson {
  /** The parsed value; undefined when a fatal problem stopped the parser. */
  value: unknown;
  /** True when a problem stopped parsing (the value is missing or incomplete). */
  fatal: boolean;
  /** Every syntax and safety problem, in file order. */
  problems: ParseProblem[];
  /** The text that was parsed (BOM removed), or null when it could not be decoded. */
  text: string | null;
  /** Where the value at this path starts; the nearest existing ancestor when it does not exist. */
  locate(path: JsonPath): JsonLocation;
  /** Where the key of this object member starts (falls back to `locate`). */
  locateKey(path: JsonPath): JsonLocation;
  /** True when a value exists at this path. */
  has(path: JsonPath): boolean;
  /**
   * Gives the position tables back for the next parse (a big file's are megabytes). Call it only
   * when done: locate, locateKey and has must not be used afterwards.
   */
  release(): void;
}

/** Encodes a path segment as in a JSON Pointer (RFC 6901). */
export function pointerSegment(seg: string | number): string {
  if (typeof seg === 'number') return String(seg);
  if (seg.indexOf('~') < 0 && seg.indexOf('/') < 0) return seg;
  return seg.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The JSON Pointer of a path, e.g. "/nodes/greet/options/1". */
export function pathToPointer(path: JsonPath): string {
  let s = '';
  for (const seg of path) s += '/' + pointerSegment(seg);
  return s;
}

/** The entry of a member of container entry e, or -1. The last of duplicate keys wins, as in the value. */
function memberEntry(scanner: JsonScanner, e: number, seg: string | number, indexes: Map<number, Map<string, number>>): number {
  const g = scanner.tables;
  if (!g.isObject[e]) {
    if (typeof seg !== 'number') return -1;
    let m = g.first[e];
    for (let i = 0; m >= 0 && i < seg; i++) m = g.next[m];
    return m;
  }
  const key = String(seg);
  let index = indexes.get(e);
  if (!index) {
    index = new Map();
    for (let m = g.first[e]; m >= 0; m = g.next[m]) index.set(scanner.keyAtOffset(g.keyAt[m]), m);
    indexes.set(e, index);
  }
  return index.get(key) ?? -1;
}

/** Builds a function from UTF-16 offset to 1-based line and column. */
export function lineLocator(text: string): (offset: number) => JsonLocation {
  let starts: number[] | null = null;
  return (offset: number) => {
    if (!starts) {
      starts = [0];
      let i = text.indexOf('\n');
      while (i >= 0) {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1, offset };
  };
}

/**
 * Parses a scenario file's text or bytes. Never throws. Bytes are decoded as strict UTF-8;
 * files over 5 MB and nesting over 64 levels are refused with a clear problem before heavy work.
 */
export function parseJson(input: string | Uint8Array): ParsedJson {
  const decoded = decodeScenarioText(input);
  if (decoded.text === null) {
    const start: JsonLocation = { line: 1, column: 1, offset: 0 };
    return {
      value: undefined,
      fatal: true,
      problems: decoded.problems.map((p) => ({ ...p, path: [] })),
      text: null,
      locate: () => start,
      locateKey: () => start,
      has: () => false,
      release: () => {},
    };
  }
  const text = decoded.text;
  const toLoc = lineLocator(text);
  const scanner = new JsonScanner(text, toLoc);
  const value = scanner.parseDocument();
  const g = scanner.tables;
  const indexes = new Map<number, Map<string, number>>();
  /** Walks the path; returns the entry reached (the deepest existing one) and whether it is exact. */
  const walk = (path: JsonPath): { entry: number; exact: boolean } => {
    if (g.size === 0) return { entry: -1, exact: false };
    let e = 0;
    for (const seg of path) {
      const m = memberEntry(scanner, e, seg, indexes);
      if (m < 0) return { entry: e, exact: false };
      e = m;
    }
    return { entry: e, exact: true };
  };
  const valueAt = (e: number) => (e < 0 ? 0 : g.valAt[e]);
  return {
    value: scanner.fatal ? undefined : value,
    fatal: scanner.fatal,
    problems: scanner.problems,
    text,
    locate: (path) => toLoc(valueAt(walk(path).entry)),
    locateKey: (path) => {
      const w = walk(path);
      return toLoc(w.exact && g.keyAt[w.entry] >= 0 ? g.keyAt[w.entry] : valueAt(w.entry));
    },
    has: (path) => walk(path).exact,
    release: () => releaseTables(g),
  };
}
