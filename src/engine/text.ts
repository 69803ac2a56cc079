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
