/**
 * Picking the words of a Text (a plain string, or one string per language) for a language.
 */
import type { Lang, Text } from './types';
import { LANGS } from './types';

/**
 * The text in `lang`; when the scenario lacks that language, the first of `fallbacks` it has
 * (by default the other UI languages), then any language it has; '' when there is no text.
 * Plain strings are returned as they are.
 */
export function t(text: Text | undefined | null, lang: Lang, fallbacks: readonly Lang[] = LANGS): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  const own = text[lang];
  if (typeof own === 'string') return own;
  for (const other of fallbacks) {
    const value = text[other];
    if (typeof value === 'string') return value;
  }
  for (const key of Object.keys(text) as Lang[]) {
    const value = text[key];
    if (typeof value === 'string') return value;
  }
  return '';
}

/** The languages a Text provides (empty for an absent text; every language for a plain string). */
export function textLangs(text: Text | undefined | null): Lang[] {
  if (text == null) return [];
  if (typeof text === 'string') return [...LANGS];
  return LANGS.filter((lang) => typeof text[lang] === 'string');
}

/** Whether a character is white space as String.prototype.trim sees it (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The length `s.trim()` would have, without building the trimmed string (the validator asks this
 * for every text of a file, and usually the first character already decides).
 */
export function trimmedLength(s: string): number {
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  return end - start;
}

/**
 * Characters that show nothing: format characters (zero-width space and joiners, bidi marks, the
 * word joiner, soft hyphen), the combining grapheme joiner, Hangul fillers and the blank Braille
 * pattern. A text of only these (and white space) is a blank button.
 */
const INVISIBLE = /^[\s\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u2800]*$/u;

/**
 * Whether a string shows nothing: empty, only white space (as `s.trim() === ''`, without the
 * copy), or only characters that show nothing (a zero-width space).
 */
export function isBlank(s: string): boolean {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  if (i === s.length) return true;
  // Usually the first character decides: anything visible in ASCII.
  if (s.charCodeAt(i) < 0x80) return false;
  return INVISIBLE.test(s);
}
