/**
 * Score ranges and best paths by dynamic programming over the state graph: every state is
 * evaluated once, after the states it leads to (linear in states + edges), for several linear
 * objectives at once. Inside a loop (an error the findings report) only edges to states already
 * evaluated count, so it still ends and the best-path pointers never go round in circles.
 */
import type { Analysis, PathStep, Range, ScenarioPath } from './contract';
import type { Dimension } from './types';
import { DIMENSIONS } from './types';
import type { StateGraph } from './analyse-graph';
import { stateCount } from './analyse-graph';
import { choiceId } from './analyse-choices';
import { growScratch, scratch, zeroed } from './analyse-scratch';
import type { GraphOrder } from './analyse-order';

/**
 * A linear objective: a value per choice and per ending, summed along a path. Data, not
 * functions: the values of every choice are written in one loop per objective (a function call
 * per choice returned each value as a new heap number on a big file).
 */
interface Objective {
  /** 'points': points on dimension i, times sign; 'decisions': sign per decision (ending effects count nothing). */
  kind: 'points' | 'decisions';
  // Every objective has both fields (one object shape: the code reading them is not recompiled for each kind).
  i: number;
  sign: number;
}

/** Writes objective k's value of every choice (cv[c * K + k]) and every ending (ev[e * K + k]). */
function objectiveValues(g: StateGraph, o: Objective, k: number, K: number, cv: Values, ev: Values): void {
  const p = g.choicePoints;
  const n = g.choiceCount;
  // One plain loop per kind, its numbers read before it.
  if (o.kind === 'points') {
    const { i, sign } = o;
    for (let c = 0; c < n; c++) cv[c * K + k] = sign * p[c * 3 + i];
    for (let e = 0; e < g.endingIds.length; e++) ev[e * K + k] = sign * g.endingPoints[e * 3 + i];
  } else {
    const sign = o.sign;
    for (let c = 0; c < n; c++) cv[c * K + k] = sign;
    for (let e = 0; e < g.endingIds.length; e++) ev[e * K + k] = 0;
  }
}

/**
 * For K objectives: the highest sum from each state to an ending (value[s*K+k]) and, for the
 * first P objectives (those whose path is followed), the edge achieving it (edge[s*P+k]).
 */
interface Best {
  k: number;
  p: number;
  value: Values;
  edge: Int32Array;
}

/** Values of the DP: 32-bit floats where every sum is a whole number they hold exactly (see narrowEnough). */
type Values = Float64Array | Float32Array;

/** The largest points of one choice or ending for which sums are kept in 32-bit floats. */
const NARROW_POINTS = 64;

/**
 * Whether every sum along a path is a whole number of at most 2^24 in size (exact in a 32-bit
 * float): all points are whole and small, and a path has fewer decisions than there are states.
 * Then the eight objectives take half the memory, which on a 10,000-node graph (13 MB of values)
 * is what the DP mostly waits for.
 */
function narrowEnough(g: StateGraph): boolean {
  if ((stateCount(g) + 2) * NARROW_POINTS >= 2 ** 24) return false;
  return smallWholeNumbers(g.choicePoints, g.choiceCount * 3) && smallWholeNumbers(g.endingPoints, g.endingPoints.length);
}

/** Whether the first n numbers of p are whole and at most NARROW_POINTS in size. */
function smallWholeNumbers(p: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const x = p[i];
    if (!(x === Math.trunc(x) && x <= NARROW_POINTS && x >= -NARROW_POINTS)) return false;
  }
  return true;
}

/**
 * Optimises K objectives at once, keeping best edges for the first `paths` of them; `slot` picks
 * the working memory (results of different slots coexist). On a big graph the values and edges
 * are tens of megabytes, so they are written once per state (no separate pass to fill them) and
 * edges are kept only where a path is followed.
 */
function optimise(g: StateGraph, order: GraphOrder, objectives: Objective[], paths: number, narrow: boolean): Best {
  const n = stateCount(g);
  const K = objectives.length;
  const P = paths;
  // Working memory reused between analyses (analyse-scratch.ts): a Best never leaves `optimum`.
  // A state's entries are set when it is evaluated, before anything reads them (done[] guards the rest).
  const value: Values = narrow ? scratch('dp.value32', Float32Array, n * K) : scratch('dp.value', Float64Array, n * K);
  const edge = scratch('dp.edge', Int32Array, n * P);
  const done = zeroed('dp.done', Uint8Array, n);
  // Values of every choice, flat: choice c at c * K (reused memory, like the values).
  const cv: Values = narrow ? scratch('dp.choices32', Float32Array, g.choiceCount * K) : scratch('dp.choices', Float64Array, g.choiceCount * K);
  const ev: Values = narrow ? new Float32Array(g.endingIds.length * K) : new Float64Array(g.endingIds.length * K);
  for (let k = 0; k < K; k++) objectiveValues(g, objectives[k], k, K, cv, ev);
  const { edgeStart, edgeTarget, edgeChoice } = g;
  const ord = order.order;
  for (let i = 0; i < n; i++) {
    const s = ord[i];
    const base = s * K;
    const pbase = s * P;
    for (let k = 0; k < K; k++) value[base + k] = -Infinity;
    for (let k = 0; k < P; k++) edge[pbase + k] = -1;
    for (let e = edgeStart[s], end = edgeStart[s + 1]; e < end; e++) {
      const t = edgeTarget[e];
      const c = edgeChoice[e] * K;
      let from: Values;
      let at: number;
      if (t < 0) {
        from = ev;
        at = (-t - 1) * K;
      } else if (t < n && done[t] === 1) {
        from = value;
        at = t * K;
      } else continue;
      for (let k = 0; k < K; k++) {
        const v = from[at + k] + cv[c + k];
        if (v > value[base + k]) {
          value[base + k] = v;
          if (k < P) edge[pbase + k] = e;
        }
      }
    }
    done[s] = 1;
  }
  return { k: K, p: P, value, edge };
}

/**
 * The best weighted sum of the normalised dimensions from each state, and the edge achieving it:
 * the same evaluation as optimise for one objective whose values are fractions (always 64-bit
 * floats; a function of its own, so that optimise's array accesses see one kind of array).
 */
function optimiseWeighted(g: StateGraph, order: GraphOrder, coef: number[]): Best {
  // Everything read from g before the first long loop: optimised code entered inside that loop
  // had no feedback for reads after it, and was thrown away on every analysis.
  const n = stateCount(g);
  const choices = g.choiceCount;
  const endings = g.endingIds.length;
  const { edgeStart, edgeTarget, edgeChoice, choicePoints: p, endingPoints: ep } = g;
  const ord = order.order;
  const value = scratch('dp.weighted', Float64Array, n);
  const edge = scratch('dp.weightedEdge', Int32Array, n);
  const done = zeroed('dp.weightedDone', Uint8Array, n);
  const cv = scratch('dp.weightedChoices', Float64Array, choices);
  const ev = new Float64Array(endings);
  // The weighted sum of the dimensions' points of every choice and ending (written here, not by
  // objectiveValues: that one sees only the eight objectives' arrays, of one kind).
  const a = coef[0];
  const b = coef[1];
  const d = coef[2];
  for (let e = 0; e < endings; e++) ev[e] = 0 + a * ep[e * 3] + b * ep[e * 3 + 1] + d * ep[e * 3 + 2];
  for (let c = 0; c < choices; c++) cv[c] = 0 + a * p[c * 3] + b * p[c * 3 + 1] + d * p[c * 3 + 2];
  for (let i = 0; i < n; i++) {
    const s = ord[i];
    let best = -Infinity;
    let bestEdge = -1;
    for (let e = edgeStart[s], end = edgeStart[s + 1]; e < end; e++) {
      const t = edgeTarget[e];
      // An edge into a state not evaluated yet (inside a loop) does not count.
      const v = t < 0 ? ev[-t - 1] + cv[edgeChoice[e]] : t < n && done[t] === 1 ? value[t] + cv[edgeChoice[e]] : -Infinity;
      if (v > best) {
        best = v;
        bestEdge = e;
      }
    }
    value[s] = best;
    edge[s] = bestEdge;
    done[s] = 1;
  }
  return { k: 1, p: 1, value, edge };
}

/** Follows the best edges of objective k from the start to an ending. */
function followPath(g: StateGraph, best: Best, k: number): ScenarioPath {
  // The path is followed once, its states and edges noted in working memory, and the list of
  // steps then made at its exact length: on a 10,000-node file a path has thousands of steps,
  // each a read at an unpredictable place of megabytes of arrays (following it twice cost as
  // much again), and a list grown step by step left as much garbage again.
  const n = stateCount(g);
  let states = scratch('dp.pathStates', Int32Array, 64);
  let edges = scratch('dp.pathEdges', Int32Array, 64);
  let length = 0;
  let ending = '';
  for (let s = g.start; s >= 0 && s < n && length <= n; ) {
    const e = best.edge[s * best.p + k];
    if (e < 0) break;
    if (length >= states.length) {
      states = growScratch('dp.pathStates', states, length + 1);
      edges = growScratch('dp.pathEdges', edges, length + 1);
    }
    states[length] = s;
    edges[length] = e;
    length++;
    const t = g.edgeTarget[e];
    if (t < 0) {
      ending = g.endingIds[-t - 1];
      break;
    }
    s = t;
  }
  const steps = new Array<PathStep>(length);
  for (let i = 0; i < length; i++) steps[i] = { node: g.nodeIds[g.stateNode[states[i]]], option: choiceId(g, g.edgeChoice[edges[i]]) };
  return { steps, ending };
}

/** Points on dimension d (index i), times sign. */
function points(i: number, sign: number): Objective {
  return { kind: 'points', i, sign };
}

/** One per decision, times sign (ending effects count nothing). */
function decisions(sign: number): Objective {
  return { kind: 'decisions', i: 0, sign };
}

/** What the dynamic programme gives the analysis. */
export type Optimum = Pick<Analysis, 'ranges' | 'bestPath' | 'bestPaths'> & { shortestPath: number; longestPath: number };

/**
 * The lowest and highest raw total per dimension over all complete paths, a path reaching each
 * maximum, the path with the highest weighted sum of normalised dimensions, and the fewest and
 * most decisions on a complete path.
 */
export function optimum(g: StateGraph, order: GraphOrder, weights: Record<Dimension, number>): Optimum {
  const empty: ScenarioPath = { steps: [], ending: '' };
  const ranges = {} as Record<Dimension, Range>;
  const bestPaths = {} as Record<Dimension, ScenarioPath>;
  if (!(g.start >= 0 && g.start < stateCount(g))) {
    for (const d of DIMENSIONS) {
      ranges[d] = { min: 0, max: 0 };
      bestPaths[d] = empty;
    }
    return { ranges, bestPaths, bestPath: empty, shortestPath: 0, longestPath: 0 };
  }
  // Objectives 0-2: max per dimension; 3-5: min (negated); 6: most decisions; 7: fewest (negated).
  const objectives = [
    ...DIMENSIONS.map((_, i) => points(i, 1)),
    ...DIMENSIONS.map((_, i) => points(i, -1)),
    decisions(1),
    decisions(-1),
  ];
  const best = optimise(g, order, objectives, 3, narrowEnough(g));
  const at = g.start * best.k;
  DIMENSIONS.forEach((d, i) => {
    const max = best.value[at + i];
    const min = 0 - best.value[at + 3 + i]; // 0 - x, not -x: no -0
    ranges[d] = Number.isFinite(max) && Number.isFinite(min) ? { min, max } : { min: 0, max: 0 };
    bestPaths[d] = Number.isFinite(max) ? followPath(g, best, i) : empty;
  });
  const coef = DIMENSIONS.map((d) => {
    const span = ranges[d].max - ranges[d].min;
    return span > 0 ? weights[d] / span : 0;
  });
  const weighted = optimiseWeighted(g, order, coef);
  const longest = best.value[at + 6];
  const shortest = 0 - best.value[at + 7];
  return {
    ranges,
    bestPaths,
    bestPath: Number.isFinite(weighted.value[g.start]) ? followPath(g, weighted, 0) : empty,
    shortestPath: Number.isFinite(shortest) ? shortest : 0,
    longestPath: Number.isFinite(longest) ? longest : 0,
  };
}

