/**
 * The reachable state graph of a scenario, where a state is (node, mood, flags). Built
 * breadth-first without recursion, with a cap on the number of states so that a scenario whose
 * flags and moods multiply out of hand yields a finding instead of a hung browser.
 */
import type { Effects, Option, Route, Scenario } from './types';
import { MOOD_MAX, MOOD_MIN } from './types';
import type { FlagSet } from './compile-rules';
import { clampMood, flagsAfter, holds } from './compile-rules';
import { keysOf } from './shared-keys';
import { IdIndex } from './id-index';
import { growScratch, scratch, zeroed } from './analyse-scratch';
import type { ChoiceTable } from './analyse-choices';
import { AVAILABLE, HAS_ROUTES, HAS_WHEN, NO_TARGET, readChoices, SETS_FLAGS } from './analyse-choices';

export type { Choice, ChoiceTable } from './analyse-choices';
export { NO_TARGET, routeOf } from './analyse-choices';

/** The index of the ids, reused by every exploration (see id-index.ts). */
const ID_INDEX = new IdIndex();

/** The default cap on reachable states. */
export const MAX_STATES = 250_000;
/** The cap on distinct combinations of flags (each one multiplies the states). */
export const MAX_FLAG_SETS = 4096;
/** Flag sets get bit masks while the story names at most this many flags. */
const MASK_FLAGS = 30;
/** Flag set ids below this have a dense (choice, flag set) -> flag set table. */
const DENSE_FLAG_TO = 8;
/** Entries of the dense (flag set, node, mood) lookup tables, in all (4 bytes each). */
const DENSE_ENTRIES = 4_000_000;
const LO = MOOD_MIN;
const HI = MOOD_MAX;
const MOODS = HI - LO + 1;
// Local references: the hot loop below should not go through module bindings on every call.
const holdsFn = holds;
const flagsAfterFn = flagsAfter;

/** The explored state graph; edges are stored flat (CSR) for speed on big scenarios. */
export interface StateGraph extends ChoiceTable {
  nodeIds: string[];
  endingIds: string[];
  /** Per ending e: its points per dimension, at e * 3 + the dimension's index (DIMENSIONS order). */
  endingPoints: Float64Array;
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
  /** The choice (its id in the choice table) of each edge. */
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
  /** (state, choice id) pairs where no route applied. */
  noRoute: [number, number][];
  /** Choices left out because their route leads to an id that does not exist (the validator reports those). */
  droppedEdges: number;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/**
 * The points of every ending, flat. (Arrays per ending were of different kinds, a literal
 * [0, 0, 0] beside arrays of read numbers, and the code reading them was recompiled on every analysis.)
 */
function endingPointsOf(scenario: Scenario, endingIds: readonly string[]): Float64Array {
  const points = new Float64Array(endingIds.length * 3);
  for (let e = 0; e < endingIds.length; e++) {
    const effects: Effects | undefined = scenario.endings[endingIds[e]]?.effects;
    if (!effects) continue;
    points[e * 3] = num(effects.warmth);
    points[e * 3 + 1] = num(effects.initiative);
    points[e * 3 + 2] = num(effects.outcome);
  }
  return points;
}

function flagKey(flags: FlagSet): string {
  return Object.keys(flags)
    .filter((k) => flags[k] === true)
    .sort()
    .join('\u0001');
}

/** Dense lookup tables of the first flag sets kept between analyses (more are allocated each time). */
const POOLED_TABLES = 4;

/** The dense (node, mood) -> state table of flag set f, all -1. */
function denseTable(f: number, width: number): Int32Array {
  const table = f < POOLED_TABLES ? scratch(`graph.dense${f}`, Int32Array, width) : new Int32Array(width);
  return table.fill(-1, 0, width);
}

/**
 * Explores every (node, mood, flags) state a player can reach from the start (or `startNode`),
 * breadth-first. Stops with `truncated` after `maxStates` states or MAX_FLAG_SETS flag combinations.
 */
export function exploreStates(scenario: Scenario, maxStates: number = MAX_STATES, startNode?: string): StateGraph {
  const nodeIds = keysOf(scenario.nodes ?? {});
  const endingIds = keysOf(scenario.endings ?? {});
  // One index for both (node v is v, ending e is -(e + 1)). Node and ending ids never clash in a
  // valid file; where they do (an error the validator reports), the node wins.
  const index = ID_INDEX;
  index.reset(nodeIds.length + endingIds.length);
  for (let i = 0; i < endingIds.length; i++) index.add(endingIds[i], -(i + 1));
  for (let i = 0; i < nodeIds.length; i++) index.add(nodeIds[i], i);
  const table = readChoices(scenario, nodeIds, (to) => index.get(to, NO_TARGET));
  const routeHeld = zeroed('graph.routeHeld', Uint8Array, table.routeCount);
  const routeTaken = zeroed('graph.routeTaken', Uint8Array, table.routeCount);
  const n = nodeIds.length;
  const guess = Math.min(maxStates + 1, 64 + n * 12);
  // The graph's arrays are working memory reused between analyses (analyse-scratch.ts): they are
  // only read before the analysis returns. Their contents are written before they are read.
  const edgeStart = scratch('graph.edgeStart', Int32Array, guess + 1);
  edgeStart[0] = 0;
  // Fields listed one by one, not spread from the table: a spread made a new hidden class for
  // every graph, so code reading it was recompiled for each analysis.
  const g: StateGraph = {
    choiceStart: table.choiceStart,
    choiceCount: table.choiceCount,
    choiceIndex: table.choiceIndex,
    choiceSource: table.choiceSource,
    choicePoints: table.choicePoints,
    choiceMood: table.choiceMood,
    choiceRawMood: table.choiceRawMood,
    choiceBits: table.choiceBits,
    routeStart: table.routeStart,
    routeCount: table.routeCount,
    routeTarget: table.routeTarget,
    optionCount: table.optionCount,
    timedCount: table.timedCount,
    conditionalCount: table.conditionalCount,
    nodeIds,
    endingIds,
    endingPoints: endingPointsOf(scenario, endingIds),
    routeHeld,
    routeTaken,
    stateNode: scratch('graph.stateNode', Int32Array, guess),
    stateMood: scratch('graph.stateMood', Int8Array, guess),
    stateFlags: scratch('graph.stateFlags', Int32Array, guess),
    flagSets: [Object.freeze({})],
    edgeStart,
    edgeChoice: scratch('graph.edgeChoice', Int32Array, guess * 3),
    edgeTarget: scratch('graph.edgeTarget', Int32Array, guess * 3),
    states: 0,
    edges: 0,
    start: -1,
    truncated: false,
    maxStates,
    nodeReached: zeroed('graph.nodeReached', Uint8Array, n),
    endingReached: zeroed('graph.endingReached', Uint8Array, endingIds.length),
    deadEnds: [],
    noRoute: [],
    droppedEdges: 0,
  };
  // Lookup of (flag set, node, mood) -> state: a dense table per flag set while they fit in
  // DENSE_ENTRIES, then a map (many flag combinations on a big graph must not exhaust memory).
  const width = n * MOODS;
  const tables: (Int32Array | null)[] = [denseTable(0, width)];
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
        g.stateNode = growScratch('graph.stateNode', g.stateNode, count);
        g.stateMood = growScratch('graph.stateMood', g.stateMood, count);
        g.stateFlags = growScratch('graph.stateFlags', g.stateFlags, count);
      }
      g.stateNode[s] = node;
      g.stateMood[s] = mood;
      g.stateFlags[s] = flags;
      g.nodeReached[node] = 1;
    }
    return s;
  };
  // While the story names at most MASK_FLAGS flags, a flag set also has a bit mask, so that the
  // set a choice leads to is found by its mask without building it (flagsAfter and flagKey made
  // garbage for every new (choice, flag set) pair); only a set never seen before is built.
  const flagBits = new Map<string, number>();
  let masks = true;
  const maskOf: number[] = [0];
  const setOfMask = new Map<number, number>([[0, 0]]);
  const bitOf = (name: string): number => {
    let bit = flagBits.get(name);
    if (bit === undefined) {
      if (flagBits.size >= MASK_FLAGS) {
        masks = false;
        return 0;
      }
      bit = 1 << flagBits.size;
      flagBits.set(name, bit);
    }
    return bit;
  };
  /** The flag set after `set` (effects.flags) from flag set fid, or -1 when it must be built. */
  const flagsByMask = (fid: number, set: Readonly<Record<string, unknown>>): number => {
    let mask = maskOf[fid];
    for (const name in set) {
      if (!Object.prototype.hasOwnProperty.call(set, name)) continue;
      const bit = bitOf(name);
      if (!masks) return -1;
      if (set[name] === true) mask |= bit;
      else mask &= ~bit;
    }
    return mask === maskOf[fid] ? fid : (setOfMask.get(mask) ?? -1);
  };
  const internFlags = (flags: FlagSet): number => {
    const key = flagKey(flags);
    let f = flagIds.get(key);
    if (f === undefined) {
      f = g.flagSets.length;
      flagIds.set(key, f);
      g.flagSets.push(flags);
      tables.push(tables.length * width < DENSE_ENTRIES ? denseTable(tables.length, width) : null);
      let mask = 0;
      for (const name in flags) if (flags[name] === true) mask |= bitOf(name);
      if (masks) {
        maskOf[f] = mask;
        setOfMask.set(mask, f);
      }
    }
    return f;
  };
  const startId: unknown = startNode ?? scenario.start;
  const startIdx = typeof startId === 'string' ? index.get(startId, NO_TARGET) : NO_TARGET;
  index.clear();
  if (startIdx < 0) return g;
  g.start = intern(startIdx, clampMood(scenario.customer?.initialMood ?? 0), 0);

  const { choiceStart, choiceBits, choiceMood, routeStart, routeTarget } = table;
  const sources = table.choiceSource;
  // (choice id, flag set id) -> the flag set id after the choice's effects (for choices that set
  // flags): a table for the first flag sets, a map (small-integer keys) beyond.
  const choiceCount = table.choiceCount;
  const flagToDense = scratch('graph.flagTo', Int32Array, choiceCount * DENSE_FLAG_TO).fill(-1, 0, choiceCount * DENSE_FLAG_TO);
  const flagTo = new Map<number, number>();
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
    let any = false;
    // The scenario's own objects are read only for a condition, flags or routes (bits say which).
    for (let c = choiceStart[node], last = choiceStart[node + 1]; c < last; c++) {
      const bits = choiceBits[c];
      if (bits & HAS_WHEN && !holdsFn((sources[c] as Option).when, mood, flags)) continue;
      any = true;
      choiceBits[c] = bits | AVAILABLE;
      let m2 = mood + choiceMood[c];
      if (m2 < LO) m2 = LO;
      else if (m2 > HI) m2 = HI;
      let f2 = fid;
      let flags2 = flags;
      if (bits & SETS_FLAGS) {
        const slot = fid < DENSE_FLAG_TO ? c * DENSE_FLAG_TO + fid : -1;
        let to = slot >= 0 ? flagToDense[slot] : (flagTo.get(fid * choiceCount + c) ?? -1);
        if (to < 0 && masks) to = flagsByMask(fid, (sources[c].effects as Effects).flags as Readonly<Record<string, unknown>>);
        if (to < 0) {
          const after = flagsAfterFn(flags, sources[c].effects);
          to = after === flags ? fid : internFlags(after);
          if (slot >= 0) flagToDense[slot] = to;
          else flagTo.set(fid * choiceCount + c, to);
        }
        f2 = to;
        flags2 = g.flagSets[to];
      }
      let taken = -1;
      const base = routeStart[c];
      if (!(bits & HAS_ROUTES)) taken = 0;
      else {
        const next = sources[c].next as Route[];
        for (let r = 0, routes = routeStart[c + 1] - base; r < routes; r++) {
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
        g.edgeChoice = growScratch('graph.edgeChoice', g.edgeChoice, edges + 1);
        g.edgeTarget = growScratch('graph.edgeTarget', g.edgeTarget, edges + 1);
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
    if (s + 2 > g.edgeStart.length) g.edgeStart = growScratch('graph.edgeStart', g.edgeStart, s + 2);
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
