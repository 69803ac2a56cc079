import { describe, expect, it } from 'vitest';
import type { Profile } from '../../persistence/api';
import { numberGuests } from './guest-numbers';

const guest = (id: string, createdAt: number): Profile => ({ id, name: 'Gast', teamId: null, createdAt, guest: true });

describe('numberGuests', () => {
  it('numbers the guests in the order they came, whatever order the store lists them in', () => {
    const named: Profile = { id: 'anna', name: 'Anna', teamId: null, createdAt: 5 };
    const numbers = numberGuests([guest('late', 30), named, guest('early', 10), guest('middle', 20)]);
    expect([...numbers]).toEqual([
      ['early', 1],
      ['middle', 2],
      ['late', 3],
    ]);
    expect(numbers.has('anna')).toBe(false);
  });

  it('gives two guests made in the same millisecond each a number of their own', () => {
    const numbers = numberGuests([guest('b', 10), guest('a', 10)]);
    expect(numbers.get('a')).toBe(1);
    expect(numbers.get('b')).toBe(2);
  });
});
