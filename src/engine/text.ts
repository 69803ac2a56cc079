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

/** Whether a string is empty or only white space (as `s.trim() === ''`, without the copy). */
export function isBlank(s: string): boolean {
  return trimmedLength(s) === 0;
}
