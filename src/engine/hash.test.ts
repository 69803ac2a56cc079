import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './hash';
import type { Scenario } from './types';
import { sampleScenario } from '../../test-support/generate-samples';
import { generateScenario } from '../../test-support/generate';
import { validateScenario } from './validate';

describe('contentHash', () => {
  it('is 16 hex characters and ignores key order and undefined members', () => {
    const a = sampleScenario();
    const b = JSON.parse(JSON.stringify(a, Object.keys(a).reverse())) as typeof a;
    const h = contentHash(a);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash({ ...b, ...a, tags: undefined })).toBe(h);
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
  });

  it('changes with any change of content', () => {
    const a = sampleScenario();
    const b = sampleScenario();
    b.nodes.greet.options[0].effects!.warmth = 1;
    expect(contentHash(b)).not.toBe(contentHash(a));
  });
});

describe('canonicalJson', () => {
  it('writes strings and numbers exactly as JSON.stringify does', () => {
    const tricky = {
      'q"k': 'line\nbreak \\ "quoted" \u0001 😀 \ud800 é',
      n: [0, -0, 1.5, 1e21, -3e-7, Infinity, NaN, 7, -7, 10, -100, 2147483647, -2147483648, 2147483648, -2147483649, 2 ** 53 + 2],
      b: [true, false, null],
    };
    const sorted = { b: tricky.b, n: tricky.n, 'q"k': tricky['q"k'] };
    expect(canonicalJson(tricky)).toBe(JSON.stringify(sorted));
    expect(canonicalJson({ ['__proto__']: 1, a: undefined, c: [undefined] })).toBe('{"__proto__":1,"c":[null]}');
  });
});

describe('contentHash against the standard', () => {
  const sortDeep = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortDeep) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortDeep((v as Record<string, unknown>)[k])])) : v;

  it('is the SHA-256 of the key-sorted JSON, for small and big scenarios', () => {
    const huge = sampleScenario();
    huge.description = 'é😀 a long text '.repeat(9000);
    for (const s of [sampleScenario(), generateScenario({ nodes: 400, seed: 5, bilingual: true }), generateScenario({ nodes: 1500, seed: 9 }), huge]) {
      const json = JSON.stringify(sortDeep(s));
      expect(canonicalJson(s)).toBe(json);
      expect(contentHash(s)).toBe(createHash('sha256').update(json, 'utf8').digest('hex').slice(0, 16));
    }
  });
});

describe('the content hash of the scenario validateScenario gives', () => {
  const standard = (s: unknown) => contentHash(s as Parameters<typeof contentHash>[0]);
  /** The same scenario with every object's keys in reverse order, pretty-printed. */
  const reordered = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(reordered) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reordered((v as Record<string, unknown>)[k])])) : v;

  it('equals contentHash of the scenario, whatever the formatting, key order or kind of ids', () => {
    const numericIds = sampleScenario();
    // Ids made of digits: an object lists such keys first, in numeric order, not in file order.
    const renamed = JSON.parse(JSON.stringify(numericIds).replaceAll('"greet"', '"10"').replaceAll('"checkout"', '"2"')) as unknown;
    const huge = sampleScenario();
    huge.nodes[Object.keys(huge.nodes)[0]].situation = { nl: 'é😀 een lange tekst '.repeat(6000), en: 'a long text '.repeat(6000) };
    const scenarios: unknown[] = [sampleScenario(), renamed, huge, generateScenario({ nodes: 300, seed: 3, bilingual: true, flags: 2 })];
    for (const s of scenarios) {
      for (const text of [JSON.stringify(s), JSON.stringify(reordered(s), null, 2)]) {
        const result = validateScenario(text);
        expect(result.ok, result.problems[0]?.message).toBe(true);
        expect(standard(result.scenario)).toBe(standard(JSON.parse(text)));
        expect(standard(result.scenario)).toBe(standard(s));
      }
    }
  });
});

describe('contentHash stays what stored runs recorded', () => {
  it('is unchanged for a fixed value (runs in every device\'s store refer to these hashes)', () => {
    expect(contentHash({ b: 'é', a: [1, undefined] } as unknown as Scenario)).toBe('e03c3c1ebb5fccd7');
  });
});
