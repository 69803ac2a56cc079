import { readFileSync } from 'node:fs';
import type { Scenario } from './types';
import { describe, expect, it } from 'vitest';
import { typicalScores } from './typical';
import { testWiseness } from './test-wiseness';
import { analyseScenario } from './analyse';
import { sampleScenario } from './generate-samples';

describe('typicalScores', () => {
  const s = sampleScenario();
  const a = analyseScenario(s);

  it('is the random player of the test-wiseness check: the same mean overall', () => {
    expect(typicalScores(s, a)!.overall).toBe(testWiseness(s, a).random.meanOverall);
    for (const f of ['tram-card-reader', 'fuel-station-evening']) {
      const b = JSON.parse(readFileSync(new URL(`../../scenarios/${f}.json`, import.meta.url), 'utf8')) as Scenario;
      const ab = analyseScenario(b);
      expect(typicalScores(b, ab, { runs: 60 })!.overall).toBe(testWiseness(b, ab, { runs: 60 }).random.meanOverall);
    }
  });

  it('gives a mean per dimension between 0 and 100, the same for the same seed', () => {
    const t = typicalScores(s, a)!;
    for (const d of ['warmth', 'initiative', 'outcome'] as const) {
      expect(t[d]).toBeGreaterThan(0);
      expect(t[d]).toBeLessThan(100);
    }
    expect(typicalScores(s, a)).toEqual(t);
    expect(typicalScores(s, a, { seed: 2, runs: 50 })).not.toEqual(t);
  });
});
