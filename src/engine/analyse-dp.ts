/**
 * Score ranges and best paths by dynamic programming over the state graph: each state is
 * evaluated once, after the states it leads to. Inside a loop (an error the findings report) only
 * edges to states already evaluated count, so it still ends and a best path never goes round in circles.
 */
import type { Analysis, Range, ScenarioPath } from './contract';
import type { Dimension } from './types';
import { DIMENSIONS } from './types';
import type { Choice, StateGraph } from './analyse-graph';
import type { GraphOrder } from './analyse-order';

/**
 * What a path is worth: per decision, the weighted sum of its points plus `perDecision`; at the
 * ending, the weighted sum of the ending's points.
 */
export interface Objective {
  weights: number[];
  perDecision: number;
}

/** For one objective, the highest value from each state to an ending, and the choice achieving it (its position among the node's choices; -1 for none). */
export interface Best {
  value: number[];
  choice: number[];
}

/** The worth of points (in DIMENSIONS order) under an objective; `0 +` so that it is never -0. */
const worth = (o: Objective, p: number[]) => 0 + o.weights[0] * p[0] + o.weights[1] * p[1] + o.weights[2] * p[2];

/**
 * Maximises several objectives from every state, each state after the states it leads to; all at
 * once, so that the graph is walked once (a walk per objective cost several times as much).
 * With `optionsOnly`, letting the time run out is never a way on (the best a player can do is to
 * choose well, not to wait); with `tie`, a later choice must be better by more than that to
 * count (so that rounding noise cannot beat the first in the file).
 */
export function optimise(g: StateGraph, order: GraphOrder, objectives: Objective[], { optionsOnly = false, tie = 0 } = {}): Best[] {
  const n = g.next.length;
  const best = objectives.map(() => ({ value: new Array<number>(n).fill(-Infinity), choice: new Array<number>(n).fill(-1) }));
  // What each choice (per node) and each ending is worth under every objective, worked out once; a time-out that does not count, -Infinity.
  const choiceWorth = new Map([...g.choices].map(([node, choices]) => [node, choices.map((c) => objectives.map((o) => (optionsOnly && c.index < 0 ? -Infinity : worth(o, c.points) + o.perDecision)))]));
  const endingWorth = new Map([...g.endingPoints].map(([id, p]) => [id, objectives.map((o) => worth(o, p))]));
  for (const s of order.order) {
    const worths = choiceWorth.get(g.states[s].node) as number[][];
    const next = g.next[s];
    for (let c = 0; c < next.length; c++) {
      const to = next[c];
      // Inside a loop a state not evaluated yet is still worth -Infinity; the state itself does not count.
      if (to === null || to === s) continue;
      const atEnding = typeof to === 'string' ? (endingWorth.get(to) as number[]) : null;
      const own = worths[c];
      for (let k = 0; k < best.length; k++) {
        const { value, choice } = best[k];
        const v = (atEnding ? atEnding[k] : value[to as number]) + own[k];
        if (v > value[s] + tie) {
          value[s] = v;
          choice[s] = c;
        }
      }
    }
  }
  return best;
}

/** The best choices from a state (default the start) to an ending, and that ending ('' when none is reached). */
export function bestWay(g: StateGraph, best: Best, from: number = g.start): { choices: Choice[]; ending: string } {
  const way: { choices: Choice[]; ending: string } = { choices: [], ending: '' };
  for (let s = from, c = best.choice[s]; c >= 0 && way.choices.length <= g.next.length; c = best.choice[s]) {
    const to = g.next[s][c] as number | string;
    way.choices.push((g.choices.get(g.states[s].node) as Choice[])[c]);
    if (typeof to === 'string') {
      way.ending = to;
      break;
    }
    s = to;
  }
  return way;
}

/** Follows the best choices from the start to an ending. */
function followPath(g: StateGraph, best: Best): ScenarioPath {
  const { choices, ending } = bestWay(g, best);
  return { steps: choices.map((c) => ({ node: c.node, option: c.id })), ending };
}

/** What the dynamic programme gives the analysis. */
export type Optimum = Pick<Analysis, 'ranges' | 'bestPath' | 'bestPaths'> & { shortestPath: number; longestPath: number };

/**
 * The lowest and highest raw total per dimension over all complete paths, a path reaching each
 * maximum, the path with the highest weighted sum of normalised dimensions, and the fewest and
 * most decisions on a complete path.
 */
export function optimum(g: StateGraph, order: GraphOrder, weights: Record<Dimension, number>): Optimum {
  const unit = (i: number, sign: number) => DIMENSIONS.map((_, j) => (i === j ? sign : 0));
  // Per dimension its maximum and (negated) minimum, then the most and the fewest decisions.
  const objectives = [
    ...DIMENSIONS.map((_, i) => ({ weights: unit(i, 1), perDecision: 0 })),
    ...DIMENSIONS.map((_, i) => ({ weights: unit(i, -1), perDecision: 0 })),
    { weights: [0, 0, 0], perDecision: 1 },
    { weights: [0, 0, 0], perDecision: -1 },
  ];
  const best = optimise(g, order, objectives);
  const ranges = {} as Record<Dimension, Range>;
  const bestPaths = {} as Record<Dimension, ScenarioPath>;
  DIMENSIONS.forEach((d, i) => {
    const max = best[i].value[g.start];
    const min = 0 - best[i + 3].value[g.start]; // 0 - x, not -x: no -0
    ranges[d] = Number.isFinite(max) && Number.isFinite(min) ? { min, max } : { min: 0, max: 0 };
    bestPaths[d] = Number.isFinite(max) ? followPath(g, best[i]) : { steps: [], ending: '' };
  });
  // The overall score: each dimension normalised to its range, weighted.
  const coef = DIMENSIONS.map((d) => {
    const span = ranges[d].max - ranges[d].min;
    return span > 0 ? weights[d] / span : 0;
  });
  const [weighted] = optimise(g, order, [{ weights: coef, perDecision: 0 }]);
  const longest = best[6].value[g.start];
  const shortest = 0 - best[7].value[g.start];
  return {
    ranges,
    bestPaths,
    bestPath: Number.isFinite(weighted.value[g.start]) ? followPath(g, weighted) : { steps: [], ending: '' },
    shortestPath: Number.isFinite(shortest) ? shortest : 0,
    longestPath: Number.isFinite(longest) ? longest : 0,
  };
}
