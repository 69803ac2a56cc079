/**
 * What was best from a moment of a run: given a decision the player met (node, the customer's
 * mood, the flags set so far and the points so far), which option leads to the highest overall
 * score that can still be reached, and how much each option (or letting the time run out) keeps
 * reachable. The report compares every decision the player actually met with this, rather than
 * with the best path from the start, which the player may have left long before.
 *
 * Pure: a memoised search over (node, mood, flags) states that uses the engine's own story rules
 * (compile-rules), so it can never disagree with the live game or the replay. Scenarios have
 * 10–200 nodes; the states reachable from one moment are few, and a memo shared by the calls of
 * one report evaluates each once. Future decisions count only the options (the best a player can
 * still do is to choose well, not to wait), and inside a loop a state already being evaluated
 * counts as unreachable, as in the analysis.
 */
import type { Analysis, TakenStep } from './contract';
import type { Dimension, Effects, Scenario } from './types';
import { DIMENSIONS } from './types';
import { availableOptions, firstMemory, memoryAfter, memoryKey, pointsOf, stepOf } from './compile-rules';
import type { Memory, StoryState, Way } from './compile-rules';
import { normalise, resolveWeights } from './score';

/** Raw points per dimension. */
export type Points = Record<Dimension, number>;

/** Where a run stands at a decision: the node, the customer's mood, the flags and the points so far. */
export interface DecisionState extends StoryState {
  raw: Points;
}

/** One way out of a decision and the best that stays reachable after it. */
export interface WayOutlook {
  /** The option id; null for letting the time run out. */
  option: string | null;
  /** The raw points at the end of the best continuation (the points so far included). */
  raw: Points;
  /** The overall score (0–100, not rounded) of that continuation; -Infinity when no ending can be reached. */
  overall: number;
}

/** What was best from a decision. */
export interface BestFrom {
  /** The ids of the option(s) that keep the highest overall reachable (ties all listed, in file order). */
  best: string[];
  /** The highest overall score (0–100, not rounded) still reachable from here. */
  overall: number;
  /** Every available option, in file order. */
  options: WayOutlook[];
  /** Letting the time run out, for a timed decision. */
  timeout?: WayOutlook;
}

/** The best rest of a run from entering a node in some mood with some flags. */
interface Future {
  /** Points from here to the ending (ending effects included). */
  points: Points;
  /** Their weighted value (the overall score's slope); -Infinity when no ending is reachable. */
  value: number;
}

/** Evaluated states, shared by the calls for one scenario and analysis (e.g. all decisions of one report). */
export type BestFromMemo = Map<string, Future | null>;

const ZERO: Points = Object.freeze({ warmth: 0, initiative: 0, outcome: 0 });
const UNREACHABLE: Future = Object.freeze({ points: ZERO, value: -Infinity });
const TIE = 1e-9;

function add(a: Points, e: Effects | Points | undefined): Points {
  if (!e) return a;
  return {
    warmth: a.warmth + (e.warmth ?? 0),
    initiative: a.initiative + (e.initiative ?? 0),
    outcome: a.outcome + (e.outcome ?? 0),
  };
}

/** The overall score (0–100, unrounded) of raw points: the weighted mean of the normalised dimensions. */
function overallOf(analysis: Pick<Analysis, 'ranges'>, weights: Points, raw: Points): number {
  let sum = 0;
  let total = 0;
  for (const d of DIMENSIONS) {
    sum += weights[d] * normalise(analysis, d, raw[d]);
    total += weights[d];
  }
  return (sum / total) * 100;
}

class Search {
  private readonly slope: Points;

  constructor(
    readonly scenario: Scenario,
    readonly analysis: Pick<Analysis, 'ranges'>,
    readonly weights: Points,
    private readonly memo: BestFromMemo,
  ) {
    const slope = { ...ZERO };
    for (const d of DIMENSIONS) {
      const { min, max } = analysis.ranges[d];
      slope[d] = max > min ? weights[d] / (max - min) : 0;
    }
    this.slope = slope;
  }

  private valueOf(p: Points): number {
    return this.slope.warmth * p.warmth + this.slope.initiative * p.initiative + this.slope.outcome * p.outcome;
  }

  /** The best rest of the run after taking a way out of a decision in this state. */
  after(state: StoryState, way: Way): Future {
    const step = stepOf(this.scenario, state, way);
    const rest = step.ending !== null ? { points: pointsOf(this.scenario.endings[step.ending].effects), value: 0 } : step.next ? this.future(step.next) : UNREACHABLE;
    if (rest.value === -Infinity) return UNREACHABLE;
    const points = add(rest.points, way.effects);
    return { points, value: this.valueOf(points) };
  }

  /** The best rest of the run from entering a decision in this state (choosing an option at every decision). */
  future(state: StoryState): Future {
    const key = `${state.node}|${state.mood}|${memoryKey(state)}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (known === null) return UNREACHABLE; // being evaluated: a loop
    this.memo.set(key, null);
    let best = UNREACHABLE;
    for (const o of availableOptions(this.scenario.nodes[state.node].options ?? [], state)) {
      const f = this.after(state, o);
      if (f.value > best.value + TIE) best = f;
    }
    this.memo.set(key, best);
    return best;
  }
}

const memos = new WeakMap<Scenario, WeakMap<object, BestFromMemo>>();

/** The memo for one scenario and analysis (the same objects share it, so one report evaluates each state once). */
function memoFor(scenario: Scenario, analysis: object): BestFromMemo {
  let byAnalysis = memos.get(scenario);
  if (!byAnalysis) memos.set(scenario, (byAnalysis = new WeakMap()));
  let memo = byAnalysis.get(analysis);
  if (!memo) byAnalysis.set(analysis, (memo = new Map()));
  return memo;
}

/**
 * What was best from a decision: for each available option (and the time-out of a timed node),
 * the highest overall score still reachable after it, and the option(s) that keep the highest.
 * `analysis` gives the score ranges; the weights are the scenario's own. A node that is not a
 * decision of the scenario gives no options and overall -Infinity.
 */
export function bestFrom(scenario: Scenario, analysis: Pick<Analysis, 'ranges'>, state: DecisionState): BestFrom {
  const weights = resolveWeights(scenario.scoring?.weights);
  const search = new Search(scenario, analysis, weights, memoFor(scenario, analysis));
  const n = Object.prototype.hasOwnProperty.call(scenario.nodes, state.node) ? scenario.nodes[state.node] : undefined;
  const outlook = (option: string | null, f: Future): WayOutlook => {
    const raw = add(state.raw, f.points);
    return { option, raw, overall: f.value === -Infinity ? -Infinity : overallOf(analysis, weights, raw) };
  };
  const options = n ? availableOptions(n.options ?? [], state).map((o) => outlook(o.id, search.after(state, o))) : [];
  let overall = -Infinity;
  for (const o of options) if (o.overall > overall) overall = o.overall;
  const out: BestFrom = {
    best: options.filter((o) => overall > -Infinity && o.overall >= overall - TIE).map((o) => o.option as string),
    overall,
    options,
  };
  if (n?.timeLimit) out.timeout = outlook(null, search.after(state, n.timeLimit));
  return out;
}

/** One decision the player met, compared with what was best from that moment. */
export interface DecisionReview {
  /** The decision's place in the run (0 = first). */
  index: number;
  step: TakenStep;
  /** Where the run stood when the player met the decision. */
  state: DecisionState;
  /** What was best from there. */
  outlook: BestFrom;
  /** What the player's choice (or time-out) kept reachable. */
  chosen: WayOutlook | null;
  /** Overall points (0–100, unrounded) the choice lost against the best option there; 0 when it was a best one. */
  loss: number;
}

/**
 * Each decision of a run compared with what was best from that moment, with the memory (mood,
 * flags) and points the player had then, rebuilt from the steps by the story rules: a run starts
 * with the scenario's first memory and no points, and each step applies its effects.
 */
export function reviewDecisions(scenario: Scenario, analysis: Pick<Analysis, 'ranges'>, steps: readonly TakenStep[]): DecisionReview[] {
  const out: DecisionReview[] = [];
  let memory: Memory = firstMemory(scenario);
  let raw: Points = { ...ZERO };
  steps.forEach((step, index) => {
    const state: DecisionState = { node: step.node, ...memory, raw };
    const outlook = bestFrom(scenario, analysis, state);
    const chosen = step.option === null ? (outlook.timeout ?? null) : (outlook.options.find((o) => o.option === step.option) ?? null);
    const isBest = step.option !== null && outlook.best.includes(step.option);
    const loss = isBest || !chosen || outlook.overall === -Infinity ? 0 : Math.max(0, outlook.overall - Math.max(chosen.overall, 0));
    out.push({ index, step, state, outlook, chosen, loss });
    memory = memoryAfter(state, step.effects);
    raw = add(raw, step.effects);
  });
  return out;
}
