import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { compileScenario } from './compile';
import type { RunMachineEvent, ScenarioMachine } from './compile';
import { analyseScenario } from './analyse';
import { replayRun } from './replay';
import { sampleScenario } from '../../test-support/generate-samples';
import type { RunEvent, Scenario } from './types';

type Ref = { type: string; params: unknown };
type Transition = { target: string; guard: Ref; actions: Ref[] };
type StateConfig = { type?: string; entry?: Ref; on?: Record<string, Transition[]> };

/** The events a player can send at a snapshot: every option of its node, and the time-out if timed. */
function eventsAt(scenario: Scenario, snapshot: { value: unknown; status: string }): RunMachineEvent[] {
  const node = snapshot.status === 'done' ? undefined : scenario.nodes[snapshot.value as string];
  if (!node) return [];
  return [...node.options.map((o) => ({ type: 'choice.select' as const, option: o.id, at: 0 })), ...(node.timeLimit ? [{ type: 'timer.expire' as const, at: 0 }] : [])];
}

describe('compileScenario', () => {
  const scenario = sampleScenario();
  const machine = compileScenario(scenario);
  const start = () => initialTransition(machine, { startedAt: 5 })[0];
  const send = (s: ReturnType<typeof start>, e: RunMachineEvent) => transition(machine, s, e)[0];

  it('has one state per node and one final state per ending, referencing named guards and actions', () => {
    const states = machine.config.states as unknown as Record<string, StateConfig>;
    expect(Object.keys(states)).toEqual(['greet', 'ask', 'close', 'fan', 'neutral', 'lost']);
    expect(machine.config.initial).toBe('greet');
    for (const id of ['fan', 'neutral', 'lost']) expect(states[id]).toMatchObject({ type: 'final', entry: { type: 'applyEffects' } });
    expect(states.lost.entry!.params).toEqual({ node: 'lost', effects: { outcome: -2 } });
    // an option per route, in order; the time-out only where there is a time limit
    expect(states.ask.on!['choice.select'].map((t) => t.target)).toEqual(['close', 'lost', 'close']);
    expect(states.ask.on!['timer.expire']).toBeUndefined();
    expect(states.greet.on!['timer.expire'].map((t) => t.target)).toEqual(['ask']);
    const no = states.ask.on!['choice.select'][1];
    expect(no.guard).toEqual({ type: 'takesRoute', params: { way: expect.objectContaining({ node: 'ask', option: 'no' }), route: 0 } });
    expect(no.actions.map((a) => a.type)).toEqual(['recordStep', 'applyEffects']);
    // the config holds data only: every guard and action is implemented once, in the setup
    const names = JSON.stringify(machine.config).match(/"type":"[a-zA-Z]+"/g)!;
    expect(new Set(names)).toEqual(new Set(['"type":"takesRoute"', '"type":"recordStep"', '"type":"applyEffects"', '"type":"final"']));
    expect(Object.keys(machine.implementations.guards)).toEqual(['takesRoute']);
  });

  it('is where the player is: snapshot.value is the node, then the ending', () => {
    let s = start();
    expect(s.value).toBe('greet');
    expect(s.context).toEqual({ mood: 0, flags: {}, visited: [], watched: [], raw: { warmth: 0, initiative: 0, outcome: 0 }, steps: [], enteredAt: 5 });
    s = send(s, { type: 'choice.select', option: 'warm', at: 10 });
    expect(s.value).toBe('ask');
    s = send(s, { type: 'choice.select', option: 'order', at: 20, shown: ['no', 'order'] });
    expect(s.context.flags).toEqual({ ordered: true });
    expect(s.context.steps[1]).toEqual({ node: 'ask', option: 'order', effects: scenario.nodes.ask.options[0].effects, at: 20, moodBefore: 1, moodAfter: 2, shown: ['no', 'order'] });
    s = send(s, { type: 'choice.select', option: 'callback', at: 30 });
    expect(s.status).toBe('done');
    expect(s.value).toBe('fan');
    // the ending's effects (outcome +2) applied once, on entering it
    expect(s.context.raw).toEqual({ warmth: 3, initiative: 3, outcome: 4 });
  });

  it('takes the first route that holds after the choice', () => {
    let s = send(start(), { type: 'choice.select', option: 'ignore', at: 1 });
    s = send(s, { type: 'choice.select', option: 'no', at: 2 });
    expect(s.value).toBe('lost');
    expect(s.context.mood).toBe(-3);
  });

  it('ignores unavailable options and time-outs of untimed nodes', () => {
    const s = send(start(), { type: 'choice.select', option: 'cold', at: 1 });
    expect(send(s, { type: 'timer.expire', at: 2 })).toBe(s);
    const close = send(s, { type: 'choice.select', option: 'no', at: 2 });
    expect(close.value).toBe('close');
    expect(send(close, { type: 'choice.select', option: 'callback', at: 3 })).toBe(close);
  });

  it('runs as an actor too, and its persisted snapshot restores', () => {
    const actor = createActor(machine, { input: { startedAt: 0 } }).start();
    actor.send({ type: 'timer.expire', at: 10_000 });
    actor.send({ type: 'choice.select', option: 'no', at: 11_000 });
    const restored = createActor(machine, { snapshot: actor.getPersistedSnapshot(), input: { startedAt: 0 } }).start();
    expect(restored.getSnapshot().value).toBe('close');
    restored.send({ type: 'choice.select', option: 'bye', at: 12_000 });
    expect(restored.getSnapshot().value).toBe('neutral');
    expect(restored.getSnapshot().context.raw).toEqual({ warmth: -1, initiative: -1, outcome: -1 });
  });

  it('keeps ids that look like object keys apart', () => {
    const s = sampleScenario();
    Object.assign(s.nodes, { constructor: s.nodes.close });
    s.nodes.ask.options[1].next = 'constructor';
    const m = compileScenario(s);
    const [at] = initialTransition(m, { startedAt: 0 });
    const there = transition(m, transition(m, at, { type: 'choice.select', option: 'warm', at: 1 })[0], { type: 'choice.select', option: 'no', at: 2 })[0];
    expect(there.value).toBe('constructor');
    expect(there.status).toBe('active');
  });
});

describe("XState's graph utilities walk a compiled scenario", () => {
  const scenario = sampleScenario();
  const machine: ScenarioMachine = compileScenario(scenario);
  const options = { input: { startedAt: 0 }, events: (s: { value: unknown; status: string }) => eventsAt(scenario, s) };

  it('enumerates every path to an ending, and the replay of each ends there too', () => {
    const paths = getSimplePaths(machine, { ...options, toState: (s) => s.status === 'done' });
    // greet: warm, cold, ignore or the time-out; ask: order (3 ways to close) or no (2 ways to
    // close, or lost when the mood falls to -3, which only ignoring the customer does)
    expect(paths).toHaveLength(5 + 5 + 4 + 5);
    expect(new Set(paths.map((p) => p.state.value))).toEqual(new Set(['fan', 'neutral', 'lost']));
    const T0 = 1_000_000;
    for (const path of paths) {
      const events = path.steps.slice(1).map(({ event }, i): RunEvent => {
        const node = path.steps[i].state.value as string;
        const at = T0 + 10_000 + i;
        return event.type === 'choice.select' ? { type: 'choice.select', node, option: event.option, at } : { type: 'timer.expire', node, at };
      });
      const run = { formatVersion: 1, id: 'g', scenarioId: scenario.id, scenarioHash: '', playerId: null, mode: 'assessment' as const, timerScale: 1 as const, startedAt: T0, events };
      const replayed = replayRun(scenario, run);
      expect(replayed.ending).toBe(path.state.value);
      expect(replayed.raw).toEqual(path.state.context.raw);
    }
  });

  it('finds the shortest way to each ending, as long as the analysis says', () => {
    const shortest = getShortestPaths(machine, { ...options, toState: (s) => s.status === 'done' });
    const fewest = Math.min(...shortest.map((p) => p.steps.length - 1));
    expect(fewest).toBe(analyseScenario(scenario).summary.shortestPath);
  });
});
