/**
 * Replaying a run: the run's event log is the source of truth, and the state of a run is a pure
 * function of (scenario, events). The live game and the replay share one code path: the game calls
 * `applyEvent` for each event it appends, `replayRun` folds the whole log with the same function.
 * Both step the compiled XState machine with XState's pure `initialTransition` and its
 * `transition`, made once per machine (see `step`).
 */
import { createActor, initialTransition, type SnapshotFrom } from 'xstate';
import { ReplayError } from './contract';
import type { PlayState } from './contract';
import type { Run, RunEvent, Scenario } from './types';
import { TIMER_SCALES } from './types';
import { availableOptions, memoryOf } from './compile-rules';
import { compileScenario } from './compile';
import { orderOptions } from './option-order';
import { expressionFor } from './expression';
import type { ScenarioMachine } from './compile';

/** How far (ms) an event's time may be off its deadline: clocks and timers are not exact. */
export const DEADLINE_TOLERANCE_MS = 1000;

const machines = new WeakMap<Scenario, ScenarioMachine>();

/** The compiled machine of a scenario, compiled once per scenario object and then reused. */
export function machineFor(scenario: Scenario): ScenarioMachine {
  let machine = machines.get(scenario);
  if (!machine) machines.set(scenario, (machine = compileScenario(scenario)));
  return machine;
}

type Snapshot = SnapshotFrom<ScenarioMachine>;
type Scope = Parameters<ScenarioMachine['transition']>[2];

const scopes = new WeakMap<ScenarioMachine, Scope>();

/**
 * XState's pure `transition(machine, snapshot, event)`, with the inert actor scope it would make
 * at every call made once per machine: making one works out the machine's initial state, on a
 * slow phone a good part of each choice. The compiled machines invoke and spawn nothing and their
 * actions are `assign`, applied inside the transition, so the scope keeps no state between calls.
 */
function step(machine: ScenarioMachine, snapshot: Snapshot, event: Parameters<ScenarioMachine['transition']>[1]): Snapshot {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine, { input: { startedAt: 0 } });
    scope = {
      self,
      system: self.system,
      id: '',
      sessionId: '',
      logger: () => undefined,
      defer: () => undefined,
      emit: () => undefined,
      stopChild: () => undefined,
      actionExecutor: () => undefined,
    };
    scopes.set(machine, scope);
  }
  return machine.transition(snapshot, event, scope);
}

/**
 * The machine snapshot each play state was made from, so the next event steps on from it; a state
 * made elsewhere, or by another machine of the scenario (the dev server swapped its file), is
 * rebuilt with `resolveState`.
 */
const snapshots = new WeakMap<PlayState, Snapshot>();

/**
 * When the current timed decision runs out: entered + seconds × 1000 × scale; null when the node
 * is untimed, the run has ended, or timers are off (scale 0).
 */
export function deadlineOf(scenario: Scenario, node: string | null, enteredAt: number, scale: number): number | null {
  if (node === null || !scale) return null;
  const limit = scenario.nodes[node]?.timeLimit;
  return limit ? enteredAt + limit.seconds * 1000 * scale : null;
}

/** The play state of a machine snapshot: its value is the node, or the ending once it is done. */
function toPlayState(scenario: Scenario, snapshot: Snapshot, timerScale: number, seed: string | undefined): PlayState {
  const { context } = snapshot;
  const where = snapshot.value;
  const [node, ending] = snapshot.status === 'done' ? [null, where] : [where, null];
  const available = node === null ? [] : availableOptions(scenario.nodes[node].options ?? [], context);
  const customer = node === null ? scenario.endings[where].customer : scenario.nodes[node].customer;
  const state: PlayState = {
    node,
    ending,
    ...context,
    deadline: deadlineOf(scenario, node, context.enteredAt, timerScale),
    timerScale,
    available: orderOptions(available, seed, context.steps.length),
    ...(seed === undefined ? {} : { seed }),
    expression: expressionFor(customer?.expression, context.mood),
  };
  snapshots.set(state, snapshot);
  return state;
}

/** A state that differs from `state` only in its timer: made from the same snapshot. */
function sameSnapshot(state: PlayState, next: PlayState): PlayState {
  const snapshot = snapshots.get(state);
  if (snapshot) snapshots.set(next, snapshot);
  return next;
}

/**
 * The state at the start of a run, before any event: the scenario's start node (or the run's
 * `startNode` for a "play from here" test run), the customer's initial mood, no flags, no points.
 * Throws ReplayError (event index -1) when the run does not belong to the scenario.
 */
export function initialPlayState(scenario: Scenario, run: Run): PlayState {
  if (run.scenarioId !== scenario.id) {
    throw new ReplayError(`This run belongs to scenario "${run.scenarioId}", not to "${scenario.id}".`, -1);
  }
  if (typeof run.startedAt !== 'number' || !Number.isFinite(run.startedAt)) {
    throw new ReplayError('The run has no valid start time.', -1);
  }
  if (!(TIMER_SCALES as readonly number[]).includes(run.timerScale)) {
    throw new ReplayError(`The run's timer setting ${String(run.timerScale)} is not one of 1, 1.5, 10 or 0 (off).`, -1);
  }
  const start = run.startNode ?? scenario.start;
  if (!Object.prototype.hasOwnProperty.call(scenario.nodes, start)) {
    throw new ReplayError(`The run starts at node "${start}", which this scenario does not have.`, -1);
  }
  if (run.seed !== undefined && (typeof run.seed !== 'string' || run.seed.length === 0 || run.seed.length > 64)) {
    throw new ReplayError('The run\'s option-order seed is not a text of 1 to 64 characters.', -1);
  }
  const machine = machineFor(scenario);
  const [first] = initialTransition(machine, { startedAt: run.startedAt });
  const snapshot = start === scenario.start ? first : machine.resolveState({ value: start, context: first.context });
  return toPlayState(scenario, snapshot, run.timerScale, run.seed);
}

function seconds(ms: number): string {
  return (Math.round(ms / 100) / 10).toString();
}

/** Whether `shown` lists exactly the ids of `available`, each once (in any order). */
function sameOptions(shown: unknown, available: readonly { id: string }[]): boolean {
  if (!Array.isArray(shown) || shown.length !== available.length) return false;
  const ids = new Set(available.map((o) => o.id));
  return shown.every((id) => ids.delete(id as string));
}

function check(scenario: Scenario, state: PlayState, event: RunEvent, index: number): void {
  const n = `Event ${index + 1}`;
  if (!event || typeof event !== 'object' || typeof event.at !== 'number' || !Number.isFinite(event.at)) {
    throw new ReplayError(`${n} has no valid time.`, index);
  }
  if (state.node === null) {
    throw new ReplayError(`${n} (${event.type}) comes after the run already ended at "${String(state.ending)}".`, index);
  }
  if (event.type === 'timer.scale') {
    if (!(TIMER_SCALES as readonly number[]).includes(event.scale)) {
      throw new ReplayError(`${n} sets the timer to ${String(event.scale)}, which is not 1, 1.5, 10 or 0 (off).`, index);
    }
    return;
  }
  if (event.type !== 'choice.select' && event.type !== 'timer.expire' && event.type !== 'timer.start') {
    throw new ReplayError(`${n} has an unknown type "${String((event as { type: unknown }).type)}".`, index);
  }
  if (event.node !== state.node) {
    throw new ReplayError(`${n} happened at node "${String(event.node)}", but the run is at node "${state.node}".`, index);
  }
  const node = scenario.nodes[state.node];
  if (event.type === 'timer.start') {
    if (!node.timeLimit) throw new ReplayError(`${n} starts a countdown at node "${state.node}", which has no time limit.`, index);
    if (state.timerStartedAt !== undefined) {
      throw new ReplayError(`${n} starts the countdown at node "${state.node}" a second time; it already started with an earlier event.`, index);
    }
    if (event.at < state.enteredAt) {
      throw new ReplayError(`${n} starts the countdown at node "${state.node}" ${seconds(state.enteredAt - event.at)} s before the run got there.`, index);
    }
    return;
  }
  if (event.shown !== undefined && !sameOptions(event.shown, state.available)) {
    throw new ReplayError(`${n} says the options of node "${state.node}" were shown as ${JSON.stringify(event.shown)}, but the options there were ${JSON.stringify(state.available.map((o) => o.id))}.`, index);
  }
  if (event.type === 'timer.expire') {
    if (!node.timeLimit) throw new ReplayError(`${n} says the time ran out at node "${state.node}", which has no time limit.`, index);
    if (state.deadline === null) throw new ReplayError(`${n} says the time ran out at node "${state.node}" while timers were off.`, index);
    if (event.at < state.deadline - DEADLINE_TOLERANCE_MS) {
      throw new ReplayError(`${n} says the time ran out at node "${state.node}" ${seconds(state.deadline - event.at)} s before its deadline.`, index);
    }
    return;
  }
  const option = (node.options ?? []).find((o) => o.id === event.option);
  if (!option) throw new ReplayError(`${n} chooses option "${String(event.option)}", which node "${state.node}" does not have.`, index);
  if (!state.available.includes(option)) {
    throw new ReplayError(`${n} chooses option "${event.option}" of node "${state.node}", which is not available with mood ${state.mood} and these flags.`, index);
  }
  if (state.deadline !== null && event.at > state.deadline + DEADLINE_TOLERANCE_MS) {
    throw new ReplayError(`${n} chooses option "${event.option}" ${seconds(event.at - state.deadline)} s after the time at node "${state.node}" ran out; the time-out should have come first.`, index);
  }
}

/**
 * The state after one more event: the one step function of the live game and the replay.
 * `index` is the event's position in the log (for error messages). Throws ReplayError when the
 * event cannot happen in this state (wrong node, unknown or unavailable option, a time-out
 * before its deadline or on an untimed node, a choice after the deadline, anything after the end,
 * a `timer.start` on another or an untimed node or a second one in the same visit). A `timer.start`
 * changes neither the node nor the scores: only the deadline, which then counts from its time.
 */
export function applyEvent(scenario: Scenario, state: PlayState, event: RunEvent, index: number = state.steps.length): PlayState {
  check(scenario, state, event, index);
  if (event.type === 'timer.scale') {
    return sameSnapshot(state, { ...state, timerScale: event.scale, deadline: deadlineOf(scenario, state.node, state.timerStartedAt ?? state.enteredAt, event.scale) });
  }
  if (event.type === 'timer.start') {
    return sameSnapshot(state, { ...state, timerStartedAt: event.at, deadline: deadlineOf(scenario, state.node, event.at, state.timerScale) });
  }
  const machine = machineFor(scenario);
  const { raw, steps, enteredAt } = state;
  const made = snapshots.get(state);
  const snapshot = made?.machine === machine ? made : machine.resolveState({ value: state.node as string, context: { ...memoryOf(state), raw, steps, enteredAt } });
  // The step records what the player saw: the order the event names, else the one the seed gave.
  const next = step(machine, snapshot, { ...event, shown: event.shown ?? state.available.map((o) => o.id) });
  if (next === snapshot) {
    throw new ReplayError(`Event ${index + 1}: no route of node "${state.node}" applies after this choice (the scenario needs a route without a condition last).`, index);
  }
  return toPlayState(scenario, next, state.timerScale, state.seed);
}

/**
 * Replays a run: folds its events over the initial state. Pure: the same scenario and log always
 * give the same state (which is exactly what the live game showed). Throws ReplayError with the
 * index of the first event that cannot happen.
 */
export function replayRun(scenario: Scenario, run: Run): PlayState {
  const events = Array.isArray(run.events) ? run.events : [];
  return events.reduce((state, event, i) => applyEvent(scenario, state, event, i), initialPlayState(scenario, run));
}
