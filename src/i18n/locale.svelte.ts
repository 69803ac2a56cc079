/**
 * The UI language and its messages, as one reactive object. Owns `<html lang>` and a synchronous
 * copy of the chosen language in localStorage (so the first paint is already in the right
 * language; the saved setting in the store stays the source of truth, see app.svelte.ts).
 */
import type { Lang } from '../engine/types';
import { formatMessage, type Params } from './format';
import { LANG_KEY as LANG_CACHE_KEY, noteStored } from '../boot/protocol';

export type MessageTree = { [key: string]: string | MessageTree };
export type Messages = Record<Lang, MessageTree>;


/** Picks nl or en from the browser's preferred languages, else Dutch. */
export function detectLang(languages: readonly string[] | undefined): Lang {
  for (const l of languages ?? []) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'nl' || base === 'en') return base;
  }
  return 'nl';
}

function lookup(tree: MessageTree | undefined, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export class Locale {
  /** The language the UI shows now. */
  lang = $state<Lang>('nl');
  /** Bumped when an area registers messages, so lookups re-run. */
  #version = $state(0);
  #messages: Messages = { nl: {}, en: {} };
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain cache, not UI state
  #areas = new Set<string>();

  constructor(initial?: Lang) {
    this.lang = initial ?? 'nl';
  }

  /**
   * Adds an area's messages. `area` '' merges at the top (the core strings); any other area is
   * looked up under its name, e.g. registerMessages('teams', …) then t('teams.board.title').
   */
  register(area: string, messages: Messages): void {
    for (const lang of ['nl', 'en'] as const) {
      if (area === '') Object.assign(this.#messages[lang], messages[lang]);
      else this.#messages[lang][area] = messages[lang];
    }
    this.#areas.add(area);
    this.#version++;
  }

  has(area: string): boolean {
    return this.#areas.has(area);
  }

  /** Switches the UI language and updates `<html lang>`. */
  set(lang: Lang): void {
    this.lang = lang;
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
    try {
      if (globalThis.localStorage) {
        globalThis.localStorage.setItem(LANG_CACHE_KEY, lang);
        noteStored();
      }
    } catch {
      /* storage may be unavailable (private mode): the store keeps the setting */
    }
  }

  /** The language cached from an earlier visit, if any. */
  cached(): Lang | null {
    try {
      const v = globalThis.localStorage?.getItem(LANG_CACHE_KEY);
      return v === 'nl' || v === 'en' ? v : null;
    } catch {
      return null;
    }
  }

  /** Looks a key up in the current language (falling back to the other), then formats it. */
  t(key: string, params?: Params): string {
    void this.#version;
    const lang = this.lang;
    const other: Lang = lang === 'nl' ? 'en' : 'nl';
    const msg = lookup(this.#messages[lang], key) ?? lookup(this.#messages[other], key);
    if (msg === undefined) {
      if (import.meta.env?.DEV) console.warn(`[i18n] missing key ${key}`);
      return key;
    }
    return formatMessage(msg, params, lang);
  }
}
