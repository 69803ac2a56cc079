/**
 * Compiles a valid scenario to an XState v5 machine of constant size, whatever the scenario's
 * size: one `playing` state, whose context holds the current node, and one final `ended` state,
 * whose entry applies the ending's effects. The config only references named guards and actions
 * with params; their implementations live in the one typed `setup` below, and read the node's
 * options from the scenario itself (its `nodes` and `endings` are already lookups by id).
 *
 * Why not one XState state per node: a 10,000-node scenario then became 10,000 StateNode objects
 * with their transitions, built on every compile and kept alive with the machine, and that
 * allocation (and the garbage collection it caused) made loading big scenarios grow faster than
 * their size. Now compiling costs the same for every scenario.
 *
 * There are no `after` timers: a run's event log, with its timestamps, says when a time limit ran
 * out (XState does not restore delayed events from a persisted snapshot).
 */
import { assign, setup } from 'xstate';
import type { TakenStep } from './contract';
import type { Condition, Dimension, Effects, Next, Scenario } from './types';
import { DIMENSIONS } from './types';
import { clampMood, flagsAfter, holds, moodAfter, routeIndex } from './compile-rules';

/** The machine's context: everything a run has built up so far, and where it stands. */
export interface RunContext {
  /** The current decision node; null once an ending is reached. */
  node: string | null;
  /** The ending reached; null while playing. */
  ending: string | null;
  mood: number;
  /** The flags that are true. */
  flags: Record<string, boolean>;
  /** Raw points per dimension (ending effects included once reached). */
  raw: Record<Dimension, number>;
  steps: TakenStep[];
  /** When the current node was entered (ms since epoch). */
  enteredAt: number;
}

/** The events the compiled machine understands; `at` is ms since the epoch. */
export type RunMachineEvent =
  | { type: 'choice.select'; option: string; at: number }
  | { type: 'timer.expire'; at: number };

/**
 * The machine's input: the customer's mood at the start, when the run started, and — for a
 * "play from here" test run — the node to start at instead of the scenario's start.
 */
export interface RunInput {
  mood: number;
  startedAt: number;
  startNode?: string;
}

/** Params of every guard and action: the scenario's nodes and endings, looked up by id. */
export interface StoryParams {
  nodes: Scenario['nodes'];
  endings: Scenario['endings'];
}

/** The machine state of a run that is still being played. */
export const PLAYING = 'playing';
/** The machine state of a run that reached an ending (final). */
export const ENDED = 'ended';

/** One way out of a node: an option, or the time-out, as the event names it. */
interface Way {
  when?: Condition;
  effects: Effects;
  next: Next;
}

const EMPTY: Effects = Object.freeze({}) as Effects;
const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** The way out of the current node that an event takes: the chosen option, or the time-out. */
function wayOf(p: StoryParams, node: string | null, event: RunMachineEvent): Way | undefined {
  if (node === null || !hasOwn(p.nodes, node)) return undefined;
  const n = p.nodes[node];
  if (event.type === 'timer.expire') {
    return n.timeLimit ? { effects: n.timeLimit.effects ?? EMPTY, next: n.timeLimit.next } : undefined;
  }
  for (const o of n.options ?? []) if (o.id === event.option) return { when: o.when, effects: o.effects ?? EMPTY, next: o.next };
  return undefined;
}

/** Where a way leads with this mood and these flags (its effects applied first); undefined when no route holds. */
function targetOf(way: Way, mood: number, flags: Record<string, boolean>): string | undefined {
  const r = routeIndex(way.next, moodAfter(mood, way.effects), flagsAfter(flags, way.effects));
  if (r < 0) return undefined;
  return typeof way.next === 'string' ? way.next : way.next[r].to;
}

function addPoints(raw: Record<Dimension, number>, effects: Effects): Record<Dimension, number> {
  const out = { ...raw };
  for (const d of DIMENSIONS) {
    const v = effects[d];
    if (typeof v === 'number') out[d] += v;
  }
  return out;
}

/** The typed setup: every guard and action a compiled scenario references, implemented once. */
export const scenarioSetup = setup({
  types: {} as { context: RunContext; events: RunMachineEvent; input: RunInput },
  guards: {
    /** The event's option (or time-out) exists at the current node, is available, and one of its routes holds after its effects. */
    wayOpen: ({ context, event }, p: StoryParams) => {
      const way = wayOf(p, context.node, event);
      return !!way && holds(way.when, context.mood, context.flags) && targetOf(way, context.mood, context.flags) !== undefined;
    },
    /** The run has reached an ending. */
    reachedEnding: ({ context }) => context.ending !== null,
  },
  actions: {
    /** Records the step, applies its effects to mood, flags and points, and moves to the route's node or ending. */
    takeStep: assign(({ context, event }, p: StoryParams) => {
      const node = context.node as string;
      const way = wayOf(p, node, event) as Way;
      const to = targetOf(way, context.mood, context.flags) as string;
      const mood = moodAfter(context.mood, way.effects);
      const step: TakenStep = {
        node,
        option: event.type === 'choice.select' ? event.option : null,
        effects: way.effects,
        at: event.at,
        moodBefore: context.mood,
        moodAfter: mood,
      };
      const ending = hasOwn(p.endings, to);
      return {
        node: ending ? null : to,
        ending: ending ? to : null,
        mood,
        flags: flagsAfter(context.flags, way.effects) as Record<string, boolean>,
        raw: addPoints(context.raw, way.effects),
        steps: [...context.steps, step],
        enteredAt: event.at,
      };
    }),
    /** Applies the reached ending's effects once, on entering `ended`. */
    endWith: assign(({ context }, p: StoryParams) => {
      const effects = (context.ending !== null && hasOwn(p.endings, context.ending) ? p.endings[context.ending].effects : undefined) ?? EMPTY;
      return {
        mood: moodAfter(context.mood, effects),
        flags: flagsAfter(context.flags, effects) as Record<string, boolean>,
        raw: addPoints(context.raw, effects),
      };
    }),
  },
});

/** The machine config for a scenario: two states, whatever the scenario's size. */
function machineConfig(scenario: Scenario) {
  const params: StoryParams = { nodes: scenario.nodes, endings: scenario.endings };
  const step = {
    guard: { type: 'wayOpen', params },
    actions: { type: 'takeStep', params },
  } as const;
  return {
    id: 'scenario',
    initial: PLAYING,
    context: ({ input }: { input: RunInput }): RunContext => ({
      node: input.startNode ?? scenario.start,
      ending: null,
      mood: clampMood(input.mood),
      flags: {},
      raw: { warmth: 0, initiative: 0, outcome: 0 },
      steps: [],
      enteredAt: input.startedAt,
    }),
    states: {
      [PLAYING]: {
        always: { guard: 'reachedEnding', target: ENDED },
        on: { 'choice.select': step, 'timer.expire': step },
      },
      [ENDED]: { type: 'final', entry: { type: 'endWith', params } },
    },
  } as const;
}

/**
 * Compiles a valid scenario (one that validateScenario accepted) to an XState v5 machine with
 * the states `playing` and `ended`; the context says which node or ending. Takes the same time
 * for any scenario: the guards and actions read the scenario's nodes and endings when an event
 * comes. Events: `{ type: 'choice.select', option, at }` and `{ type: 'timer.expire', at }`.
 * Input: `{ mood, startedAt, startNode? }`. Use it with XState's pure
 * `initialTransition`/`transition` (see replay.ts) or with `createActor`.
 */
export function compileScenario(scenario: Scenario) {
  return scenarioSetup.createMachine(machineConfig(scenario));
}

/** A compiled scenario: an XState machine with RunContext, RunMachineEvent and RunInput. */
export type ScenarioMachine = ReturnType<typeof compileScenario>;
