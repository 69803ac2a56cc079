/**
 * The scanner behind parseJson: recursive descent over character codes, one pass, building the
 * value and recording where every value and key stands (json-tables.ts). Recoverable slips are
 * reported and skipped; anything else stops the scan with one clear problem. Nesting is limited
 * to 64 levels, and __proto__, constructor and prototype keys never reach an object.
 */
import type { JsonLocation } from './json-parse';
import { Abort, isWordChar, isWordStart, JsonLexer } from './json-lexer';
import { addEntry, createTables, type LocTables } from './json-tables';
import { msg } from './message-catalog';

export type { ParseProblem } from './json-lexer';
export type { LocTables } from './json-tables';

/** The deepest nesting of objects and arrays accepted. */
export const MAX_JSON_DEPTH = 64;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Field names up to this long are cached by parseCached (longer ones are rare and read as strings). */
const MAX_CACHED_KEY = 32;
/**
 * String values up to this long are cached too: ids (an option's "a", a route's "checkout"), flag
 * names, expressions. V8 copies strings this short anyway; shared, a route's target is the very
 * string the node's key is (so looking it up is a pointer compare) and repeated ids make no garbage.
 */
const MAX_CACHED_VALUE = 12;
/** Objects with at most this many members are made by SHAPES[n]. */
const SMALL_OBJECT = 8;
/**
 * Makers of plain objects sized for exactly n fields. `{}` always has room for four fields inline
 * and more go to a separate, growing array, so a parsed file took ~40 % more memory than the
 * same data from JSON.parse (and, surviving, it is copied by every scavenge). An object made by
 * `new SHAPES[n]()` has Object.prototype as its prototype, like `{}`, and is the same in every
 * respect a program can observe; V8 sizes each maker's objects by the fields they receive.
 */
const SHAPES: (new () => Record<string, unknown>)[] = Array.from({ length: SMALL_OBJECT + 1 }, () => {
  const shape = function () {} as unknown as { new (): Record<string, unknown>; prototype: object };
  shape.prototype = Object.prototype;
  return shape;
});
/** Slots of the field-name cache (a power of two). */
const KEY_CACHE_SIZE = 512;

/** One-pass JSON scanner; see the module comment. */
export class JsonScanner extends JsonLexer {
  /** Where every value stands; see LocTables. */
  readonly tables: LocTables;
  /** The items of the lists being read, innermost last (see endArray); `top` is the first free slot. */
  private readonly items: unknown[] = [];
  private top = 0;
  /** Recently read field names and short values, by a hash of their characters (see parseCached). */
  private readonly keyCache: (string | undefined)[] = new Array<string | undefined>(KEY_CACHE_SIZE);

  constructor(text: string, toLoc: (offset: number) => JsonLocation) {
    super(text, toLoc);
    this.tables = createTables(Math.max(64, text.length >> 3));
  }

  /**
   * Reads a string in double quotes (a field name, or a short value). A file repeats the same few
   * names ("id", "text", "effects", …) hundreds of thousands of times, and the same ids: a plain
   * string of at most `max` characters is looked up in a small cache by its characters and the
   * string made the first time is reused, so no new string is made (and V8 need not look each new
   * copy up in its table of property names). Anything else: parseString.
   */
  private parseCached(max: number): string {
    const t = this.text;
    const start = this.pos + 1;
    let h = 0;
    let i = start;
    for (; i - start < max; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x22) break;
      if (c === 0x5c || !(c >= 0x20)) return this.parseString();
      h = (Math.imul(h, 31) + c) | 0;
    }
    if (t.charCodeAt(i) !== 0x22) return this.parseString();
    const len = i - start;
    const slot = (h ^ (h >>> 10) ^ len) & (KEY_CACHE_SIZE - 1);
    const cached = this.keyCache[slot];
    this.pos = i + 1;
    if (cached !== undefined && cached.length === len && t.startsWith(cached, start)) return cached;
    const key = t.slice(start, i);
    this.keyCache[slot] = key;
    return key;
  }

  /** Reads the key whose opening quote (or first letter) stands at `at` again, for lookups. */
  keyAtOffset(at: number): string {
    const saved = this.pos;
    const savedProblems = this.problems.length;
    this.pos = at;
    const c = this.text.charCodeAt(at);
    let key: string;
    try {
      if (c === 0x22) key = this.parseString();
      else if (c === 0x27) key = this.parseSingleQuoted();
      else {
        while (this.pos < this.text.length && isWordChar(this.text.charCodeAt(this.pos))) this.pos++;
        key = this.text.slice(at, this.pos);
      }
    } catch {
      key = '';
    }
    this.problems.length = savedProblems;
    this.pos = saved;
    return key;
  }

  /** Parses the whole text; check `fatal` and `problems` afterwards. */
  parseDocument(): unknown {
    try {
      this.skipWs();
      if (this.pos >= this.text.length) {
        this.stop(msg('json-empty', {}), 0);
      }
      const value = this.parseValue(0, this.entry(-1));
      const end = this.pos;
      this.skipWs();
      if (this.pos < this.text.length) {
        this.report(
          msg('json-trailing-text', { line: this.toLoc(end).line }),
          this.pos,
        );
      }
      return value;
    } catch (e) {
      if (e instanceof Abort) {
        this.fatal = true;
        return undefined;
      }
      throw e;
    } finally {
      // The item stack's slots still point at values: let them go with the parse.
      this.items.length = 0;
      this.top = 0;
    }
  }

  /** Adds an entry for a value about to be parsed at `pos`. */
  private entry(keyAt: number): number {
    return addEntry(this.tables, keyAt, this.pos);
  }

  private parseValue(depth: number, e: number): unknown {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 0x7b || c === 0x5b) {
      if (depth >= MAX_JSON_DEPTH) {
        this.stop(
          msg('json-too-deep', { max: MAX_JSON_DEPTH }),
          this.pos,
        );
      }
      return c === 0x7b ? this.parseObject(depth + 1, e) : this.parseArray(depth + 1, e);
    }
    if (c === 0x22) return this.parseCached(MAX_CACHED_VALUE);
    if (c === 0x27) return this.parseSingleQuoted();
    if (c === 0x2d || c === 0x2b || c === 0x2e || (c >= 0x30 && c <= 0x39)) return this.parseNumber();
    if (isWordStart(c)) return this.parseWord();
    if (this.pos >= t.length) {
      this.stop(msg('json-unexpected-end', { list: null, line: 0 }), this.pos);
    }
    this.stop(msg('json-syntax', { kind: 'value-expected', found: this.found(this.pos), hint: this.hintFor(c) }), this.pos);
  }

  private parseObject(depth: number, e: number): Record<string, unknown> {
    const t = this.text;
    const open = this.pos;
    // Members wait as (key, value) pairs on the item stack until the object's size is known (see
    // endObject); an object with more than SMALL_OBJECT members is made at once and filled directly.
    const base = this.top;
    let obj: Record<string, unknown> | null = null;
    const g = this.tables;
    g.isObject[e] = 1;
    let prev = -1;
    this.pos++;
    this.skipWs();
    if (t.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return {};
    }
    for (;;) {
      this.skipWs();
      const at = this.pos;
      const c = t.charCodeAt(at);
      let key: string;
      if (c === 0x22) key = this.parseCached(MAX_CACHED_KEY);
      else if (c === 0x27) key = this.parseSingleQuoted();
      else if (isWordStart(c)) {
        while (this.pos < t.length && isWordChar(t.charCodeAt(this.pos))) this.pos++;
        key = t.slice(at, this.pos);
        this.report(msg('json-unquoted-key', { key }), at);
      } else if (this.pos >= t.length) {
        this.stop(msg('json-unexpected-end', { list: false, line: this.lineOf(open) }), this.pos);
      } else {
        this.stop(msg('json-syntax', { kind: 'key-expected', found: this.found(at), hint: this.hintFor(c) }), at);
      }
      this.skipWs();
      if (t.charCodeAt(this.pos) === 0x3a) this.pos++;
      else {
        const n = t.charCodeAt(this.pos);
        if (n === 0x22 || n === 0x7b || n === 0x5b || (n >= 0x30 && n <= 0x39) || n === 0x2d || isWordStart(n)) {
          this.report(msg('json-missing-colon', { key }), this.pos);
        } else {
          this.stop(msg('json-syntax', { kind: 'colon-expected', key, found: this.found(this.pos) }), this.pos);
        }
      }
      this.skipWs();
      const forbidden = FORBIDDEN_KEYS.has(key);
      // Where an earlier member with this key waits on the stack (-1: none, or the object is made).
      const dup = forbidden || obj ? -1 : this.memberAt(base, key);
      if (forbidden) {
        this.report(
          msg('forbidden-key', { key }),
          at,
        );
      } else if (obj ? Object.prototype.hasOwnProperty.call(obj, key) : dup >= 0) {
        this.report(
          msg('duplicate-key', { key, line: this.lineOf(this.firstKeyAt(e, key) ?? at) }),
          at,
        );
      }
      const m = this.entry(at);
      if (!forbidden) {
        if (prev < 0) g.first[e] = m;
        else g.next[prev] = m;
        prev = m;
      }
      this.path.push(key);
      const value = this.parseValue(depth, m);
      this.path.pop();
      if (forbidden) {
        // Left out of the object.
      } else if (obj) obj[key] = value;
      else if (dup >= 0) this.items[dup + 1] = value; // the first place, the last value: as obj[key] = value does
      else if (this.top - base < 2 * SMALL_OBJECT) {
        this.items[this.top++] = key;
        this.items[this.top++] = value;
      } else {
        obj = this.endObject(base, {});
        obj[key] = value;
      }
      const afterValue = this.pos;
      this.skipWs();
      const d = t.charCodeAt(this.pos);
      if (d === 0x2c) {
        const comma = this.pos;
        this.pos++;
        this.skipWs();
        if (t.charCodeAt(this.pos) === 0x7d) {
          this.report(msg('json-trailing-comma', { list: false, line: this.lineOf(comma) }), comma);
          this.pos++;
          return obj ?? this.endObject(base, null);
        }
      } else if (d === 0x7d) {
        this.pos++;
        return obj ?? this.endObject(base, null);
      } else if (d === 0x22 || d === 0x27 || isWordStart(d)) {
        this.report(msg('json-missing-comma', { list: false, line: this.lineOf(afterValue) }), afterValue);
      } else if (this.pos >= t.length) {
        this.stop(msg('json-unexpected-end', { list: false, line: this.lineOf(open) }), this.pos);
      } else {
        this.stop(msg('json-syntax', { kind: 'comma-expected', list: false, line: this.lineOf(afterValue), found: this.found(this.pos) }), this.pos);
      }
    }
  }

  /** The stack index of the member `key` waiting from `base` up (pairs of key and value), or -1. */
  private memberAt(base: number, key: string): number {
    for (let i = base; i < this.top; i += 2) if (this.items[i] === key) return i;
    return -1;
  }

  /**
   * The object whose members wait on the item stack from `base` up, in their order: into `into`,
   * or into a new object of exactly their number of fields (see SHAPES).
   */
  private endObject(base: number, into: Record<string, unknown> | null): Record<string, unknown> {
    const items = this.items;
    const obj = into ?? new SHAPES[(this.top - base) >> 1]();
    for (let i = base; i < this.top; i += 2) obj[items[i] as string] = items[i + 1];
    this.top = base;
    return obj;
  }

  private parseArray(depth: number, e: number): unknown[] {
    const t = this.text;
    const open = this.pos;
    const base = this.top;
    const g = this.tables;
    let prev = -1;
    this.pos++;
    this.skipWs();
    if (t.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return [];
    }
    for (;;) {
      this.skipWs();
      const index = this.top - base;
      this.path.push(index);
      const m = this.entry(-1);
      if (prev < 0) g.first[e] = m;
      else g.next[prev] = m;
      prev = m;
      // Nested lists use the stack above this one's items and leave it as they found it.
      const item = this.parseValue(depth, m);
      this.items[this.top++] = item;
      this.path.pop();
      const afterValue = this.pos;
      this.skipWs();
      const d = t.charCodeAt(this.pos);
      if (d === 0x2c) {
        const comma = this.pos;
        this.pos++;
        this.skipWs();
        if (t.charCodeAt(this.pos) === 0x5d) {
          this.report(msg('json-trailing-comma', { list: true, line: this.lineOf(comma) }), comma);
          this.pos++;
          return this.endArray(base);
        }
      } else if (d === 0x5d) {
        this.pos++;
        return this.endArray(base);
      } else if (d === 0x22 || d === 0x7b || d === 0x5b || (d >= 0x30 && d <= 0x39) || d === 0x2d || isWordStart(d)) {
        this.report(msg('json-missing-comma', { list: true, line: this.lineOf(afterValue) }), afterValue);
      } else if (this.pos >= t.length) {
        this.stop(msg('json-unexpected-end', { list: true, line: this.lineOf(open) }), this.pos);
      } else {
        this.stop(msg('json-syntax', { kind: 'comma-expected', list: true, line: this.lineOf(afterValue), found: this.found(this.pos) }), this.pos);
      }
    }
  }

  /**
   * The list whose items stand on the item stack from `base` up, as an array of exactly that
   * length (one allocation; pushing onto a new array left room for 17 items in each small list).
   */
  private endArray(base: number): unknown[] {
    const arr = this.items.slice(base, this.top);
    this.top = base;
    return arr;
  }

  /** Where the first occurrence of a key in object entry e stands. */
  private firstKeyAt(e: number, key: string): number | undefined {
    const g = this.tables;
    for (let m = g.first[e]; m >= 0; m = g.next[m]) if (this.keyAtOffset(g.keyAt[m]) === key) return g.keyAt[m];
    return undefined;
  }
}
