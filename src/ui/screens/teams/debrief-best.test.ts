import { describe, expect, it } from 'vitest';
import type { DecisionNode } from '../../../engine/types';
import { bestOptions } from './debrief-best';

const node = (effects: Record<string, number>[]) =>
  ({ situation: 'x', options: effects.map((e, i) => ({ id: `o${i}`, text: 't', next: 'end', effects: e })) }) as unknown as DecisionNode;

describe('bestOptions', () => {
  it('marks the option with the highest weighted points', () => {
    expect(bestOptions(node([{ warmth: 1 }, { warmth: 2, outcome: 1 }, { outcome: -2 }]))).toEqual(new Set(['o1']));
  });
  it('follows the scenario weights', () => {
    const n = node([{ warmth: 2 }, { outcome: 1 }]);
    expect(bestOptions(n)).toEqual(new Set(['o0']));
    expect(bestOptions(n, { weights: { warmth: 0.2, outcome: 3 } })).toEqual(new Set(['o1']));
  });
  it('marks ties, and nothing when all weigh the same', () => {
    expect(bestOptions(node([{ warmth: 2 }, { initiative: 2 }, {}]))).toEqual(new Set(['o0', 'o1']));
    expect(bestOptions(node([{}, {}]))).toEqual(new Set());
  });
});
