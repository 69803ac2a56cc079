/**
 * A player's number on the leaderboard ("Player 3" while names are off) stays theirs: scores
 * that change the order, a run played earlier but handed in later, a reload.
 */
import { beforeEach, expect, it, vi } from 'vitest';
import type { RunResult } from '../../../persistence/api';
import { boardNumbers, keepBoardNumbers, numberPlayers } from './board-numbers';

const TOY = 'toy-shop-saturday';
function run(playerId: string, finishedAt: number, extra: Partial<RunResult> = {}): RunResult {
  return {
    runId: `${playerId}-${finishedAt}`,
    playerId,
    scenarioId: TOY,
    scenarioHash: 'h',
    mode: 'assessment',
    startedAt: finishedAt - 60_000,
    finishedAt,
    ending: 'end',
    tone: null,
    scores: { warmth: 50, initiative: 50, outcome: 50, overall: 50 },
    steps: [],
    ...extra,
  };
}

/** What the leaderboard does: shows the numbers, then keeps them. */
function shown(scenarioId: string, players: string[], results: RunResult[]): Map<string, number> {
  const numbers = boardNumbers(scenarioId, players, results);
  keepBoardNumbers(scenarioId, numbers);
  return numbers;
}

const stored = new Map<string, string>();
beforeEach(() => {
  stored.clear();
  vi.stubGlobal('localStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v) });
});

it('numbers players new to the board by the first run of theirs that counts there', () => {
  const results = [run('bram', 300), run('anna', 200), run('anna', 900), run('cem', 100, { mode: 'coaching' }), run('cem', 400), run('dewi', 50, { scenarioId: 'other' }), run('dewi', 500)];
  expect(numberPlayers([], ['anna', 'bram', 'cem', 'dewi'], results, TOY)).toEqual(['anna', 'bram', 'cem', 'dewi']);
});

it('keeps the numbers given: a run played earlier but handed in later gets the next number', () => {
  const first = [run('bram', 300), run('anna', 200)];
  expect(shown(TOY, ['bram', 'anna'], first)).toEqual(new Map([['anna', 1], ['bram', 2]]));
  // Cem played before both, and his phone handed in last; Bram played again.
  const later = [...first, run('cem', 100), run('bram', 1000)];
  expect(shown(TOY, ['bram', 'cem', 'anna'], later)).toEqual(new Map([['anna', 1], ['bram', 2], ['cem', 3]]));
  // A deleted player's number is nobody else's; another scenario numbers its own board.
  expect(shown(TOY, ['cem', 'bram'], later).get('cem')).toBe(3);
  expect(shown('other', ['cem'], [run('cem', 5, { scenarioId: 'other' })])).toEqual(new Map([['cem', 1]]));
});

it('reads what storage holds without throwing, keeping only lists of ids', () => {
  stored.set('frontlijn-board-numbers', JSON.stringify({ [TOY]: ['eva', 7], other: ['cem'] }));
  expect(shown(TOY, ['anna'], [run('anna', 1)])).toEqual(new Map([['anna', 1]]));
  expect(shown('other', ['anna'], [run('anna', 1, { scenarioId: 'other' })]).get('cem')).toBe(1);
  stored.set('frontlijn-board-numbers', '{not json');
  expect(shown(TOY, ['anna'], [run('anna', 1)]).get('anna')).toBe(1);
});

it('reading the numbers writes nothing: only keeping them does', () => {
  const numbers = boardNumbers(TOY, ['anna'], [run('anna', 1)]);
  expect(numbers).toEqual(new Map([['anna', 1]]));
  expect(stored.size).toBe(0);
  keepBoardNumbers(TOY, numbers);
  expect(JSON.parse(stored.get('frontlijn-board-numbers') ?? '{}')).toEqual({ [TOY]: ['anna'] });
});
