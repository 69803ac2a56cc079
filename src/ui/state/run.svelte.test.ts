import { describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { LiveRun, newRun } from './run.svelte';
import { MemoryStore } from '../../persistence/memory';
import { initialPlayState, replayRun } from '../../engine/replay';
import type { Run, RunEvent, Scenario } from '../../engine/types';
import { listenToRuns } from '../../lms/seam';
import toyShop from '../../../scenarios/toy-shop-saturday.json';

/**
 * How often the notice that results came in was sent (what a board in another tab hears). Counted
 * where LiveRun sends it: Node's BroadcastChannel does not keep two senders' messages in order, so a
 * test that listened on the channel could hear its own later marker first (a CI run failed so).
 */
const notices = vi.hoisted(() => ({ sent: 0 }));
vi.mock('./results-notice', async (original) => ({
  ...(await original<typeof import('./results-notice')>()),
  announceResults: () => {
    notices.sent++;
  },
}));


const scenario = toyShop as unknown as Scenario;
const T0 = 1_700_000_000_000;

function fresh(overrides: Partial<Run> = {}): Run {
  return { ...newRun({ scenario, hash: 'h1', playerId: 'p1', mode: 'assessment', timerScale: 1, now: T0 }), ...overrides };
}

/** The seed a new run gets (each call a new one). */
function newRunSeed(): Pick<Run, 'seed'> {
  return { seed: newRun({ scenario, hash: 'h1', playerId: null, mode: 'coaching', timerScale: 1 }).seed };
}

/** A store whose writes (a new run's first, then each event) wait until the test lets them go (or fails them). */
class SlowStore extends MemoryStore {
  pending: { resolve: () => void; reject: (e: Error) => void }[] = [];
  #hold(): Promise<void> {
    return new Promise<void>((resolve, reject) => this.pending.push({ resolve, reject }));
  }
  override async saveRun(run: Run): Promise<void> {
    await this.#hold();
    return super.saveRun(run);
  }
  override async appendEvent(runId: string, event: RunEvent): Promise<void> {
    await this.#hold();
    return super.appendEvent(runId, event);
  }
}

/** Lets the slow store's writes go until `job` resolves. */
async function settle(store: SlowStore, job: Promise<boolean>): Promise<boolean> {
  let done = false;
  void job.finally(() => (done = true));
  while (!done) {
    store.pending.shift()?.resolve();
    await new Promise((r) => setTimeout(r, 0));
  }
  return job;
}

/** A store that counts its writes of runs (a whole run, or one event). */
class CountingStore extends MemoryStore {
  writes = 0;
  override async saveRun(run: Run): Promise<void> {
    this.writes++;
    return super.saveRun(run);
  }
  override async appendEvent(runId: string, event: RunEvent): Promise<void> {
    this.writes++;
    return super.appendEvent(runId, event);
  }
}

describe('LiveRun', () => {
  it('writes a new run with its first event, never as an empty run', async () => {
    const store = new MemoryStore();
    const run = fresh({ timerScale: 0 });
    const live = await LiveRun.start(store, scenario, run);
    expect(live.state.node).toBe(scenario.start);
    // Opened and left (or reloaded on its intro): nothing for the history or the results.
    expect(await store.getRun(run.id)).toBeUndefined();
    expect(await store.listRuns()).toEqual([]);
    const option = live.state.available[0].id;
    expect(await live.choose(option, T0 + 1000)).toBe(true);
    expect(await store.getRun(run.id)).toMatchObject({ id: run.id, events: [{ type: 'choice.select', option }] });
    expect(await live.choose(live.state.available[0].id, T0 + 2000)).toBe(true);
    expect((await store.getRun(run.id))!.events).toHaveLength(2);
  });

  it('shows the options shuffled per run, and in the same order after a reload', async () => {
    const store = new MemoryStore();
    const orders = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const live = await LiveRun.start(store, scenario, fresh({ id: `run-${i}`, seed: undefined, ...newRunSeed() }));
      orders.add(live.state.available.map((o) => o.id).join());
      const again = await LiveRun.resume(store, scenario, live.run, T0);
      expect(again.state.available.map((o) => o.id)).toEqual(live.state.available.map((o) => o.id));
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('shows a choice at once, before the store has written it, and reports it once written', async () => {
    const store = new SlowStore();
    const stored: string[] = [];
    const live = await LiveRun.start(store, scenario, fresh({ timerScale: 0 }), () => stored.push('stored')); // one write per choice: no countdown to start
    const option = live.state.available[0];
    const shown = live.state.available.map((o) => o.id);
    const choosing = live.choose(option.id, T0 + 2000);
    // In the same task as the click: the next situation, while the write waits.
    expect(live.state.steps).toHaveLength(1);
    expect(live.state.steps[0]).toMatchObject({ node: scenario.start, option: option.id });
    expect(live.state.node).not.toBe(scenario.start);
    expect(live.busy).toBe(true);
    await expect.poll(() => store.pending.length).toBe(1);
    expect(await store.getRun(live.run.id)).toBeUndefined();
    expect(stored).toEqual([]);
    store.pending[0].resolve();
    expect(await choosing).toBe(true);
    expect(live.busy).toBe(false);
    expect(live.error).toBeNull();
    expect(stored).toEqual(['stored']);
    const saved = (await store.getRun(live.run.id))!;
    // The event records the options in the order the player saw them.
    expect(saved.events).toEqual([{ type: 'choice.select', node: scenario.start, option: option.id, at: T0 + 2000, shown }]);
  });

  it('tells a learning platform of a new run only once its first write has succeeded', async () => {
    const store = new SlowStore();
    const reported: Run[] = [];
    listenToRuns((r) => reported.push(r));
    try {
      const live = await LiveRun.start(store, scenario, fresh({ timerScale: 0 }));
      // Opened, not yet played: nothing on disk, so nothing for the platform to keep or resume.
      expect(reported).toEqual([]);
      const failing = live.choose(live.state.available[0].id, T0 + 1000);
      await expect.poll(() => store.pending.length).toBe(1);
      store.pending.shift()!.reject(new Error('QuotaExceededError'));
      expect(await failing).toBe(false);
      expect(await store.getRun(live.run.id)).toBeUndefined();
      expect(reported).toEqual([]);
      // The retry writes it: now the platform hears of the run, as written.
      expect(await settle(store, live.retry())).toBe(true);
      expect(reported).toHaveLength(1);
      expect(reported[0]).toEqual(await store.getRun(live.run.id));
    } finally {
      listenToRuns(null);
    }
  });

  it('a failed write keeps the step shown, says why, takes nothing more, and a retry writes the whole run', async () => {
    const store = new SlowStore();
    const live = await LiveRun.start(store, scenario, fresh({ timerScale: 0 }));
    const first = live.state.available[0].id;
    expect(await settle(store, live.choose(first, T0 + 1000))).toBe(true);
    const second = live.state.available[0].id;
    const failing = live.choose(second, T0 + 2000);
    await expect.poll(() => store.pending.length).toBe(1);
    store.pending.shift()!.reject(new Error('UnknownError: Internal error.'));
    expect(await failing).toBe(false);
    // Still shown: the step is not taken back, and not hidden.
    expect(live.state.steps.map((s) => s.option)).toEqual([first, second]);
    expect(live.run.events).toHaveLength(2);
    expect(live.error).toContain('Internal error');
    // Nothing more is taken until it is written: no choice, no time-out, no "more time".
    const node = live.state.node;
    expect(await live.choose(live.state.available[0].id, T0 + 3000)).toBe(false);
    expect(await live.setTimerScale(10, T0 + 3000)).toBe(false);
    expect(await live.expire(T0 + 10 * 60_000)).toBe(false);
    await live.catchUp(T0 + 10 * 60_000);
    expect(live.state.node).toBe(node);
    expect(live.run.events).toHaveLength(2);
    expect(store.pending).toHaveLength(0);
    expect((await store.getRun(live.run.id))!.events).toHaveLength(1);
    // A retry that fails again says so; one that succeeds writes every event shown, in one write.
    const again = live.retry();
    await expect.poll(() => store.pending.length).toBe(1);
    store.pending.shift()!.reject(new Error('still broken'));
    expect(await again).toBe(false);
    expect(live.error).toContain('still broken');
    expect(await settle(store, live.retry())).toBe(true);
    expect(live.error).toBeNull();
    const saved = (await store.getRun(live.run.id))!;
    expect(saved.events).toEqual(live.run.events);
    expect(replayRun(scenario, saved)).toEqual(live.state);
    // Play goes on.
    expect(await settle(store, live.choose(live.state.available[0].id, T0 + 4000))).toBe(true);
    expect((await store.getRun(live.run.id))!.events).toHaveLength(3);
  });

  it('writes a step shown only once the frame showing it is painted, the next behind it', async () => {
    const store = new CountingStore();
    const live = await LiveRun.start(store, scenario, fresh());
    let letGo!: () => void;
    const frame = new Promise<void>((resolve) => (letGo = resolve));
    const first = live.choose(live.state.available[0].id);
    live.shown(frame);
    const second = live.choose(live.state.available[0].id);
    live.shown(frame);
    expect(live.state.steps).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.writes).toBe(0);
    letGo();
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(store.writes).toBe(2);
    expect((await store.getRun(live.run.id))?.events).toEqual(live.run.events);
  });

  it('a choice made while the last one is written is shown at once and written behind it', async () => {
    const store = new SlowStore();
    const live = await LiveRun.start(store, scenario, fresh({ timerScale: 0 }));
    const first = live.choose(live.state.available[0].id, T0 + 1000);
    const second = live.choose(live.state.available[0].id, T0 + 1100);
    expect(live.state.steps).toHaveLength(2);
    expect(await settle(store, second)).toBe(true);
    expect(await first).toBe(true);
    const saved = (await store.getRun(live.run.id))!;
    expect(saved.events.map((e) => e.at)).toEqual([T0 + 1000, T0 + 1100]);
    expect(replayRun(scenario, saved)).toEqual(live.state);
  });

  it('a write queued behind one that fails is not made: the log on disk never skips an event', async () => {
    const store = new SlowStore();
    const live = await LiveRun.start(store, scenario, fresh());
    const starting = live.startTimer(T0 + 1000);
    const choosing = live.choose(live.state.available[0].id, T0 + 1200);
    expect(live.state.steps).toHaveLength(1);
    await expect.poll(() => store.pending.length).toBe(1);
    store.pending.shift()!.reject(new Error('Internal error.'));
    expect(await starting).toBe(false);
    expect(await choosing).toBe(false);
    expect(store.pending).toHaveLength(0);
    expect(await store.getRun(live.run.id)).toBeUndefined();
    expect(await settle(store, live.retry())).toBe(true);
    expect((await store.getRun(live.run.id))!.events.map((e) => e.type)).toEqual(['timer.start', 'choice.select']);
  });

  it('an ending whose write failed counts as finished only once the retry has written it', async () => {
    const store = new SlowStore();
    const reported: Run[] = [];
    listenToRuns((r) => reported.push(r));
    try {
      const live = await LiveRun.start(store, scenario, fresh({ timerScale: 0 }));
      let at = T0;
      while (true) {
        const step = live.choose(live.state.available[0].id, (at += 1000));
        if (live.finished) {
          await expect.poll(() => store.pending.length).toBe(1);
          store.pending.shift()!.reject(new Error('Internal error.'));
          expect(await step).toBe(false);
          break;
        }
        expect(await settle(store, step)).toBe(true);
      }
      // The ending is shown; neither the disk nor a learning platform has it as finished.
      expect(live.run.finishedAt).toBe(at);
      expect((await store.getRun(live.run.id))!.finishedAt).toBeUndefined();
      expect(reported.some((r) => r.finishedAt !== undefined)).toBe(false);
      expect(await settle(store, live.retry())).toBe(true);
      expect((await store.getRun(live.run.id))!.finishedAt).toBe(at);
      expect(reported.at(-1)).toMatchObject({ id: live.run.id, finishedAt: at });
    } finally {
      listenToRuns(null);
    }
  });

  it('tells a board in another tab once the finished run is written: not before, not again', async () => {
    const before = notices.sent;
    const sent = () => notices.sent - before;
    const store = new SlowStore();
    const live = await LiveRun.start(store, scenario, fresh({ timerScale: 0 }));
    let at = T0;
    let step: Promise<boolean> = Promise.resolve(true);
    while (!live.finished) {
      expect(await settle(store, step)).toBe(true);
      step = live.choose(live.state.available[0].id, (at += 1000));
    }
    // The ending is shown and its write waits: the board is not told of a result it cannot read.
    await expect.poll(() => store.pending.length).toBe(1);
    expect(sent()).toBe(0);
    expect(await settle(store, step)).toBe(true);
    await expect.poll(sent).toBe(1);
    // The reflection saved with it, or the same run opened again on its ending, tells nothing new.
    expect(await settle(store, live.reflect('Rustig blijven.'))).toBe(true);
    const again = await LiveRun.resume(store, scenario, (await store.getRun(live.run.id))!);
    expect(await settle(store, again.reflect('Rustig blijven, en vragen.'))).toBe(true);
    await store.resultsSettled();
    expect(sent()).toBe(1);
  });

  it('ignores an option the current decision does not have (a double click)', async () => {
    const live = await LiveRun.start(new MemoryStore(), scenario, fresh());
    expect(await live.choose('no-such-option', T0 + 1000)).toBe(false);
    expect(live.run.events).toHaveLength(0);
  });

  it('is reactive through createSubscriber: an effect re-runs after each event', async () => {
    const live = await LiveRun.start(new MemoryStore(), scenario, fresh());
    const seen: (string | null)[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(live.state.node);
      });
    });
    flushSync();
    await live.choose(live.state.available[0].id, T0 + 1000);
    flushSync();
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[0]).toBe(scenario.start);
    expect(seen.at(-1)).toBe(live.state.node);
    stop();
  });

  it('rehearsing the options changes nothing shown, written or reported, nor the choice after it', async () => {
    const store = new CountingStore();
    const run = fresh();
    const live = await LiveRun.start(store, scenario, run);
    const plain = await LiveRun.start(new MemoryStore(), scenario, structuredClone(run));
    const before = structuredClone(live.state);
    let updates = 0;
    const stop = $effect.root(() => {
      $effect(() => {
        void live.state;
        updates++;
      });
    });
    flushSync();
    const reported: string[] = [];
    listenToRuns((r) => reported.push(r.id));
    // one option per call, as the play screen calls it when the page is idle
    let calls = 1;
    for (let step = 0; live.rehearse(step); step++) calls++;
    flushSync();
    expect(calls).toBe(before.available.length);
    expect(live.state).toEqual(before);
    expect(live.run).toEqual(run);
    expect(updates).toBe(1);
    expect(store.writes).toBe(0);
    expect(await store.listRuns()).toEqual([]);
    expect(reported).toEqual([]);
    // The player's choice after it: the same step as on a run that was never rehearsed.
    const option = live.state.available[1].id;
    expect(await live.choose(option, T0 + 1000)).toBe(true);
    expect(await plain.choose(option, T0 + 1000)).toBe(true);
    expect(live.state).toEqual(plain.state);
    expect((await store.getRun(run.id))!.events).toEqual(plain.run.events);
    listenToRuns(null);
    stop();
  });

  it('on resume past a deadline, appends the time-out at the deadline before anything is shown', async () => {
    const limit = scenario.nodes[scenario.start].timeLimit;
    expect(limit, 'the first decision of the toy shop is timed').toBeTruthy();
    const store = new MemoryStore();
    const started = T0 + 20_000; // the intro read, the options in view
    const run = fresh({ events: [{ type: 'timer.start', node: scenario.start, at: started }] });
    await store.saveRun(run);
    const deadline = started + limit!.seconds * 1000;
    const shown = initialPlayState(scenario, run).available.map((o) => o.id);
    const live = await LiveRun.resume(store, scenario, run, deadline + 60_000);
    const saved = (await store.getRun(run.id))!;
    expect(saved.events[1]).toEqual({ type: 'timer.expire', node: scenario.start, at: deadline, shown });
    expect(live.state.steps[0]).toMatchObject({ node: scenario.start, option: null });
    // What the player sees is exactly the replay of what was stored.
    expect(replayRun(scenario, saved)).toEqual(live.state);
  });

  it('"more time" moves the deadline tenfold; timers off removes it', async () => {
    const live = await LiveRun.start(new MemoryStore(), scenario, fresh());
    const seconds = scenario.nodes[scenario.start].timeLimit!.seconds;
    expect(await live.startTimer(T0)).toBe(true);
    expect(live.state.deadline).toBe(T0 + seconds * 1000);
    await live.setTimerScale(10, T0 + 1000);
    expect(live.state.deadline).toBe(T0 + seconds * 10_000);
    await live.setTimerScale(0, T0 + 2000);
    expect(live.state.deadline).toBeNull();
  });

  it('an ending stamps finishedAt, and the live state equals the replay of the stored run', async () => {
    const store = new MemoryStore();
    const live = await LiveRun.start(store, scenario, fresh());
    let at = T0;
    for (let i = 0; i < 40 && !live.finished; i++) await live.choose(live.state.available[0].id, (at += 1000));
    expect(live.finished).toBe(true);
    const saved = (await store.getRun(live.run.id))!;
    expect(saved.finishedAt).toBe(at);
    expect(replayRun(scenario, saved)).toEqual(live.state);
    await live.reflect('Tijd om te oefenen.');
    expect((await store.getRun(live.run.id))!.reflection).toBe('Tijd om te oefenen.');
  });

  describe('a timed decision waits until its options are in view', () => {
    const limit = scenario.nodes[scenario.start].timeLimit!.seconds * 1000;

    it('the first decision is pending: reading the intro for minutes expires nothing', async () => {
      const store = new MemoryStore();
      const live = await LiveRun.start(store, scenario, fresh());
      expect(live.timerPending).toBe(true);
      expect(live.feedbackPending).toBe(false);
      expect(await live.expire(T0 + limit + 5000)).toBe(false);
      await live.catchUp(T0 + 10 * limit);
      expect(await store.getRun(live.run.id)).toBeUndefined();
      const seen = T0 + 3 * limit;
      expect(await live.startTimer(seen)).toBe(true);
      expect(live.state.deadline).toBe(seen + limit);
      expect(live.timerPending).toBe(false);
    });

    it('a choice before the options were reported in view starts the countdown at the same moment', async () => {
      const store = new MemoryStore();
      const live = await LiveRun.start(store, scenario, fresh());
      const at = T0 + 5 * limit;
      expect(await live.choose(live.state.available[0].id, at)).toBe(true);
      const saved = (await store.getRun(live.run.id))!;
      expect(saved.events.map((e) => [e.type, e.at])).toEqual([
        ['timer.start', at],
        ['choice.select', at],
      ]);
      expect(replayRun(scenario, saved)).toEqual(live.state);
    });

    it('the countdown\'s start and a choice made before it are written together, in one write', async () => {
      const store = new CountingStore();
      const live = await LiveRun.start(store, scenario, fresh());
      const at = T0 + 2000;
      expect(await live.choose(live.state.available[0].id, at)).toBe(true);
      expect(store.writes).toBe(1);
      const next = live.state.node!;
      // a later timed decision whose options were not reported in view yet: one write again
      expect(live.timerPending || !scenario.nodes[next].timeLimit).toBe(true);
      expect(await live.choose(live.state.available[0].id, at + 1000)).toBe(true);
      expect(store.writes).toBe(2);
      const saved = (await store.getRun(live.run.id))!;
      expect(saved.events.map((e) => e.type)).toEqual(['timer.start', 'choice.select', ...(scenario.nodes[next].timeLimit ? ['timer.start'] : []), 'choice.select']);
      expect(replayRun(scenario, saved)).toEqual(live.state);
    });

    it('a choice made while the countdown\'s start is written is queued behind it, not lost or doubled', async () => {
      const store = new SlowStore();
      const live = await LiveRun.start(store, scenario, fresh());
      const starting = live.startTimer(T0 + 1000);
      await Promise.resolve();
      expect(live.busy).toBe(true);
      // asked again meanwhile (the screen, a choice): the same write, not a second start
      expect(live.startTimer(T0 + 1100)).toBe(starting);
      const choosing = live.choose(live.state.available[0].id, T0 + 1200);
      store.pending[0].resolve();
      expect(await starting).toBe(true);
      await expect.poll(() => store.pending.length).toBe(2);
      store.pending[1].resolve();
      expect(await choosing).toBe(true);
      const saved = (await store.getRun(live.run.id))!;
      expect(saved.events.map((e) => [e.type, e.at])).toEqual([
        ['timer.start', T0 + 1000],
        ['choice.select', T0 + 1200],
      ]);
    });

    it('with timers off nothing is pending and nothing is logged', async () => {
      const live = await LiveRun.start(new MemoryStore(), scenario, fresh({ timerScale: 0 }));
      expect(live.timerPending).toBe(false);
      expect(await live.startTimer()).toBe(false);
    });
  });

  describe('coaching: a timed decision reached by a step starts when the feedback is dismissed', () => {
    // door --greet--> wish --kids-along--> sold-out --plan--> kids (timed)
    const path = [
      ['door', 'greet'],
      ['wish', 'kids-along'],
      ['sold-out', 'plan'],
    ] as const;
    const kids = scenario.nodes.kids.timeLimit!.seconds * 1000;

    async function toKids(store: MemoryStore, mode: 'coaching' | 'assessment' = 'coaching'): Promise<LiveRun> {
      const live = await LiveRun.start(store, scenario, fresh({ mode }));
      let at = T0;
      for (const [node, option] of path) {
        expect(live.state.node).toBe(node);
        expect(await live.choose(option, (at += 1000))).toBe(true);
      }
      expect(live.state.node).toBe('kids');
      return live;
    }

    it('is pending until startTimer, which saves timer.start and gives the full time', async () => {
      const store = new MemoryStore();
      const live = await toKids(store);
      expect(live.timerPending).toBe(true);
      expect(live.feedbackPending).toBe(true);
      expect(await live.expire(T0 + 3000 + kids + 5000)).toBe(false);
      const start = T0 + 3000 + kids + 60_000; // read the feedback for over a minute
      expect(await live.startTimer(start)).toBe(true);
      expect(live.timerPending).toBe(false);
      expect(live.state.deadline).toBe(start + kids);
      const saved = (await store.getRun(live.run.id))!;
      expect(saved.events.at(-1)).toEqual({ type: 'timer.start', node: 'kids', at: start });
      expect(replayRun(scenario, saved)).toEqual(live.state);
      expect(await live.startTimer(start + 1000)).toBe(false);
    });

    it('a reload during the feedback does not expire the decision; it stays pending', async () => {
      const store = new MemoryStore();
      await toKids(store);
      const stored = (await store.getRun((await store.listRuns())[0].id))!;
      const live = await LiveRun.resume(store, scenario, stored, T0 + 3000 + kids + 600_000);
      expect(live.state.node).toBe('kids');
      expect(live.timerPending).toBe(true);
      // timer.start (the first decision, chosen at once) and the three choices: no time-out
      expect((await store.getRun(stored.id))!.events.map((e) => e.type)).toEqual(['timer.start', 'choice.select', 'choice.select', 'choice.select']);
    });

    it('assessment mode has no feedback: the decision still waits until its options are in view', async () => {
      const live = await toKids(new MemoryStore(), 'assessment');
      expect(live.feedbackPending).toBe(false);
      expect(live.timerPending).toBe(true);
      expect(await live.startTimer(T0 + 4000)).toBe(true);
      expect(live.state.deadline).toBe(T0 + 4000 + kids);
    });
  });
});

