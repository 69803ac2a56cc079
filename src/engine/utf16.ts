/**
 * Recognising a file saved as UTF-16, which Windows Notepad calls "Unicode": the validator and
 * the authoring screen's source view both read such a file as its text. Pure, and kept apart from
 * json-decode.ts so the source view does not load the validator's messages.
 */

/**
 * The UTF-16 byte order of a file saved as UTF-16 ("Unicode" in Windows Notepad, "UTF-16 LE" in
 * VS Code), or null: by its byte-order mark, or else by the zero bytes beside the ASCII
 * characters a JSON file starts with (RFC 4627, section 3). A JSON file in UTF-8 has no zero bytes.
 */
export function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (bytes.length < 4) return null;
  if (a !== 0 && b === 0 && c !== 0 && d === 0) return 'utf-16le';
  if (a === 0 && b !== 0 && c === 0 && d !== 0) return 'utf-16be';
  return null;
}
