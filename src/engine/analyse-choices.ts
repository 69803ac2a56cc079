/**
 * The ways out of a scenario's nodes (every option in order, then the time-out), read once from
 * the scenario into flat typed arrays indexed by an integer choice id, for the state graph, the
 * score ranges, the summary and the findings. One object per option was the analysis' largest
 * garbage on a 10,000-node file (and, living through the whole analysis, it was copied by every
 * scavenge); a `Choice` object is now built only for a finding's message (`choiceAt`).
 */
import type { Condition, Effects, Next, Option, Route, Scenario, TimeLimit } from './types';
import { isBlank } from './text';
import { growScratch, scratch } from './analyse-scratch';

/** choiceBits: the choice has a condition (`when`). */
export const HAS_WHEN = 1;
/** choiceBits: its effects set or clear flags. */
export const SETS_FLAGS = 2;
/** choiceBits: its `next` is not a plain id (a list of routes, or malformed: no routes). */
export const HAS_ROUTES = 4;
/** choiceBits: it has feedback text. */
export const HAS_FEEDBACK = 8;
/** choiceBits: it was available in some reachable state (set by the exploration). */
export const AVAILABLE = 16;
/** choiceBits: its mood effect is present but not a number (compared as written). */
const ODD_MOOD = 32;

/** Marks a route target that does not exist (the validator reports those). */
export const NO_TARGET = -0x7fffffff;

/** Every choice of every node, flat. Choice ids run over the nodes in order. */
export interface ChoiceTable {
  /** The choices of node v are choiceStart[v] .. choiceStart[v + 1] - 1. */
  choiceStart: Int32Array;
  /** The number of choices. */
  choiceCount: number;
  /** Per choice: its position in the node's options; -1 for the time-out. */
  choiceIndex: Int32Array;
  /** Per choice: the scenario's option or time-limit object (for its id, condition, effects, routes). */
  choiceSource: (Option | TimeLimit)[];
  /** Per choice: points per dimension, in DIMENSIONS order (3 per choice). */
  choicePoints: Float64Array;
  /** Per choice: the change of mood (a whole number). */
  choiceMood: Int32Array;
  /** Per choice: the mood effect as written (0 when absent), to compare options. */
  choiceRawMood: Float64Array;
  /** Per choice: HAS_WHEN | SETS_FLAGS | HAS_ROUTES | HAS_FEEDBACK | AVAILABLE. */
  choiceBits: Uint8Array;
  /** The routes of choice c are routeStart[c] .. routeStart[c + 1] - 1 (a plain id is one route). */
  routeStart: Int32Array;
  /** The number of routes. */
  routeCount: number;
  /** Per route: its target, node >= 0 or ending -(index + 1), or NO_TARGET. */
  routeTarget: Int32Array;
  /** For the summary: options (not time-outs), time-outs, and conditional options plus conditional routes. */
  optionCount: number;
  timedCount: number;
  conditionalCount: number;
}

/** One way out of a node, as a finding's message needs it (built by choiceAt). */
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
  /** Where this choice's routes start in the graph's flat route arrays. */
  base: number;
  /** Whether the option was available in some reachable state. */
  available: boolean;
}

const NO_EFFECTS: Effects = Object.freeze({}) as Effects;
const NO_ROUTES: Route[] = Object.freeze([]) as unknown as Route[];

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** Whether a Text holds some words (in any language). */
function hasText(text: unknown): boolean {
  if (typeof text === 'string') return !isBlank(text);
  if (!text || typeof text !== 'object') return false;
  for (const v of Object.values(text)) if (typeof v === 'string' && !isBlank(v)) return true;
  return false;
}

/** `next` as the analysis reads it: an id, a list of routes, or (malformed) no routes. */
function nextOf(source: Option | TimeLimit): Next {
  const next = source.next;
  return typeof next === 'string' || Array.isArray(next) ? next : NO_ROUTES;
}

/** The list behind every table's choiceSource (see readChoices). */
let pooledSources: (Option | TimeLimit)[] = [];

/**
 * Lets go of the scenario objects a table's choiceSource points at, once the analysis that read
 * them is done (so the pooled list does not keep the last scenario alive).
 */
export function releaseChoices(t: ChoiceTable): void {
  t.choiceSource.fill(undefined as unknown as Option, 0, t.choiceCount);
}

/**
 * Reads the choices of the nodes `nodeIds` (in that order) and resolves their routes with
 * `resolve` (an id to a node >= 0, an ending -(index + 1), or NO_TARGET). Everything the summary
 * and the content findings need is read here too, so a big file's options are visited once.
 */
export function readChoices(scenario: Scenario, nodeIds: readonly string[], resolve: (to: string) => number): ChoiceTable {
  const n = nodeIds.length;
  // Working memory reused between analyses (analyse-scratch.ts), written before it is read; room
  // for four options and a time-out per node at first (the schema's most), grown when needed.
  let cap = n * 5 + 16;
  const choiceStart = scratch('choices.start', Int32Array, n + 1);
  let choiceIndex = scratch('choices.index', Int32Array, cap);
  // Kept between analyses like the typed arrays (a new list of a 10,000-node file's 50,000 choices
  // was 0.4 MB of garbage); releaseChoices lets go of its entries when the analysis is done.
  if (pooledSources.length < cap) pooledSources = new Array<Option | TimeLimit>(cap);
  const choiceSource = pooledSources;
  let choicePoints = scratch('choices.points', Float64Array, cap * 3);
  let choiceMood = scratch('choices.mood', Int32Array, cap);
  let choiceRawMood = scratch('choices.rawMood', Float64Array, cap);
  let choiceBits = scratch('choices.bits', Uint8Array, cap);
  let routeStart = scratch('choices.routeStart', Int32Array, cap + 1);
  let routeTarget = scratch('choices.routeTarget', Int32Array, cap);
  let c = 0;
  let r = 0;
  let optionCount = 0;
  let timedCount = 0;
  let conditionalCount = 0;
  const add = (index: number, source: Option | TimeLimit): void => {
    if (c + 1 >= cap) {
      cap *= 2;
      choiceIndex = growScratch('choices.index', choiceIndex, cap);
      choicePoints = growScratch('choices.points', choicePoints, cap * 3);
      choiceMood = growScratch('choices.mood', choiceMood, cap);
      choiceRawMood = growScratch('choices.rawMood', choiceRawMood, cap);
      choiceBits = growScratch('choices.bits', choiceBits, cap);
      routeStart = growScratch('choices.routeStart', routeStart, cap + 1);
    }
    const effects = source.effects;
    const next = source.next;
    let bits = 0;
    if (index >= 0) {
      optionCount++;
      if ((source as Option).when) {
        bits |= HAS_WHEN;
        conditionalCount++;
      }
    } else timedCount++;
    if (effects?.flags) bits |= SETS_FLAGS;
    if (hasText(source.feedback)) bits |= HAS_FEEDBACK;
    routeStart[c] = r;
    if (typeof next === 'string') {
      if (r + 1 > routeTarget.length) routeTarget = growScratch('choices.routeTarget', routeTarget, r + 1);
      routeTarget[r++] = resolve(next);
    } else {
      bits |= HAS_ROUTES;
      if (Array.isArray(next)) {
        if (r + next.length > routeTarget.length) routeTarget = growScratch('choices.routeTarget', routeTarget, r + next.length);
        for (let i = 0; i < next.length; i++) {
          const route = next[i];
          routeTarget[r++] = route && typeof route.to === 'string' ? resolve(route.to) : NO_TARGET;
          if (route && route.when) conditionalCount++;
        }
      }
    }
    choiceIndex[c] = index;
    choiceSource[c] = source;
    if (effects) {
      choicePoints[c * 3] = num(effects.warmth);
      choicePoints[c * 3 + 1] = num(effects.initiative);
      choicePoints[c * 3 + 2] = num(effects.outcome);
    } else {
      choicePoints[c * 3] = choicePoints[c * 3 + 1] = choicePoints[c * 3 + 2] = 0;
    }
    const mood = effects?.mood;
    choiceMood[c] = Math.round(num(mood));
    if (mood === undefined || typeof mood === 'number') choiceRawMood[c] = mood ?? 0;
    else bits |= ODD_MOOD;
    choiceBits[c] = bits;
    c++;
  };
  for (let v = 0; v < n; v++) {
    choiceStart[v] = c;
    const node = scenario.nodes[nodeIds[v]];
    const options = Array.isArray(node.options) ? node.options : NO_OPTIONS;
    for (let i = 0; i < options.length; i++) add(i, options[i]);
    if (node.timeLimit) add(-1, node.timeLimit);
  }
  choiceStart[n] = c;
  routeStart[c] = r;
  return {
    choiceStart,
    choiceCount: c,
    choiceIndex,
    choiceSource,
    choicePoints,
    choiceMood,
    choiceRawMood,
    choiceBits,
    routeStart,
    routeCount: r,
    routeTarget: routeTarget.subarray(0, r),
    optionCount,
    timedCount,
    conditionalCount,
  };
}

const NO_OPTIONS: Option[] = Object.freeze([]) as unknown as Option[];

/** The id of choice c (null for a time-out). */
export function choiceId(t: ChoiceTable, c: number): string | null {
  return t.choiceIndex[c] < 0 ? null : (t.choiceSource[c] as Option).id;
}

/** The condition of choice c (options only). */
export function choiceWhen(t: ChoiceTable, c: number): Condition | undefined {
  return t.choiceIndex[c] < 0 ? undefined : (t.choiceSource[c] as Option).when;
}

/** Choice c as an object, for a finding's message. */
export function choiceAt(t: ChoiceTable, c: number): Choice {
  const source = t.choiceSource[c];
  return {
    index: t.choiceIndex[c],
    id: choiceId(t, c),
    when: choiceWhen(t, c),
    effects: source.effects ?? NO_EFFECTS,
    points: [t.choicePoints[c * 3], t.choicePoints[c * 3 + 1], t.choicePoints[c * 3 + 2]],
    mood: t.choiceMood[c],
    next: nextOf(source),
    routeCount: t.routeStart[c + 1] - t.routeStart[c],
    base: t.routeStart[c],
    available: (t.choiceBits[c] & AVAILABLE) !== 0,
  };
}

/** Route r of choice c's `next` (a plain id is one route without a condition); undefined when malformed. */
export function routeAt(t: ChoiceTable, c: number, r: number): Route | undefined {
  const next = nextOf(t.choiceSource[c]);
  if (typeof next === 'string') return r === 0 ? { to: next } : undefined;
  const route = next[r];
  return route && typeof route.to === 'string' ? route : undefined;
}

/** The target id of route r of choice c, without building a route object; undefined when malformed. */
export function routeTo(t: ChoiceTable, c: number, r: number): string | undefined {
  const next = nextOf(t.choiceSource[c]);
  if (typeof next === 'string') return r === 0 ? next : undefined;
  const route = next[r];
  return route && typeof route.to === 'string' ? route.to : undefined;
}

/** Whether choices a and b move warmth, initiative, outcome and mood alike. */
export function sameEffects(t: ChoiceTable, a: number, b: number): boolean {
  const p = t.choicePoints;
  if (p[a * 3] !== p[b * 3] || p[a * 3 + 1] !== p[b * 3 + 1] || p[a * 3 + 2] !== p[b * 3 + 2]) return false;
  if ((t.choiceBits[a] | t.choiceBits[b]) & ODD_MOOD) return (t.choiceSource[a].effects?.mood ?? 0) === (t.choiceSource[b].effects?.mood ?? 0);
  return t.choiceRawMood[a] === t.choiceRawMood[b];
}

/** Route r of a choice's `next` (a plain id is one route without a condition); undefined when malformed. */
export function routeOf(ch: Choice, r: number): Route | undefined {
  if (typeof ch.next === 'string') return r === 0 ? { to: ch.next } : undefined;
  const route = ch.next[r];
  return route && typeof route.to === 'string' ? route : undefined;
}
