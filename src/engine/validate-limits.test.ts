/**
 * Limits and edge values the validator must catch before a scenario is stored: ids longer than
 * the store keeps, texts that show nothing, numbers too large to be numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from './validate';
import { MAX_ID_LENGTH } from './limits';

interface Option {
  id: string;
  text: unknown;
}
interface Loose {
  id: string;
  start: string;
  nodes: Record<string, { options: Option[] }>;
}
const toy = (): Loose => JSON.parse(readFileSync(new URL('../../scenarios/toy-shop-saturday.json', import.meta.url), 'utf8')) as Loose;

function codes(s: unknown, lang: 'en' | 'nl' = 'en') {
  return validateScenario(typeof s === 'string' ? s : JSON.stringify(s), { lang });
}

describe('one id limit, enforced by the validator', () => {
  it('refuses a scenario id over the limit and accepts one at it', () => {
    const long = toy();
    long.id = 'a'.repeat(MAX_ID_LENGTH + 1);
    const r = codes(long);
    expect(r.ok).toBe(false);
    expect(r.problems.find((p) => p.code === 'id-too-long')?.message).toMatch(/81 characters long.*at most 80/);
    expect(codes(long, 'nl').problems.find((p) => p.code === 'id-too-long')?.message).toMatch(/81 tekens lang.*hoogstens 80/);
    const max = toy();
    max.id = 'a'.repeat(MAX_ID_LENGTH);
    expect(codes(max).ok).toBe(true);
  });

  it('refuses node, ending and option ids over the limit', () => {
    const s = toy();
    const long = 'n'.repeat(MAX_ID_LENGTH + 1);
    s.nodes[long] = s.nodes[s.start];
    delete s.nodes[s.start];
    s.start = long;
    const r = codes(s);
    expect(r.ok).toBe(false);
    expect(r.problems.filter((p) => p.code === 'id-too-long')).toHaveLength(1);
    const o = toy();
    o.nodes[o.start].options[0].id = 'o'.repeat(MAX_ID_LENGTH + 1);
    expect(codes(o).problems.map((p) => p.code)).toContain('id-too-long');
  });
});

describe('edge values', () => {
  it('flags an option text of only a zero-width space as empty', () => {
    const s = toy();
    s.nodes[s.start].options[0].text = { nl: '\u200b', en: '\u200b' };
    const empty = codes(s).problems.filter((p) => p.code === 'empty-text');
    expect(empty).toHaveLength(2);
    expect(empty[0].message).toMatch(/is empty/);
  });

  it('says a number like 1e400 is too large, not "a whole number (like Infinity)"', () => {
    const text = JSON.stringify(toy()).replace('"formatVersion":1', '"formatVersion":1e400');
    for (const lang of ['en', 'nl'] as const) {
      const messages = codes(text, lang).problems.map((p) => p.message).join('\n');
      expect(messages).not.toMatch(/Infinity/);
      expect(messages).toMatch(lang === 'en' ? /far too large/ : /veel te groot/);
    }
  });
});
