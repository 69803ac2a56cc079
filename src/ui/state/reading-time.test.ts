import { describe, expect, it } from 'vitest';
import { READING_MAX_MS, readingTimeMs } from './reading-time';
import type { DecisionNode } from '../../engine/types';

const node = (situation: DecisionNode['situation'], customer?: DecisionNode['customer']): DecisionNode => ({
  situation,
  customer,
  options: [],
});

describe('readingTimeMs', () => {
  it('gives 1 s per 2.5 words of the situation and the customer line, in whole seconds', () => {
    expect(readingTimeMs(node('een twee drie vier vijf'), 'nl')).toBe(2000);
    expect(readingTimeMs(node('een twee', { says: 'drie vier', does: 'vijf zes' }), 'nl')).toBe(3000);
  });

  it('reads the language shown', () => {
    const n = node({ nl: 'kort', en: 'a somewhat longer English sentence here now' });
    expect(readingTimeMs(n, 'nl')).toBe(1000);
    expect(readingTimeMs(n, 'en')).toBe(3000);
  });

  it('is capped: the customer is still waiting', () => {
    expect(readingTimeMs(node('woord '.repeat(500)), 'nl')).toBe(READING_MAX_MS);
  });
});
