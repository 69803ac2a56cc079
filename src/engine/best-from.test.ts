import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bestFrom, reviewDecisions } from './best-from';
import { firstState } from './compile-rules';
import { analyseScenario } from './analyse';
import { applyEvent, initialPlayState } from './replay';
import { scoreState } from './score';
import type { PathStep } from './contract';
import type { Run, Scenario } from './types';
import { sampleScenario } from '../../test-support/generate-samples';
import { generateScenario } from '../../test-support/generate';

function play(s: Scenario, steps: PathStep[]) {
  const run: Run = { formatVersion: 1, id: 'r', scenarioId: s.id, scenarioHash: '', playerId: null, mode: 'assessment', timerScale: 1, startedAt: 1000, events: [] };
  let state = initialPlayState(s, run);
  let at = 1000;
  for (const st of steps) {
    at = st.option === null ? (state.deadline ?? at) : at + 1000;
    state = applyEvent(s, state, st.option === null ? { type: 'timer.expire', node: st.node, at } : { type: 'choice.select', node: st.node, option: st.option, at });
  }
  return state;
}

const zero = { warmth: 0, initiative: 0, outcome: 0 };

describe('bestFrom', () => {
  const s = sampleScenario();
  const a = analyseScenario(s);

  it('from the start, is the analysis best path: its first option and an overall of 100', () => {
    const b = bestFrom(s, a, { ...firstState(s, s.start), mood: 0, flags: {}, raw: zero });
    expect(b.best).toEqual([a.bestPath.steps[0].option]);
    expect(Math.round(b.overall)).toBe(100);
    expect(b.options.map((o) => o.option)).toEqual(['warm', 'cold', 'ignore']);
  });

  it('offers only what is available with the flags the player has: without the order, no call-back', () => {
    const b = bestFrom(s, a, { ...firstState(s, 'close'), mood: 0, flags: {}, raw: { warmth: 2, initiative: -1, outcome: -1 } });
    expect(b.options.map((o) => o.option)).toEqual(['bye', 'upsell']);
    expect(b.best).toEqual(['upsell']);
    // The best path goes through the call-back here; from this moment it cannot.
    expect(a.bestPath.steps[2]).toEqual({ node: 'close', option: 'callback' });
    const withOrder = bestFrom(s, a, { ...firstState(s, 'close'), mood: 0, flags: { ordered: true }, raw: zero });
    expect(withOrder.best).toEqual(['callback']);
  });

  it('follows the routes the mood takes: a customer in a good mood after the upsell becomes a fan', () => {
    const good = bestFrom(s, a, { ...firstState(s, 'close'), mood: 2, flags: {}, raw: zero }).options.find((o) => o.option === 'upsell')!;
    const flat = bestFrom(s, a, { ...firstState(s, 'close'), mood: 0, flags: {}, raw: zero }).options.find((o) => o.option === 'upsell')!;
    expect(good.raw).toEqual({ warmth: 0, initiative: 1, outcome: 3 }); // the fan ending's +2 outcome
    expect(flat.raw).toEqual({ warmth: 0, initiative: 1, outcome: 1 });
    expect(good.overall).toBeGreaterThan(flat.overall);
  });

  it('counts the points so far in the overall score it reports', () => {
    const a0 = bestFrom(s, a, { ...firstState(s, 'close'), mood: 0, flags: {}, raw: zero });
    const a1 = bestFrom(s, a, { ...firstState(s, 'close'), mood: 0, flags: {}, raw: { warmth: 3, initiative: 0, outcome: 0 } });
    expect(a1.overall).toBeGreaterThan(a0.overall);
    expect(a1.best).toEqual(a0.best);
  });

  it('gives the time-out of a timed decision its own outlook', () => {
    const b = bestFrom(s, a, { ...firstState(s, 'greet'), mood: 0, flags: {}, raw: zero });
    expect(b.timeout?.option).toBeNull();
    expect(b.timeout!.overall).toBeLessThan(b.overall);
  });

  it('lists every option that ties for best', () => {
    const tie = structuredClone(s);
    tie.nodes.greet.options[1].effects = { ...tie.nodes.greet.options[0].effects };
    const b = bestFrom(tie, analyseScenario(tie), { ...firstState(tie, 'greet'), mood: 0, raw: zero });
    expect(b.best).toEqual(['warm', 'cold']);
  });
});

describe('reviewDecisions', () => {
  const s = sampleScenario();
  const a = analyseScenario(s);

  it('compares each decision the player met with what was best from that moment', () => {
    const end = play(s, [{ node: 'greet', option: 'warm' }, { node: 'ask', option: 'no' }, { node: 'close', option: 'bye' }]);
    const r = reviewDecisions(s, a, end.steps);
    expect(r.map((x) => x.step.node)).toEqual(['greet', 'ask', 'close']);
    expect(r.map((x) => x.outlook.best)).toEqual([['warm'], ['order'], ['upsell']]);
    expect(r[0].loss).toBe(0);
    expect(r[1].loss).toBeGreaterThan(0);
    expect(r[2].loss).toBeGreaterThan(0);
    // At the last decision the player had mood 0 and no order: the state rebuilt from the steps.
    expect(r[2].state).toEqual({ node: 'close', mood: 0, flags: {}, visited: [], watched: [], raw: { warmth: 2, initiative: -1, outcome: -1 } });
    // What the last choice kept reachable is exactly where the run ended.
    expect(Math.round(r[2].chosen!.overall)).toBe(scoreState(a, end).overall);
  });

  it('a time-out is compared too', () => {
    const end = play(s, [{ node: 'greet', option: null }, { node: 'ask', option: 'order' }, { node: 'close', option: 'callback' }]);
    const r = reviewDecisions(s, a, end.steps);
    expect(r[0].chosen?.option).toBeNull();
    expect(r[0].loss).toBeGreaterThan(0);
    expect(r[1].loss).toBe(0);
  });
});

describe('bestFrom on the built-in scenarios', () => {
  const dir = new URL('../../scenarios/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
  for (const f of files) {
    it(`${f}: the best from the start is the analysis's best path, and it loses nothing anywhere`, () => {
      const s = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Scenario;
      const a = analyseScenario(s);
      const end = play(s, a.bestPath.steps);
      const best = scoreState(a, end, s.scoring?.weights).overall;
      const b = bestFrom(s, a, { ...firstState(s, s.start), mood: s.customer.initialMood ?? 0, flags: {}, raw: zero });
      expect(Math.round(b.overall)).toBe(best);
      for (const r of reviewDecisions(s, a, end.steps)) expect(r.loss).toBeCloseTo(0, 9);
    });
  }
});

describe('bestFrom on generated scenarios of 10 to 200 nodes (flags and mood routes)', () => {
  for (const [nodes, seed, flags] of [[10, 1, 1], [60, 2, 2], [200, 3, 3]] as const) {
    it(`${nodes} nodes: the best from the start is the analysis's best overall (or below it, when that one waits)`, () => {
      const s = generateScenario({ nodes, seed, flags });
      const a = analyseScenario(s);
      const end = play(s, a.bestPath.steps);
      const analysed = scoreState(a, end, s.scoring?.weights).overall;
      const b = bestFrom(s, a, { ...firstState(s, s.start), mood: s.customer.initialMood ?? 0, flags: {}, raw: zero });
      // The analysis also counts letting the time run out as a way on; the report's advice is a choice.
      if (a.bestPath.steps.some((st) => st.option === null)) expect(Math.round(b.overall)).toBeLessThanOrEqual(analysed);
      else expect(Math.round(b.overall)).toBe(analysed);
      // Following the best choice from each moment reaches what bestFrom promised at the start.
      let state = play(s, []);
      while (state.node !== null) {
        const here = bestFrom(s, a, { ...state, node: state.node as string });
        state = play(s, [...state.steps.map((x) => ({ node: x.node, option: x.option })), { node: state.node, option: here.best[0] }]);
      }
      expect(scoreState(a, state, s.scoring?.weights).overall).toBe(Math.round(b.overall));
      for (const r of reviewDecisions(s, a, state.steps)) expect(r.loss).toBeCloseTo(0, 9);
    });
  }
});
