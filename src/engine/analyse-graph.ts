/**
 * The reachable state graph of a scenario: every state a player can be in at a decision (see
 * StoryState), found breadth-first from the start by the story rules of compile-rules.ts. The
 * analysis never looks inside a condition or an effect itself, so a new kind of condition only
 * changes compile-rules. Capped, so that a scenario whose flags multiply out of hand yields a
 * finding instead of a hung browser.
 */
import type { Effects, Option, Scenario, TimeLimit } from './types';
import { DIMENSIONS } from './types';
import type { Memory, StoryState } from './compile-rules';
import { firstState, holds, memoryAfter, memoryKey, pointsOf, routeIndex, routesOf, stateAt } from './compile-rules';

/** The default cap on reachable states. */
export const MAX_STATES = 250_000;
/** The cap on distinct memory keys, i.e. sets of flags (each one multiplies the states). */
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


export interface StateGraph {
  nodeIds: string[];
  endingIds: string[];
  /** The points of every ending, in DIMENSIONS order. */
  endingPoints: Map<string, number[]>;
  /** The choices of every node, options in order, then the time-out. */
  choices: Map<string, Choice[]>;
  /** Every state found; those below next.length are explored. */
  states: StoryState[];
  /** The index of every state found, by node, then memoryKey, then mood (see findState). */
  index: Map<string, Map<string, Map<number, number>>>;
  /**
   * Per explored state, where each of its node's choices leads: a state (its index), an ending
   * (its id), or null (not available there, no route applies, or an id that does not exist).
   */
  next: (number | string | null)[][];
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

/** The index of a state found with this node and memory (two such states play alike from there on), or undefined. */
export function findState(g: Pick<StateGraph, 'index'>, state: StoryState): number | undefined {
  return g.index.get(state.node)?.get(memoryKey(state))?.get(state.mood);
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
 * Explores every state a player can reach from the start (or from `from`: a node entered with
 * the first memory, or a state), breadth-first. Stops with `truncated` beyond `maxStates` states
 * or MAX_FLAG_SETS sets of flags.
 */
export function exploreStates(scenario: Scenario, maxStates: number = MAX_STATES, from?: string | StoryState): StateGraph {
  const nodeIds = Object.keys(scenario.nodes ?? {});
  const g: StateGraph = {
    nodeIds,
    endingIds: Object.keys(scenario.endings ?? {}),
    endingPoints: new Map(Object.keys(scenario.endings ?? {}).map((id) => [id, pointList(scenario.endings[id].effects)])),
    choices: new Map(nodeIds.map((id) => [id, choicesOf(id, scenario)])),
    states: [],
    index: new Map(),
    next: [],
    start: -1,
    truncated: false,
    maxStates,
    nodeReached: new Set(),
    endingReached: new Set(),
    deadEnds: [],
    noRoute: [],
    droppedEdges: 0,
  };
  const memories = new Set<string>();
  /** The index of the state at `node` with `memory`, added when it is new. */
  const visit = (node: string, memory: Memory): number => {
    const key = memoryKey(memory);
    let byMemory = g.index.get(node);
    if (!byMemory) g.index.set(node, (byMemory = new Map()));
    let byMood = byMemory.get(key);
    if (!byMood) byMemory.set(key, (byMood = new Map()));
    let s = byMood.get(memory.mood);
    if (s === undefined) {
      byMood.set(memory.mood, (s = g.states.length));
      g.states.push(stateAt(node, memory));
      g.nodeReached.add(node);
      memories.add(key);
    }
    return s;
  };
  /** Where taking a choice in state `s` leads (see StateGraph.next): its effects, then the first route that holds. */
  const follow = (s: number, choice: Choice): number | string | null => {
    choice.available = true;
    const memory = memoryAfter(g.states[s], choice.way.effects);
    // Whether each route's condition holds here, taken or not (a plain id is taken when the choice is).
    const routes = choice.way.next;
    if (Array.isArray(routes)) {
      for (let r = 0; r < routes.length; r++) if (!choice.routeHeld[r] && holds(routes[r]?.when, memory)) choice.routeHeld[r] = true;
    }
    const route = routeIndex(routes, memory);
    if (route < 0) {
      g.noRoute.push({ state: s, choice });
      return null;
    }
    choice.routeHeld[route] = choice.routeTaken[route] = true;
    const to = typeof routes === 'string' ? routes : routes[route]?.to;
    // The graph's maps hold exactly the scenario's own ids (never a name like "constructor" from a prototype).
    if (g.endingPoints.has(to)) {
      g.endingReached.add(to);
      return to;
    }
    if (g.choices.has(to)) return visit(to, memory);
    g.droppedEdges++;
    return null;
  };
  const start = typeof from === 'object' ? from : firstState(scenario, from);
  if (!g.choices.has(start.node)) return g;
  g.start = visit(start.node, start);
  for (let s = 0; s < g.states.length; s++) {
    if (g.states.length > maxStates || memories.size > MAX_FLAG_SETS) {
      g.truncated = g.states.length > maxStates ? 'states' : 'flags';
      break;
    }
    const state = g.states[s];
    // The time-out is always open, an option when its condition holds; a state with none open is a dead end.
    let open = false;
    const next = (g.choices.get(state.node) as Choice[]).map((c) => {
      if (c.index >= 0 && !holds((c.way as Option).when, state)) return null;
      open = true;
      return follow(s, c);
    });
    g.next.push(next);
    if (!open) g.deadEnds.push(s);
  }
  return g;
}
