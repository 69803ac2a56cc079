/**
 * Compiles a valid scenario to an XState v5 machine: one state per decision node and one final
 * state per ending, so `snapshot.value` is where the player is. An option is a `choice.select`
 * transition and a time-out a `timer.expire` one, once per route of its `next`; of these XState
 * takes the first whose guard holds. The config only names the guards and actions of the one
 * typed `setup` below, with params; the story rules themselves live in compile-rules.ts.
 *
 * State keys are the node and ending ids as written: the format allows only letters, digits, '-'
 * and '_' (never '.' or '#', which XState reads as a path or an id), and the validator refuses an
 * id that is both a node and an ending, so each id is one state.
 *
 * There are no `after` timers: a run's event log, with its timestamps, says when a time limit ran
 * out (XState does not restore delayed events from a persisted snapshot).
 */
import { assign, setup } from 'xstate';
import type { TakenStep } from './contract';
import type { Condition, Dimension, Effects, Next, Scenario } from './types';
import { DIMENSIONS } from './types';
import type { Memory } from './compile-rules';
import { firstMemory, holds, memoryAfter, routeIndex, routesOf } from './compile-rules';

/**
 * The machine's context: everything a run has built up so far (where it is: `snapshot.value`):
 * the story's memory (compile-rules.ts; the machine never looks inside it) and the points and steps.
 */
export interface RunContext extends Memory {
  /** Raw points per dimension (ending effects included once reached). */
  raw: Record<Dimension, number>;
  steps: TakenStep[];
  /** When the current node was entered (ms since epoch). */
  enteredAt: number;
}

/** The events the compiled machine understands: a run's events (RunEvent) without their node. */
export type RunMachineEvent =
  | { type: 'choice.select'; option: string; at: number; shown?: string[] }
  | { type: 'timer.expire'; at: number; shown?: string[] };

/** The machine's input: when the run started (the memory it starts with is the scenario's firstMemory). */
export interface RunInput {
  startedAt: number;
}

/** One way out of a node: an option, or the time-out (option null). */
export interface Way {
  node: string;
  option: string | null;
  when?: Condition;
  effects: Effects;
  next: Next;
}

const EMPTY: Effects = Object.freeze({});

/** The typed setup: every guard and action a compiled scenario references, implemented once. */
export const scenarioSetup = setup({
  types: {} as { context: RunContext; events: RunMachineEvent; input: RunInput },
  guards: {
    /** The event chose this way, it is available, and after its effects route `route` is the first that holds. */
    takesRoute: ({ context: c, event }, p: { way: Way; route: number }) =>
      (event.type === 'timer.expire' || event.option === p.way.option) &&
      holds(p.way.when, c) &&
      routeIndex(p.way.next, memoryAfter({ ...c, node: p.way.node }, p.way.effects)) === p.route,
  },
  actions: {
    /** Records the step taken (before its effects apply), with the options as the event says they were shown. */
    recordStep: assign(({ context: c, event: { at, shown } }, way: Way) => {
      const moodAfter = memoryAfter({ ...c, node: way.node }, way.effects).mood;
      const step: TakenStep = { node: way.node, option: way.option, effects: way.effects, at, moodBefore: c.mood, moodAfter };
      return { steps: [...c.steps, shown ? { ...step, shown } : step], enteredAt: at };
    }),
    /** Applies the effects of leaving a node (or of reaching an ending) to the memory and the points. */
    applyEffects: assign(({ context: c }, { node, effects }: { node: string; effects: Effects }) => {
      const raw = { ...c.raw };
      for (const d of DIMENSIONS) raw[d] += effects[d] ?? 0;
      return { ...memoryAfter({ ...c, node }, effects), raw };
    }),
  },
});

/** The transitions of one way: one per route, in order. */
function transitionsOf(way: Way) {
  const actions = [
    { type: 'recordStep', params: way },
    { type: 'applyEffects', params: { node: way.node, effects: way.effects } },
  ] as const;
  return routesOf(way.next).map((r, route) => ({ target: r.to, guard: { type: 'takesRoute', params: { way, route } }, actions }) as const);
}

/**
 * Compiles a valid scenario (one that validateScenario accepted) to an XState v5 machine.
 * Events: `{ type: 'choice.select', option, at, shown? }` and `{ type: 'timer.expire', at,
 * shown? }`; an event no transition takes (an unavailable option, a time-out on an untimed node)
 * changes nothing. Input: `{ startedAt }`. Use it with XState's pure
 * `initialTransition`/`transition` (see replay.ts), or with `createActor`.
 */
export function compileScenario(scenario: Scenario) {
  // Leaf states only (no 'states' key), so a snapshot's value types as a string: the id.
  const states: Record<string, Omit<ReturnType<typeof scenarioSetup.createStateConfig>, 'states'>> = {};
  for (const [node, n] of Object.entries(scenario.nodes)) {
    const limit = n.timeLimit;
    states[node] = {
      on: {
        'choice.select': (n.options ?? []).flatMap((o) => transitionsOf({ node, option: o.id, when: o.when, effects: o.effects ?? EMPTY, next: o.next })),
        ...(limit && { 'timer.expire': transitionsOf({ node, option: null, effects: limit.effects ?? EMPTY, next: limit.next }) }),
      },
    };
  }
  for (const [id, ending] of Object.entries(scenario.endings)) {
    states[id] = { type: 'final', entry: { type: 'applyEffects', params: { node: id, effects: ending.effects ?? EMPTY } } };
  }
  return scenarioSetup.createMachine({
    id: scenario.id,
    initial: scenario.start,
    // XState's pure `transition` makes a throw-away actor without input at every call: the default
    // spares it a thrown (and caught) TypeError, which cost more than the transition itself.
    context: ({ input = { startedAt: 0 } }) => ({
      ...firstMemory(scenario),
      raw: { warmth: 0, initiative: 0, outcome: 0 },
      steps: [],
      enteredAt: input.startedAt,
    }),
    states,
  });
}

/** A compiled scenario: an XState machine with RunContext, RunMachineEvent and RunInput. */
export type ScenarioMachine = ReturnType<typeof compileScenario>;
