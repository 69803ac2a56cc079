/**
 * A small ICU MessageFormat subset for UI strings: `{name}` placeholders, and
 * `{count, plural, =0 {none} one {# run} other {# runs}}` / `{kind, select, a {…} other {…}}`
 * blocks (nestable), with `#` replaced by the formatted number inside a plural branch.
 * Plural categories come from Intl.PluralRules for the message's language.
 */

import { isolate } from './untrusted';

export type Params = Record<string, string | number | null | undefined>;

const pluralRules = new Map<string, Intl.PluralRules>();
function rulesFor(lang: string): Intl.PluralRules {
  let r = pluralRules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    pluralRules.set(lang, r);
  }
  return r;
}

/** Finds the index of the `}` that closes the `{` at `open`. Returns -1 when unbalanced. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Parses `key {text} key2 {text2}` into a map of branch texts. */
function branches(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    while (i < body.length && /\s/.test(body[i])) i++;
    const start = i;
    while (i < body.length && body[i] !== '{' && !/\s/.test(body[i])) i++;
    const key = body.slice(start, i);
    while (i < body.length && /\s/.test(body[i])) i++;
    if (body[i] !== '{') break;
    const end = closing(body, i);
    if (end < 0) break;
    out.set(key, body.slice(i + 1, end));
    i = end + 1;
  }
  return out;
}

/**
 * Formats a message with parameters. Unknown placeholders are left visible (`{name}`) so a
 * missing parameter is noticed rather than silently dropped.
 */
export function formatMessage(message: string, params: Params = {}, lang = 'nl', hash?: string): string {
  // Most UI strings have nothing to fill in.
  if (hash === undefined && message.indexOf('{') < 0) return message;
  let out = '';
  let i = 0;
  while (i < message.length) {
    const ch = message[i];
    if (ch === '#' && hash !== undefined) {
      out += hash;
      i++;
      continue;
    }
    if (ch !== '{') {
      out += ch;
      i++;
      continue;
    }
    const end = closing(message, i);
    if (end < 0) {
      out += message.slice(i);
      break;
    }
    const inner = message.slice(i + 1, end);
    const comma = inner.indexOf(',');
    if (comma < 0) {
      const name = inner.trim();
      const value = params[name];
      out += value === undefined || value === null ? `{${name}}` : formatValue(value, lang);
    } else {
      const name = inner.slice(0, comma).trim();
      const rest = inner.slice(comma + 1);
      const comma2 = rest.indexOf(',');
      const kind = (comma2 < 0 ? rest : rest.slice(0, comma2)).trim();
      const body = comma2 < 0 ? '' : rest.slice(comma2 + 1);
      const choices = branches(body);
      const value = params[name];
      if (kind === 'plural') {
        const n = typeof value === 'number' ? value : Number(value ?? 0);
        const exact = choices.get(`=${n}`);
        const cat = rulesFor(lang).select(n);
        const branch = exact ?? choices.get(cat) ?? choices.get('other') ?? '';
        out += formatMessage(branch, params, lang, formatValue(n, lang));
      } else if (kind === 'select') {
        const branch = choices.get(String(value)) ?? choices.get('other') ?? '';
        out += formatMessage(branch, params, lang, hash);
      } else {
        out += value === undefined || value === null ? `{${name}}` : formatValue(value, lang);
      }
    }
    i = end + 1;
  }
  return out;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A value put into a sentence: text is often the user's (a name, a title), so it is isolated (untrusted.ts). */
function formatValue(v: string | number, lang: string): string {
  if (typeof v !== 'number') return isolate(v);
  // Small integers print the same in Dutch and English; Intl constructors are slow on phones.
  if (Number.isInteger(v) && Math.abs(v) < 1000) return String(v);
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang)));
  return f.format(v);
}

/**
 * A sentence whose last words are a title that ends in its own mark ("…nog iets warms?" in
 * "Zaal open: {scenario}.") keeps that mark alone: "…warms?", never "…warms?.".
 */
export function oneFullStop(sentence: string): string {
  return sentence.replace(/([.?!…]\u2069?)\.$/u, '$1');
}
