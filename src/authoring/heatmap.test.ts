import { describe, expect, it } from 'vitest';
import { buildHeatmap, share } from './heatmap';
import { effectsLabel } from './effects-label';
import type { Run } from '../engine/types';

function run(id: string, playerId: string | null, hash: string, events: Run['events'], startNode?: string): Run {
  return { formatVersion: 1, id, scenarioId: 's', scenarioHash: hash, playerId, mode: 'assessment', timerScale: 1, startedAt: 0, events, ...(startNode ? { startNode } : {}) };
}
const pick = (node: string, option: string) => ({ type: 'choice.select' as const, node, option, at: 1 });

const profiles = [
  { id: 'ann', name: 'Ann', teamId: 'red', createdAt: 0 },
  { id: 'bob', name: 'Bob', teamId: 'blue', createdAt: 0 },
  { id: 'cas', name: 'Cas', teamId: null, createdAt: 0 },
];
const runs = [
  run('1', 'ann', 'v2', [pick('greet', 'a'), pick('ask', 'a')]),
  run('2', 'bob', 'v2', [pick('greet', 'b')]),
  run('3', 'cas', 'v2', [{ type: 'timer.scale', scale: 10, at: 1 }, { type: 'timer.expire', node: 'greet', at: 2 }]),
  run('4', 'ann', 'v1', [pick('greet', 'b')]),
  run('5', 'ann', 'v2', [pick('ask', 'b')], 'ask'),
];

describe('buildHeatmap', () => {
  it('counts every choice and time-out of one version, leaving test runs out', () => {
    const h = buildHeatmap(runs, profiles, 'v2', 'all');
    expect(h.runs).toBe(3);
    expect(share(h, 'greet', 'a')).toBeCloseTo(1 / 3);
    expect(share(h, 'greet', 'b')).toBeCloseTo(1 / 3);
    expect(share(h, 'greet', null)).toBeCloseTo(1 / 3);
    expect(share(h, 'ask', 'a')).toBe(1);
    expect(share(h, 'ask', 'b')).toBe(0);
    expect(share(h, 'nowhere', 'a')).toBeNull();
  });

  it('filters per team and for players without a team', () => {
    expect(buildHeatmap(runs, profiles, 'v2', 'red').runs).toBe(1);
    expect(share(buildHeatmap(runs, profiles, 'v2', 'blue'), 'greet', 'b')).toBe(1);
    expect(buildHeatmap(runs, profiles, 'v2', 'none').runs).toBe(1);
    expect(buildHeatmap(runs, profiles, 'v1', 'red').runs).toBe(1);
  });
});

describe('effectsLabel', () => {
  const letters = { warmth: 'W', initiative: 'I', outcome: 'O' };
  it('writes every dimension and the mood only when it changes', () => {
    expect(effectsLabel({ warmth: 2, initiative: 1, mood: 1 }, letters)).toBe('W+2 I+1 O0 ☺+1');
    expect(effectsLabel({ outcome: -2 }, letters)).toBe('W0 I0 O\u22122');
    expect(effectsLabel(undefined, { warmth: 'W', initiative: 'I', outcome: 'U' })).toBe('W0 I0 U0');
  });
});
