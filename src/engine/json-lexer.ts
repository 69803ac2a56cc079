/**
 * The token level of the JSON scanner: whitespace and comments, strings, numbers and bare words,
 * with the problem reporting they share. Recoverable slips (single quotes, a comment, True, 02)
 * are reported and read anyway; the rest stops the scan. Used only by json-scanner.ts.
 */
import type { JsonPath } from './contract';
import type { JsonLocation } from './json-parse';
import type { Found, FoundHint, MessageRef } from './message-args';
import { messageText, msg } from './message-catalog';

/** A syntax or safety problem found while parsing. */
export interface ParseProblem {
  code: string;
  /** The English sentence. */
  message: string;
  /** The message's key and facts, to put it into words in any language (message-catalog.ts). */
  ref: MessageRef;
  line: number;
  column: number;
  offset: number;
  path: JsonPath;
}

/** Thrown inside the scanner to stop at a fatal problem; never escapes parseJson. */
export class Abort {}

/** After this many syntax problems the scanner stops (the rest is probably one mistake repeated). */
export const MAX_PROBLEMS = 100;

type WordFix = 'lowercase-true' | 'lowercase-false' | 'null' | 'leave-out' | 'number';
const WORD_FIX: Record<string, { value: unknown; fix: WordFix }> = {
  True: { value: true, fix: 'lowercase-true' },
  TRUE: { value: true, fix: 'lowercase-true' },
  False: { value: false, fix: 'lowercase-false' },
  FALSE: { value: false, fix: 'lowercase-false' },
  None: { value: null, fix: 'null' },
  NULL: { value: null, fix: 'null' },
  Null: { value: null, fix: 'null' },
  undefined: { value: null, fix: 'leave-out' },
  NaN: { value: null, fix: 'number' },
  Infinity: { value: null, fix: 'number' },
};

const ESCAPES: Record<number, string> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
/** A character the number scanner below reads as part of a number. */
function isNumberChar(c: number): boolean {
  return isDigit(c) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45;
}

/** A character that can continue a bare word (letters, digits, _ $ -). */
export function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || c === 0x2d;
}
/** A character that can start a bare word. */
export function isWordStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x24;
}

/** Scans tokens of a JSON text; JsonScanner builds the values on top of it. */
export class JsonLexer {
  pos = 0;
  fatal = false;
  readonly problems: ParseProblem[] = [];
  protected readonly path: JsonPath = [];

  constructor(
    protected readonly text: string,
    protected readonly toLoc: (offset: number) => JsonLocation,
  ) {}

  protected report(ref: MessageRef, offset: number): void {
    const { line, column } = this.toLoc(offset);
    this.problems.push({ code: ref.key, message: messageText('en', ref), ref, line, column, offset, path: [...this.path] });
    if (this.problems.length >= MAX_PROBLEMS) {
      this.stop(msg('json-too-many-problems', { max: MAX_PROBLEMS }), offset);
    }
  }

  protected stop(ref: MessageRef, offset: number): never {
    if (ref.key !== 'json-too-many-problems' || this.problems.length < MAX_PROBLEMS + 1) {
      const { line, column } = this.toLoc(offset);
      this.problems.push({ code: ref.key, message: messageText('en', ref), ref, line, column, offset, path: [...this.path] });
    }
    throw new Abort();
  }

  protected lineOf(offset: number): number {
    return this.toLoc(offset).line;
  }

  /** Describes what stands at an offset, for "found ..." in messages (null: the end of the file). */
  protected found(i: number): Found {
    if (i >= this.text.length) return null;
    let j = i;
    while (j < this.text.length && j - i < 20 && isWordChar(this.text.charCodeAt(j))) j++;
    if (j > i) return `"${this.text.slice(i, j)}"`;
    return `"${this.text[i]}"`;
  }

  protected skipWs(): void {
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
          if (close < 0) this.stop(msg('json-comment', { unclosed: true }), start);
          this.pos = close + 2;
        }
        this.report(msg('json-comment', { unclosed: false }), start);
      } else return;
    }
  }

  protected hintFor(c: number): FoundHint {
    if (c === 0x2c) return 'comma';
    if (c === 0x7d || c === 0x5d) return 'close';
    if (c === 0x201c || c === 0x201d) return 'curly';
    return 'quotes';
  }

  protected parseString(): string {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    let chunk = i;
    let out = '';
    for (;;) {
      if (i >= t.length) {
        this.stop(msg('json-unterminated-string', { line: this.lineOf(start), atLineEnd: false }), start);
      }
      // A plain loop rather than a regular expression: exec() allocates a match per call, and
      // at one call per string that was most of the parser's garbage on big files.
      let c = t.charCodeAt(i);
      while (c !== 0x22 && c !== 0x5c && c >= 0x20) c = t.charCodeAt(++i);
      if (i >= t.length) continue;
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
          this.report(msg('json-invalid-escape', { char: t[i + 1] ?? '' }), i);
          out += '\\';
          i += 1;
        }
        chunk = i;
      } else if (c < 0x20) {
        if (c === 0x0a || c === 0x0d) {
          this.stop(msg('json-unterminated-string', { line: this.lineOf(start), atLineEnd: true }), start);
        }
        this.report(msg('json-control-character', { tab: c === 0x09 }), i);
        i++;
      } else i++;
    }
  }

  protected parseSingleQuoted(): string {
    const t = this.text;
    const start = this.pos;
    const end = t.indexOf("'", start + 1);
    const nl = t.indexOf('\n', start + 1);
    if (end < 0 || (nl >= 0 && nl < end)) {
      this.stop(msg('json-single-quotes', { line: this.lineOf(start), value: null }), start);
    }
    const value = t.slice(start + 1, end);
    this.report(msg('json-single-quotes', { line: this.lineOf(start), value }), start);
    this.pos = end + 1;
    return value;
  }

  protected parseNumber(): number {
    const t = this.text;
    const start = this.pos;
    // Fast path for the usual small integers (-2, 0, 15): read the digits directly, without
    // slicing a string and testing it with a regular expression for every number.
    let k = start;
    const negative = t.charCodeAt(k) === 0x2d;
    if (negative) k++;
    let d = t.charCodeAt(k);
    if (d >= 0x30 && d <= 0x39 && !(d === 0x30 && isDigit(t.charCodeAt(k + 1)))) {
      let n = 0;
      while (d >= 0x30 && d <= 0x39 && k - start < 15) {
        n = n * 10 + (d - 0x30);
        d = t.charCodeAt(++k);
      }
      if (!isNumberChar(d)) {
        this.pos = k;
        return negative ? -n : n;
      }
    }
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
      this.report(msg('json-invalid-number', { raw }), start);
      return Number.isFinite(n) ? n : 0;
    }
    return Number(raw);
  }

  protected parseWord(): unknown {
    const t = this.text;
    const start = this.pos;
    while (this.pos < t.length && isWordChar(t.charCodeAt(this.pos))) this.pos++;
    // Compared in place: a big file's thousands of true and false make no strings.
    const length = this.pos - start;
    if (length === 4 && t.startsWith('true', start)) return true;
    if (length === 5 && t.startsWith('false', start)) return false;
    if (length === 4 && t.startsWith('null', start)) return null;
    const word = t.slice(start, this.pos);
    const fix = WORD_FIX[word];
    if (fix) {
      this.report(msg('json-syntax', { kind: 'word', word, fix: fix.fix }), start);
      return fix.value;
    }
    this.report(msg('json-syntax', { kind: 'bare-word', word }), start);
    return word;
  }
}
