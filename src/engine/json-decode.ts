/**
 * Turning a scenario file's bytes into text: files over 5 MB are refused, a file saved as UTF-16
 * (Windows Notepad's "Unicode") is read as such, and invalid UTF-8 is reported at each place
 * (line, column and byte offset) instead of being replaced. Pure.
 */
import { msg, type MessageRef } from './message-args';
import { englishText } from './messages-en';
import { notTextKind } from './not-text';
import { utf16Order } from './utf16';

/** The largest scenario file accepted, in bytes (5 MB). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A problem found while decoding, at a 1-based line and column and a byte offset. */
export interface DecodeProblem {
  code: string;
  /** The English sentence. */
  message: string;
  /** The message's key and facts, to put it into words in any language (message-catalog.ts). */
  ref: MessageRef;
  line: number;
  column: number;
  offset: number;
  /**
   * Set when the problem is about the file as a whole (too large, not text, empty), not a place
   * in it: line and column are then 1:1 and mean nothing to the reader.
   */
  wholeFile?: true;
}

/** The decoded text (without a byte-order mark), or null and the problems that stopped decoding. */
export interface DecodeResult {
  text: string | null;
  problems: DecodeProblem[];
}

/** A problem with its English sentence, at a place in the file. */
export function problem(ref: MessageRef, line = 1, column = 1, offset = 0): DecodeProblem {
  return { code: ref.key, message: englishText(ref), ref, line, column, offset };
}

/** A problem about the file as a whole, not a place in it (see DecodeProblem.wholeFile). */
export function wholeFileProblem(ref: MessageRef): DecodeProblem {
  return { ...problem(ref), wholeFile: true };
}

/** The problem reported for a file over 5 MB (also used by the CLI before reading such a file). */
export function tooLarge(bytes: number): DecodeProblem {
  return wholeFileProblem(msg('file-too-large', { bytes }));
}

/** Byte offsets where a UTF-8 sequence is invalid (at most `max`), following the rules of a strict decoder. */
export function findInvalidUtf8(bytes: Uint8Array, max = 20): number[] {
  const bad: number[] = [];
  let i = 0;
  while (i < bytes.length && bad.length < max) {
    const b = bytes[i];
    // How many continuation bytes follow, and the range allowed for the first of them.
    let [need, lo, hi] = [0, 0x80, 0xbf];
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) [need, lo, hi] = [2, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf];
    else if (b >= 0xf0 && b <= 0xf4) [need, lo, hi] = [3, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf];
    else need = -1;
    let ok = need >= 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      ok = c !== undefined && c >= (k === 1 ? lo : 0x80) && c <= (k === 1 ? hi : 0xbf);
    }
    if (ok) i += need + 1;
    else bad.push(i++);
  }
  return bad;
}

/**
 * Windows-1252 ("ANSI") at 0x80–0x9F, where it differs from Latin-1 (the WHATWG index; null where
 * it has no character). Written out because Node's TextDecoder (20, without full ICU) decodes
 * "windows-1252" as Latin-1 there, so the command line named Word's quotes and € as invisible
 * control characters.
 */
const CP1252_80_9F = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

/** The character a byte that is not UTF-8 stands for in Windows-1252, or null. */
function ansiChar(b: number): string | null {
  if (b < 0x80 || b > 0xff) return null;
  if (b >= 0xa0) return String.fromCharCode(b);
  const c = CP1252_80_9F[b - 0x80];
  return c === '\u0000' ? null : c;
}

/**
 * Where the lines of a text, or of its UTF-8 bytes, start: at 0 and just after each "\n" (a "\r\n"
 * ends its line at the "\n"). Made once per file; `lineAt` then finds each problem's line.
 */
export function lineStarts(text: string | Uint8Array): number[] {
  const next = (from: number) => (typeof text === 'string' ? text.indexOf('\n', from) : text.indexOf(0x0a, from));
  const starts = [0];
  for (let i = next(0); i >= 0; i = next(i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line of an offset: the last line start at or before it, by binary search. */
export function lineAt(starts: readonly number[], offset: number): number {
  let [low, high] = [0, starts.length - 1];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** The line and column (in UTF-16 units, as an editor shows them) of a byte offset. */
function placeOfByte(bytes: Uint8Array, starts: readonly number[], offset: number): { line: number; column: number } {
  const line = lineAt(starts, offset);
  // Skip a BOM on the first line so columns match what an editor shows.
  const from = line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : starts[line - 1];
  return { line, column: new TextDecoder('utf-8').decode(bytes.subarray(from, Math.max(from, offset))).length + 1 };
}

/**
 * Decodes a scenario file: a string is taken as it is, bytes as UTF-16 when they are (see
 * `utf16Order`), otherwise as strict UTF-8; a leading byte-order mark is removed. Files over
 * 5 MB are refused before any decoding.
 */
export function decodeScenarioText(input: string | Uint8Array): DecodeResult {
  if (typeof input === 'string') {
    const bytes = new TextEncoder().encode(input).length;
    if (bytes > MAX_FILE_BYTES) return { text: null, problems: [tooLarge(bytes)] };
    return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, problems: [] };
  }
  if (input.length > MAX_FILE_BYTES) return { text: null, problems: [tooLarge(input.length)] };
  // Read as UTF-8, such a file would be a byte error at every other byte; its text is fine.
  const utf16 = utf16Order(input);
  if (utf16) return { text: new TextDecoder(utf16).decode(input), problems: [] };
  const kind = notTextKind(input);
  if (kind) return { text: null, problems: [wholeFileProblem(msg('not-text', { kind }))] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(input), problems: [] };
  } catch {
    const starts = lineStarts(input);
    const problems = findInvalidUtf8(input).map((offset) => {
      const { line, column } = placeOfByte(input, starts, offset);
      const b = input[offset];
      const ansi = ansiChar(b);
      return problem(msg('invalid-utf8', { byte: b, offset, ansi }), line, column, offset);
    });
    return { text: null, problems: problems.length ? problems : [wholeFileProblem(msg('invalid-utf8', { byte: null }))] };
  }
}
