/**
 * UI strings in Dutch and English. `t(key, params)` is reactive to the language: read it in a
 * template or $derived and it re-runs when the language changes. Lazily loaded areas bring their
 * own files: `registerMessages('teams', { nl, en })` then `t('teams.board.title')`.
 *
 * Language choice: the saved setting, else the browser's languages (nl/en), else Dutch
 * (see app.svelte.ts, which loads the saved setting and calls setLang).
 */
import type { Lang } from '../engine/types';
import { Locale, detectLang, type Messages, type MessageTree } from './locale.svelte';
import type { Params } from './format';
import nl from './core.nl.json';
import en from './core.en.json';

export type { Params, Messages, MessageTree };
export { detectLang, Locale };
export { formatMessage, oneFullStop } from './format';

/** The one UI locale. */
export const locale = new Locale(
  new Locale().cached() ?? detectLang(typeof navigator !== 'undefined' ? navigator.languages : undefined),
);
locale.register('', { nl, en });

/**
 * Puts the UI language on `<html lang>`; the app's start calls it right after loading this module.
 * Not done while the module is evaluated: a DOM write there makes a profiler (DevTools, Lighthouse)
 * re-read the whole chunk to place it in the source, a long task on a slow phone. Only when it
 * differs: a pre-rendered page has set it already, and writing the same value again still makes
 * the browser restyle the whole page.
 */
export function showLang(): void {
  if (typeof document !== 'undefined' && document.documentElement.lang !== locale.lang) document.documentElement.lang = locale.lang;
}

/** Translates a UI key, e.g. t('play.mood_label', { mood: 'calm' }). */
export function t(key: string, params?: Params): string {
  return locale.t(key, params);
}

/** Registers a lazily loaded area's messages: keys become `<area>.<key>`. */
export function registerMessages(area: string, messages: { nl: MessageTree; en: MessageTree }): void {
  locale.register(area, messages);
}

/** The current UI language (reactive). */
export function currentLang(): Lang {
  return locale.lang;
}

/**
 * The locale dates and times are written in for a UI language: English as in Britain (6 Dec 2026,
 * 14:05), like the Dutch 24-hour clock, not the US default of a bare 'en' (Dec 6, 2026, 2:05 PM).
 */
export function dateLocale(lang: Lang = locale.lang): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB';
}

/** Switches the language now (app.setLang also saves it in the settings). */
export function setLang(lang: Lang): void {
  locale.set(lang);
}
