/**
 * The graph analysis of a scenario: which (node, mood, flags) states a player can reach, what is
 * wrong with the graph, the lowest and highest score per dimension over all complete paths
 * (conditions included) and the best paths. Pure and linear in the number of reachable states.
 */
import type { Analysis, ScenarioPath, ScenarioSummary } from './contract';
import type { Scenario } from './types';
import { exploreStates, MAX_STATES, stateCount } from './analyse-graph';
import { choiceId, releaseChoices } from './analyse-choices';
import type { StateGraph } from './analyse-graph';
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
 * Analyses a scenario that passed the schema checks: explores every reachable (node, mood, flags)
 * state from the start, and returns the score ranges, the best path overall and per dimension,
 * a summary, and findings (unreachable nodes and endings, dead ends, loops and score loops,
 * conditions that never hold, routes never taken, and weak content). Never throws on a
 * structurally valid scenario, never recurses, and stops at `maxStates` states.
 */
export function analyseScenario(scenario: Scenario, options: AnalyseOptions = {}): Analysis {
  const g = exploreStates(scenario, options.maxStates ?? MAX_STATES);
  const usable = g.start >= 0 && !g.truncated;
  const order = usable ? orderStates(g) : null;
  const opt = order ? optimum(g, order, resolveWeights(scenario.scoring?.weights)) : null;
  const empty: ScenarioPath = { steps: [], ending: '' };
  const ranges = opt?.ranges ?? {
    warmth: { min: 0, max: 0 },
    initiative: { min: 0, max: 0 },
    outcome: { min: 0, max: 0 },
  };
  const analysis: Analysis = {
    ranges,
    bestPath: opt?.bestPath ?? empty,
    bestPaths: opt?.bestPaths ?? { warmth: empty, initiative: empty, outcome: empty },
    findings: findingsOf(scenario, g, order, opt, options.findingsPerCode),
    summary: summarise(scenario, g, ranges, opt?.shortestPath ?? 0, opt?.longestPath ?? 0),
    stateCount: stateCount(g),
  };
  releaseChoices(g);
  return analysis;
}

function summarise(
  scenario: Scenario,
  g: StateGraph,
  ranges: Analysis['ranges'],
  shortestPath: number,
  longestPath: number,
): ScenarioSummary {
  // Counted when the graph read the choices (no second visit of the options).
  const options = g.optionCount;
  const conditional = g.conditionalCount;
  const timed = g.timedCount;
  const decisions = g.nodeIds.length;
  const endings = Object.keys(scenario.endings ?? {}).length;
  const summary: ScenarioSummary = {
    id: scenario.id,
    nodes: decisions + endings,
    decisions,
    timedDecisions: timed,
    endings,
    shortestPath,
    longestPath,
    averageOptions: decisions ? Math.round((options / decisions) * 100) / 100 : 0,
    conditionalBranches: conditional,
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
  const n = stateCount(g);
  const parentEdge = new Int32Array(n).fill(-1);
  const parentState = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const found = new Map<string, ScenarioPath>();
  if (g.start < 0 || g.start >= n) {
    releaseChoices(g);
    return {};
  }
  const queue = [g.start];
  seen[g.start] = 1;
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i];
    for (let e = g.edgeStart[s]; e < g.edgeStart[s + 1]; e++) {
      const t = g.edgeTarget[e];
      if (t < 0) {
        const ending = g.endingIds[-t - 1];
        if (!found.has(ending)) found.set(ending, { steps: trace(g, parentEdge, parentState, e, s), ending });
      } else if (t < n && !seen[t]) {
        seen[t] = 1;
        parentEdge[t] = e;
        parentState[t] = s;
        queue.push(t);
      }
    }
  }
  releaseChoices(g);
  return Object.fromEntries(found);
}

function trace(g: StateGraph, parentEdge: Int32Array, parentState: Int32Array, lastEdge: number, last: number): ScenarioPath['steps'] {
  const steps: ScenarioPath['steps'] = [];
  let e = lastEdge;
  let s = last;
  for (;;) {
    const node = g.stateNode[s];
    steps.push({ node: g.nodeIds[node], option: choiceId(g, g.edgeChoice[e]) });
    if (parentEdge[s] < 0) break;
    e = parentEdge[s];
    s = parentState[s];
  }
  return steps.reverse();
}
