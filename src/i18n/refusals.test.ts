import { describe, expect, it } from 'vitest';
import authorEn from './author.en.json';
import authorNl from './author.nl.json';
import coreEn from './core.en.json';
import coreNl from './core.nl.json';
import screensEn from './screens.en.json';
import screensNl from './screens.nl.json';
import teamsEn from './teams.en.json';
import teamsNl from './teams.nl.json';

/** Every string with its key path. */
function strings(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

const LANGS = {
  en: { files: [authorEn, coreEn, screensEn, teamsEn], refused: /^Refused:/, nothing: /\bnothing was \p{L}+/giu, closing: 'Nothing was changed.' },
  nl: { files: [authorNl, coreNl, screensNl, teamsNl], refused: /^Geweigerd:/, nothing: /\bEr is niets \p{L}+/giu, closing: 'Er is niets veranderd.' },
};

describe('refused imports and hand-ins', () => {
  for (const [lang, { files, refused, nothing, closing }] of Object.entries(LANGS)) {
    const all = files.flatMap((f) => strings(f));
    it(`end in one sentence for one outcome: “${closing}” (${lang})`, () => {
      // A forged run said "Nothing was imported." where every other refusal of the same whole file
      // said "Nothing was changed.": a trainer read two outcomes where there was one.
      const refusals = all.filter(([key, text]) => refused.test(text) || key === 'import.error_storage');
      expect(refusals.length).toBeGreaterThan(20);
      expect(refusals.filter(([, text]) => !text.endsWith(closing))).toEqual([]);
      // ... and no other "nothing was …" ending anywhere says the same outcome another way.
      const endings = new Set(all.flatMap(([, text]) => [...text.matchAll(nothing)].map((m) => m[0].toLowerCase())));
      expect([...endings].filter((e) => e !== closing.slice(0, -1).toLowerCase())).toEqual([]);
    });
  }
});
