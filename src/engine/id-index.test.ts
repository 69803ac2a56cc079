import { describe, expect, it } from 'vitest';
import { IdIndex } from './id-index';

describe('IdIndex', () => {
  it('finds every id it was given, by content, and nothing else', () => {
    const index = new IdIndex();
    index.reset(3);
    const ids = Array.from({ length: 5000 }, (_, i) => `n${i}`);
    ids.forEach((id, i) => index.add(id, i));
    for (let i = 0; i < ids.length; i++) expect(index.get(`n${i}`, -9)).toBe(i); // a copy of the string, not the same one
    expect(index.get('n5000', -9)).toBe(-9);
    expect(index.get('', -9)).toBe(-9);
    expect(index.get('N1', -9)).toBe(-9);
  });

  it('replaces the value of an id set twice, as Map.set does, and keeps negative values', () => {
    const index = new IdIndex();
    index.reset(2);
    index.add('fan', -1);
    index.add('fan', 4);
    index.add('lost', -2);
    expect(index.get('fan', -9)).toBe(4);
    expect(index.get('lost', -9)).toBe(-2);
  });

  it('forgets everything on reset and clear', () => {
    const index = new IdIndex();
    index.reset(10);
    index.add('a', 1);
    index.reset(4);
    expect(index.get('a', -1)).toBe(-1);
    index.add('b', 2);
    index.clear();
    expect(index.get('b', -1)).toBe(-1);
  });
});
