import { describe, expect, it } from 'vitest';
import type { Profile } from './api';
import { nextGuestNumber, numberArrivals, numberUnnumbered, retiredBy } from './guest-numbers';

const guest = (id: string, guestNumber?: number, createdAt = 0): Profile => ({ id, name: 'Gast', teamId: null, createdAt, guest: true, ...(guestNumber ? { guestNumber } : {}) });
const anna: Profile = { id: 'anna', name: 'Anna', teamId: null, createdAt: 0 };
const numbers = (ps: Profile[]) => ps.map((p) => [p.id, p.guestNumber]);

describe('guest numbers', () => {
  it('a guest made here gets one past the highest number a guest here holds', () => {
    expect(nextGuestNumber([])).toBe(1);
    expect(nextGuestNumber([anna, guest('a', 1), guest('b', 4)])).toBe(5);
  });

  it('never gives a number a guest here gave up (retired), nor one below it', () => {
    expect(nextGuestNumber([guest('a', 1)], 5)).toBe(6);
    expect(nextGuestNumber([guest('a', 7)], 5)).toBe(8);
    // A phone's "Gast 4" (given up here) gets the next one; its "Gast 9" (never given here) keeps 9.
    expect(numbers(numberArrivals([guest('phone-4', 4), guest('phone-9', 9)], [guest('a', 1)], 5))).toEqual([
      ['phone-4', 6],
      ['phone-9', 9],
    ]);
    expect(retiredBy(guest('a', 3), undefined)).toBe(3);
    expect(retiredBy(guest('a', 3), { ...anna, id: 'a' })).toBe(3);
    expect(retiredBy(guest('a', 3), guest('a', 3))).toBe(0);
    expect(retiredBy(anna, undefined)).toBe(0);
  });

  it('a guest arriving keeps the number it brings when it is free here, else the next one here', () => {
    const here = [guest('mine', 1)];
    // Two phones, each with its own "Gast 1", and a phone's "Gast 2".
    expect(numbers(numberArrivals([guest('phone-a', 1), guest('phone-b', 1), guest('phone-c', 2), anna], here))).toEqual([
      ['phone-a', 2],
      ['phone-b', 3],
      ['phone-c', 4],
      ['anna', undefined],
    ]);
    expect(numbers(numberArrivals([guest('phone-a', 7)], here))).toEqual([['phone-a', 7]]);
    // From an older phone, without a number.
    expect(numbers(numberArrivals([guest('old')], here))).toEqual([['old', 2]]);
  });

  it('which phone hands in first does not change the numbers those already here keep', () => {
    // Laptop: phone B's guest (made later) arrives first, then phone A's (made earlier).
    let laptop = numberArrivals([guest('B', 1, 20)], []);
    laptop = [...laptop, ...numberArrivals([guest('A', 1, 10)], laptop)];
    expect(numbers(laptop)).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
    // The other order: A first keeps 1. Either way, a number given is never taken back.
    let other = numberArrivals([guest('A', 1, 10)], []);
    other = [...other, ...numberArrivals([guest('B', 1, 20)], other)];
    expect(numbers(other)).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
  });

  it('numbers stored guests without one once, in the order they were made, after the numbers held', () => {
    const stored = [guest('late', undefined, 30), anna, guest('held', 2, 1), guest('early', undefined, 10), guest('same-b', undefined, 20), guest('same-a', undefined, 20)];
    const got = numberUnnumbered(stored);
    expect(numbers(got)).toEqual([
      ['early', 3],
      ['same-a', 4],
      ['same-b', 5],
      ['late', 6],
    ]);
    expect(numberUnnumbered([...stored.filter((p) => p.guestNumber), ...got])).toEqual([]);
  });
});
