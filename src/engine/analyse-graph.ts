/**
 * The reachable state graph of a scenario: every state a player can be in at a decision (see
 * StoryState), found breadth-first from the start by the story rules of compile-rules.ts. The
 * analysis never looks inside a condition or an effect itself, so a new kind of condition only
 * changes compile-rules. Capped, so that a scenario whose flags multiply out of hand yields a
 * finding instead of a hung browser.
 */
import type { Effects, Option, Scenario, TimeLimit } from './types';
import { DIMENSIONS } from './types';
import type { StoryState } from './compile-rules';
import { availableOptions, firstState, holds, memoryKey, pointsOf, routesOf, stepOf } from './compile-rules';

/** The default cap on reachable states. */
export const MAX_STATES = 250_000;
/** The cap on distinct sets of flags (each one multiplies the states). */
export const MAX_FLAG_SETS = 4096;

/** One way out of a node (an option or its time-out), and what the exploration saw of it. */
export interface Choice {
  node: string;
  /** Position in the node's options; -1 for the time-out. */
  index: number;
  /** The option id; null for the time-out. */
  id: string | null;
  way: Option | TimeLimit;
  /** Points per dimension, in DIMENSIONS order. */
  points: number[];
  /** Whether it was available in some reachable state. */
  available: boolean;
  /** Per route of its `next` (a plain id is one route): whether its condition held after the choice somewhere, and whether it was taken. */
  routeHeld: boolean[];
  routeTaken: boolean[];
}


/** A way out of a state (`from`): to another state (its index) or to an ending (its id). */
export interface Edge {
  from: number;
  choice: Choice;
  to: number | string;
}

export interface StateGraph {
  nodeIds: string[];
  endingIds: string[];
  /** The points of every ending, in DIMENSIONS order. */
  endingPoints: Map<string, number[]>;
  /** The choices of every node, options in order, then the time-out. */
  choices: Map<string, Choice[]>;
  /** Every state found; those below edges.length are explored. */
  states: StoryState[];
  /** Per state, the first edge found to it (for the shortest path to an ending); null for the start. */
  via: (Edge | null)[];
  edges: Edge[][];
  /** The start state (0), or -1 when the start is not a node. */
  start: number;
  /** Whether a cap was hit (then the graph is incomplete). */
  truncated: false | 'states' | 'flags';
  maxStates: number;
  nodeReached: Set<string>;
  endingReached: Set<string>;
  /** States where nothing can happen: no option available and no time limit. */
  deadEnds: number[];
  /** Where no route applied after a choice. */
  noRoute: { state: number; choice: Choice }[];
  /** Choices whose route leads to an id that does not exist (the validator reports those). */
  droppedEdges: number;
}

function pointList(effects: Effects | undefined): number[] {
  const points = pointsOf(effects);
  return DIMENSIONS.map((d) => points[d]);
}

function choicesOf(id: string, scenario: Scenario): Choice[] {
  const node = scenario.nodes[id];
  const ways: [number, Option | TimeLimit][] = (node.options ?? []).map((o, i) => [i, o]);
  if (node.timeLimit) ways.push([-1, node.timeLimit]);
  return ways.map(([index, way]) => {
    const routes = routesOf(way.next).length;
    return {
      node: id,
      index,
      id: index < 0 ? null : (way as Option).id,
      way,
      points: pointList(way.effects),
      available: false,
      routeHeld: new Array<boolean>(routes).fill(false),
      routeTaken: new Array<boolean>(routes).fill(false),
    };
  });
}

/**
 * Explores every state a player can reach from the start (or from `startNode`), breadth-first.
 * Stops with `truncated` beyond `maxStates` states or MAX_FLAG_SETS sets of flags.
 */
export function exploreStates(scenario: Scenario, maxStates: number = MAX_STATES, startNode?: string): StateGraph {
  const nodeIds = Object.keys(scenario.nodes ?? {});
  const g: StateGraph = {
    nodeIds,
    endingIds: Object.keys(scenario.endings ?? {}),
    endingPoints: new Map(Object.keys(scenario.endings ?? {}).map((id) => [id, pointList(scenario.endings[id].effects)])),
    choices: new Map(nodeIds.map((id) => [id, choicesOf(id, scenario)])),
    states: [],
    via: [],
    edges: [],
    start: -1,
    truncated: false,
    maxStates,
    nodeReached: new Set(),
    endingReached: new Set(),
    deadEnds: [],
    noRoute: [],
    droppedEdges: 0,
  };
  // State indices by node, then memory key, then mood (nested maps: no key string is built per lookup).
  const index = new Map<string, Map<string, Map<number, number>>>();
  const memories = new Set<string>();
  /** The index of a state, added (reached by `via`) when it is new. */
  const visit = (state: StoryState, via: Edge | null): number => {
    const memory = memoryKey(state);
    let byMemory = index.get(state.node);
    if (!byMemory) index.set(state.node, (byMemory = new Map()));
    let byMood = byMemory.get(memory);
    if (!byMood) byMemory.set(memory, (byMood = new Map()));
    let s = byMood.get(state.mood);
    if (s === undefined) {
      s = g.states.length;
      byMood.set(state.mood, s);
      g.states.push(state);
      g.via.push(via);
      g.nodeReached.add(state.node);
      memories.add(memory);
    }
    return s;
  };
  const start = firstState(scenario, startNode);
  if (!g.choices.has(start.node)) return g;
  g.start = visit(start, null);
  for (let s = 0; s < g.states.length; s++) {
    if (g.states.length > maxStates || memories.size > MAX_FLAG_SETS) {
      g.truncated = g.states.length > maxStates ? 'states' : 'flags';
      break;
    }
    const state = g.states[s];
    const edges: Edge[] = [];
    g.edges.push(edges);
    const open: (Option | TimeLimit)[] = availableOptions(scenario.nodes[state.node].options ?? [], state.mood, state.flags);
    for (const choice of g.choices.get(state.node) as Choice[]) {
      if (choice.index >= 0 && !open.includes(choice.way)) continue;
      choice.available = true;
      const step = stepOf(scenario, state, choice.way);
      // Whether each route's condition holds here, taken or not (a plain id is taken when the choice is).
      if (Array.isArray(choice.way.next)) {
        choice.way.next.forEach((route, r) => {
          if (holds(route?.when, step.mood, step.flags)) choice.routeHeld[r] = true;
        });
      }
      if (step.route < 0) {
        g.noRoute.push({ state: s, choice });
        continue;
      }
      choice.routeHeld[step.route] = choice.routeTaken[step.route] = true;
      if (step.ending !== null) {
        g.endingReached.add(step.ending);
        edges.push({ from: s, choice, to: step.ending });
      } else if (step.next) {
        const edge: Edge = { from: s, choice, to: -1 };
        edge.to = visit(step.next, edge);
        edges.push(edge);
      } else g.droppedEdges++;
    }
    if (open.length === 0 && !scenario.nodes[state.node].timeLimit) g.deadEnds.push(s);
  }
  return g;
}
