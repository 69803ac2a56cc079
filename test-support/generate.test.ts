import { describe, expect, it } from 'vitest';
import { generateScenario, seededRandom } from './generate';
import { analyseScenario } from '../src/engine';

describe('generateScenario', () => {
  it('is deterministic per seed', () => {
    expect(generateScenario({ nodes: 30, seed: 3 })).toEqual(generateScenario({ nodes: 30, seed: 3 }));
    expect(generateScenario({ nodes: 30, seed: 3 })).not.toEqual(generateScenario({ nodes: 30, seed: 4 }));
    const r = seededRandom(9);
    for (let i = 0; i < 100; i++) expect(r()).toBeGreaterThanOrEqual(0);
  });

  it('makes valid scenarios with every feature', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const s = generateScenario({ nodes: 60, seed, flags: 2, bilingual: seed % 2 === 0 });
      expect(Object.keys(s.nodes)).toHaveLength(60);
      const a = analyseScenario(s);
      expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(a.summary.endings).toBe(3);
      expect(a.summary.averageOptions).toBeGreaterThanOrEqual(2);
      const all = Object.values(s.nodes);
      expect(all.some((n) => n.timeLimit)).toBe(true);
      expect(all.some((n) => n.options.some((o) => o.when || Array.isArray(o.next)))).toBe(true);
    }
  });

  it('makes the requested number of nodes, down to one', () => {
    const s = generateScenario({ nodes: 1 });
    expect(Object.keys(s.nodes)).toEqual(['n0']);
    expect(analyseScenario(s).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
