import { describe, expect, it } from 'vitest';
import toyShop from '../../../../scenarios/toy-shop-saturday.json';
import { momentTip, pairPaths, weakestDimension } from './insights';
import { analyseScenario } from '../../../engine/analyse';
import { applyEvent, initialPlayState } from '../../../engine/replay';
import type { Run, Scenario } from '../../../engine/types';

const scenario = toyShop as unknown as Scenario;

/** Plays the option with the lowest warmth at every decision (never waiting). */
function coldRun() {
  const run: Run = { formatVersion: 1, id: 'r', scenarioId: scenario.id, scenarioHash: 'h', playerId: null, mode: 'assessment', timerScale: 0, startedAt: 0, events: [] };
  let state = initialPlayState(scenario, run);
  for (let at = 1; state.node !== null && at < 50; at++) {
    const coldest = [...state.available].sort((a, b) => (a.effects?.warmth ?? 0) - (b.effects?.warmth ?? 0))[0];
    state = applyEvent(scenario, state, { type: 'choice.select', node: state.node, option: coldest.id, at });
  }
  return state;
}

describe('weakestDimension', () => {
  it('names the lowest dimension, the first on a tie', () => {
    expect(weakestDimension({ warmth: 40, initiative: 70, outcome: 55, overall: 55 })).toBe('warmth');
    expect(weakestDimension({ warmth: 60, initiative: 30, outcome: 30, overall: 40 })).toBe('initiative');
  });
  it('says nothing when every dimension is strong', () => {
    expect(weakestDimension({ warmth: 90, initiative: 88, outcome: 100, overall: 93 })).toBeNull();
  });
});

describe('momentTip', () => {
  it('finds the decision that cost most warmth and the warmest option there', () => {
    const state = coldRun();
    const tip = momentTip(scenario, state.steps, 'warmth');
    expect(tip).not.toBeNull();
    const node = scenario.nodes[tip!.node];
    const best = Math.max(...node.options.map((o) => o.effects?.warmth ?? 0));
    expect(tip!.better.effects?.warmth ?? 0).toBe(best);
    expect(tip!.yours?.id).not.toBe(tip!.better.id);
  });
  it('has nothing to say about a path that already took the best option everywhere', () => {
    const analysis = analyseScenario(scenario);
    const steps = analysis.bestPaths.warmth.steps.map((s) => ({ node: s.node, option: s.option, effects: scenario.nodes[s.node].options.find((o) => o.id === s.option)?.effects ?? {}, at: 0, moodBefore: 0, moodAfter: 0 }));
    const tip = momentTip(scenario, steps, 'warmth');
    if (tip) expect((tip.better.effects?.warmth ?? 0) > (steps.find((s) => s.node === tip.node)!.effects.warmth ?? 0)).toBe(true);
  });
});

describe('pairPaths', () => {
  it('lines up your steps with the best path and marks the same choices', () => {
    const analysis = analyseScenario(scenario);
    const best = analysis.bestPath;
    const mine = best.steps.slice(0, 2).map((s) => ({ node: s.node, option: s.option, effects: {}, at: 0, moodBefore: 0, moodAfter: 0 }));
    const rows = pairPaths(mine, best);
    expect(rows).toHaveLength(Math.max(2, best.steps.length));
    expect(rows[0].same && rows[1].same).toBe(true);
    if (rows.length > 2) expect(rows[2].yours).toBeNull();
  });
  it('without a best path (test runs) shows only your steps', () => {
    const rows = pairPaths([{ node: 'a', option: 'x', effects: {}, at: 0, moodBefore: 0, moodAfter: 0 }], null);
    expect(rows).toEqual([{ index: 0, yours: expect.objectContaining({ node: 'a' }), best: null, same: false }]);
  });
});
