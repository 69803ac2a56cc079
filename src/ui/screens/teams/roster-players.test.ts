import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../persistence/api';
import { comparable } from '../../../persistence/stats';
import { rosterPlayers } from './roster-players';

const row = (runId: string, playerId: string | null, finishedAt: number, over: Partial<RunResult> = {}) =>
  ({ runId, playerId, finishedAt, mode: 'assessment', ...over }) as RunResult;
const unsigned = { unverified: true } as const;
const coaching = { mode: 'coaching' } as const;

describe('rosterPlayers', () => {
  it('lists each player once, in the order they first handed in, with their runs counted', () => {
    const out = rosterPlayers([row('a1', 'anna', 10), row('d1', 'dewi', 20), row('a2', 'anna', 30), row('a3', 'anna', 40)]);
    expect(out.map((p) => [p.key, p.runs, p.latest, p.counted])).toEqual([
      ['anna', 3, 40, true],
      ['dewi', 1, 20, true],
    ]);
  });
  it('counts a run without a player as a player of its own, not on the board', () => {
    expect(rosterPlayers([row('x1', null, 1), row('x2', null, 2)]).map((p) => [p.key, p.leftOut, p.counted])).toEqual([
      ['x1', 'no-player', false],
      ['x2', 'no-player', false],
    ]);
  });
  it('marks a player unsigned, and not handed in, only when none of their runs is signed', () => {
    const out = rosterPlayers([row('a1', 'anna', 1, unsigned), row('a2', 'anna', 2), row('b1', 'bram', 3, unsigned), row('b2', 'bram', 4, unsigned)]);
    expect(out.map((p) => [p.key, p.leftOut, p.counted])).toEqual([
      ['anna', null, true],
      ['bram', 'unverified', false],
    ]);
  });
  it('in an assessment room, a player with only a coaching run has not handed in for the board, and says why', () => {
    const out = rosterPlayers([row('a1', 'anna', 1), row('c1', 'cem', 2, coaching), row('d1', 'dewi', 3, coaching), row('d2', 'dewi', 4)]);
    expect(out.map((p) => [p.key, p.leftOut, p.counted])).toEqual([
      ['anna', null, true],
      ['cem', 'coaching', false],
      ['dewi', null, true],
    ]);
    // Of two reasons, the one nearest to counting: a signature is all Eva's assessment lacks.
    expect(rosterPlayers([row('e1', 'eva', 1, coaching), row('e2', 'eva', 2, unsigned)])[0].leftOut).toBe('unverified');
  });
  it('counts exactly the players the leaderboard counts (the same rule, stats.ts)', () => {
    const runs = [row('a', 'p1', 1), row('b', 'p2', 2, coaching), row('c', 'p3', 3, unsigned), row('d', 'p4', 4, { ...coaching, ...unsigned }), row('e', null, 5), row('f', 'p6', 6, { startNode: 'n2' })];
    const onBoard = new Set(runs.filter(comparable).map((r) => r.playerId ?? r.runId));
    expect(rosterPlayers(runs).filter((p) => p.counted).map((p) => p.key)).toEqual([...onBoard]);
  });
  it('in a coaching room (practice, no board), everyone who handed in has, and coaching is no mark', () => {
    const out = rosterPlayers([row('c1', 'cem', 1, coaching), row('d1', 'dewi', 2, { ...coaching, ...unsigned }), row('e1', 'eva', 3, unsigned)], 'coaching');
    expect(out.map((p) => [p.key, p.leftOut, p.counted])).toEqual([
      ['cem', null, true],
      ['dewi', null, true],
      ['eva', 'unverified', true],
    ]);
  });
  it('says which runs the board leaves out, so a player’s runs agree with the leaderboard’s attempts', () => {
    const runs = [row('m1', 'max', 1), row('m2', 'max', 2, coaching), row('m3', 'max', 3, unsigned), row('m4', 'max', 4, coaching), row('a1', 'anna', 5)];
    const [max, anna] = rosterPlayers(runs);
    expect(max.apart).toEqual({ coaching: 2, unverified: 1 });
    expect(max.runs - 3).toBe(runs.filter((r) => r.playerId === 'max' && comparable(r)).length);
    expect(anna.apart).toEqual({});
    // A coaching room is practice: its coaching runs are not set apart.
    expect(rosterPlayers(runs, 'coaching')[0].apart).toEqual({ unverified: 1 });
  });
});
