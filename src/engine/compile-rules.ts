/**
 * The story rules shared by the compiled machine, the replay and the analysis: what the story
 * remembers (Memory), when a condition holds, how a choice changes the memory, and which route it
 * takes. One implementation, so the live game, the replay and the score ranges can never disagree.
 *
 * Everything a condition can read is in Memory. A new kind of condition that needs more than the
 * mood, the flags and the nodes visited adds it to Memory, memoryOf, stateAt, firstMemory, memoryAfter
 * and memoryKey here: the machine, the replay and the analysis carry a Memory without looking inside it.
 */
import type { Condition, Dimension, Effects, Next, Option, Route, Scenario } from './types';
import { MOOD_MAX, MOOD_MIN } from './types';

/** Flags that are true; a flag that is absent or false counts as false. */
export type FlagSet = Readonly<Record<string, boolean>>;

/** What the story remembers at a moment: the customer's mood, the flags that are true, and where the player has been. */
export interface Memory {
  mood: number;
  flags: FlagSet;
  /** The decision nodes left so far that some `visited` condition names, in the order left (the others change nothing). */
  visited: readonly string[];
  /** The nodes some `visited` condition names (watchedNodes): which nodes `visited` records. */
  watched: readonly string[];
}

/** Where a story stands at a decision: the node, and the memory. */
export interface StoryState extends Memory {
  node: string;
}

/**
 * Whether a condition holds for a memory. An absent condition always holds. Every key of the
 * condition must hold (AND); `any` needs one of its parts, `not` inverts.
 */
export function holds(condition: Condition | undefined, memory: Memory): boolean {
  if (!condition) return true;
  const { mood, flags } = condition;
  if (mood && ((typeof mood.min === 'number' && memory.mood < mood.min) || (typeof mood.max === 'number' && memory.mood > mood.max))) return false;
  for (const name in flags) if ((memory.flags[name] === true) !== (flags[name] === true)) return false;
  if (condition.visited && !condition.visited.every((node) => memory.visited.includes(node))) return false;
  if (condition.all && !condition.all.every((part) => holds(part, memory))) return false;
  if (condition.any && !condition.any.some((part) => holds(part, memory))) return false;
  if (condition.not && holds(condition.not, memory)) return false;
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
  if (!set || Object.keys(set).every((name) => (flags[name] === true) === (set[name] === true))) return flags;
  const out: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
  for (const name of Object.keys(flags)) if (flags[name] === true) out[name] = true;
  for (const name of Object.keys(set)) {
    if (set[name] === true) out[name] = true;
    else delete out[name];
  }
  return out;
}

/** The memory in something larger that holds one (a machine context, a play state). */
export function memoryOf({ mood, flags, visited, watched }: Memory): Memory {
  return { mood, flags, visited, watched };
}

/** The state at a decision with a memory (taken from something that may hold more, as memoryOf does). */
export const stateAt = (node: string, { mood, flags, visited, watched }: Memory): StoryState => ({ node, mood, flags, visited, watched });

const watchedByScenario = new WeakMap<object, string[]>();

/** The nodes that some `visited` condition of the scenario names (found once per scenario). */
export function watchedNodes(scenario: Pick<Scenario, 'nodes'>): string[] {
  let watched = watchedByScenario.get(scenario);
  if (watched) return watched;
  const found = new Set<string>();
  const walk = (c: Condition | undefined): void => {
    if (!c) return;
    c.visited?.forEach((id) => found.add(id));
    [...(c.all ?? []), ...(c.any ?? []), ...(c.not ? [c.not] : [])].forEach(walk);
  };
  for (const node of Object.values(scenario.nodes ?? {})) {
    for (const way of [...(node.options ?? []), ...(node.timeLimit ? [node.timeLimit] : [])]) {
      walk('when' in way ? way.when : undefined);
      routesOf(way.next).forEach((route) => walk(route.when));
    }
  }
  watchedByScenario.set(scenario, (watched = [...found]));
  return watched;
}

/** The memory a run starts with: the customer's initial mood, no flags, nowhere been yet. */
export function firstMemory(scenario: Pick<Scenario, 'customer' | 'nodes'>): Memory {
  return { mood: clampMood(scenario.customer?.initialMood ?? 0), flags: {}, visited: [], watched: watchedNodes(scenario) };
}

/** The memory after taking a way out of a decision (or reaching an ending) in `state`: its effects applied, the node left. */
export function memoryAfter(state: StoryState, effects: Effects | undefined): Memory {
  const left = state.watched.includes(state.node) && !state.visited.includes(state.node);
  return {
    mood: moodAfter(state.mood, effects),
    flags: flagsAfter(state.flags, effects),
    visited: left ? [...state.visited, state.node] : state.visited,
    watched: state.watched,
  };
}

/**
 * A key for what a memory holds besides the mood (the flags that are true, the watched nodes
 * visited): two states at the same node with the same mood and key play alike from there on (the
 * analysis and best-from merge them).
 */
export function memoryKey(memory: Memory): string {
  let key = flagKeys.get(memory.flags);
  if (key === undefined) {
    key = Object.keys(memory.flags)
      .filter((f) => memory.flags[f] === true)
      .sort()
      .join(',');
    flagKeys.set(memory.flags, key);
  }
  return memory.visited.length ? `${key}|${[...memory.visited].sort().join(',')}` : key;
}

/** The key of each set of flags met so far: flagsAfter keeps the object when nothing changes, so most steps reuse one. */
const flagKeys = new WeakMap<FlagSet, string>();

/** The state a run starts in: at `node` (default the scenario's start) with the first memory. */
export function firstState(scenario: Pick<Scenario, 'start' | 'customer' | 'nodes'>, node: string = scenario.start): StoryState {
  return stateAt(node, firstMemory(scenario));
}

/** A `next` as a list of routes (a plain id becomes one unconditional route). */
export function routesOf(next: Next): Route[] {
  return typeof next === 'string' ? [{ to: next }] : Array.isArray(next) ? next : [];
}

/**
 * The index of the route taken after a choice, decided on the memory AFTER the choice's effects:
 * the first route whose condition holds. -1 when none holds (an invalid scenario).
 */
export function routeIndex(next: Next, memory: Memory): number {
  return typeof next === 'string' ? 0 : routesOf(next).findIndex((route) => holds(route.when, memory));
}

/** The options of a node that are available with this memory. */
export function availableOptions(options: readonly Option[], memory: Memory): Option[] {
  return options.filter((option) => holds(option.when, memory));
}

/** Points per dimension of some effects; an absent number counts 0. */
export function pointsOf(effects: Effects | undefined): Record<Dimension, number> {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return { warmth: num(effects?.warmth), initiative: num(effects?.initiative), outcome: num(effects?.outcome) };
}
