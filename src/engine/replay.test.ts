import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { applyEvent, initialPlayState, machineFor, replayRun } from './replay';
import { expressionForMood } from './expression';
import { ReplayError } from './contract';
import { pathsToEndings } from './analyse';
import type { PlayState } from './contract';
import type { RunEvent } from './types';
import { choose, sampleRun as run, sampleScenario, T0, variant } from '../../test-support/generate-samples';

function replayError(fn: () => unknown): ReplayError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ReplayError) return e;
    throw e;
  }
  throw new Error('expected a ReplayError');
}

describe('replayRun', () => {
  const scenario = sampleScenario();

  it('starts at the start node with the initial mood and the timed deadline', () => {
    const s = replayRun(scenario, run([]));
    expect(s.node).toBe('greet');
    expect(s.ending).toBeNull();
    expect(s.mood).toBe(0);
    expect(s.enteredAt).toBe(T0);
    expect(s.deadline).toBe(T0 + 10_000);
    expect(s.available.map((o) => o.id)).toEqual(['warm', 'cold', 'ignore']);
    expect(s.expression).toBe('neutral');
  });

  it('folds choices into mood, flags, points and steps, and applies ending effects once', () => {
    const s = replayRun(scenario, run([choose('greet', 'warm', T0 + 2000), choose('ask', 'order', T0 + 5000), choose('close', 'callback', T0 + 9000)]));
    expect(s.ending).toBe('fan');
    expect(s.node).toBeNull();
    expect(s.raw).toEqual({ warmth: 3, initiative: 3, outcome: 4 });
    expect(s.mood).toBe(2);
    expect(s.flags).toEqual({ ordered: true });
    expect(s.steps.map((x) => [x.node, x.option, x.at, x.moodBefore, x.moodAfter])).toEqual([
      ['greet', 'warm', T0 + 2000, 0, 1],
      ['ask', 'order', T0 + 5000, 1, 2],
      ['close', 'callback', T0 + 9000, 2, 2],
    ]);
    expect(s.available).toEqual([]);
    expect(s.deadline).toBeNull();
    expect(s.expression).toBe('delighted');
  });

  it('hides an option until its condition holds', () => {
    const s = replayRun(scenario, run([choose('greet', 'cold', T0 + 1000), choose('ask', 'no', T0 + 2000)]));
    expect(s.node).toBe('close');
    expect(s.available.map((o) => o.id)).toEqual(['bye', 'upsell']);
  });

  it('shows an option whose "visited" condition names a node the run has left, and routes on it', () => {
    const s = variant((x) => {
      x.nodes.greet.options[2].next = 'close'; // ignoring the customer skips the question
      x.nodes.close.options[1].when = { visited: ['ask'] }; // "bye" only after asking
      x.nodes.close.options[2].next = [{ when: { not: { visited: ['ask'] } }, to: 'lost' }, { to: 'neutral' }];
    });
    const asked = replayRun(s, run([choose('greet', 'warm', T0 + 1000), choose('ask', 'no', T0 + 2000)]));
    expect(asked.node).toBe('close');
    expect(asked.available.map((o) => o.id)).toEqual(['bye', 'upsell']);
    const skipped = replayRun(s, run([choose('greet', 'ignore', T0 + 1000)]));
    expect(skipped.node).toBe('close');
    expect(skipped.available.map((o) => o.id)).toEqual(['upsell']);
    expect(replayRun(s, run([choose('greet', 'ignore', T0 + 1000), choose('close', 'upsell', T0 + 2000)])).ending).toBe('lost');
    expect(() => replayRun(s, run([choose('greet', 'ignore', T0 + 1000), choose('close', 'bye', T0 + 2000)]))).toThrow(/not available/);
    // The analysis follows the same rule: "lost" is reached only by skipping the question.
    expect(pathsToEndings(s).lost.steps).toEqual([
      { node: 'greet', option: 'ignore' },
      { node: 'close', option: 'upsell' },
    ]);
  });

  it('decides routes on the mood after the choice', () => {
    const s = replayRun(scenario, run([choose('greet', 'ignore', T0 + 1000), choose('ask', 'no', T0 + 2000)]));
    expect(s.ending).toBe('lost');
    expect(s.mood).toBe(-3);
    expect(s.raw.outcome).toBe(-3);
  });

  it('takes the time-out at the deadline', () => {
    const s = replayRun(scenario, run([{ type: 'timer.expire', node: 'greet', at: T0 + 10_000 }]));
    expect(s.node).toBe('ask');
    expect(s.steps[0]).toMatchObject({ node: 'greet', option: null, at: T0 + 10_000 });
    expect(s.raw.warmth).toBe(-1);
    expect(s.enteredAt).toBe(T0 + 10_000);
    expect(s.deadline).toBeNull();
  });

  it('recomputes the deadline from the entry time when the timer scale changes', () => {
    const slow = replayRun(scenario, run([{ type: 'timer.scale', scale: 10, at: T0 + 3000 }]));
    expect(slow.deadline).toBe(T0 + 100_000);
    expect(slow.timerScale).toBe(10);
    const off = replayRun(scenario, run([{ type: 'timer.scale', scale: 0, at: T0 + 3000 }]));
    expect(off.deadline).toBeNull();
    expect(replayRun(scenario, run([], { timerScale: 1.5 })).deadline).toBe(T0 + 15_000);
    // a choice 50 s in is fine at scale 10
    expect(replayRun(scenario, run([{ type: 'timer.scale', scale: 10, at: T0 + 1 }, choose('greet', 'warm', T0 + 50_000)])).node).toBe('ask');
  });

  it('starts a test run at run.startNode', () => {
    const s = replayRun(scenario, run([choose('close', 'bye', T0 + 100)], { startNode: 'close' }));
    expect(s.ending).toBe('neutral');
    expect(s.steps).toHaveLength(1);
    expect(initialPlayState(scenario, run([], { startNode: 'ask' })).deadline).toBeNull();
  });

  it('derives the expression from the mood when the node names none', () => {
    expect(expressionForMood(5)).toBe('delighted');
    expect(expressionForMood(2)).toBe('happy');
    expect(expressionForMood(0)).toBe('neutral');
    expect(expressionForMood(-2)).toBe('impatient');
    expect(expressionForMood(-3)).toBe('annoyed');
    expect(expressionForMood(-5)).toBe('angry');
    const s = replayRun(scenario, run([choose('greet', 'ignore', T0 + 1000)]));
    expect(s.expression).toBe('impatient');
  });

  it('rejects impossible events with their index and a clear message', () => {
    const cases: [RunEvent[], number, RegExp][] = [
      [[choose('greet', 'hug', T0 + 1)], 0, /option "hug", which node "greet" does not have/],
      [[choose('greet', 'warm', T0 + 1), choose('ask', 'order', T0 + 2), choose('close', 'nope', T0 + 3)], 2, /does not have/],
      [[choose('greet', 'cold', T0 + 1), choose('ask', 'no', T0 + 2), choose('close', 'callback', T0 + 3)], 2, /not available with mood/],
      [[choose('ask', 'order', T0 + 1)], 0, /happened at node "ask", but the run is at node "greet"/],
      [[{ type: 'timer.expire', node: 'greet', at: T0 + 5000 }], 0, /5 s before its deadline/],
      [[choose('greet', 'warm', T0 + 1), { type: 'timer.expire', node: 'ask', at: T0 + 99_000 }], 1, /no time limit/],
      [[{ type: 'timer.scale', scale: 0, at: T0 + 1 }, { type: 'timer.expire', node: 'greet', at: T0 + 20_000 }], 1, /timers were off/],
      [[choose('greet', 'warm', T0 + 12_000)], 0, /2 s after the time at node "greet" ran out/],
      [[choose('greet', 'warm', T0 + 1), choose('ask', 'order', T0 + 2), choose('close', 'bye', T0 + 3), choose('close', 'bye', T0 + 4)], 3, /after the run already ended at "neutral"/],
      [[{ type: 'timer.scale', scale: 3 as 1, at: T0 }], 0, /not 1, 1.5, 10 or 0/],
    ];
    for (const [events, index, message] of cases) {
      const e = replayError(() => replayRun(scenario, run(events)));
      expect(e.eventIndex).toBe(index);
      expect(e.message).toMatch(message);
    }
  });

  it('accepts events within the 1 s tolerance of the deadline', () => {
    expect(replayRun(scenario, run([{ type: 'timer.expire', node: 'greet', at: T0 + 9_500 }])).node).toBe('ask');
    expect(replayRun(scenario, run([choose('greet', 'warm', T0 + 10_900)])).node).toBe('ask');
  });

  it('rejects runs of another scenario or from an unknown node', () => {
    expect(replayError(() => replayRun(scenario, run([], { scenarioId: 'other' }))).eventIndex).toBe(-1);
    expect(replayError(() => replayRun(scenario, run([], { startNode: 'nowhere' }))).message).toMatch(/"nowhere"/);
    expect(replayError(() => replayRun(scenario, run([], { startedAt: Number.NaN }))).message).toMatch(/start time/);
    expect(replayError(() => replayRun(scenario, run([null as unknown as RunEvent]))).message).toMatch(/Event 1 has no valid time/);
    expect(replayError(() => replayRun(scenario, run([{ type: 'hack', at: T0 } as unknown as RunEvent]))).message).toMatch(/unknown type "hack"/);
  });

  it('gives the live game (event by event) exactly the replayed state, and never mutates states', () => {
    const events = [choose('greet', 'cold', T0 + 3000), { type: 'timer.scale', scale: 1.5, at: T0 + 3500 } as RunEvent, choose('ask', 'order', T0 + 9000), choose('close', 'upsell', T0 + 12_000)];
    let live: PlayState = initialPlayState(scenario, run([]));
    const seen: string[] = [];
    for (let i = 0; i < events.length; i++) {
      const before = JSON.stringify(live);
      const next = applyEvent(scenario, live, events[i], i);
      expect(JSON.stringify(live)).toBe(before);
      live = next;
      seen.push(JSON.stringify(replayRun(scenario, run(events.slice(0, i + 1)))));
      expect(JSON.stringify(live)).toBe(seen[i]);
    }
    expect(live.ending).toBe('neutral');
    expect(live).toEqual(replayRun(scenario, run(events)));
  });
});

describe('the replay steps the compiled machine', () => {
  const scenario = sampleScenario();

  it('is where the machine, run as an actor, is: the node while playing, the ending once done', () => {
    const events = [choose('greet', 'cold', T0 + 1000), { type: 'timer.scale', scale: 10, at: T0 + 1500 } as RunEvent, choose('ask', 'no', T0 + 2000), choose('close', 'upsell', T0 + 3000)];
    const actor = createActor(machineFor(scenario), { input: { startedAt: T0 } }).start();
    let state = initialPlayState(scenario, run([]));
    events.forEach((event, i) => {
      state = applyEvent(scenario, state, event, i);
      if (event.type === 'choice.select') actor.send({ type: 'choice.select', option: event.option, at: event.at });
      const snap = actor.getSnapshot();
      expect(snap.value).toBe(state.node ?? state.ending);
      expect(snap.status).toBe(state.ending === null ? 'active' : 'done');
      expect(snap.context.raw).toEqual(state.raw);
      expect(snap.context.steps.map((s) => [s.node, s.option, s.moodAfter])).toEqual(state.steps.map((s) => [s.node, s.option, s.moodAfter]));
    });
    expect(state.ending).toBe('neutral');
  });

  it('steps one state many ways, as a rehearsal does, each as a replay from the start would', () => {
    const start = applyEvent(scenario, initialPlayState(scenario, run([])), choose('greet', 'warm', T0 + 1000), 0);
    const copy: PlayState = { ...start }; // a state the engine did not make
    for (const option of start.available) {
      const event = choose(start.node!, option.id, T0 + 2000);
      const replayed = replayRun(scenario, run([choose('greet', 'warm', T0 + 1000), event]));
      expect(applyEvent(scenario, start, event, 1)).toEqual(replayed);
      expect(applyEvent(scenario, copy, event, 1)).toEqual(replayed);
    }
  });

  it('refuses a choice after which no route holds', () => {
    const broken = variant((s) => (s.nodes.ask.options[1].next = [{ when: { mood: { max: -3 } }, to: 'lost' }]));
    const e = replayError(() => replayRun(broken, run([choose('greet', 'warm', T0 + 1), choose('ask', 'no', T0 + 2)])));
    expect(e.eventIndex).toBe(1);
    expect(e.message).toContain('no route of node "ask" applies');
  });
});

describe('timer.start (coaching: the countdown starts when the feedback is dismissed)', () => {
  /** The sample with the second decision timed too (20 s), reached by a choice. */
  function timedAsk() {
    const s = sampleScenario();
    s.nodes.ask.timeLimit = { seconds: 20, effects: { warmth: -1, mood: -1 }, feedback: 'Waiting.', next: 'close' };
    return s;
  }
  const start = (node: string, at: number): RunEvent => ({ type: 'timer.start', node, at });

  it('without a timer.start the deadline counts from entering the node (assessment, old runs)', () => {
    const s = replayRun(timedAsk(), run([choose('greet', 'warm', T0 + 2000)]));
    expect(s.node).toBe('ask');
    expect(s.timerStartedAt).toBeUndefined();
    expect(s.deadline).toBe(T0 + 2000 + 20_000);
  });

  it('moves the deadline to the start, and changes neither node nor scores', () => {
    const scenario = timedAsk();
    const before = replayRun(scenario, run([choose('greet', 'warm', T0 + 2000)]));
    const after = replayRun(scenario, run([choose('greet', 'warm', T0 + 2000), start('ask', T0 + 30_000)]));
    expect(after.deadline).toBe(T0 + 30_000 + 20_000);
    expect(after.timerStartedAt).toBe(T0 + 30_000);
    expect({ ...after, deadline: before.deadline, timerStartedAt: undefined }).toEqual(before);
  });

  it('a choice after the old deadline but before the new one is fine; a time-out waits for the new one', () => {
    const scenario = timedAsk();
    const base = [choose('greet', 'warm', T0 + 2000), start('ask', T0 + 30_000)];
    expect(replayRun(scenario, run([...base, choose('ask', 'order', T0 + 45_000)])).node).toBe('close');
    const early = replayError(() => replayRun(scenario, run([...base, { type: 'timer.expire', node: 'ask', at: T0 + 22_000 }])));
    expect(early.eventIndex).toBe(2);
    expect(replayRun(scenario, run([...base, { type: 'timer.expire', node: 'ask', at: T0 + 50_000 }])).node).toBe('close');
  });

  it('timer.scale afterwards keeps counting from the start', () => {
    const s = replayRun(timedAsk(), run([choose('greet', 'warm', T0 + 2000), start('ask', T0 + 30_000), { type: 'timer.scale', scale: 10, at: T0 + 31_000 }]));
    expect(s.deadline).toBe(T0 + 30_000 + 200_000);
    expect(s.timerStartedAt).toBe(T0 + 30_000);
  });

  it('refuses a start for another node, a second start, a start on an untimed node or before the node was reached', () => {
    const scenario = timedAsk();
    const first = choose('greet', 'warm', T0 + 2000);
    const other = replayError(() => replayRun(scenario, run([first, start('greet', T0 + 3000)])));
    expect(other.eventIndex).toBe(1);
    expect(other.message).toContain('run is at node "ask"');
    const twice = replayError(() => replayRun(scenario, run([first, start('ask', T0 + 3000), start('ask', T0 + 4000)])));
    expect(twice.eventIndex).toBe(2);
    expect(twice.message).toContain('a second time');
    const untimed = replayError(() => replayRun(sampleScenario(), run([first, start('ask', T0 + 3000)])));
    expect(untimed.message).toContain('no time limit');
    const early = replayError(() => replayRun(scenario, run([first, start('ask', T0 + 1000)])));
    expect(early.message).toContain('before the run got there');
  });

  it('a new visit of a node may start its countdown again; live stepping equals the replay', () => {
    const scenario = timedAsk();
    const events: RunEvent[] = [choose('greet', 'warm', T0 + 2000), start('ask', T0 + 9000), choose('ask', 'order', T0 + 12_000)];
    let live: PlayState = initialPlayState(scenario, run([]));
    events.forEach((e, i) => (live = applyEvent(scenario, live, e, i)));
    expect(live.node).toBe('close');
    expect(live.timerStartedAt).toBeUndefined();
    expect(live).toEqual(replayRun(scenario, run(events)));
  });
});

describe('the order options are shown in', () => {
  const scenario = sampleScenario();
  const ids = (s: PlayState) => s.available.map((o) => o.id);
  const fileOrder = scenario.nodes[scenario.start].options.map((o) => o.id);

  it('is the file order for a run without a seed (runs from before shuffling)', () => {
    expect(ids(initialPlayState(scenario, run([])))).toEqual(fileOrder);
  });

  it('follows the seed: the same for the same run, different between runs, always the same options', () => {
    const orders = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const seed = `seed-${i}`;
      const a = ids(initialPlayState(scenario, run([], { seed })));
      expect(ids(initialPlayState(scenario, run([], { seed })))).toEqual(a);
      expect([...a].sort()).toEqual([...fileOrder].sort());
      orders.add(a.join());
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('is recorded in each step, from the event or else from the seed', () => {
    const seed = 'seed-7';
    const start = initialPlayState(scenario, run([], { seed }));
    const option = start.available[1].id;
    const plain = replayRun(scenario, run([choose(scenario.start, option, T0 + 1000)], { seed }));
    expect(plain.steps[0].shown).toEqual(ids(start));
    const reversed = ids(start).reverse();
    const recorded = replayRun(scenario, run([{ ...choose(scenario.start, option, T0 + 1000), shown: reversed } as RunEvent], { seed }));
    expect(recorded.steps[0].shown).toEqual(reversed);
  });

  it('refuses an event whose recorded order names other options', () => {
    const e = replayError(() =>
      replayRun(scenario, run([{ ...choose(scenario.start, fileOrder[0], T0 + 1000), shown: [fileOrder[0], 'forged'] } as RunEvent], { seed: 's' })),
    );
    expect(e.eventIndex).toBe(0);
    expect(e.message).toContain('were shown as');
  });

  it('keeps a pinned option at its place', () => {
    const pinned = structuredClone(scenario);
    const options = pinned.nodes[pinned.start].options;
    options[options.length - 1].pinned = true;
    for (let i = 0; i < 20; i++) {
      expect(ids(initialPlayState(pinned, run([], { seed: `p-${i}` }))).at(-1)).toBe(fileOrder.at(-1));
    }
  });

  it('refuses a seed that is not a short text', () => {
    expect(replayError(() => initialPlayState(scenario, run([], { seed: 'x'.repeat(65) }))).eventIndex).toBe(-1);
  });
});
