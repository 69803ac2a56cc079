/**
 * The reachable state graph of a scenario, where a state is (node, mood, flags). Built
 * breadth-first without recursion, with a cap on the number of states so that a scenario whose
 * flags and moods multiply out of hand yields a finding instead of a hung browser.
 */
import type { Condition, Effects, Next, Route, Scenario } from './types';
import { MOOD_MAX, MOOD_MIN } from './types';
import type { FlagSet } from './compile-rules';
import { clampMood, flagsAfter, holds } from './compile-rules';
import { isBlank } from './text';
import { keysOf } from './shared-keys';

/** The default cap on reachable states. */
export const MAX_STATES = 250_000;
/** The cap on distinct combinations of flags (each one multiplies the states). */
export const MAX_FLAG_SETS = 4096;
/** Entries of the dense (flag set, node, mood) lookup tables, in all (4 bytes each). */
const DENSE_ENTRIES = 4_000_000;
const LO = MOOD_MIN;
const HI = MOOD_MAX;
const MOODS = HI - LO + 1;
// Local references: the hot loop below should not go through module bindings on every call.
const holdsFn = holds;
const flagsAfterFn = flagsAfter;

/** One way out of a node: an option (or the time-out, id null) with its routes. */
export interface Choice {
  /** Position in the node's options; -1 for the time-out. */
  index: number;
  id: string | null;
  when?: Condition;
  effects: Effects;
  /** Points per dimension, in DIMENSIONS order. */
  points: number[];
  /** The change of mood (a whole number). */
  mood: number;
  /** Where it goes: as written in the scenario (an id, or routes). */
  next: Next;
  /** How many routes `next` has (1 for a plain id). */
  routeCount: number;
  /** How many of those routes have a condition (for the summary). */
  conditionalRoutes: number;
  /** Whether the option or time-out has feedback text (for the content findings). */
  feedback: boolean;
  /** Where this choice's routes start in the graph's flat route arrays. */
  base: number;
  /** Whether the option was available in some reachable state. */
  available: boolean;
  /** Per flag set id: the flag set id after this choice's effects (only for choices that set flags). */
  flagTo?: number[];
}

/** Route r of a choice's `next` (a plain id is one route without a condition); undefined when malformed. */
export function routeOf(ch: Choice, r: number): Route | undefined {
  if (typeof ch.next === 'string') return r === 0 ? { to: ch.next } : undefined;
  const route = ch.next[r];
  return route && typeof route.to === 'string' ? route : undefined;
}

/** Marks a route target that does not exist (the validator reports those). */
export const NO_TARGET = -0x7fffffff;

/** The explored state graph; edges are stored flat (CSR) for speed on big scenarios. */
export interface StateGraph {
  nodeIds: string[];
  endingIds: string[];
  /** Per node: its choices (options in order, then the time-out if any). */
  choices: Choice[][];
  /** Per ending: its points per dimension. */
  endingPoints: number[][];
  /** Per route of every choice (at choice.base + r): its target, node >= 0 or ending -(index + 1), or NO_TARGET. */
  routeTarget: Int32Array;
  /** Per route: whether its condition held in some reachable state after its choice. */
  routeHeld: Uint8Array;
  /** Per route: whether it was taken at least once. */
  routeTaken: Uint8Array;
  /** Per state: its node, mood and flag set (typed arrays, possibly longer than the state count). */
  stateNode: Int32Array;
  stateMood: Int8Array;
  stateFlags: Int32Array;
  flagSets: FlagSet[];
  /** Edges of state s are edgeStart[s] .. edgeStart[s + 1] - 1 (for s below the state count). */
  edgeStart: Int32Array;
  /** The choice (position in choices[node]) of each edge. */
  edgeChoice: Int32Array;
  /** The target: a state (>= 0) or an ending -(index + 1). */
  edgeTarget: Int32Array;
  /** The number of explored states. */
  states: number;
  /** The number of edges. */
  edges: number;
  start: number;
  /** Whether the cap on states was hit (then the graph is incomplete). */
  truncated: false | 'states' | 'flags';
  /** The cap on states this graph was explored with. */
  maxStates: number;
  nodeReached: Uint8Array;
  endingReached: Uint8Array;
  /** States where nothing can happen: no option available and no time limit. */
  deadEnds: number[];
  /** (state, choice) pairs where no route applied. */
  noRoute: [number, number][];
  /** Choices left out because their route leads to an id that does not exist (the validator reports those). */
  droppedEdges: number;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function pointsOf(effects: Effects | undefined): number[] {
  return effects ? [num(effects.warmth), num(effects.initiative), num(effects.outcome)] : [0, 0, 0];
}

function flagKey(flags: FlagSet): string {
  return Object.keys(flags)
    .filter((k) => flags[k] === true)
    .sort()
    .join('\u0001');
}

const NO_EFFECTS: Effects = Object.freeze({}) as Effects;

/** Whether a Text holds some words (in any language). */
function hasText(text: unknown): boolean {
  if (typeof text === 'string') return !isBlank(text);
  if (!text || typeof text !== 'object') return false;
  for (const v of Object.values(text)) if (typeof v === 'string' && !isBlank(v)) return true;
  return false;
}

/** The choices of every node, and the targets of their routes in one flat array. */
function prepareChoices(
  scenario: Scenario,
  nodeIds: string[],
  nodeIndex: Map<string, number>,
  endingIndex: Map<string, number>,
): { choices: Choice[][]; targets: number[] } {
  const targets: number[] = [];
  const resolve = (route: unknown): number => resolveId(route && typeof (route as Route).to === 'string' ? (route as Route).to : null);
  const resolveId = (to: string | null): number => {
    if (to === null) return NO_TARGET;
    const n = nodeIndex.get(to);
    if (n !== undefined) return n;
    const e = endingIndex.get(to);
    return e !== undefined ? -(e + 1) : NO_TARGET;
  };
  // Everything the summary and the content findings need from an option is read here too, so
  // that on a big file its object is visited once (each pass over 10,000 nodes costs cache misses).
  const make = (index: number, id: string | null, when: Condition | undefined, effects: Effects | undefined, next: Next, feedback: unknown): Choice => {
    const base = targets.length;
    let conditionalRoutes = 0;
    if (typeof next === 'string') targets.push(resolveId(next));
    else if (Array.isArray(next)) {
      for (const r of next) {
        targets.push(resolve(r));
        if (r && r.when) conditionalRoutes++;
      }
    }
    return {
      index,
      id,
      when,
      effects: effects ?? NO_EFFECTS,
      points: pointsOf(effects),
      mood: Math.round(num(effects?.mood)),
      next: typeof next === 'string' || Array.isArray(next) ? next : [],
      routeCount: targets.length - base,
      conditionalRoutes,
      feedback: hasText(feedback),
      base,
      available: false,
    };
  };
  const choices: Choice[][] = new Array<Choice[]>(nodeIds.length);
  for (let n = 0; n < nodeIds.length; n++) {
    const node = scenario.nodes[nodeIds[n]];
    const out: Choice[] = [];
    const options = Array.isArray(node.options) ? node.options : [];
    for (let i = 0; i < options.length; i++) {
      const o = options[i];
      out.push(make(i, o.id, o.when, o.effects, o.next, o.feedback));
    }
    if (node.timeLimit) out.push(make(-1, null, undefined, node.timeLimit.effects, node.timeLimit.next, node.timeLimit.feedback));
    choices[n] = out;
  }
  return { choices, targets };
}

function grow<T extends Int32Array | Int8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Explores every (node, mood, flags) state a player can reach from the start (or `startNode`),
 * breadth-first. Stops with `truncated` after `maxStates` states or MAX_FLAG_SETS flag combinations.
 */
export function exploreStates(scenario: Scenario, maxStates: number = MAX_STATES, startNode?: string): StateGraph {
  const nodeIds = keysOf(scenario.nodes ?? {});
  const endingIds = keysOf(scenario.endings ?? {});
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const endingIndex = new Map(endingIds.map((id, i) => [id, i]));
  const { choices, targets } = prepareChoices(scenario, nodeIds, nodeIndex, endingIndex);
  const routeTarget = Int32Array.from(targets);
  const routeHeld = new Uint8Array(targets.length);
  const routeTaken = new Uint8Array(targets.length);
  const n = nodeIds.length;
  const guess = Math.min(maxStates + 1, 64 + n * 12);
  const g: StateGraph = {
    nodeIds,
    endingIds,
    choices,
    endingPoints: endingIds.map((id) => pointsOf(scenario.endings[id]?.effects)),
    routeTarget,
    routeHeld,
    routeTaken,
    stateNode: new Int32Array(guess),
    stateMood: new Int8Array(guess),
    stateFlags: new Int32Array(guess),
    flagSets: [Object.freeze({})],
    edgeStart: new Int32Array(guess + 1),
    edgeChoice: new Int32Array(guess * 3),
    edgeTarget: new Int32Array(guess * 3),
    states: 0,
    edges: 0,
    start: -1,
    truncated: false,
    maxStates,
    nodeReached: new Uint8Array(n),
    endingReached: new Uint8Array(endingIds.length),
    deadEnds: [],
    noRoute: [],
    droppedEdges: 0,
  };
  // Lookup of (flag set, node, mood) -> state: a dense table per flag set while they fit in
  // DENSE_ENTRIES, then a map (many flag combinations on a big graph must not exhaust memory).
  const width = n * MOODS;
  const tables: (Int32Array | null)[] = [new Int32Array(width).fill(-1)];
  const spill = new Map<number, number>();
  const find = (flags: number, key: number): number => {
    const table = tables[flags];
    return table ? table[key] : (spill.get(flags * width + key) ?? -1);
  };
  const flagIds = new Map<string, number>([['', 0]]);
  let count = 0;
  const intern = (node: number, mood: number, flags: number): number => {
    const key = node * MOODS + mood - LO;
    let s = find(flags, key);
    if (s < 0) {
      s = count++;
      const table = tables[flags];
      if (table) table[key] = s;
      else spill.set(flags * width + key, s);
      if (count > g.stateNode.length) {
        g.stateNode = grow(g.stateNode, count);
        g.stateMood = grow(g.stateMood, count);
        g.stateFlags = grow(g.stateFlags, count);
      }
      g.stateNode[s] = node;
      g.stateMood[s] = mood;
      g.stateFlags[s] = flags;
      g.nodeReached[node] = 1;
    }
    return s;
  };
  const internFlags = (flags: FlagSet): number => {
    const key = flagKey(flags);
    let f = flagIds.get(key);
    if (f === undefined) {
      f = g.flagSets.length;
      flagIds.set(key, f);
      g.flagSets.push(flags);
      tables.push(tables.length * width < DENSE_ENTRIES ? new Int32Array(width).fill(-1) : null);
    }
    return f;
  };
  const startIdx = nodeIndex.get(startNode ?? scenario.start);
  if (startIdx === undefined) return g;
  g.start = intern(startIdx, clampMood(scenario.customer?.initialMood ?? 0), 0);

  let edges = 0;
  let s = 0;
  for (; s < count; s++) {
    if (count > maxStates || g.flagSets.length > MAX_FLAG_SETS) {
      g.truncated = count > maxStates ? 'states' : 'flags';
      break;
    }
    const node = g.stateNode[s];
    const mood = g.stateMood[s];
    const fid = g.stateFlags[s];
    const flags = g.flagSets[fid];
    const list = choices[node];
    let any = false;
    for (let c = 0; c < list.length; c++) {
      const ch = list[c];
      if (ch.when && !holdsFn(ch.when, mood, flags)) continue;
      any = true;
      ch.available = true;
      let m2 = mood + ch.mood;
      if (m2 < LO) m2 = LO;
      else if (m2 > HI) m2 = HI;
      let f2 = fid;
      let flags2 = flags;
      if (ch.effects.flags) {
        const flagTo = (ch.flagTo ??= []);
        let to = flagTo[fid];
        if (to === undefined) {
          const after = flagsAfterFn(flags, ch.effects);
          to = after === flags ? fid : internFlags(after);
          flagTo[fid] = to;
        }
        f2 = to;
        flags2 = g.flagSets[to];
      }
      let taken = -1;
      const next = ch.next;
      const base = ch.base;
      if (typeof next === 'string') taken = 0;
      else {
        for (let r = 0; r < ch.routeCount; r++) {
          // Once a route is taken, later ones are only checked until each is known to hold somewhere.
          if (taken >= 0 && routeHeld[base + r] === 1) continue;
          const when = next[r]?.when;
          if (!when || holdsFn(when, m2, flags2)) {
            routeHeld[base + r] = 1;
            if (taken < 0) taken = r;
          }
        }
      }
      if (taken < 0) {
        g.noRoute.push([s, c]);
        continue;
      }
      routeHeld[base + taken] = 1;
      routeTaken[base + taken] = 1;
      const target = routeTarget[base + taken];
      if (target === NO_TARGET) {
        g.droppedEdges++;
        continue;
      }
      if (edges >= g.edgeChoice.length) {
        g.edgeChoice = grow(g.edgeChoice, edges + 1);
        g.edgeTarget = grow(g.edgeTarget, edges + 1);
      }
      g.edgeChoice[edges] = c;
      if (target < 0) {
        g.endingReached[-target - 1] = 1;
        g.edgeTarget[edges] = target;
      } else {
        const known = find(f2, target * MOODS + m2 - LO);
        g.edgeTarget[edges] = known >= 0 ? known : intern(target, m2, f2);
      }
      edges++;
    }
    if (!any) g.deadEnds.push(s);
    if (s + 2 > g.edgeStart.length) g.edgeStart = grow(g.edgeStart, s + 2);
    g.edgeStart[s + 1] = edges;
  }
  g.states = s;
  g.edges = edges;
  return g;
}

/** The number of explored states (those whose edges are known). */
export function stateCount(g: StateGraph): number {
  return g.states;
}
