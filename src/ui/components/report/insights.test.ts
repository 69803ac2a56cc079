import { describe, expect, it } from 'vitest';
import toyShop from '../../../../scenarios/toy-shop-saturday.json';
import { bestScores, costliest, endingVsTotal, noLoss, pathRows, tipOf, wellDone, type PathRow } from './insights';
import { scoreState } from '../../../engine/score';
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

describe('pathRows', () => {
  const analysis = analyseScenario(scenario);
  const state = coldRun();
  const rows = pathRows(scenario, analysis, state.steps);

  it('has one row per decision the player met, and only those', () => {
    expect(rows.map((r) => r.yours.node)).toEqual(state.steps.map((s) => s.node));
    expect(rows.map((r) => r.index)).toEqual(state.steps.map((_, i) => i));
  });

  it('compares each with the best option of that same decision, from that moment', () => {
    for (const r of rows) {
      expect(r.best.length).toBeGreaterThan(0);
      for (const o of r.best) expect(scenario.nodes[r.yours.node].options).toContain(o);
      expect(r.same).toBe(r.best.some((o) => o.id === r.yours.option));
      if (r.same) expect(r.loss).toBe(0);
    }
    // The cold player leaves the best path; the best path's step at the same place is elsewhere or another choice.
    const offPath = rows.findIndex((r, i) => analysis.bestPath.steps[i]?.node !== r.yours.node);
    expect(offPath).toBeGreaterThan(0);
    expect(rows.slice(offPath).every((r) => r.best.length > 0)).toBe(true);
  });

  it('a player on the best path made the best choice at every decision', () => {
    const best = analysis.bestPath.steps.map((s) => ({ node: s.node, option: s.option, effects: {}, at: 0, moodBefore: 0, moodAfter: 0 }));
    // Rebuild the real steps (effects and moods) by walking the best options.
    const run = { formatVersion: 1, id: 'b', scenarioId: scenario.id, scenarioHash: 'h', playerId: null, mode: 'assessment', timerScale: 0, startedAt: 0, events: [] } as Run;
    let st = initialPlayState(scenario, run);
    best.forEach((s, i) => (st = applyEvent(scenario, st, { type: 'choice.select', node: s.node, option: s.option!, at: i + 1 })));
    expect(pathRows(scenario, analysis, st.steps).every((r) => r.same && r.loss === 0)).toBe(true);
    expect(costliest(pathRows(scenario, analysis, st.steps))).toEqual([]);
    expect(tipOf(pathRows(scenario, analysis, st.steps))).toBeNull();
    expect(noLoss(pathRows(scenario, analysis, st.steps))).toBe(true);
  });
});

describe('costliest and tipOf', () => {
  const analysis = analyseScenario(scenario);
  const rows = pathRows(scenario, analysis, coldRun().steps);

  /** The cold run's lossy decisions, re-weighed: the i-th costs `points[i]` overall points. */
  function costing(...points: number[]): PathRow[] {
    const lossy = rows.filter((r) => !r.same);
    expect(lossy.length).toBeGreaterThanOrEqual(points.length);
    return lossy.slice(0, points.length).map((r, i) => ({ ...r, loss: points[i] }));
  }

  it('lists at most three decisions that lost points, the costliest first', () => {
    const top = costliest(rows);
    expect(top.length).toBeGreaterThan(0);
    expect(top.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < top.length; i++) expect(top[i - 1].loss).toBeGreaterThanOrEqual(top[i].loss);
    const max = Math.max(...rows.map((r) => r.loss));
    expect(top[0].loss).toBe(max);
    expect(top.every((r) => r.loss >= 5 && !r.same)).toBe(true);
  });

  it('leaves out decisions that cost less than 5 of the 100 points', () => {
    expect(costliest(costing(1, 4, 12, 5)).map((r) => r.loss)).toEqual([12, 5]);
    expect(costliest(costing(1, 2))).toEqual([]);
    expect(noLoss(costing(1, 2))).toBe(false);
    expect(noLoss(costing(0, 0))).toBe(true);
  });

  it('draws the tip from a decision the list above does not hold: its best option and that option\'s feedback', () => {
    const lossy = costing(20, 12, 9, 3);
    const tip = tipOf(lossy)!;
    expect(tip.row).toBe(lossy[3]); // 3 points: the costliest after the three listed
    expect(costliest(lossy)).not.toContain(tip.row);
    expect(tip.better).toBe(tip.row.best[0]);
    expect(tipOf(costing(1, 2))!.row.loss).toBe(2); // nothing listed: the tip is the costliest
  });

  it('gives no tip when the list already holds every decision that lost points (it would repeat a “Better”)', () => {
    expect(tipOf(costing(20, 12))).toBeNull();
    expect(tipOf(costing(0, 0))).toBeNull();
  });
});

describe('wellDone', () => {
  const analysis = analyseScenario(scenario);
  const rows = pathRows(scenario, analysis, coldRun().steps);
  /** The cold run's rows as if the player had chosen well at each, with `stakes[i]` points at stake at the i-th. */
  const good = (...stakes: number[]): PathRow[] => rows.slice(0, stakes.length).map((r, i) => ({ ...r, same: true, loss: 0, stake: stakes[i] }));

  it('knows what was at stake at each decision: at least what the choice lost', () => {
    for (const r of rows) expect(r.stake).toBeGreaterThanOrEqual(r.loss);
    expect(rows.some((r) => r.stake > 0)).toBe(true);
  });

  it('lists at most three best choices, those with the most at stake first, a tie in the order played', () => {
    const g = good(4, 9, 4, 12);
    expect(wellDone(g).map((r) => r.stake)).toEqual([12, 9, 4]);
    expect(wellDone(g)[2]).toBe(g[0]);
  });

  it('counts a choice as good as the best (under a point lost), but not a loss, a time-out or a decision with nothing at stake', () => {
    const [a, b, c, d] = good(8, 8, 8, 0);
    const asGood = { ...a, same: false, loss: 0 };
    const lost = { ...b, same: false, loss: 3 };
    const timedOut = { ...c, yours: { ...c.yours, option: null } };
    expect(wellDone([asGood, lost, timedOut, d])).toEqual([asGood]);
  });

  it('finds none in a run where no choice was the best', () => {
    expect(wellDone(rows.map((r) => ({ ...r, same: false, loss: 6 })))).toEqual([]);
  });
});

describe('bestScores', () => {
  it('is the best path\'s scores from the start', () => {
    const analysis = analyseScenario(scenario);
    const run = { formatVersion: 1, id: 'b', scenarioId: scenario.id, scenarioHash: 'h', playerId: null, mode: 'assessment', timerScale: 0, startedAt: 0, events: [] } as Run;
    let st = initialPlayState(scenario, run);
    analysis.bestPath.steps.forEach((s, i) => (st = applyEvent(scenario, st, { type: 'choice.select', node: s.node, option: s.option!, at: i + 1 })));
    expect(bestScores(scenario, analysis)).toEqual(scoreState(analysis, st, scenario.scoring?.weights));
    expect(bestScores(scenario, analysis)!.overall).toBe(100);
  });
});

describe('endingVsTotal', () => {
  const analysis = analyseScenario(scenario);
  const costly = pathRows(scenario, analysis, coldRun().steps);

  it('names a fan ending with a total under 75, and a lost visit with 60 or more', () => {
    expect(endingVsTotal('fan', 65, costly)).toBe('fan-points-left');
    expect(endingVsTotal('fan', 74.4, costly)).toBe('fan-points-left');
    expect(endingVsTotal('lost', 60, costly)).toBe('lost-handled-well');
  });

  it('says nothing when tone and total agree, or for a neutral ending', () => {
    expect(endingVsTotal('fan', 74.5, costly)).toBeNull();
    expect(endingVsTotal('fan', 90, costly)).toBeNull();
    expect(endingVsTotal('lost', 59, costly)).toBeNull();
    expect(endingVsTotal('neutral', 68, costly)).toBeNull();
    expect(endingVsTotal('neutral', 20, costly)).toBeNull();
  });

  it('says nothing when no decision cost points: there is nothing below to point to', () => {
    expect(endingVsTotal('fan', 65, costly.map((r) => ({ ...r, same: true, loss: 0 })))).toBeNull();
  });
});
