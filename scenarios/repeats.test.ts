/**
 * The built-in scenarios read as one story each, without repeats. Testers who played them all
 * found two decisions of the toy shop opening with the same sentences, so that the second read as
 * the first shown again, and the same ending title ("Een dure vrede") in two scenarios, so that a
 * team's results could not tell the two endings apart.
 *
 * The rules, per language: every ending title appears once across all built-ins, and within a
 * scenario no two decisions open with the same two sentences (so none repeats another's situation
 * text either). A short scene-setter that two moments share ("Aan de kassa.") is fine; the sentence
 * after it must say what is new at that moment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lang, Scenario, Text } from '../src/engine/types';

const dir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
const scenarios: Scenario[] = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Scenario);
const LANGS: readonly Lang[] = ['nl', 'en'];

const inLang = (text: Text, lang: Lang): string => (typeof text === 'string' ? text : (text[lang] ?? ''));

/** The first two sentences of a text, with its spacing evened out. */
function opening(text: string): string {
  return text.trim().split(/(?<=[.!?…])\s+/).slice(0, 2).join(' ');
}

/** The values that more than one key shares, each with the keys that share it. */
function shared(entries: [key: string, value: string][]): Record<string, string[]> {
  const byValue = new Map<string, string[]>();
  for (const [key, value] of entries) byValue.set(value, [...(byValue.get(value) ?? []), key]);
  return Object.fromEntries([...byValue].filter(([, keys]) => keys.length > 1));
}

describe('built-in scenarios do not repeat themselves', () => {
  it('finds the built-in scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
  });

  for (const lang of LANGS) {
    it(`gives every ending its own title across all scenarios (${lang})`, () => {
      const titles = scenarios.flatMap((s) =>
        Object.entries(s.endings).map(([id, ending]): [string, string] => [`${s.id}: ${id}`, inLang(ending.title, lang)]),
      );
      expect(shared(titles)).toEqual({});
    });

    for (const s of scenarios) {
      it(`${s.id}: no two decisions open with the same situation (${lang})`, () => {
        const openings = Object.entries(s.nodes).map(([id, node]): [string, string] => [id, opening(inLang(node.situation, lang))]);
        expect(shared(openings)).toEqual({});
      });
    }
  }
});
