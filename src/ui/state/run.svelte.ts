/**
 * One live run: the run's event log in the store, and its state — the engine's `applyEvent` of
 * each event, the same step function (XState's pure `transition`) the replay folds the log with —
 * bridged to Svelte with `createSubscriber`. The log is the source of truth, so the report, the
 * leaderboards and an import all see exactly what the player saw; no live actor is kept.
 *
 * A step is shown at once and written right behind it: a choice (or a time-out) changes the state
 * in the same task as the click, so the first frame after it already shows the next situation,
 * and its write follows once that frame is painted (`shown`), strictly in order (one write per
 * call). What is reported outside the
 * game (`reportRun`: a learning platform) and "there is a run to resume" (`onStored`) follow
 * the write, never precede it. A write that fails sets `error` and stops the run where it is:
 * the steps shown stay shown, the writes queued behind it are not made (the log on disk never
 * skips an event), nothing more is accepted, and `retry()` writes the whole run again.
 * A new run is written with its first event (a countdown's start, a choice), not before: opening
 * a scenario and leaving, or reloading on its intro, leaves no empty run behind in the history or
 * in a facilitator's results.
 *
 * Time limits are absolute deadlines (the customer keeps waiting through a reload): on resume
 * past a deadline, `timer.expire` is appended with `at = deadline` before anything is shown.
 * A countdown runs only while the player can see the options and the time left: a timed decision
 * waits (`timerPending`: no countdown, nothing expires) until the screen says its options are in
 * view — after the intro's "Begin", after coaching's feedback, once scrolled to — which appends
 * `timer.start`; from then on its deadline is absolute.
 */
import { createSubscriber } from 'svelte/reactivity';
// Direct module imports (not the engine's index) keep the validator and the analysis out of the
// game's first bundle.
import { applyEvent, replayRun, initialPlayState, machineFor } from '../../engine/replay';
import type { PlayState } from '../../engine/contract';
import { RUN_FORMAT_VERSION, type Mode, type Run, type RunEvent, type Scenario, type TimerScale } from '../../engine/types';
import type { Store } from '../../persistence/api';
import { newId } from './ids';
import { afterNextFrame } from './after-next-frame';
import { reportRun } from '../../lms/seam';
import { announceResults } from './results-notice';
import { noteRunHere } from './room-session';
import { yieldToMain } from '../start-gate';

export interface NewRunOptions {
  scenario: Scenario;
  hash: string;
  playerId: string | null;
  mode: Mode;
  timerScale: TimerScale;
  startNode?: string;
  now?: number;
  /** The option-order seed (the direct-link page made one before the app loaded); a new one when absent. */
  seed?: string;
}

/** Creates the run record for a new play-through (not yet saved). */
export function newRun(o: NewRunOptions): Run {
  const id = newId();
  const run: Run = {
    formatVersion: RUN_FORMAT_VERSION,
    id,
    scenarioId: o.scenario.id,
    scenarioHash: o.hash,
    playerId: o.playerId,
    mode: o.mode,
    timerScale: o.timerScale,
    startedAt: o.now ?? Date.now(),
    // The run's own id is as random as a new one, and a hand-in link then writes it once.
    seed: o.seed ?? id,
    events: [],
  };
  if (o.startNode && o.startNode !== o.scenario.start) run.startNode = o.startNode;
  return run;
}

/** See LiveRun.timerPending. */
function pendingTimer(scenario: Scenario, state: PlayState): boolean {
  return state.node !== null && state.deadline !== null && state.timerStartedAt === undefined && !!scenario.nodes[state.node]?.timeLimit;
}

export class LiveRun {
  readonly scenario: Scenario;
  #run: Run;
  #state: PlayState;
  #subscribe: () => void;
  #store: Store;
  /** The run record is in the store (a new run is written with its first event). */
  #stored: boolean;
  /** A board on screen has been told this run is finished (or it was finished when loaded). */
  #finishTold: boolean;
  /** Called once a new run is first written (so there is now a run to resume). */
  #onStored: (() => void) | undefined;
  /** The writes, one after another (each call's events in one write). */
  #writing: Promise<unknown> = Promise.resolve();
  /** Writes queued or under way. */
  #queued = 0;
  /** The `timer.start` queued and not yet written (a second call gets the same job, adds nothing). */
  #startJob: Promise<boolean> | null = null;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain cache, not UI state
  #listeners = new Set<() => void>();
  /** True while a step is being written (it is shown already; a next one is written behind it). */
  busy = $state(false);
  /**
   * The write that failed, in words: what is shown is not all on disk. Nothing more is accepted
   * (choices, time-outs, "more time") until `retry()` has written the whole run, which clears it.
   */
  error = $state<string | null>(null);
  /** The frame showing the last step shown (see `shown`), until it is painted. */
  #painted: Promise<void> | null = null;

  private constructor(store: Store, scenario: Scenario, run: Run, state: PlayState, stored: boolean) {
    this.#store = store;
    this.#stored = stored;
    this.#finishTold = run.finishedAt !== undefined;
    this.scenario = scenario;
    this.#run = run;
    this.#state = state;
    this.#subscribe = createSubscriber((update) => {
      this.#listeners.add(update);
      return () => this.#listeners.delete(update);
    });
  }

  /**
   * Starts a new run: written to the store together with its first event (see above), after
   * which `onStored` is called and the learning platform hears of it; not before, or the platform
   * would keep a run this device never saved (opened and left on its intro, or a failed write).
   */
  static async start(store: Store, scenario: Scenario, run: Run, onStored?: () => void): Promise<LiveRun> {
    // Compiling the scenario (once per scenario) and making the run's first state on it are a
    // task each: together they held the main thread over 50 ms on a slow phone, while a direct
    // link's player reads the page's first decision.
    machineFor(scenario);
    await yieldToMain();
    const state = initialPlayState(scenario, run);
    const live = new LiveRun(store, scenario, run, state, false);
    live.#onStored = onStored;
    return live;
  }

  /**
   * Resumes a stored run: replays its log, then appends the time-outs that happened while the
   * page was closed (each at its deadline, so the log stays exact).
   */
  static async resume(store: Store, scenario: Scenario, run: Run, now = Date.now()): Promise<LiveRun> {
    const live = new LiveRun(store, scenario, run, replayRun(scenario, run), true);
    await live.catchUp(now);
    if (live.error === null) reportRun(live.#run);
    return live;
  }

  /** The state now (reactive: reading it in a template or $derived re-runs when it changes). */
  get state(): PlayState {
    this.#subscribe();
    return this.#state;
  }

  /** The run record as shown (reactive); on disk too unless `error` says otherwise. */
  get run(): Run {
    this.#subscribe();
    return this.#run;
  }

  get finished(): boolean {
    return this.state.ending !== null;
  }

  /**
   * The current decision is timed (and timers are on) but its countdown has not started yet (no
   * `timer.start`): the player has not seen its options yet. Meanwhile no countdown runs and
   * nothing expires; `startTimer` starts it.
   */
  get timerPending(): boolean {
    const st = this.state;
    return pendingTimer(this.scenario, st);
  }

  /**
   * Coaching: the last step's feedback is still to be read (or, after a reload, read again)
   * before the next decision, whose countdown has not started.
   */
  get feedbackPending(): boolean {
    return this.run.mode === 'coaching' && this.state.steps.length > 0 && this.timerPending;
  }

  /** The options of the pending timed decision are in view: its countdown starts now (written right after). */
  startTimer(at = Date.now()): Promise<boolean> {
    const { node } = this.#state;
    if (this.#startJob) return this.#startJob;
    if (node === null || !pendingTimer(this.scenario, this.#state)) return Promise.resolve(false);
    const job = this.#append({ type: 'timer.start', node, at });
    this.#startJob = job;
    void job.finally(() => (this.#startJob = null));
    return job;
  }

  /**
   * Chooses an option of the current decision: shown at once (the state changes before this
   * returns), written right after. Resolves once written: false when refused or not written.
   */
  choose(option: string, at = Date.now()): Promise<boolean> {
    const node = this.#state.node;
    if (node === null) return Promise.resolve(false);
    const choice: RunEvent = { type: 'choice.select', node, option, at };
    if (!this.#state.available.some((o) => o.id === option)) return this.#append(choice);
    // Chosen before the screen reported the options in view (a key pressed at once, or before the
    // time to read the first decision had passed): they were seen by then, so the countdown
    // starts at the same moment — written together with the choice, in one write (a second
    // write would hold the next situation back by a round trip to the database and a frame).
    if (!this.#startJob && pendingTimer(this.scenario, this.#state)) {
      const job = this.#append({ type: 'timer.start', node, at }, choice);
      this.#startJob = job;
      void job.finally(() => (this.#startJob = null));
      return job;
    }
    // A countdown's start already queued: the choice is written behind it.
    return this.#append(choice);
  }

  /**
   * Takes each option of the current decision in the engine and throws the results away: nothing
   * is shown, written or kept. On a first visit the engine's code is compiled the first time it
   * runs, which a slow phone feels in the first choice; rehearsed while the player reads (the play
   * screen calls this when the page is idle), the choice then runs code that is ready. Returns
   * whether there is more to rehearse: one option per call, so no call holds the main thread long.
   */
  rehearse(step: number): boolean {
    const state = this.#state;
    const option = state.available[step];
    if (state.node === null || !option) return false;
    try {
      applyEvent(this.scenario, state, { type: 'choice.select', node: state.node, option: option.id, at: Date.now() });
    } catch {
      // a choice that cannot happen here is refused by choose() too; nothing to warm
    }
    return step + 1 < state.available.length;
  }

  /** The time of the current decision ran out (at its deadline). */
  expire(at?: number): Promise<boolean> {
    const { node, deadline } = this.#state;
    if (node === null || deadline === null || pendingTimer(this.scenario, this.#state)) return Promise.resolve(false);
    return this.#append({ type: 'timer.expire', node, at: at ?? deadline });
  }


  /** Changes the timer speed for the rest of the run ("more time", or the settings). */
  setTimerScale(scale: TimerScale, at = Date.now()): Promise<boolean> {
    if (this.#state.node === null || this.#state.timerScale === scale) return Promise.resolve(false);
    return this.#append({ type: 'timer.scale', scale, at });
  }

  /** Appends every time-out that is already past (after a reload or a sleeping tab). */
  async catchUp(now = Date.now()): Promise<void> {
    for (let guard = 0; guard < 1000 && this.error === null; guard++) {
      const { node, deadline } = this.#state;
      if (node === null || deadline === null || deadline > now) break;
      // The player has not seen this decision's options yet: its countdown has not started.
      if (pendingTimer(this.scenario, this.#state)) break;
      if (!(await this.#append({ type: 'timer.expire', node, at: deadline }))) break;
    }
    if (this.#state.ending !== null && this.#run.finishedAt === undefined && this.error === null) {
      this.#run = { ...this.#run, finishedAt: this.#run.events.at(-1)?.at ?? now };
      this.#changed();
      await this.#saveWhole();
    }
  }

  /** Saves the reflection answer with the run. */
  reflect(text: string): Promise<boolean> {
    this.#run = { ...this.#run, reflection: text };
    this.#changed();
    return this.#saveWhole();
  }

  /**
   * A write failed (`error`): writes the whole run as shown, every event in memory, in one write.
   * Once it is written the error is gone and play goes on.
   */
  retry(): Promise<boolean> {
    return this.#saveWhole();
  }

  #saveWhole(): Promise<boolean> {
    const run = this.#run;
    return this.#write(run, () => this.#store.saveRun(run), true);
  }

  /**
   * Shows a call's events at once and queues their write, after the previous call's: each call's
   * events in one write. Resolves whether all of them were shown and written.
   */
  #append(...events: RunEvent[]): Promise<boolean> {
    // A write failed: nothing more until the run is written again (retry), or the log would skip it.
    if (this.error !== null) return Promise.resolve(false);
    let next = this.#state;
    const added: RunEvent[] = [];
    for (let event of events) {
      // A choice or time-out records the options in the order the player saw them (Run.seed).
      if ((event.type === 'choice.select' || event.type === 'timer.expire') && event.shown === undefined && event.node === next.node) {
        event = { ...event, shown: next.available.map((o) => o.id) };
      }
      try {
        next = applyEvent(this.scenario, next, event, this.#run.events.length + added.length);
      } catch (e) {
        // The event cannot happen here (a double click on the old node, a late timer): ignore it
        // (and what follows it in this call).
        if (import.meta.env.DEV) console.warn('event refused', e);
        break;
      }
      added.push(event);
    }
    if (added.length === 0) return Promise.resolve(false);
    // The event that reaches an ending is written together with the run's end: one write.
    const finishing = next.ending !== null && this.#run.finishedAt === undefined;
    const run: Run = { ...this.#run, events: [...this.#run.events, ...added], ...(finishing ? { finishedAt: added[added.length - 1].at } : {}) };
    this.#run = run;
    this.#state = next;
    this.#changed();
    const written = this.#write(run, () =>
      finishing || !this.#stored || added.length > 1 ? this.#store.saveRun(run) : this.#store.appendEvent(run.id, added[0]),
    );
    return written.then((ok) => ok && added.length === events.length);
  }

  /**
   * Queues a write of `run` behind the others. A write behind one that failed is not made (the
   * retry writes it), unless it writes the `whole` run as shown, which clears the error. After
   * it: the first write tells `onStored`, every write tells the learning platform.
   */
  #write(run: Run, put: () => Promise<void>, whole = false): Promise<boolean> {
    this.#queued++;
    this.busy = true;
    const job = this.#writing.then(async () => {
      try {
        // Its turn comes after the task that showed the step, so the screen has said so (`shown`).
        if (this.#painted) await this.#painted;
        if (this.error !== null && !whole) return false;
        await put();
      } catch (e) {
        this.error = e instanceof Error ? e.message : String(e);
        return false;
      } finally {
        if (--this.#queued === 0) this.busy = false;
      }
      this.error = null;
      if (!this.#stored) {
        this.#stored = true;
        this.#onStored?.();
      }
      reportRun(run);
      // A board or a room's roster on the projector, in another tab of this laptop, shows the result
      // once it is scored (and a room open here counts it as come in).
      if (run.finishedAt !== undefined && !this.#finishTold) {
        this.#finishTold = true;
        noteRunHere(run);
        void this.#store.resultsSettled().then(announceResults);
      }
      return true;
    });
    this.#writing = job.catch(() => undefined);
    return job;
  }

  /**
   * The screen shows a step: its write, and any queued behind it, waits until `painted` (the
   * frame showing it), so copying the run and opening its IndexedDB transaction are not in that
   * frame on a slow phone. A hidden page or one being left paints no frame: the write goes at
   * once then (afterNextFrame), so a step shown is still written. Returns `painted`: what the
   * screen does after it (`then`, here and now) runs before the write starts.
   */
  shown(painted: Promise<void> = afterNextFrame()): Promise<void> {
    this.#painted = painted;
    void painted.then(() => {
      if (this.#painted === painted) this.#painted = null;
    });
    return painted;
  }

  /** The state changed: what reads it (the screen) updates now. */
  #changed(): void {
    for (const l of this.#listeners) l();
  }
}
