/**
 * A JSON parser for untrusted scenario files: it never throws, records where every value (and
 * every object key) stands so any problem can be placed at a line and column, recovers from the
 * slips people make by hand (a missing or trailing comma, a comment, single quotes) while reporting
 * each of them, reports duplicate keys, never lets `__proto__`, `constructor` or `prototype` reach
 * an object, and refuses nesting deeper than 64 levels. Linear time, no regular expressions.
 */
import type { JsonPath } from './contract';
import { decodeScenarioText } from './json-decode';
import { JsonScanner, type LocNode, type LocTables } from './json-scanner';
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

/** The index (in the flat tables) of a member of a container, or -1. The last of duplicate keys wins, as in the value. */
function memberIndex(node: LocNode, seg: string | number, g: LocTables): number {
  if (!node.object) {
    return typeof seg === 'number' && seg >= 0 && seg < node.count ? node.start + seg : -1;
  }
  const key = String(seg);
  if (node.count <= 16) {
    for (let i = node.start + node.count - 1; i >= node.start; i--) if (g.keys[i] === key) return i;
    return -1;
  }
  if (!node.index) {
    const index = new Map<string, number>();
    for (let i = node.start; i < node.start + node.count; i++) index.set(g.keys[i] as string, i);
    node.index = index;
  }
  return node.index.get(key) ?? -1;
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
    };
  }
  const text = decoded.text;
  const toLoc = lineLocator(text);
  const scanner = new JsonScanner(text, toLoc);
  const value = scanner.parseDocument();
  const root = scanner.root;
  const g = scanner.tables;
  /** Walks the path; returns the offsets of the deepest member reached and whether it is exact. */
  const walk = (path: JsonPath): { valueAt: number; keyAt: number | null; exact: boolean } => {
    if (!root) return { valueAt: 0, keyAt: null, exact: false };
    let node: LocNode | null = root;
    let valueAt = root.at;
    let keyAt: number | null = null;
    for (const seg of path) {
      if (!node) return { valueAt, keyAt, exact: false };
      const i = memberIndex(node, seg, g);
      if (i < 0) return { valueAt, keyAt, exact: false };
      valueAt = g.valAt[i];
      keyAt = node.object ? g.keyAt[i] : null;
      node = g.kids[i];
    }
    return { valueAt, keyAt, exact: true };
  };
  return {
    value: scanner.fatal ? undefined : value,
    fatal: scanner.fatal,
    problems: scanner.problems,
    text,
    locate: (path) => toLoc(walk(path).valueAt),
    locateKey: (path) => {
      const w = walk(path);
      return toLoc(w.exact && w.keyAt !== null ? w.keyAt : w.valueAt);
    },
    has: (path) => walk(path).exact,
  };
}
