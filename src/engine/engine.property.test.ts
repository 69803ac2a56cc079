import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateScenario } from '../../test-support/generate';
import { analyseScenario } from './analyse';
import { applyEvent, initialPlayState, replayRun } from './replay';
import { scoreState } from './score';
import type { PlayState } from './contract';
import type { Run, RunEvent, Scenario, TimerScale } from './types';
import { DIMENSIONS } from './types';

const scenarioArb = fc
  .record({ nodes: fc.integer({ min: 1, max: 40 }), seed: fc.integer({ min: 1, max: 1_000_000 }), flags: fc.integer({ min: 0, max: 3 }) })
  .map((o) => generateScenario(o));

const cache = new WeakMap<Scenario, ReturnType<typeof analyseScenario>>();
const analysisOf = (s: Scenario) => {
  let a = cache.get(s);
  if (!a) cache.set(s, (a = analyseScenario(s)));
  return a;
};

function emptyRun(s: Scenario, timerScale: TimerScale): Run {
  return { formatVersion: 1, id: 'p', scenarioId: s.id, scenarioHash: '', playerId: null, mode: 'assessment', timerScale, startedAt: 1_000_000, events: [] };
}

/** Plays a scenario live, event by event, with the given random picks; returns the log and the live state. */
function play(s: Scenario, picks: number[], timerScale: TimerScale): { run: Run; live: PlayState } {
  const run = emptyRun(s, timerScale);
  let live = initialPlayState(s, run);
  for (let i = 0; live.node !== null && i < 10_000; i++) {
    const pick = picks[i % picks.length] ?? 0;
    let event: RunEvent;
    if (live.deadline !== null && pick % 5 === 0) event = { type: 'timer.expire', node: live.node, at: live.deadline };
    else if (pick % 11 === 1 && run.events[run.events.length - 1]?.type !== 'timer.scale') event = { type: 'timer.scale', scale: ([1, 1.5, 10] as const)[pick % 3], at: live.enteredAt + 1 };
    else {
      const option = live.available[pick % live.available.length];
      event = { type: 'choice.select', node: live.node, option: option.id, at: live.enteredAt + 1 + (pick % 4000) };
    }
    live = applyEvent(s, live, event, run.events.length);
    run.events.push(event);
  }
  return { run, live };
}

describe('engine properties', () => {
  it('random play-throughs score 0–100, stay within the ranges, and replay exactly as played live', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), fc.constantFrom<TimerScale>(0, 1, 1.5, 10), (s, picks, scale) => {
        const a = analysisOf(s);
        const { run, live } = play(s, picks, scale);
        expect(live.ending).not.toBeNull();
        expect(replayRun(s, run)).toEqual(live);
        const scores = scoreState(a, live, s.scoring?.weights);
        for (const v of Object.values(scores)) {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
        for (const d of DIMENSIONS) {
          expect(live.raw[d]).toBeGreaterThanOrEqual(a.ranges[d].min);
          expect(live.raw[d]).toBeLessThanOrEqual(a.ranges[d].max);
        }
        const best = replayPath(s, a.bestPath.steps);
        expect(scoreState(a, best).overall).toBeGreaterThanOrEqual(scores.overall);
      }),
      { numRuns: 120 },
    );
  });

  it('the best path per dimension reaches the maximum and scores exactly 100 on it', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const a = analysisOf(s);
        for (const d of DIMENSIONS) {
          const end = replayPath(s, a.bestPaths[d].steps);
          expect(end.ending).toBe(a.bestPaths[d].ending);
          expect(end.raw[d]).toBe(a.ranges[d].max);
          expect(scoreState(a, end)[d]).toBe(100);
        }
      }),
      { numRuns: 60 },
    );
  });
});

function replayPath(s: Scenario, steps: { node: string; option: string | null }[]): PlayState {
  const run = emptyRun(s, 1);
  let at = run.startedAt;
  let state = initialPlayState(s, run);
  for (const step of steps) {
    const event: RunEvent =
      step.option === null ? { type: 'timer.expire', node: step.node, at: state.deadline ?? at } : { type: 'choice.select', node: step.node, option: step.option, at: (at += 1) };
    state = applyEvent(s, state, event);
    at = state.enteredAt;
  }
  return state;
}
