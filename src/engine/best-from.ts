/**
 * What was best from a moment of a run: given a decision the player met (node, the customer's
 * mood, the flags set so far and the points so far), which option leads to the highest overall
 * score that can still be reached, and how much each option (or letting the time run out) keeps
 * reachable. The report compares every decision the player actually met with this, rather than
 * with the best path from the start, which the player may have left long before.
 *
 * The search is the analysis's own: every state reachable from that moment (exploreStates, by the
 * story rules of compile-rules, so it can never disagree with the live game or the replay) and
 * the dynamic programme over them (analyse-dp's optimise) with the overall score's slope as the
 * objective. Future decisions count only the options (the best a player can still do is to
 * choose well, not to wait). One exploration from a run's first decision serves every later
 * decision of that run, so a report explores once.
 */
import type { Analysis, TakenStep } from './contract';
import type { Dimension, Effects, Scenario } from './types';
import { DIMENSIONS } from './types';
import { availableOptions, firstMemory, memoryAfter } from './compile-rules';
import type { Memory, StoryState } from './compile-rules';
import { exploreStates, findState, MAX_STATES, type StateGraph } from './analyse-graph';
import { orderStates } from './analyse-order';
import { bestWay, optimise, type Best } from './analyse-dp';
import { overallOf, resolveWeights } from './score';

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

/** Overall scores this close count as equal (rounding noise): the first in the file is then the best. */
export const TIE = 1e-9;

function add(a: Points, e: Effects | number[] | undefined): Points {
  if (Array.isArray(e)) return { warmth: a.warmth + e[0], initiative: a.initiative + e[1], outcome: a.outcome + e[2] };
  if (!e) return a;
  return {
    warmth: a.warmth + (e.warmth ?? 0),
    initiative: a.initiative + (e.initiative ?? 0),
    outcome: a.outcome + (e.outcome ?? 0),
  };
}

/** Every state reachable from a decision state, and the best choice (options only) from each. */
export interface Search {
  g: StateGraph;
  best: Best;
}

/**
 * The overall score's slope (what a raw point of each dimension adds to it, by the scenario's
 * ranges and weights) and, from every state of `g`, the choice of options that keeps the highest
 * overall score reachable.
 */
export function bestOverall(g: StateGraph, analysis: Pick<Analysis, 'ranges'>, weights: Points): { slope: number[]; best: Best } {
  const slope = DIMENSIONS.map((d) => {
    const { min, max } = analysis.ranges[d];
    return max > min ? weights[d] / (max - min) : 0;
  });
  const [best] = optimise(g, orderStates(g), [{ weights: slope, perDecision: 0 }], { optionsOnly: true, tie: TIE });
  return { slope, best };
}

function search(scenario: Scenario, analysis: Pick<Analysis, 'ranges'>, weights: Points, from: StoryState): Search {
  const g = exploreStates(scenario, MAX_STATES, from);
  return { g, best: bestOverall(g, analysis, weights).best };
}

/**
 * What was best from a decision: for each available option (and the time-out of a timed node),
 * the highest overall score still reachable after it, and the option(s) that keep the highest.
 * `analysis` gives the score ranges; the weights are the scenario's own. A node that is not a
 * decision of the scenario gives no options and overall -Infinity. `within`: a search that may
 * already hold the state (one search from a run's first decision serves the whole run).
 */
export function bestFrom(scenario: Scenario, analysis: Pick<Analysis, 'ranges'>, state: DecisionState, within?: Search): BestFrom {
  const n = Object.prototype.hasOwnProperty.call(scenario.nodes, state.node) ? scenario.nodes[state.node] : undefined;
  if (!n) return { best: [], overall: -Infinity, options: [] };
  const weights = resolveWeights(scenario.scoring?.weights);
  const found = within && findState(within.g, state);
  const { g, best } = found !== undefined && within ? within : search(scenario, analysis, weights, state);
  const s = found ?? 0;
  const choices = g.choices.get(state.node) ?? [];
  /** The best continuation after the choice at position c: its points added to the points so far. */
  const outlook = (c: number): WayOutlook => {
    const choice = choices[c];
    const to = g.next[s][c];
    let raw = state.raw;
    if (typeof to === 'string') raw = add(add(raw, choice.points), g.endingPoints.get(to));
    else if (to !== null && best.value[to] > -Infinity) {
      const way = bestWay(g, best, to);
      raw = add(add(raw, choice.points), g.endingPoints.get(way.ending));
      for (const later of way.choices) raw = add(raw, later.points);
    } else return { option: choice.id, raw: { ...raw }, overall: -Infinity };
    return { option: choice.id, raw, overall: overallOf(analysis, raw, weights) };
  };
  const options = availableOptions(n.options ?? [], state).map((o) => outlook(n.options.indexOf(o)));
  let overall = -Infinity;
  for (const o of options) if (o.overall > overall) overall = o.overall;
  const out: BestFrom = {
    best: options.filter((o) => overall > -Infinity && o.overall >= overall - TIE).map((o) => o.option as string),
    overall,
    options,
  };
  if (n.timeLimit) out.timeout = outlook(choices.length - 1);
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
  let raw: Points = { warmth: 0, initiative: 0, outcome: 0 };
  const weights = resolveWeights(scenario.scoring?.weights);
  const first = steps.length && Object.hasOwn(scenario.nodes, steps[0].node) ? search(scenario, analysis, weights, { node: steps[0].node, ...memory }) : undefined;
  steps.forEach((step, index) => {
    const state: DecisionState = { node: step.node, ...memory, raw };
    const outlook = bestFrom(scenario, analysis, state, first);
    const chosen = step.option === null ? (outlook.timeout ?? null) : (outlook.options.find((o) => o.option === step.option) ?? null);
    const isBest = step.option !== null && outlook.best.includes(step.option);
    const loss = isBest || !chosen || outlook.overall === -Infinity ? 0 : Math.max(0, outlook.overall - Math.max(chosen.overall, 0));
    out.push({ index, step, state, outlook, chosen, loss });
    memory = memoryAfter(state, step.effects);
    raw = add(raw, step.effects);
  });
  return out;
}
