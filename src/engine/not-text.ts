/**
 * Recognising a file that is not plain text, so it gets one sentence about what it is instead of
 * a byte error at every place: a Word document (or another zipped office file), an old Word
 * .doc, a PDF, formatted text (RTF, what WordPad and TextEdit save by default), or any other
 * binary file. Pure.
 */

export type NotTextKind = 'word' | 'pdf' | 'rtf' | 'binary';

const starts = (bytes: Uint8Array, ...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * What kind of non-text file `bytes` is, or null for text. Call it after `utf16Order`: a UTF-16
 * text has zero bytes too.
 */
export function notTextKind(bytes: Uint8Array): NotTextKind | null {
  // .docx, .odt and .zip files start with a zip header; .doc with an OLE header.
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04) || starts(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'word';
  if (starts(bytes, ...ascii('%PDF-'))) return 'pdf';
  if (starts(bytes, ...ascii('{\\rtf'))) return 'rtf';
  // No text file, in any encoding but UTF-16 and UTF-32, has a zero byte; JSON allows none.
  if (bytes.subarray(0, 8192).includes(0)) return 'binary';
  return null;
}
