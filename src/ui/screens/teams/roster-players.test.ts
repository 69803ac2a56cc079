import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../persistence/api';
import { rosterPlayers } from './roster-players';

const row = (runId: string, playerId: string | null, finishedAt: number, unverified = false) =>
  ({ runId, playerId, finishedAt, ...(unverified ? { unverified: true } : {}) }) as RunResult;

describe('rosterPlayers', () => {
  it('lists each player once, in the order they first handed in, with their runs counted', () => {
    const out = rosterPlayers([row('a1', 'anna', 10), row('d1', 'dewi', 20), row('a2', 'anna', 30), row('a3', 'anna', 40)]);
    expect(out.map((p) => [p.key, p.runs, p.latest])).toEqual([
      ['anna', 3, 40],
      ['dewi', 1, 20],
    ]);
  });
  it('counts a run without a player as a player of its own', () => {
    expect(rosterPlayers([row('x1', null, 1), row('x2', null, 2)]).map((p) => p.key)).toEqual(['x1', 'x2']);
  });
  it('marks a player unsigned only when none of their runs is signed', () => {
    const out = rosterPlayers([row('a1', 'anna', 1, true), row('a2', 'anna', 2), row('b1', 'bram', 3, true), row('b2', 'bram', 4, true)]);
    expect(out.map((p) => [p.key, p.unverified])).toEqual([
      ['anna', false],
      ['bram', true],
    ]);
  });
});
