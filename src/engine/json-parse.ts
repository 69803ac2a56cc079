/**
 * The JSON parser for untrusted scenario files. It never throws, and it records where every value
 * and every object key stands, so any problem can be placed at a line and column. It reads on past
 * the slips people make by hand (a missing or trailing comma, a comment, single quotes, an unquoted
 * name, True), reporting each; reports duplicate keys; never lets `__proto__`, `constructor` or
 * `prototype` reach an object; and refuses nesting deeper than 64 levels.
 *
 * Tokens come from jsonc-parser's scanner (strings, escapes, comments, keywords). The parsing on
 * top is our own: jsonc-parser's parser drops a member whose name is unquoted or whose colon is
 * missing, and reads `'shop'`, `02` or `True` as no value at all, while the fixtures
 * syntax-slips and syntax-missing-colon expect these read, reported and the rest checked.
 */
import { createScanner, type JSONScanner } from 'jsonc-parser';
import type { JsonPath } from './contract';
import { decodeScenarioText, lineAt, lineStarts, problem, wholeFileProblem, type DecodeProblem } from './json-decode';
import { msg, type Found, type FoundHint, type MessageRef, type WordFix } from './message-args';

/** The deepest nesting of objects and arrays accepted. */
export const MAX_JSON_DEPTH = 64;
/** After this many syntax problems parsing stops (the rest is probably one mistake repeated). */
const MAX_PROBLEMS = 100;

/** A syntax, encoding or safety problem found while parsing, with the path of the value it is in. */
export interface ParseProblem extends DecodeProblem {
  path: JsonPath;
}

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
  /** True when a problem stopped parsing. */
  fatal: boolean;
  /** Every syntax and safety problem, in file order. */
  problems: ParseProblem[];
  /** Where the value at this path starts; the nearest existing ancestor when it does not exist. */
  locate(path: JsonPath): JsonLocation;
  /** Where the key of this object member starts (falls back to `locate`). */
  locateKey(path: JsonPath): JsonLocation;
  /** True when a value exists at this path. */
  has(path: JsonPath): boolean;
}

/** Where a value stands: its offset, its key and the key's offset (objects), and its members' places. */
interface Place {
  at: number;
  key?: string;
  keyAt?: number;
  /** An array's items or an object's members, in file order. */
  members?: Place[];
  list?: boolean;
}

/** The place of a member of a container, if it exists (the last of duplicate keys, as in the value). */
function memberOf(place: Place, seg: string | number): Place | undefined {
  if (place.list) return typeof seg === 'number' ? place.members?.[seg] : undefined;
  return place.members?.filter((m) => m.key === seg).pop();
}

/** jsonc-parser's token kinds (its SyntaxKind is a const enum, which isolated modules cannot import). */
const TOKEN = { '{': 1, '}': 2, '[': 3, ']': 4, ',': 5, ':': 6, null: 7, true: 8, false: 9, string: 10, lineComment: 12, blockComment: 13, lineBreak: 14, space: 15, eof: 17 };
/** jsonc-parser's scan errors that matter here. */
const SCAN_ERROR = { unclosedComment: 1, unclosedString: 2 };
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Words people write for true, false, null or a number, with what they likely meant and the fix. */
const WORD_FIXES: { words: string[]; value: unknown; fix: WordFix }[] = [
  { words: ['True', 'TRUE'], value: true, fix: 'lowercase-true' },
  { words: ['False', 'FALSE'], value: false, fix: 'lowercase-false' },
  { words: ['None', 'NULL', 'Null'], value: null, fix: 'null' },
  { words: ['undefined'], value: null, fix: 'leave-out' },
  { words: ['NaN', 'Infinity'], value: null, fix: 'number' },
];
const ESCAPE = /\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/g;
const ESCAPED: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const WORD = /[A-Za-z0-9_$-]+/y;
const NUMBER_CHARS = /[-+.0-9eE]+/y;
const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const WORD_START = /[A-Za-z_$]/;
const VALUE_START = /["{[0-9A-Za-z_$-]/;

/** Thrown to stop at a fatal problem; never escapes parseJson. */
class Stop {}

/** A function from UTF-16 offset to 1-based line and column (in UTF-16 units, as editors count). */
function lineLocator(text: string): (offset: number) => JsonLocation {
  const starts = lineStarts(text);
  return (offset) => {
    const line = lineAt(starts, offset);
    return { line, column: offset - starts[line - 1] + 1, offset };
  };
}

/** One parse of one text; see the module comment. */
class Parser {
  readonly problems: ParseProblem[] = [];
  private readonly scanner: JSONScanner;
  private readonly path: JsonPath = [];
  /** Where the last value read ends (for "after the value on line …"). */
  private lastEnd = 0;

  constructor(
    private readonly text: string,
    private readonly toLoc: (offset: number) => JsonLocation,
  ) {
    this.scanner = createScanner(text, false);
  }

  private problem(ref: MessageRef, offset: number): ParseProblem {
    const { line, column } = this.toLoc(offset);
    return { ...problem(ref, line, column, offset), path: [...this.path] };
  }

  /** Records a problem and reads on. */
  private report(ref: MessageRef, offset: number): void {
    this.problems.push(this.problem(ref, offset));
    if (this.problems.length >= MAX_PROBLEMS) this.stop(msg('json-too-many-problems', { max: MAX_PROBLEMS }), offset);
  }

  /** Records a problem and stops. */
  private stop(ref: MessageRef, offset: number): never {
    if (this.problems.length <= MAX_PROBLEMS) this.problems.push(this.problem(ref, offset));
    throw new Stop();
  }

  private line(offset: number): number {
    return this.toLoc(offset).line;
  }

  /** Where the current token starts. */
  private get at(): number {
    return this.scanner.getTokenOffset();
  }

  /** The first character of the current token ('' at the end). */
  private get char(): string {
    return this.text.charAt(this.at);
  }

  /** Moves to the next token that is not space or a comment, reporting comments. */
  private next(): number {
    for (;;) {
      const token = this.scanner.scan();
      if (token === TOKEN.lineComment || token === TOKEN.blockComment) {
        const unclosed = this.scanner.getTokenError() === SCAN_ERROR.unclosedComment;
        if (unclosed) this.stop(msg('json-comment', { unclosed }), this.at);
        this.report(msg('json-comment', { unclosed }), this.at);
      } else if (token !== TOKEN.lineBreak && token !== TOKEN.space) return token;
    }
  }

  /** Continues scanning at `end`, after something read here rather than by the scanner. */
  private skipTo(end: number): void {
    this.lastEnd = end;
    this.scanner.setPosition(end);
    this.next();
  }

  /** The word (letters, digits, _ $ -) at an offset, or ''. */
  private wordAt(i: number): string {
    WORD.lastIndex = i;
    return WORD.exec(this.text)?.[0] ?? '';
  }

  /** What stands at an offset, for "found …" in messages (null: the end of the file). */
  private found(i: number): Found {
    if (i >= this.text.length) return null;
    return `"${this.wordAt(i).slice(0, 20) || this.text[i]}"`;
  }

  /** What the character found hints at; for curly quotes, how many the file has (Word may have turned them all). */
  private hinted(c: string): { hint: FoundHint; curly?: number } {
    if (c === ',') return { hint: 'comma' };
    if (c === '}' || c === ']') return { hint: 'close' };
    if (c === '\u201c' || c === '\u201d') return { hint: 'curly', curly: (this.text.match(/[\u201c\u201d]/g) ?? []).length };
    return { hint: 'quotes' };
  }

  /** Parses the whole text; returns the value and its place, or throws Stop. */
  parseDocument(): { value: unknown; place: Place } {
    this.next();
    if (this.scanner.getToken() === TOKEN.eof) {
      // An empty file has no place to point at: it is about the file as a whole.
      this.problems.push({ ...wholeFileProblem(msg('json-empty', {})), path: [] });
      throw new Stop();
    }
    const place: Place = { at: this.at };
    const value = this.parseValue(0, place);
    const end = this.scanner.getTokenOffset();
    if (this.scanner.getToken() !== TOKEN.eof) this.report(msg('json-trailing-text', { line: this.line(this.lastEnd) }), end);
    return { value, place };
  }

  /** Parses the value at the current token and moves past it. */
  private parseValue(depth: number, place: Place): unknown {
    const token = this.scanner.getToken();
    const start = this.at;
    const c = this.char;
    if (token === TOKEN['{'] || token === TOKEN['[']) {
      if (depth >= MAX_JSON_DEPTH) this.stop(msg('json-too-deep', { max: MAX_JSON_DEPTH }), start);
      place.members = [];
      place.list = token === TOKEN['['];
      return place.list ? this.parseArray(depth + 1, place.members) : this.parseObject(depth + 1, place.members);
    }
    if (token === TOKEN.string) return this.moveOn(this.readString());
    if (token === TOKEN.true || token === TOKEN.false) return this.moveOn(token === TOKEN.true);
    if (token === TOKEN.null) return this.moveOn(null);
    if (c === "'") return this.readSingleQuoted();
    if (/[-+.0-9]/.test(c)) return this.readNumber();
    if (WORD_START.test(c)) return this.readWord();
    if (token === TOKEN.eof) this.stop(msg('json-unexpected-end', { list: null, line: 0 }), start);
    this.stop(msg('json-syntax', { kind: 'value-expected', found: this.found(start), ...this.hinted(c) }), start);
  }

  /** Moves past the current token, which held `value`. */
  private moveOn<T>(value: T): T {
    this.lastEnd = this.at + this.scanner.getTokenLength();
    this.next();
    return value;
  }

  /**
   * The current string token's value (the scanner stays on it). A bad escape or a control
   * character is reported, and the text kept as written (jsonc-parser would drop a bad escape).
   */
  private readString(): string {
    const s = this.scanner;
    const start = this.at;
    if (s.getTokenError() === 0) return s.getTokenValue();
    const raw = this.text.slice(start, start + s.getTokenLength());
    const line = raw.split(/[\r\n]/)[0];
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    for (const m of line.matchAll(/\\(["\\/bfnrt]|u[0-9a-fA-F]{4})?|[\x00-\x09\x0b\x0c\x0e-\x1f]/g)) {
      if (m[0] === '\\') this.report(msg('json-invalid-escape', { char: raw.charAt(m.index + 1) }), start + m.index);
      else if (m[0].charAt(0) !== '\\') this.report(msg('json-control-character', { tab: m[0] === '\t' }), start + m.index);
    }
    // jsonc-parser reads a backslash before a line break as a (bad) escape and the string on.
    if (s.getTokenError() === SCAN_ERROR.unclosedString || line !== raw) {
      const atLineEnd = /[\r\n]/.test(raw + this.text.charAt(start + raw.length));
      this.stop(msg('json-unterminated-string', { line: this.line(start), atLineEnd }), start);
    }
    return raw.slice(1, -1).replace(ESCAPE, (_, e: string) => (e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ESCAPED[e]));
  }

  /** A text in single quotes: reported, and read when it closes on the same line. */
  private readSingleQuoted(): string {
    const start = this.at;
    const end = this.text.indexOf("'", start + 1);
    const newline = this.text.indexOf('\n', start + 1);
    if (end < 0 || (newline >= 0 && newline < end)) this.stop(msg('json-single-quotes', { line: this.line(start), value: null }), start);
    const value = this.text.slice(start + 1, end);
    this.report(msg('json-single-quotes', { line: this.line(start), value }), start);
    this.skipTo(end + 1);
    return value;
  }

  /** A number: read by its characters, so that 02, +1 or .5 are reported and read as numbers. */
  private readNumber(): number {
    const start = this.at;
    NUMBER_CHARS.lastIndex = start;
    const raw = NUMBER_CHARS.exec(this.text)?.[0] ?? '';
    const valid = JSON_NUMBER.test(raw);
    if (!valid) this.report(msg('json-invalid-number', { raw }), start);
    this.skipTo(start + raw.length);
    return valid || Number.isFinite(Number(raw)) ? Number(raw) : 0;
  }

  /** A bare word (True, NaN, shop): reported, and read as what it likely meant. */
  private readWord(): unknown {
    const start = this.at;
    const word = this.wordAt(start);
    const fix = WORD_FIXES.find((f) => f.words.includes(word));
    // true, false or null glued to what follows (null+1) reach here: the scanner reads that as one word.
    const literal = word === 'true' || word === 'false' || word === 'null';
    if (!literal) this.report(fix ? msg('json-syntax', { kind: 'word', word, fix: fix.fix }) : msg('json-syntax', { kind: 'bare-word', word }), start);
    this.skipTo(start + word.length);
    return literal ? JSON.parse(word) : fix ? fix.value : word;
  }

  /** A member's name: in double quotes, or (reported) in single quotes or none. */
  private readKey(open: number): string {
    const c = this.char;
    const start = this.at;
    if (this.scanner.getToken() === TOKEN.string) return this.moveOn(this.readString());
    if (c === "'") return this.readSingleQuoted();
    if (WORD_START.test(c)) {
      const key = this.wordAt(start);
      this.report(msg('json-unquoted-key', { key }), start);
      this.skipTo(start + key.length);
      return key;
    }
    if (this.scanner.getToken() === TOKEN.eof) this.stop(msg('json-unexpected-end', { list: false, line: this.line(open) }), start);
    this.stop(msg('json-syntax', { kind: 'key-expected', found: this.found(start), ...this.hinted(c) }), start);
  }

  /**
   * After a member or item: true at the closing bracket (moved past it), false at the start of the
   * next one. A missing comma is reported and read past; a trailing one is reported.
   */
  private atEnd(open: number, list: boolean): boolean {
    const close = list ? TOKEN[']'] : TOKEN['}'];
    const afterValue = this.lastEnd;
    const token = this.scanner.getToken();
    if (token === TOKEN[',']) {
      const comma = this.at;
      this.next();
      if (this.scanner.getToken() !== close) return false;
      this.report(msg('json-trailing-comma', { list, line: this.line(comma) }), comma);
    } else if (token !== close) {
      if (list ? VALUE_START.test(this.char) : /["'A-Za-z_$]/.test(this.char)) {
        this.report(msg('json-missing-comma', { list, line: this.line(afterValue) }), afterValue);
        return false;
      }
      if (token === TOKEN.eof) this.stop(msg('json-unexpected-end', { list, line: this.line(open) }), this.at);
      this.stop(msg('json-syntax', { kind: 'comma-expected', list, line: this.line(afterValue), found: this.found(this.at) }), this.at);
    }
    this.lastEnd = this.at + 1;
    this.next();
    return true;
  }

  private parseObject(depth: number, members: Place[]): Record<string, unknown> {
    const open = this.at;
    const obj: Record<string, unknown> = {};
    this.next();
    if (this.scanner.getToken() === TOKEN['}']) {
      this.atEnd(open, false);
      return obj;
    }
    do {
      const keyAt = this.at;
      const key = this.readKey(open);
      if (this.scanner.getToken() === TOKEN[':']) this.next();
      else if (VALUE_START.test(this.char)) this.report(msg('json-missing-colon', { key }), this.at);
      else this.stop(msg('json-syntax', { kind: 'colon-expected', key, found: this.found(this.at) }), this.at);
      const forbidden = FORBIDDEN_KEYS.has(key);
      if (forbidden) this.report(msg('forbidden-key', { key }), keyAt);
      else if (Object.hasOwn(obj, key)) {
        const first = members.find((m) => m.key === key) as Place;
        const line = this.line(first.keyAt as number);
        // Directly in the scenario's "nodes" or "endings": the key is an id, and the message says so.
        const [within] = this.path;
        const ids = this.path.length === 1 && (within === 'nodes' || within === 'endings');
        this.report(msg('duplicate-key', ids ? { key, line, within } : { key, line }), keyAt);
      }
      const place: Place = { at: this.at, key, keyAt };
      this.path.push(key);
      const value = this.parseValue(depth, place);
      this.path.pop();
      if (!forbidden) {
        // As in JSON.parse, the last of duplicate keys counts (in the first one's order).
        obj[key] = value;
        members.push(place);
      }
    } while (!this.atEnd(open, false));
    return obj;
  }

  private parseArray(depth: number, members: Place[]): unknown[] {
    const open = this.at;
    const list: unknown[] = [];
    this.next();
    if (this.scanner.getToken() === TOKEN[']']) {
      this.atEnd(open, true);
      return list;
    }
    do {
      const place: Place = { at: this.at };
      this.path.push(list.length);
      list.push(this.parseValue(depth, place));
      this.path.pop();
      members.push(place);
    } while (!this.atEnd(open, true));
    return list;
  }
}

/**
 * Parses a scenario file's text or bytes. Never throws. Bytes are decoded as strict UTF-8;
 * files over 5 MB and nesting over 64 levels are refused with a clear problem.
 */
export function parseJson(input: string | Uint8Array): ParsedJson {
  const decoded = decodeScenarioText(input);
  const text = decoded.text ?? '';
  const toLoc = lineLocator(text);
  let value: unknown;
  let root: Place | null = null;
  let problems: ParseProblem[];
  if (decoded.text === null) problems = decoded.problems.map((p) => ({ ...p, path: [] }));
  else {
    const parser = new Parser(text, toLoc);
    try {
      ({ value, place: root } = parser.parseDocument());
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
    }
    problems = parser.problems;
  }
  /** The place at the path, or the nearest existing ancestor's, and whether it is exact. */
  const walk = (path: JsonPath): { place: Place | null; exact: boolean } => {
    let place = root;
    for (const seg of path) {
      const member = place && memberOf(place, seg);
      if (!member) return { place, exact: false };
      place = member;
    }
    return { place, exact: place !== null };
  };
  return {
    value,
    fatal: root === null,
    problems,
    locate: (path) => toLoc(walk(path).place?.at ?? 0),
    locateKey: (path) => {
      const { place, exact } = walk(path);
      return toLoc((exact ? place?.keyAt : undefined) ?? place?.at ?? 0);
    },
    has: (path) => walk(path).exact,
  };
}
