import { describe, expect, it } from 'vitest';
import { normalise, resolveWeights, scoreRun, scoreState } from './score';
import { analyseScenario } from './analyse';
import { replayRun } from './replay';
import { ReplayError } from './contract';
import { choose, sampleRun as run, sampleScenario, T0 } from '../../test-support/generate-samples';

const ranges = { warmth: { min: -4, max: 6 }, initiative: { min: 0, max: 4 }, outcome: { min: 2, max: 2 } };

describe('scoreState', () => {
  it('maps min to 0 and max to 100 per dimension; a single-value range scores 100', () => {
    expect(scoreState({ ranges }, { raw: { warmth: -4, initiative: 4, outcome: 2 } })).toEqual({ warmth: 0, initiative: 100, outcome: 100, overall: 67 });
    expect(scoreState({ ranges }, { raw: { warmth: 1, initiative: 1, outcome: 2 } })).toEqual({ warmth: 50, initiative: 25, outcome: 100, overall: 58 });
  });

  it('clamps raw points outside the range', () => {
    expect(scoreState({ ranges }, { raw: { warmth: 99, initiative: -9, outcome: 2 } })).toMatchObject({ warmth: 100, initiative: 0 });
  });

  it('weights the overall score', () => {
    const raw = { warmth: 6, initiative: 0, outcome: 2 };
    expect(scoreState({ ranges }, { raw }, { warmth: 2, initiative: 1, outcome: 0 }).overall).toBe(67);
    expect(scoreState({ ranges }, { raw }, { warmth: 0, initiative: 1, outcome: 0 }).overall).toBe(0);
  });

  it('falls back to equal weights for missing, negative or all-zero weights', () => {
    expect(resolveWeights({ warmth: -1 })).toEqual({ warmth: 1, initiative: 1, outcome: 1 });
    expect(resolveWeights({ warmth: 0, initiative: 0, outcome: 0 })).toEqual({ warmth: 1, initiative: 1, outcome: 1 });
    expect(resolveWeights({ outcome: 3 })).toEqual({ warmth: 1, initiative: 1, outcome: 3 });
    expect(normalise({ ranges }, 'warmth', 1)).toBe(0.5);
  });
});

describe('scoreRun', () => {
  const scenario = sampleScenario();
  const analysis = analyseScenario(scenario);
  const best = [choose('greet', 'warm', T0 + 2000), choose('ask', 'order', T0 + 5000), choose('close', 'callback', T0 + 9000)];

  it("scores a finished run's replayed state with the scenario's weights", () => {
    const r = run(best, { finishedAt: T0 + 9000 });
    const out = scoreRun(scenario, r, analysis);
    expect(out.finished).toBe(true);
    expect(out.state).toEqual(replayRun(scenario, r));
    expect(out.state.ending).toBe('fan');
    expect(out.scores).toEqual(scoreState(analysis, out.state, scenario.scoring?.weights));
    const weighted = { ...scenario, scoring: { weights: { warmth: 0, initiative: 0, outcome: 1 } } };
    expect(scoreRun(weighted, r, analysis).scores.overall).toBe(out.scores.outcome);
  });

  it('is not finished while under way, or when a run says finished but its log reaches no ending', () => {
    expect(scoreRun(scenario, run(best.slice(0, 1)), analysis).finished).toBe(false);
    expect(scoreRun(scenario, run(best.slice(0, 1), { finishedAt: T0 + 3000 }), analysis).finished).toBe(false);
    expect(scoreRun(scenario, run(best)).finished).toBe(false);
  });

  it('only replays without an analysis, and throws ReplayError for a log that cannot happen', () => {
    expect(scoreRun(scenario, run(best, { finishedAt: T0 + 9000 }))).toMatchObject({ finished: true, scores: null });
    expect(() => scoreRun(scenario, run([choose('greet', 'nope', T0 + 1000)]), analysis)).toThrow(ReplayError);
  });
});
