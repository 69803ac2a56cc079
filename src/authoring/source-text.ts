/**
 * The imported file's text as lines for the source view. Decoding never fails (invalid bytes show
 * as U+FFFD, the validator reports them), and a huge file is only ever shown as a window of lines
 * around the place of interest, with over-long lines cut around the column.
 */
import { utf16Order } from '../engine/utf16';

/** Lines drawn at once; a bigger file shows a window around the selected place. */
export const WINDOW_LINES = 400;
/** Characters of one line drawn at once. */
export const LINE_CHARS = 400;

export interface SourceText {
  /** The whole text, exactly as decoded (a BOM kept). */
  text: string;
  lines: string[];
  bytes: number;
}

export function decodeForView(bytes: Uint8Array): SourceText {
  // The same encoding the validator reads (a file saved as UTF-16 is shown as its text).
  const text = new TextDecoder(utf16Order(bytes) ?? 'utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  return { text, lines: text.split(/\r\n|\r|\n/), bytes: bytes.byteLength };
}

export interface ViewLine {
  /** 1-based. */
  number: number;
  /** What is drawn: the line, or a slice of it. */
  text: string;
  /** Column (1-based) of the first character drawn. */
  firstColumn: number;
  cutBefore: boolean;
  cutAfter: boolean;
}

/** The lines to draw, centred on `line` (1-based) and, for long lines, on `column`. */
export function viewWindow(src: SourceText, line: number, column: number): ViewLine[] {
  const total = src.lines.length;
  const half = Math.floor(WINDOW_LINES / 2);
  const from = total <= WINDOW_LINES ? 1 : Math.max(1, Math.min(line - half, total - WINDOW_LINES + 1));
  const to = Math.min(total, from + WINDOW_LINES - 1);
  const out: ViewLine[] = [];
  for (let n = from; n <= to; n++) {
    const full = src.lines[n - 1];
    let start = 0;
    if (full.length > LINE_CHARS) {
      const focus = n === line ? column - 1 : 0;
      start = Math.max(0, Math.min(focus - LINE_CHARS / 2, full.length - LINE_CHARS));
    }
    out.push({
      number: n,
      text: full.slice(start, start + LINE_CHARS),
      firstColumn: start + 1,
      cutBefore: start > 0,
      cutAfter: start + LINE_CHARS < full.length,
    });
  }
  return out;
}
