/**
 * Scores: each dimension 0–100 relative to the worst and best a scenario allows, and a run's
 * scores as a pure function of its log (`scoreRun`).
 */
import type { Analysis, PlayState, Scores } from './contract';
import type { Dimension, Run, Scenario } from './types';
import { DIMENSIONS } from './types';
import { replayRun } from './replay';

/** Weights of the three dimensions in the overall score. */
export type Weights = Partial<Record<Dimension, number>>;

/** The weights to use: the given ones, each missing or invalid (negative, not finite) one 1; all 1 when they add up to 0. */
export function resolveWeights(weights?: Weights): Record<Dimension, number> {
  const valid = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  const out = { warmth: 1, initiative: 1, outcome: 1 };
  for (const d of DIMENSIONS) if (valid(weights?.[d])) out[d] = weights[d];
  return DIMENSIONS.some((d) => out[d] > 0) ? out : { warmth: 1, initiative: 1, outcome: 1 };
}

/**
 * A dimension's raw points as a fraction 0..1 of the scenario's range (min → 0, max → 1);
 * 1 when the dimension's range is a single value (nobody can do better or worse).
 */
export function normalise(analysis: Pick<Analysis, 'ranges'>, d: Dimension, raw: number): number {
  const { min, max } = analysis.ranges[d];
  if (max <= min) return 1;
  const f = (raw - min) / (max - min);
  return f < 0 ? 0 : f > 1 ? 1 : f;
}

/**
 * The overall score (0–100, not rounded) of raw points: the weighted mean of the normalised
 * dimensions, so a path with a higher weighted total never gets a lower overall.
 */
export function overallOf(analysis: Pick<Analysis, 'ranges'>, raw: Record<Dimension, number>, weights: Record<Dimension, number>): number {
  let sum = 0;
  let total = 0;
  for (const d of DIMENSIONS) {
    sum += weights[d] * normalise(analysis, d, raw[d]);
    total += weights[d];
  }
  return (sum / total) * 100;
}

/**
 * Scores a run state (or raw points): each dimension 0–100 (integers) between the scenario's
 * worst (0) and best (100), and the overall score (overallOf) rounded.
 */
export function scoreState(
  analysis: Pick<Analysis, 'ranges'>,
  state: Pick<PlayState, 'raw'>,
  weights?: Weights,
): Scores {
  const out = { warmth: 0, initiative: 0, outcome: 0, overall: 0 };
  for (const d of DIMENSIONS) out[d] = Math.round(normalise(analysis, d, state.raw[d]) * 100 + 1e-9);
  out.overall = Math.round(overallOf(analysis, state.raw, resolveWeights(weights)) + 1e-9);
  return out;
}

/** A run's log replayed and scored: what the store keeps, an import checks and the report shows. */
export interface ScoredRun<S extends Scores | null = Scores> {
  /** The state the log replays to. */
  state: PlayState;
  /** The run says it is finished (`finishedAt`) and its log reaches an ending. */
  finished: boolean;
  /** The scores of the state reached; null when only the log was checked (no analysis given). */
  scores: S;
}

/**
 * Replays a run's log against the scenario version it was played on and scores where it ends,
 * with the scenario's weights: the one place a run's score comes from (a score is never taken
 * from a file). Without an analysis it only replays, so an import can check every log of a
 * scenario it does not trust yet. Throws ReplayError when the log cannot happen.
 */
export function scoreRun(scenario: Scenario, run: Run, analysis: Pick<Analysis, 'ranges'>): ScoredRun;
export function scoreRun(scenario: Scenario, run: Run): ScoredRun<null>;
export function scoreRun(scenario: Scenario, run: Run, analysis?: Pick<Analysis, 'ranges'>): ScoredRun<Scores | null> {
  const state = replayRun(scenario, run);
  return {
    state,
    finished: run.finishedAt !== undefined && state.ending !== null,
    scores: analysis ? scoreState(analysis, state, scenario.scoring?.weights) : null,
  };
}
