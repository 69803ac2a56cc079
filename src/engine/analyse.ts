/**
 * The graph analysis of a scenario: which states a player can reach, what is wrong with the
 * graph, the lowest and highest score per dimension over all complete paths (conditions
 * included) and the best paths. Pure; the story rules come from compile-rules.ts only.
 */
import type { Analysis, ScenarioPath, ScenarioSummary } from './contract';
import type { Scenario } from './types';
import type { Choice, StateGraph } from './analyse-graph';
import { exploreStates, MAX_STATES } from './analyse-graph';
import { orderStates } from './analyse-order';
import { optimum } from './analyse-dp';
import { findingsOf } from './analyse-findings';
import { resolveWeights } from './score';

/** Options of the analysis. */
export interface AnalyseOptions {
  /** Stop with a "too-many-states" error beyond this many reachable states (default 250,000). */
  maxStates?: number;
  /** List at most this many findings with the same code, then one that says how many more (default 40). */
  findingsPerCode?: number;
}

/**
 * Analyses a scenario that passed the schema checks: explores every reachable state from the
 * start, and returns the score ranges, the best path overall and per dimension, a summary, and
 * findings (unreachable nodes and endings, dead ends, loops and score loops, conditions that
 * never hold, routes never taken, and weak content). Stops at `maxStates` states.
 */
export function analyseScenario(scenario: Scenario, options: AnalyseOptions = {}): Analysis {
  return analyseGraph(scenario, options).analysis;
}

/** analyseScenario, with the state graph it explored (validateScenario walks it again for the test-wiseness figures). */
export function analyseGraph(scenario: Scenario, options: AnalyseOptions = {}): { analysis: Analysis; graph: StateGraph } {
  const g = exploreStates(scenario, options.maxStates ?? MAX_STATES);
  const order = g.start >= 0 && !g.truncated ? orderStates(g) : null;
  const opt = order ? optimum(g, order, resolveWeights(scenario.scoring?.weights)) : null;
  const empty: ScenarioPath = { steps: [], ending: '' };
  const ranges = opt?.ranges ?? { warmth: { min: 0, max: 0 }, initiative: { min: 0, max: 0 }, outcome: { min: 0, max: 0 } };
  const analysis: Analysis = {
    ranges,
    bestPath: opt?.bestPath ?? empty,
    bestPaths: opt?.bestPaths ?? { warmth: empty, initiative: empty, outcome: empty },
    findings: findingsOf(scenario, g, order, opt, options.findingsPerCode),
    summary: summarise(scenario, g, ranges, opt?.shortestPath ?? 0, opt?.longestPath ?? 0),
    stateCount: g.next.length,
  };
  return { analysis, graph: g };
}

function summarise(scenario: Scenario, g: StateGraph, ranges: Analysis['ranges'], shortestPath: number, longestPath: number): ScenarioSummary {
  const choices = [...g.choices.values()].flat();
  const options = choices.filter((c) => c.index >= 0);
  const conditionalRoutes = choices.flatMap((c) => (Array.isArray(c.way.next) ? c.way.next : [])).filter((r) => r?.when);
  const decisions = g.nodeIds.length;
  const summary: ScenarioSummary = {
    id: scenario.id,
    nodes: decisions + g.endingIds.length,
    decisions,
    timedDecisions: choices.length - options.length,
    endings: g.endingIds.length,
    shortestPath,
    longestPath,
    averageOptions: decisions ? Math.round((options.length / decisions) * 100) / 100 : 0,
    conditionalBranches: options.filter((c) => 'when' in c.way && c.way.when).length + conditionalRoutes.length,
    languages: [...(scenario.languages ?? [])],
    ranges,
  };
  if (typeof scenario.estimatedMinutes === 'number') summary.estimatedMinutes = scenario.estimatedMinutes;
  return summary;
}

/**
 * A shortest path (fewest decisions) from the start — or from `startNode` — to every ending that
 * can be reached, keyed by ending id. For tests, e2e walks and "show me a way to this ending".
 */
export function pathsToEndings(scenario: Scenario, startNode?: string): Record<string, ScenarioPath> {
  const g = exploreStates(scenario, MAX_STATES, startNode);
  const way = (s: number, c: number) => ({ node: g.states[s].node, option: (g.choices.get(g.states[s].node) as Choice[])[c].id });
  // The state and choice each state was first reached by: the states were found breadth-first, so along a shortest way.
  const via = new Map<number, [from: number, choice: number]>();
  const found = new Map<string, ScenarioPath>();
  g.next.forEach((next, s) => {
    next.forEach((to, c) => {
      if (typeof to === 'number' && to !== g.start && !via.has(to)) via.set(to, [s, c]);
      if (typeof to !== 'string' || found.has(to)) return;
      const steps = [way(s, c)];
      for (let v = via.get(s); v; v = via.get(v[0])) steps.unshift(way(...v));
      found.set(to, { steps, ending: to });
    });
  });
  return Object.fromEntries(found);
}
