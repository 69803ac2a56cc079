/**
 * The story rules shared by the compiled machine, the replay and the analysis: when a condition
 * holds, how effects change mood and flags, and which route a choice takes. One implementation,
 * so the live game, the replay and the score ranges can never disagree.
 */
import type { Condition, Dimension, Effects, Next, Option, Route, Scenario } from './types';
import { MOOD_MAX, MOOD_MIN } from './types';

/** Flags that are true; a flag that is absent or false counts as false. */
export type FlagSet = Readonly<Record<string, boolean>>;

/**
 * Whether a condition holds for a mood and a set of flags. An absent condition always holds.
 * Every key of the condition must hold (AND); `any` needs one of its parts, `not` inverts.
 */
export function holds(condition: Condition | undefined, mood: number, flags: FlagSet): boolean {
  if (!condition) return true;
  const m = condition.mood;
  if (m) {
    if (typeof m.min === 'number' && mood < m.min) return false;
    if (typeof m.max === 'number' && mood > m.max) return false;
  }
  const f = condition.flags;
  if (f) {
    // for-in, not Object.keys: the analysis asks this for every state, and a key array each time was garbage.
    for (const name in f) {
      if (Object.prototype.hasOwnProperty.call(f, name) && (flags[name] === true) !== (f[name] === true)) return false;
    }
  }
  if (condition.all && !condition.all.every((part) => holds(part, mood, flags))) return false;
  if (condition.any && !condition.any.some((part) => holds(part, mood, flags))) return false;
  if (condition.not && holds(condition.not, mood, flags)) return false;
  return true;
}

/** Clamps a mood to the customer's range (-5..5) and rounds it to a whole number. */
export function clampMood(mood: number): number {
  const m = Math.round(mood);
  return m < MOOD_MIN ? MOOD_MIN : m > MOOD_MAX ? MOOD_MAX : m;
}

/** The mood after applying effects (clamped to -5..5). */
export function moodAfter(mood: number, effects: Effects | undefined): number {
  return effects && typeof effects.mood === 'number' ? clampMood(mood + effects.mood) : mood;
}

/**
 * The flags after applying effects: a new object holding only the flags that are true, or the
 * same object when nothing changes.
 */
export function flagsAfter(flags: FlagSet, effects: Effects | undefined): FlagSet {
  const set = effects?.flags;
  if (!set) return flags;
  let changed = false;
  for (const name in set) {
    if (Object.prototype.hasOwnProperty.call(set, name) && (flags[name] === true) !== (set[name] === true)) {
      changed = true;
      break;
    }
  }
  if (!changed) return flags;
  const out: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
  for (const name of Object.keys(flags)) if (flags[name] === true) out[name] = true;
  for (const name of Object.keys(set)) {
    if (set[name] === true) out[name] = true;
    else delete out[name];
  }
  return out;
}

/** A `next` as a list of routes (a plain id becomes one unconditional route). */
export function routesOf(next: Next): Route[] {
  return typeof next === 'string' ? [{ to: next }] : Array.isArray(next) ? next : [];
}

/**
 * The index of the route taken after a choice, decided on the mood and flags AFTER the choice's
 * effects: the first route whose condition holds. -1 when none holds (an invalid scenario).
 */
export function routeIndex(next: Next, mood: number, flags: FlagSet): number {
  if (typeof next === 'string') return 0;
  const routes = routesOf(next);
  for (let i = 0; i < routes.length; i++) if (holds(routes[i].when, mood, flags)) return i;
  return -1;
}

/** The options of a node that are available with this mood and these flags. */
export function availableOptions(options: readonly Option[], mood: number, flags: FlagSet): Option[] {
  const out: Option[] = [];
  for (const option of options) if (holds(option.when, mood, flags)) out.push(option);
  return out;
}

/** Points per dimension of some effects; an absent number counts 0. */
export function pointsOf(effects: Effects | undefined): Record<Dimension, number> {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return { warmth: num(effects?.warmth), initiative: num(effects?.initiative), outcome: num(effects?.outcome) };
}

/** Where a story stands at a decision: the node and everything the rules remember (mood, flags). */
export interface StoryState {
  node: string;
  mood: number;
  flags: FlagSet;
}

/** The state a run starts in: at `node` (default the scenario's start), the initial mood, no flags. */
export function firstState(scenario: Pick<Scenario, 'start' | 'customer'>, node: string = scenario.start): StoryState {
  return { node, mood: clampMood(scenario.customer?.initialMood ?? 0), flags: {} };
}

/**
 * A key for what a state remembers besides its node and mood (the flags that are true): two
 * states with the same node, mood and memory key play alike from there on.
 */
export function memoryKey(state: Pick<StoryState, 'flags'>): string {
  return Object.keys(state.flags)
    .filter((f) => state.flags[f] === true)
    .sort()
    .join(',');
}

/** A way out of a decision: one of its options, or its time-out. */
export type Way = Pick<Option, 'effects' | 'next'>;

/** What taking a way out of a decision does (its points are pointsOf(way.effects)). */
export interface Step {
  /** The index of the route taken (see routeIndex); -1 when none holds. */
  route: number;
  /** The decision it leads to, with the state there; null for an ending or an unknown id. */
  next: StoryState | null;
  /** The ending it leads to, or null. */
  ending: string | null;
  /** The mood and flags after the way's effects. */
  mood: number;
  flags: FlagSet;
}

const hasOwn = (map: object, key: unknown): key is string => typeof key === 'string' && Object.prototype.hasOwnProperty.call(map, key);

/** Takes a way out of a decision in a state: its effects, then the first route that holds. */
export function stepOf(scenario: Pick<Scenario, 'nodes' | 'endings'>, state: StoryState, way: Way): Step {
  const mood = moodAfter(state.mood, way.effects);
  const flags = flagsAfter(state.flags, way.effects);
  const route = routeIndex(way.next, mood, flags);
  const id = route < 0 ? undefined : typeof way.next === 'string' ? way.next : way.next[route]?.to;
  const ending = hasOwn(scenario.endings, id) ? id : null;
  const next = !ending && hasOwn(scenario.nodes, id) ? { node: id, mood, flags } : null;
  return { route, next, ending, mood, flags };
}
