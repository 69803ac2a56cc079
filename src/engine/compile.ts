/**
 * Compiles a valid scenario to an XState v5 machine. The machine config only references named
 * guards and actions with params; their implementations live in the one typed `setup` below.
 * One state per decision node, one final state per ending (its entry applies the ending's
 * effects). There are no `after` timers: a run's event log, with its timestamps, says when a
 * time limit ran out (XState does not restore delayed events from a persisted snapshot).
 */
import { assign, setup } from 'xstate';
import type { TakenStep } from './contract';
import type { Condition, Dimension, Effects, Next, Scenario } from './types';
import { DIMENSIONS } from './types';
import { clampMood, flagsAfter, holds, moodAfter, routesOf } from './compile-rules';

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

/** Params of the `routeTaken` guard: this option (null for the time-out), and this route of it. */
export interface RouteParams {
  option: string | null;
  /** The option's own condition (must hold before the choice). */
  when?: Condition;
  /** The choice's effects: routes are decided on the state after them. */
  effects?: Effects;
  /** The route's condition. */
  route?: Condition;
}

/** Params of the `takeStep` action. */
export interface StepParams {
  node: string;
  option: string | null;
  effects: Effects;
}

/** Params of the `endWith` action. */
export interface EndParams {
  ending: string;
  effects: Effects;
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
    /** This event is this option (or the time-out), the option is available, and this route is the one taken. */
    routeTaken: ({ context, event }, p: RouteParams) => {
      if (p.option === null) {
        if (event.type !== 'timer.expire') return false;
      } else if (event.type !== 'choice.select' || event.option !== p.option) return false;
      if (!holds(p.when, context.mood, context.flags)) return false;
      if (!p.route) return true;
      return holds(p.route, moodAfter(context.mood, p.effects), flagsAfter(context.flags, p.effects));
    },
  },
  actions: {
    /** Records the step and applies its effects to mood, flags and points. */
    takeStep: assign(({ context, event }, p: StepParams) => {
      const mood = moodAfter(context.mood, p.effects);
      const step: TakenStep = {
        node: p.node,
        option: p.option,
        effects: p.effects,
        at: event.at,
        moodBefore: context.mood,
        moodAfter: mood,
      };
      return {
        mood,
        flags: flagsAfter(context.flags, p.effects) as Record<string, boolean>,
        raw: addPoints(context.raw, p.effects),
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

function transitionsFor(
  scenario: Scenario,
  node: string,
  option: string | null,
  when: Condition | undefined,
  effects: Effects,
  next: Next,
  out: Transition[],
): void {
  const step: StepParams = { node, option, effects };
  for (const route of routesOf(next)) {
    const isEnding = Object.prototype.hasOwnProperty.call(scenario.endings, route.to);
    out.push({
      target: isEnding ? endingKey(route.to) : nodeKey(route.to),
      guard: { type: 'routeTaken', params: { option, when, effects, route: route.when } },
      actions: { type: 'takeStep', params: step },
    });
  }
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
    const choices: Transition[] = [];
    for (const option of node.options ?? []) {
      transitionsFor(scenario, id, option.id, option.when, option.effects ?? EMPTY, option.next, choices);
    }
    const on: Record<string, Transition[]> = { 'choice.select': choices };
    if (node.timeLimit) {
      const expiries: Transition[] = [];
      transitionsFor(scenario, id, null, undefined, node.timeLimit.effects ?? EMPTY, node.timeLimit.next, expiries);
      on['timer.expire'] = expiries;
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
