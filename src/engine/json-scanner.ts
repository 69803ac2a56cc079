/**
 * The scanner behind parseJson: recursive descent over character codes, one pass, recording the
 * offset of every value and key by JSON Pointer. Recoverable slips are reported and skipped;
 * anything else stops the scan with one clear problem. Used only through json-parse.ts.
 */
import type { JsonPath } from './contract';
import type { JsonLocation } from './json-parse';

/** The deepest nesting of objects and arrays accepted. */
export const MAX_JSON_DEPTH = 64;
const MAX_PROBLEMS = 100;

/** A syntax or safety problem found while parsing. */
export interface ParseProblem {
  code: string;
  message: string;
  line: number;
  column: number;
  offset: number;
  path: JsonPath;
}

class Abort {}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const WORD_FIX: Record<string, { value: unknown; fix: string }> = {
  True: { value: true, fix: 'write true in lowercase' },
  TRUE: { value: true, fix: 'write true in lowercase' },
  False: { value: false, fix: 'write false in lowercase' },
  FALSE: { value: false, fix: 'write false in lowercase' },
  None: { value: null, fix: 'write null, or leave the field out' },
  NULL: { value: null, fix: 'write null, or leave the field out' },
  Null: { value: null, fix: 'write null, or leave the field out' },
  undefined: { value: null, fix: 'leave the field out instead' },
  NaN: { value: null, fix: 'write a number' },
  Infinity: { value: null, fix: 'write a number' },
};

/** The characters that end a plain run inside a string. */
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings; this finds them.
const STRING_SPECIAL = /["\\\x00-\x1f]/g;
const ESCAPES: Record<number, string> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || c === 0x2d;
}
function isWordStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x24;
}
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

function grow<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** One-pass JSON scanner; see the module comment. */
export class JsonScanner {
  pos = 0;
  fatal = false;
  readonly problems: ParseProblem[] = [];
  /** Where every value stands; see LocTables. */
  readonly tables: LocTables;
  private readonly path: JsonPath = [];

  constructor(
    private readonly text: string,
    private readonly toLoc: (offset: number) => JsonLocation,
  ) {
    const n = Math.max(64, text.length >> 3);
    this.tables = { size: 0, keyAt: new Int32Array(n), valAt: new Int32Array(n), first: new Int32Array(n), next: new Int32Array(n), isObject: new Uint8Array(n) };
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
        this.stop('json-empty', 'the file is empty: a scenario file starts with "{" and ends with "}".', 0);
      }
      const value = this.parseValue(0, this.entry(-1));
      const end = this.pos;
      this.skipWs();
      if (this.pos < this.text.length) {
        this.report(
          'json-trailing-text',
          `there is more text after the end of the scenario (after line ${this.toLoc(end).line}): ` +
            'the whole scenario must be one object between "{" and "}". Remove the extra text or check for a "}" too many.',
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
    }
  }

  private report(code: string, message: string, offset: number): void {
    const { line, column } = this.toLoc(offset);
    this.problems.push({ code, message, line, column, offset, path: [...this.path] });
    if (this.problems.length >= MAX_PROBLEMS) {
      this.stop('json-too-many-problems', `more than ${MAX_PROBLEMS} syntax problems: fix these first, then validate again.`, offset);
    }
  }

  private stop(code: string, message: string, offset: number): never {
    if (code !== 'json-too-many-problems' || this.problems.length < MAX_PROBLEMS + 1) {
      const { line, column } = this.toLoc(offset);
      this.problems.push({ code, message, line, column, offset, path: [...this.path] });
    }
    throw new Abort();
  }

  private lineOf(offset: number): number {
    return this.toLoc(offset).line;
  }

  /** Describes what stands at an offset, for "found ..." in messages. */
  private found(i: number): string {
    if (i >= this.text.length) return 'the end of the file';
    let j = i;
    while (j < this.text.length && j - i < 20 && isWordChar(this.text.charCodeAt(j))) j++;
    if (j > i) return `"${this.text.slice(i, j)}"`;
    return `"${this.text[i]}"`;
  }

  private skipWs(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else if (c === 0x2f && (t.charCodeAt(this.pos + 1) === 0x2f || t.charCodeAt(this.pos + 1) === 0x2a)) {
        const start = this.pos;
        if (t.charCodeAt(this.pos + 1) === 0x2f) {
          const nl = t.indexOf('\n', this.pos);
          this.pos = nl < 0 ? t.length : nl;
        } else {
          const close = t.indexOf('*/', this.pos + 2);
          if (close < 0) this.stop('json-comment', 'a comment "/*" is never closed with "*/" (and JSON does not allow comments): remove it.', start);
          this.pos = close + 2;
        }
        this.report(
          'json-comment',
          'JSON does not allow comments: remove this one. Notes for other authors can go in a node\'s "notes" field.',
          start,
        );
      } else return;
    }
  }

  /** Adds an entry for a value about to be parsed at `pos`. */
  private entry(keyAt: number): number {
    const g = this.tables;
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
    g.valAt[e] = this.pos;
    g.first[e] = -1;
    g.next[e] = -1;
    g.isObject[e] = 0;
    return e;
  }

  private parseValue(depth: number, e: number): unknown {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 0x7b || c === 0x5b) {
      if (depth >= MAX_JSON_DEPTH) {
        this.stop(
          'json-too-deep',
          `the file nests objects and lists more than ${MAX_JSON_DEPTH} levels deep here, so it was not read further. ` +
            'A scenario never needs that much nesting: check for brackets that are opened but never closed, or simplify the conditions.',
          this.pos,
        );
      }
      return c === 0x7b ? this.parseObject(depth + 1, e) : this.parseArray(depth + 1, e);
    }
    if (c === 0x22) return this.parseString();
    if (c === 0x27) return this.parseSingleQuoted();
    if (c === 0x2d || c === 0x2b || c === 0x2e || (c >= 0x30 && c <= 0x39)) return this.parseNumber();
    if (isWordStart(c)) return this.parseWord();
    if (this.pos >= t.length) {
      this.stop('json-unexpected-end', 'the file ends where a value was expected: it looks cut off, or a closing "}" or "]" is missing.', this.pos);
    }
    this.stop('json-syntax', `a value was expected here, but found ${this.found(this.pos)}.${this.hintFor(c)}`, this.pos);
  }

  private hintFor(c: number): string {
    if (c === 0x2c) return ' There may be a comma too many, or a value missing before it.';
    if (c === 0x7d || c === 0x5d) return ' A value is missing after the ":" or ",".';
    if (c === 0x201c || c === 0x201d) return ' Curly quotes (“ ”) are not JSON: use straight double quotes (").';
    return ' Text must be in straight double quotes, e.g. "hello".';
  }

  private parseObject(depth: number, e: number): Record<string, unknown> {
    const t = this.text;
    const open = this.pos;
    const obj: Record<string, unknown> = {};
    const g = this.tables;
    g.isObject[e] = 1;
    let prev = -1;
    this.pos++;
    this.skipWs();
    if (t.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
            return obj;
    }
    for (;;) {
      this.skipWs();
      const at = this.pos;
      const c = t.charCodeAt(at);
      let key: string;
      if (c === 0x22) key = this.parseString();
      else if (c === 0x27) key = this.parseSingleQuoted();
      else if (isWordStart(c)) {
        while (this.pos < t.length && isWordChar(t.charCodeAt(this.pos))) this.pos++;
        key = t.slice(at, this.pos);
        this.report('json-unquoted-key', `the field name ${key} must be in double quotes: write "${key}".`, at);
      } else if (this.pos >= t.length) {
        this.stop('json-unexpected-end', `the file ends before the object that starts on line ${this.lineOf(open)} is closed with "}".`, this.pos);
      } else {
        this.stop('json-syntax', `a field name in double quotes was expected here, but found ${this.found(at)}.${this.hintFor(c)}`, at);
      }
      this.skipWs();
      if (t.charCodeAt(this.pos) === 0x3a) this.pos++;
      else {
        const n = t.charCodeAt(this.pos);
        if (n === 0x22 || n === 0x7b || n === 0x5b || (n >= 0x30 && n <= 0x39) || n === 0x2d || isWordStart(n)) {
          this.report('json-missing-colon', `a colon ":" is missing after the field name "${key}".`, this.pos);
        } else {
          this.stop('json-syntax', `a colon ":" was expected after the field name "${key}", but found ${this.found(this.pos)}.`, this.pos);
        }
      }
      this.skipWs();
      const forbidden = FORBIDDEN_KEYS.has(key);
      if (forbidden) {
        this.report(
          'forbidden-key',
          `the field name "${key}" is not allowed (it could change how the program works) and was ignored: rename or remove it.`,
          at,
        );
      } else if (Object.prototype.hasOwnProperty.call(obj, key)) {
        this.report(
          'duplicate-key',
          `the field "${key}" appears twice in the same object (first on line ${this.lineOf(this.firstKeyAt(e, key) ?? at)}): only the last one would count. Remove or rename one of them.`,
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
      if (!forbidden) obj[key] = value;
      const afterValue = this.pos;
      this.skipWs();
      const d = t.charCodeAt(this.pos);
      if (d === 0x2c) {
        const comma = this.pos;
        this.pos++;
        this.skipWs();
        if (t.charCodeAt(this.pos) === 0x7d) {
          this.report('json-trailing-comma', `there is a comma after the last field on line ${this.lineOf(comma)}: remove it (JSON allows no comma before "}").`, comma);
          this.pos++;
                    return obj;
        }
      } else if (d === 0x7d) {
        this.pos++;
                return obj;
      } else if (d === 0x22 || d === 0x27 || isWordStart(d)) {
        this.report('json-missing-comma', `missing comma after the value on line ${this.lineOf(afterValue)}: put "," between the fields.`, afterValue);
      } else if (this.pos >= t.length) {
        this.stop('json-unexpected-end', `the file ends before the object that starts on line ${this.lineOf(open)} is closed with "}".`, this.pos);
      } else {
        this.stop('json-syntax', `a comma or "}" was expected after the value on line ${this.lineOf(afterValue)}, but found ${this.found(this.pos)}.`, this.pos);
      }
    }
  }

  private parseArray(depth: number, e: number): unknown[] {
    const t = this.text;
    const open = this.pos;
    const arr: unknown[] = [];
    const g = this.tables;
    let prev = -1;
    this.pos++;
    this.skipWs();
    if (t.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
            return arr;
    }
    for (;;) {
      this.skipWs();
      const index = arr.length;
      this.path.push(index);
      const m = this.entry(-1);
      if (prev < 0) g.first[e] = m;
      else g.next[prev] = m;
      prev = m;
      arr.push(this.parseValue(depth, m));
      this.path.pop();
      const afterValue = this.pos;
      this.skipWs();
      const d = t.charCodeAt(this.pos);
      if (d === 0x2c) {
        const comma = this.pos;
        this.pos++;
        this.skipWs();
        if (t.charCodeAt(this.pos) === 0x5d) {
          this.report('json-trailing-comma', `there is a comma after the last item of the list on line ${this.lineOf(comma)}: remove it (JSON allows no comma before "]").`, comma);
          this.pos++;
                    return arr;
        }
      } else if (d === 0x5d) {
        this.pos++;
                return arr;
      } else if (d === 0x22 || d === 0x7b || d === 0x5b || (d >= 0x30 && d <= 0x39) || d === 0x2d || isWordStart(d)) {
        this.report('json-missing-comma', `missing comma after the value on line ${this.lineOf(afterValue)}: put "," between the items of the list.`, afterValue);
      } else if (this.pos >= t.length) {
        this.stop('json-unexpected-end', `the file ends before the list that starts on line ${this.lineOf(open)} is closed with "]".`, this.pos);
      } else {
        this.stop('json-syntax', `a comma or "]" was expected after the value on line ${this.lineOf(afterValue)}, but found ${this.found(this.pos)}.`, this.pos);
      }
    }
  }

  /** Where the first occurrence of a key in object entry e stands. */
  private firstKeyAt(e: number, key: string): number | undefined {
    const g = this.tables;
    for (let m = g.first[e]; m >= 0; m = g.next[m]) if (this.keyAtOffset(g.keyAt[m]) === key) return g.keyAt[m];
    return undefined;
  }

  private parseString(): string {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    let chunk = i;
    let out = '';
    for (;;) {
      if (i >= t.length) {
        this.stop('json-unterminated-string', `unterminated string: the text that starts here (line ${this.lineOf(start)}) has no closing double quote (").`, start);
      }
      STRING_SPECIAL.lastIndex = i;
      const m = STRING_SPECIAL.exec(t);
      if (m === null) i = t.length;
      else i = m.index;
      if (i >= t.length) continue;
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        this.pos = i + 1;
        return chunk === start + 1 ? t.slice(chunk, i) : out + t.slice(chunk, i);
      }
      if (c === 0x5c) {
        out += t.slice(chunk, i);
        const e = t.charCodeAt(i + 1);
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else if (e === 0x75 && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          this.report(
            'json-invalid-escape',
            `"\\${t[i + 1] ?? ''}" is not a valid escape in a JSON string: write "\\\\" for a backslash, "\\"" for a quote, "\\n" for a new line.`,
            i,
          );
          out += '\\';
          i += 1;
        }
        chunk = i;
      } else if (c < 0x20) {
        if (c === 0x0a || c === 0x0d) {
          this.stop(
            'json-unterminated-string',
            `unterminated string: the text that starts on line ${this.lineOf(start)} has no closing double quote (") before the end of the line. Add the quote; write \\n for a line break inside a text.`,
            start,
          );
        }
        this.report('json-control-character', `a ${c === 0x09 ? 'tab' : 'control'} character inside a text is not allowed in JSON: ${c === 0x09 ? 'write \\t or a space' : 'remove it'}.`, i);
        i++;
      } else i++;
    }
  }

  private parseSingleQuoted(): string {
    const t = this.text;
    const start = this.pos;
    const end = t.indexOf("'", start + 1);
    const nl = t.indexOf('\n', start + 1);
    if (end < 0 || (nl >= 0 && nl < end)) {
      this.stop('json-single-quotes', `text must be in double quotes ("), not single quotes ('), and this one is not closed on line ${this.lineOf(start)}.`, start);
    }
    const value = t.slice(start + 1, end);
    this.report('json-single-quotes', `text must be in double quotes, not single quotes: write "${value}".`, start);
    this.pos = end + 1;
    return value;
  }

  private parseNumber(): number {
    const t = this.text;
    const start = this.pos;
    let i = start;
    for (;;) {
      const c = t.charCodeAt(i);
      if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45) i++;
      else break;
    }
    const raw = t.slice(start, i);
    this.pos = i;
    if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(raw)) {
      const n = Number(raw);
      this.report('json-invalid-number', `"${raw}" is not a valid JSON number: write numbers like 12, -3 or 0.5 (no leading "+" or zeros, digits on both sides of the point).`, start);
      return Number.isFinite(n) ? n : 0;
    }
    return Number(raw);
  }

  private parseWord(): unknown {
    const t = this.text;
    const start = this.pos;
    while (this.pos < t.length && isWordChar(t.charCodeAt(this.pos))) this.pos++;
    const word = t.slice(start, this.pos);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    const fix = WORD_FIX[word];
    if (fix) {
      this.report('json-syntax', `"${word}" is not a JSON value: ${fix.fix}.`, start);
      return fix.value;
    }
    this.report('json-syntax', `the text ${word} must be in double quotes: write "${word}".`, start);
    return word;
  }
}
