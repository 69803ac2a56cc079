import { describe, expect, it } from 'vitest';
import { orderOptions } from './option-order';

const opts = (n: number, pinned: number[] = []) => Array.from({ length: n }, (_, i) => ({ id: String.fromCharCode(97 + i), pinned: pinned.includes(i) }));
const ids = (list: { id: string }[]) => list.map((o) => o.id).join('');

describe('orderOptions', () => {
  it('keeps the file order for runs without a seed', () => {
    expect(ids(orderOptions(opts(4), undefined, 0))).toBe('abcd');
  });

  it('is the same for the same seed and step, and a permutation of the options', () => {
    const a = orderOptions(opts(4), 'run-1', 3);
    expect(ids(orderOptions(opts(4), 'run-1', 3))).toBe(ids(a));
    expect([...ids(a)].sort().join('')).toBe('abcd');
  });

  it('differs between runs and between steps of one run', () => {
    const byRun = new Set(Array.from({ length: 40 }, (_, i) => ids(orderOptions(opts(4), `run-${i}`, 0))));
    const bySteps = new Set(Array.from({ length: 40 }, (_, i) => ids(orderOptions(opts(4), 'run-1', i))));
    expect(byRun.size).toBeGreaterThan(10);
    expect(bySteps.size).toBeGreaterThan(10);
  });

  it('puts every option first about equally often', () => {
    const first = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const id = orderOptions(opts(4), `seed-${i}`, i % 7)[0].id;
      first.set(id, (first.get(id) ?? 0) + 1);
    }
    for (const id of 'abcd') expect(first.get(id)).toBeGreaterThan(850);
  });

  it('keeps a pinned option at its place', () => {
    for (let i = 0; i < 50; i++) {
      const order = orderOptions(opts(4, [3]), `run-${i}`, 0);
      expect(order[3].id).toBe('d');
    }
  });
});
