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
  if (text == null || typeof text === 'string') return text ?? '';
  const found = [lang, ...fallbacks, ...Object.keys(text)].map((l) => text[l as Lang]).find((v) => typeof v === 'string');
  return found ?? '';
}

/**
 * Characters that show nothing: format characters (zero-width space and joiners, bidi marks, the
 * word joiner, soft hyphen), the combining grapheme joiner, Hangul fillers and the blank Braille
 * pattern. A text of only these (and white space) is a blank button.
 */
const INVISIBLE = /^[\s\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u2800]*$/u;

/** Whether a string shows nothing: empty, only white space, or only characters that show nothing (a zero-width space). */
export function isBlank(s: string): boolean {
  return INVISIBLE.test(s);
}
