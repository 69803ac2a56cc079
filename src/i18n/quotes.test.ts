import { describe, expect, it } from 'vitest';
import authorEn from './author.en.json';
import authorNl from './author.nl.json';
import coreEn from './core.en.json';
import coreNl from './core.nl.json';
import screensEn from './screens.en.json';
import screensNl from './screens.nl.json';
import teamsEn from './teams.en.json';
import teamsNl from './teams.nl.json';

/**
 * One style of quotation marks per language in the UI text: Dutch quotes with ‘…’ (as most of its
 * strings already did), English with “…”. Apostrophes are not quotation marks: both languages write
 * them curly, ’ (“auto’s”, “’s ochtends”, “the player’s”), as printed text does; a straight ' reads
 * as typed code on a screen that is otherwise typeset. Placeholders ({name}) and ICU plurals
 * ({count, plural, one {…} other {…}}) hold no quotes, so the text is read as written.
 */

/** Every string with its key path, e.g. ['who.title', 'Wie speelt er?']. */
function strings(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

/** What a language's strings must not contain, with why. */
const RULES = {
  nl: [
    { mark: /"/, why: 'straight double quote: Dutch quotes with ‘…’' },
    { mark: /[“”„]/, why: 'double quotation mark: Dutch quotes with ‘…’' },
    { mark: /'/, why: 'straight apostrophe or quote: Dutch writes ’ (auto’s) and quotes with ‘…’' },
  ],
  en: [
    { mark: /"/, why: 'straight double quote: English quotes with “…”' },
    { mark: /[‘„]/, why: 'single or low quotation mark: English quotes with “…”' },
    { mark: /'/, why: 'straight apostrophe or quote: English writes ’ (the player’s) and quotes with “…”' },
  ],
} as const;

/** The strings of `files` that break a rule, as "key: why: text". */
function offences(lang: keyof typeof RULES, files: unknown[]): string[] {
  return files
    .flatMap((f) => strings(f))
    .flatMap(([key, text]) => RULES[lang].filter((r) => r.mark.test(text)).map((r) => `${key}: ${r.why}: ${text}`));
}

/** Every opening quotation mark of `open` is closed by `close` before the next one opens. */
function unbalanced(files: unknown[], open: string, close: string): string[] {
  return files
    .flatMap((f) => strings(f))
    .filter(([, text]) => {
      let depth = 0;
      for (const ch of text) {
        if (ch === open) depth++;
        // In Dutch ’ is also the apostrophe: only a closing mark after an opening one counts.
        else if (ch === close && depth > 0) depth--;
        else if (ch === close && open === '“') return true;
        if (depth > 1) return true;
      }
      return depth !== 0;
    })
    .map(([key, text]) => `${key}: ${text}`);
}

describe('quotation marks in the UI text', () => {
  const nl = [authorNl, coreNl, screensNl, teamsNl];
  const en = [authorEn, coreEn, screensEn, teamsEn];

  it('Dutch quotes with ‘…’ only', () => {
    expect(offences('nl', nl)).toEqual([]);
    expect(unbalanced(nl, '‘', '’')).toEqual([]);
  });

  it('English quotes with “…” only', () => {
    expect(offences('en', en)).toEqual([]);
    expect(unbalanced(en, '“', '”')).toEqual([]);
  });

  it('tells apostrophes and placeholders from quotation marks', () => {
    const check = (lang: keyof typeof RULES, text: string) => offences(lang, [{ k: text }]);
    expect(check('nl', '’s Ochtends staan er twee auto’s voor de deur bij {name}.')).toEqual([]);
    expect(check('nl', '{count, plural, one {# ronde} other {# rondes}} van ‘{title}’')).toEqual([]);
    expect(check('nl', 'Er is al een team "Kassa".')).toHaveLength(1);
    expect(check('nl', 'Er is al een team “Kassa”.')).toHaveLength(1);
    expect(check('nl', 'Kies ’s ochtends de auto\'s.')).toHaveLength(1);
    expect(check('en', 'The player’s runs and the players’ scores, {count, plural, one {# run} other {# runs}}.')).toEqual([]);
    expect(check('en', "Show this code to the trainer's laptop.")).toHaveLength(1);
    expect(check('en', "MYSTERY SHOPPER'S REPORT")).toHaveLength(1);
    expect(check('en', 'Delete “{title}”?')).toEqual([]);
    expect(check('en', 'Delete "{title}"?')).toHaveLength(1);
    expect(check('en', "Press 'Start' to begin.")).toHaveLength(1);
    expect(check('en', 'Delete ‘{title}’?')).toHaveLength(1); // the ‘ (’ is also the apostrophe)
  });
});
