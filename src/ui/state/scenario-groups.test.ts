import { describe, expect, it } from 'vitest';
import type { Role } from '../../engine/types';
import { groupByRole } from './scenario-groups';

const e = (id: string, role?: Role | null | string) => ({ id, role: role as Role | null | undefined });

describe('groupByRole', () => {
  it('orders groups shop floor, counter, hospitality, transport, phone, then other', () => {
    const groups = groupByRole([e('a', 'phone'), e('b'), e('c', 'transport'), e('d', 'shop-floor'), e('f', 'hospitality'), e('g', 'counter')]);
    expect(groups.map((g) => g.role)).toEqual(['shop-floor', 'counter', 'hospitality', 'transport', 'phone', 'other']);
  });

  it('keeps the list order within a group and leaves out empty groups', () => {
    const groups = groupByRole([e('t1', 'transport'), e('x', null), e('t2', 'transport')]);
    expect(groups).toEqual([
      { role: 'transport', entries: [e('t1', 'transport'), e('t2', 'transport')] },
      { role: 'other', entries: [e('x', null)] },
    ]);
  });

  it('puts an unknown role (a newer file, a typo) under other', () => {
    expect(groupByRole([e('y', 'kitchen')]).map((g) => g.role)).toEqual(['other']);
  });

  it('gives no groups for no scenarios', () => {
    expect(groupByRole([])).toEqual([]);
  });
});
