import { describe, expect, it } from 'vitest';
import { randomPlayer, testWiseness } from './test-wiseness';
import { analyseScenario } from './analyse';
import { sampleScenario } from '../../test-support/generate-samples';

describe('randomPlayer (the report\'s "typical" score)', () => {
  const s = sampleScenario();
  const a = analyseScenario(s);

  it('is the random player of the test-wiseness check: the same mean overall', () => {
    expect(randomPlayer(s, a)!.mean.overall).toBe(testWiseness(s, a).random.meanOverall);
  });

  it('gives a mean per dimension between 0 and 100, the same for the same seed', () => {
    const t = randomPlayer(s, a)!.mean;
    for (const d of ['warmth', 'initiative', 'outcome'] as const) {
      expect(t[d]).toBeGreaterThan(0);
      expect(t[d]).toBeLessThan(100);
    }
    expect(randomPlayer(s, a)!.mean).toEqual(t);
    expect(randomPlayer(s, a, { seed: 2, runs: 50 })!.mean).not.toEqual(t);
  });
});
