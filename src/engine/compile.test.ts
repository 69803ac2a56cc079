import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { compileScenario, ENDED, PLAYING } from './compile';
import { generateScenario } from './generate';
import { sampleScenario } from './generate-samples';

describe('compileScenario', () => {
  const scenario = sampleScenario();
  const machine = compileScenario(scenario);

  it('has two states whatever the size, and only references to named guards and actions', () => {
    type Config = Record<string, { type?: string; always?: { guard: string; target: string }; on?: Record<string, { guard: { type: string; params: unknown }; actions: { type: string; params: unknown } }>; entry?: { type: string; params: unknown } }>;
    const states = machine.config.states as unknown as Config;
    expect(Object.keys(states)).toEqual([PLAYING, ENDED]);
    expect(states[ENDED].type).toBe('final');
    expect(states[ENDED].entry).toMatchObject({ type: 'endWith' });
    expect(states[PLAYING].always).toEqual({ guard: 'reachedEnding', target: ENDED });
    const on = states[PLAYING].on!;
    expect(Object.keys(on).sort()).toEqual(['choice.select', 'timer.expire']);
    for (const t of Object.values(on)) {
      expect(t.guard.type).toBe('wayOpen');
      expect(t.actions.type).toBe('takeStep');
      // the params are the scenario's own lookups, not copies
      expect(t.guard.params).toEqual({ nodes: scenario.nodes, endings: scenario.endings });
      expect((t.guard.params as { nodes: unknown }).nodes).toBe(scenario.nodes);
    }
    expect(JSON.stringify(Object.keys(machine.config))).not.toMatch(/after/);
    const big = compileScenario(generateScenario({ nodes: 2000, seed: 3 }));
    expect(Object.keys(big.config.states!)).toEqual([PLAYING, ENDED]);
  });

  it('runs with the pure transition functions', () => {
    let [s] = initialTransition(machine, { mood: 0, startedAt: 5 });
    expect(s.value).toBe(PLAYING);
    expect(s.context).toMatchObject({ node: 'greet', ending: null, mood: 0, flags: {}, raw: { warmth: 0, initiative: 0, outcome: 0 }, steps: [], enteredAt: 5 });
    [s] = transition(machine, s, { type: 'choice.select', option: 'warm', at: 10 });
    [s] = transition(machine, s, { type: 'choice.select', option: 'order', at: 20 });
    expect(s.context.flags).toEqual({ ordered: true });
    [s] = transition(machine, s, { type: 'choice.select', option: 'callback', at: 30 });
    expect(s.status).toBe('done');
    expect(s.value).toBe(ENDED);
    expect(s.context).toMatchObject({ node: null, ending: 'fan' });
    expect(s.context.raw).toEqual({ warmth: 3, initiative: 3, outcome: 4 });
  });

  it('ignores unavailable options and time-outs of untimed nodes', () => {
    let [s] = initialTransition(machine, { mood: 0, startedAt: 0 });
    [s] = transition(machine, s, { type: 'choice.select', option: 'cold', at: 1 });
    const [same] = transition(machine, s, { type: 'timer.expire', at: 2 });
    expect(same.value).toBe(PLAYING);
    expect(same.context.node).toBe('ask');
    expect(same.context.steps).toHaveLength(1);
  });

  it('runs as an actor too, and its persisted snapshot restores', () => {
    const actor = createActor(machine, { input: { mood: 0, startedAt: 0 } }).start();
    actor.send({ type: 'timer.expire', at: 10_000 });
    actor.send({ type: 'choice.select', option: 'no', at: 11_000 });
    const persisted = actor.getPersistedSnapshot();
    const restored = createActor(machine, { snapshot: persisted, input: { mood: 0, startedAt: 0 } }).start();
    restored.send({ type: 'choice.select', option: 'bye', at: 12_000 });
    expect(restored.getSnapshot().value).toBe(ENDED);
    expect(restored.getSnapshot().context.ending).toBe('neutral');
    expect(restored.getSnapshot().context.raw).toEqual({ warmth: -1, initiative: -1, outcome: -1 });
  });

  it('keeps ids that look like object keys apart', () => {
    const s = sampleScenario();
    Object.assign(s.nodes, { constructor: s.nodes.close });
    s.nodes.ask.options[1].next = 'constructor';
    const [snap] = transition(compileScenario(s), initialTransition(compileScenario(s), { mood: 0, startedAt: 0 })[0], { type: 'choice.select', option: 'warm', at: 1 });
    expect(snap.context.node).toBe('ask');
    const [there] = transition(compileScenario(s), snap, { type: 'choice.select', option: 'no', at: 2 });
    expect(there.context.node).toBe('constructor');
    expect(there.value).toBe(PLAYING);
  });

  it('starts at another node for a "play from here" run', () => {
    const [s] = initialTransition(machine, { mood: 9, startedAt: 3, startNode: 'ask' });
    expect(s.context).toMatchObject({ node: 'ask', ending: null, mood: 5, enteredAt: 3 });
  });
});
