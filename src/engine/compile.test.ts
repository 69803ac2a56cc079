import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { compileScenario, endingKey, nodeKey } from './compile';
import { sampleScenario } from './generate-samples';

describe('compileScenario', () => {
  const scenario = sampleScenario();
  const machine = compileScenario(scenario);

  it('has one state per node and a final state per ending, in the config only references to named guards and actions', () => {
    const states = machine.config.states as Record<string, { type?: string; on?: Record<string, { guard: { type: string; params: unknown }; actions: { type: string } }[]>; entry?: { type: string } }>;
    expect(Object.keys(states).sort()).toEqual(
      [...Object.keys(scenario.nodes).map(nodeKey), ...Object.keys(scenario.endings).map(endingKey)].sort(),
    );
    expect(states[endingKey('fan')].type).toBe('final');
    expect(states[endingKey('fan')].entry).toMatchObject({ type: 'endWith', params: { ending: 'fan', effects: { outcome: 2 } } });
    const greet = states[nodeKey('greet')].on!;
    expect(Object.keys(greet).sort()).toEqual(['choice.select', 'timer.expire']);
    for (const t of [...greet['choice.select'], ...greet['timer.expire']]) {
      expect(t.guard.type).toBe('routeTaken');
      expect(t.actions.type).toBe('takeStep');
    }
    // one transition per target: "order" and the default route of "no" go to close, "no" may go to lost
    const ask = states[nodeKey('ask')].on!['choice.select'];
    expect(ask.map((t) => (t.guard.params as { to: string }).to)).toEqual(['close', 'lost']);
    expect((ask[0].guard.params as { ways: { option: string }[] }).ways.map((w) => w.option)).toEqual(['order', 'no']);
    expect(JSON.stringify(machine.config)).not.toMatch(/after/);
  });

  it('runs with the pure transition functions', () => {
    let [s] = initialTransition(machine, { mood: 0, startedAt: 5 });
    expect(s.value).toBe(nodeKey('greet'));
    expect(s.context).toMatchObject({ mood: 0, flags: {}, raw: { warmth: 0, initiative: 0, outcome: 0 }, steps: [], enteredAt: 5 });
    [s] = transition(machine, s, { type: 'choice.select', option: 'warm', at: 10 });
    [s] = transition(machine, s, { type: 'choice.select', option: 'order', at: 20 });
    expect(s.context.flags).toEqual({ ordered: true });
    [s] = transition(machine, s, { type: 'choice.select', option: 'callback', at: 30 });
    expect(s.status).toBe('done');
    expect(s.value).toBe(endingKey('fan'));
    expect(s.context.raw).toEqual({ warmth: 3, initiative: 3, outcome: 4 });
  });

  it('ignores unavailable options and time-outs of untimed nodes', () => {
    let [s] = initialTransition(machine, { mood: 0, startedAt: 0 });
    [s] = transition(machine, s, { type: 'choice.select', option: 'cold', at: 1 });
    const [same] = transition(machine, s, { type: 'timer.expire', at: 2 });
    expect(same.value).toBe(nodeKey('ask'));
    expect(same.context.steps).toHaveLength(1);
  });

  it('runs as an actor too, and its persisted snapshot restores', () => {
    const actor = createActor(machine, { input: { mood: 0, startedAt: 0 } }).start();
    actor.send({ type: 'timer.expire', at: 10_000 });
    actor.send({ type: 'choice.select', option: 'no', at: 11_000 });
    const persisted = actor.getPersistedSnapshot();
    const restored = createActor(machine, { snapshot: persisted, input: { mood: 0, startedAt: 0 } }).start();
    restored.send({ type: 'choice.select', option: 'bye', at: 12_000 });
    expect(restored.getSnapshot().value).toBe(endingKey('neutral'));
    expect(restored.getSnapshot().context.raw).toEqual({ warmth: -1, initiative: -1, outcome: -1 });
  });

  it('keeps ids that look like object keys apart', () => {
    const s = sampleScenario();
    Object.assign(s.nodes, { constructor: s.nodes.close });
    s.nodes.ask.options[1].next = 'constructor';
    const [snap] = transition(compileScenario(s), initialTransition(compileScenario(s), { mood: 0, startedAt: 0 })[0], { type: 'choice.select', option: 'warm', at: 1 });
    expect(snap.value).toBe(nodeKey('ask'));
  });
});
