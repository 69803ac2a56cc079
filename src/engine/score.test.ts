import { describe, expect, it } from 'vitest';
import { normalise, resolveWeights, scoreState } from './score';

const ranges = { warmth: { min: -4, max: 6 }, initiative: { min: 0, max: 4 }, outcome: { min: 2, max: 2 } };

describe('scoreState', () => {
  it('maps min to 0 and max to 100 per dimension; a single-value range scores 100', () => {
    expect(scoreState({ ranges }, { raw: { warmth: -4, initiative: 4, outcome: 2 } })).toEqual({ warmth: 0, initiative: 100, outcome: 100, overall: 67 });
    expect(scoreState({ ranges }, { raw: { warmth: 1, initiative: 1, outcome: 2 } })).toEqual({ warmth: 50, initiative: 25, outcome: 100, overall: 58 });
  });

  it('clamps raw points outside the range', () => {
    expect(scoreState({ ranges }, { raw: { warmth: 99, initiative: -9, outcome: 2 } })).toMatchObject({ warmth: 100, initiative: 0 });
  });

  it('weights the overall score', () => {
    const raw = { warmth: 6, initiative: 0, outcome: 2 };
    expect(scoreState({ ranges }, { raw }, { warmth: 2, initiative: 1, outcome: 0 }).overall).toBe(67);
    expect(scoreState({ ranges }, { raw }, { warmth: 0, initiative: 1, outcome: 0 }).overall).toBe(0);
  });

  it('falls back to equal weights for missing, negative or all-zero weights', () => {
    expect(resolveWeights({ warmth: -1 })).toEqual({ warmth: 1, initiative: 1, outcome: 1 });
    expect(resolveWeights({ warmth: 0, initiative: 0, outcome: 0 })).toEqual({ warmth: 1, initiative: 1, outcome: 1 });
    expect(resolveWeights({ weights: { outcome: 3 } })).toEqual({ warmth: 1, initiative: 1, outcome: 3 });
    expect(normalise({ ranges }, 'warmth', 1)).toBe(0.5);
  });
});
