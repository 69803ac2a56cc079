/**
 * Compiles a valid scenario to an XState v5 machine. The machine config only references named
 * guards and actions with params; their implementations live in the one typed `setup` below.
 * One state per decision node, one final state per ending (its entry applies the ending's
 * effects); one transition per node and target, whose guard decides the route the chosen option
 * takes after its effects. There are no `after` timers: a run's event log, with its timestamps, says when a
 * time limit ran out (XState does not restore delayed events from a persisted snapshot).
 */
import { assign, setup } from 'xstate';
import type { TakenStep } from './contract';
import type { Condition, Dimension, Effects, Route, Scenario } from './types';
import { DIMENSIONS } from './types';
import { clampMood, flagsAfter, holds, moodAfter, routeIndex, routesOf } from './compile-rules';

/** The machine's context: everything a run has built up so far. */
export interface RunContext {
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

/** The machine's input: the customer's mood at the start and when the run started. */
export interface RunInput {
  mood: number;
  startedAt: number;
}

/** One way out of a node: an option, or the time-out (option null), with its routes. */
export interface Way {
  option: string | null;
  /** The option's own condition (must hold before the choice). */
  when?: Condition;
  effects: Effects;
  /** Tried in order on the mood and flags after the effects; the first that holds is taken. */
  next: Route[];
}

/** Params of the `routeTaken` guard: the node's ways out, and the target of this transition. */
export interface RouteParams {
  to: string;
  ways: Way[];
}

/** Params of the `takeStep` action. */
export interface StepParams {
  node: string;
  ways: Way[];
}

/** Params of the `endWith` action. */
export interface EndParams {
  ending: string;
  effects: Effects;
}

/** The way out an event takes: the chosen option, or the time-out. */
function wayOf(ways: readonly Way[], event: RunMachineEvent): Way | undefined {
  const option = event.type === 'choice.select' ? event.option : null;
  for (const way of ways) if (way.option === option) return way;
  return undefined;
}

const EMPTY: Effects = Object.freeze({}) as Effects;

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
    /** The event's option (or time-out) is available, and its first route that holds after its effects goes to `to`. */
    routeTaken: ({ context, event }, p: RouteParams) => {
      const way = wayOf(p.ways, event);
      if (!way || !holds(way.when, context.mood, context.flags)) return false;
      const r = routeIndex(way.next, moodAfter(context.mood, way.effects), flagsAfter(context.flags, way.effects));
      return r >= 0 && way.next[r].to === p.to;
    },
  },
  actions: {
    /** Records the step and applies its effects to mood, flags and points. */
    takeStep: assign(({ context, event }, p: StepParams) => {
      const effects = wayOf(p.ways, event)?.effects ?? EMPTY;
      const mood = moodAfter(context.mood, effects);
      const step: TakenStep = {
        node: p.node,
        option: event.type === 'choice.select' ? event.option : null,
        effects,
        at: event.at,
        moodBefore: context.mood,
        moodAfter: mood,
      };
      return {
        mood,
        flags: flagsAfter(context.flags, effects) as Record<string, boolean>,
        raw: addPoints(context.raw, effects),
        steps: [...context.steps, step],
        enteredAt: event.at,
      };
    }),
    /** Applies an ending's effects once, on entering it. */
    endWith: assign(({ context }, p: EndParams) => ({
      mood: moodAfter(context.mood, p.effects),
      flags: flagsAfter(context.flags, p.effects) as Record<string, boolean>,
      raw: addPoints(context.raw, p.effects),
    })),
  },
});

function initialContext({ input }: { input: RunInput }): RunContext {
  return {
    mood: clampMood(input.mood),
    flags: {},
    raw: { warmth: 0, initiative: 0, outcome: 0 },
    steps: [],
    enteredAt: input.startedAt,
  };
}

/** Names the machine type (never called): the shape every compiled scenario has. */
function _machineShape() {
  return scenarioSetup.createMachine({ id: 'scenario', initial: '', context: initialContext, states: {} as never });
}

/** A compiled scenario: an XState machine with RunContext, RunMachineEvent and RunInput. */
export type ScenarioMachine = ReturnType<typeof _machineShape>;

/** The machine state key of a decision node (prefixed, so no id can clash with an object key). */
export function nodeKey(id: string): string {
  return 'node:' + id;
}

/** The machine state key of an ending. */
export function endingKey(id: string): string {
  return 'end:' + id;
}

/** The node or ending id of a machine state key, with whether it is an ending. */
export function parseKey(key: string): { id: string; ending: boolean } {
  return key.startsWith('end:') ? { id: key.slice(4), ending: true } : { id: key.slice(5), ending: false };
}

type Transition = {
  target: string;
  guard: { type: 'routeTaken'; params: RouteParams };
  actions: { type: 'takeStep'; params: StepParams };
};

/** One transition per distinct target of these ways, all sharing the node's list of ways. */
function transitionsTo(scenario: Scenario, node: string, ways: Way[]): Transition[] {
  const targets: string[] = [];
  for (const way of ways) for (const route of way.next) if (!targets.includes(route.to)) targets.push(route.to);
  const step: StepParams = { node, ways };
  return targets.map((to) => ({
    target: Object.prototype.hasOwnProperty.call(scenario.endings, to) ? endingKey(to) : nodeKey(to),
    guard: { type: 'routeTaken', params: { to, ways } },
    actions: { type: 'takeStep', params: step },
  }));
}

/**
 * Compiles a valid scenario (one that validateScenario accepted) to an XState v5 machine.
 * Events: `{ type: 'choice.select', option, at }` and `{ type: 'timer.expire', at }`.
 * Input: `{ mood, startedAt }`. Use it with XState's pure `initialTransition`/`transition`
 * (see replay.ts) or with `createActor`.
 */
export function compileScenario(scenario: Scenario): ScenarioMachine {
  const states: Record<string, object> = {};
  for (const id of Object.keys(scenario.nodes)) {
    const node = scenario.nodes[id];
    const options: Way[] = (node.options ?? []).map((o) => ({ option: o.id, when: o.when, effects: o.effects ?? EMPTY, next: routesOf(o.next) }));
    const on: Record<string, Transition[]> = { 'choice.select': transitionsTo(scenario, id, options) };
    if (node.timeLimit) {
      const timeout: Way = { option: null, effects: node.timeLimit.effects ?? EMPTY, next: routesOf(node.timeLimit.next) };
      on['timer.expire'] = transitionsTo(scenario, id, [timeout]);
    }
    states[nodeKey(id)] = { on };
  }
  for (const id of Object.keys(scenario.endings)) {
    const effects = scenario.endings[id].effects ?? EMPTY;
    states[endingKey(id)] = { type: 'final', entry: { type: 'endWith', params: { ending: id, effects } } };
  }
  return scenarioSetup.createMachine({
    id: 'scenario',
    initial: nodeKey(scenario.start),
    context: initialContext,
    states: states as never,
  });
}
