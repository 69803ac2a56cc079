/**
 * What the play screen plays: finds the run to show for a `#/play/<id>` address (resumes an
 * unfinished one, or starts a new one after storing the scenario version), keeps one tab at a
 * time on a run (persistence/tab-guard), follows room links into a team, and on the dev server
 * moves a run to an edited scenario file when all its steps still exist there. `?run=<id>` names
 * a run; once a run ends, its address names it (in the task that shows the ending), so a reload
 * on the ending shows that ending again instead of starting a new run.
 */
import { t } from '../../i18n';
import { ReplayError } from '../../engine/contract';
import { replayRun } from '../../engine/replay';
import type { Mode, Run, TimerScale } from '../../engine/types';
import { claimRun, takeOverRun, type RunClaim } from '../../persistence/tab-guard';
import { app } from './app.svelte';
import { LiveRun, newRun } from './run.svelte';
import { resumedTimerScale } from './resume-timer';
import { scenarios, ScenarioLoadError, type LoadedScenario } from './scenarios.svelte';
import { href } from '../router';
import { route } from './route.svelte';
import { bootShown } from './play-boot';
import { yieldToMain } from '../start-gate';

export class PlaySession {
  loaded = $state.raw<LoadedScenario | null>(null);
  live = $state.raw<LiveRun | null>(null);
  /** Why nothing can be played, in words. */
  failure = $state<string | null>(null);
  /**
   * True when an earlier, unfinished run was taken up again: "continued where you left off" is
   * shown until the player's next move (see moved()).
   */
  resumed = $state(false);
  /** This run is being played in another tab (at opening, or taken over since). */
  blocked = $state<'other-tab' | 'lost' | null>(null);
  /** A note after the scenario file changed on the dev server. */
  hotNote = $state<string | null>(null);

  #params: Record<string, string>;
  #claim: RunClaim | null = null;
  #blockedRunId: string | null = null;
  #closed = false;

  constructor(params: Record<string, string>) {
    this.#params = params;
  }

  #describe(e: unknown): string {
    if (e instanceof ScenarioLoadError && e.kind === 'unknown') return t('play.unknown_scenario', { id: this.#params.id });
    const detail = e instanceof ScenarioLoadError || e instanceof ReplayError || e instanceof Error ? e.message : String(e);
    return t('play.load_failed', { detail });
  }

  /** Opens the run this address asks for. Resolves when the first decision can be shown (or not). */
  async start(): Promise<void> {
    const params = this.#params;
    try {
      const meant = params.hash ? undefined : scenarios.builtinLike(params.id);
      if (meant) {
        // A typed address with the dashes left out, or in capitals: open the scenario it means.
        const { id: _typed, ...query } = params;
        app.navigate(href(`play/${encodeURIComponent(meant.id)}`, query), true);
        return;
      }
      const wanted = params.hash ? scenarios.playVersion(params.hash) : scenarios.playScenario(params.id);
      const store = await app.ready();
      if (params.team || params.room) {
        // A room's link for a scenario this phone cannot open says so before asking for a name.
        await wanted;
        if (!(await this.#joinRoom(params.team ?? '', params.teamName ?? ''))) return;
      }
      const player = await app.ensurePlayer(t('app.guest'));
      const testRun = params.from !== undefined && params.from !== '';

      // Resume an unfinished run of this scenario (a reload, a crash, or "continue"), or show the
      // run the address names (a reload on its ending): as far as it is on disk, so when the
      // ending's write failed, the decision before it.
      let open: Run | undefined;
      const named = params.run;
      if (named) open = await store.getRun(named);
      else if (!testRun) open = await store.unfinishedRun(player.id);
      if (open && (open.scenarioId !== params.id || (!named && (open.finishedAt !== undefined || open.startNode)))) open = undefined;
      // A named run this device does not have, or of another scenario (an address copied from
      // another device, a run whose first write failed): a new run starts, and the address stops
      // naming the other one, so that a reload goes on with the new run instead of starting anew.
      if (named && !open) route.amendQuery('play', 'run', null);

      if (open) {
        const version = await scenarios.playVersion(open.scenarioHash);
        this.loaded = version;
        await this.#attach(version, open, false);
        return;
      }
      const s = await wanted;
      if (testRun && !Object.prototype.hasOwnProperty.call(s.scenario.nodes, params.from)) {
        this.failure = t('play.unknown_node', { node: params.from });
        return;
      }
      const mode: Mode = params.mode === 'assessment' ? 'assessment' : 'coaching';
      // The page showed this first decision before the app had loaded (src/boot/boot.ts): the run
      // started then, with the countdown the player saw.
      const boot = bootShown();
      const fromBoot = !!boot && !testRun && boot.scenarioId === s.scenario.id && boot.mode === mode;
      const fresh = newRun({
        scenario: s.scenario,
        hash: s.hash,
        playerId: player.id,
        mode,
        timerScale: fromBoot ? (boot.timerScale as TimerScale) : app.settings.timerScale,
        startNode: testRun ? params.from : undefined,
        now: fromBoot ? boot.shownAt : undefined,
        // The page showed the first decision's options in this seed's order.
        seed: fromBoot ? boot.seed : undefined,
      });
      // The version is stored before the run, so the store can score the run when it ends.
      await scenarios.remember(s);
      const claimed = await claimRun(fresh.id, { onLost: () => this.#onLost() });
      this.#claim = claimed.ok ? claimed.claim : null;
      // Once written (its first event), a reload resumes this run: the direct-link page must then
      // not show its own first decision (src/boot/boot.ts).
      const live = await LiveRun.start(store, s.scenario, fresh, () => app.noteRunStored(fresh));
      // Showing the run (rendering the play screen) is a task of its own, apart from the
      // database's answers and compiling the scenario before it.
      await yieldToMain();
      this.live = live;
      this.loaded = s;
      void app.refreshBootHint();
    } catch (e) {
      this.failure = this.#describe(e);
    }
  }

  /**
   * A room link: join the facilitator's team (if it names one), with a name the leaderboard can
   * show. Returns false when the player is sent to "who is playing" first.
   */
  async #joinRoom(teamId: string, teamName: string): Promise<boolean> {
    // A typed short link leaves the team's name out (room-link.ts): the phone calls it the room's.
    if (teamId) await app.ensureTeam(teamId, teamName || t('app.room_team'));
    const current = app.currentPlayer;
    if (!current || current.guest) {
      app.navigate(href('', { next: location.hash, team: teamId || undefined }), true);
      return false;
    }
    if (teamId && !current.teamId) await app.renameProfile(current.id, current.name, teamId);
    return true;
  }

  /** Takes a stored run into this tab: claims it first, then replays it and catches up on time-outs. */
  async #attach(version: LoadedScenario, stored: Run, takeOver: boolean): Promise<void> {
    const store = await app.ready();
    this.#claim?.release();
    this.#claim = null;
    const onLost = () => this.#onLost();
    if (takeOver) this.#claim = await takeOverRun(stored.id, { onLost });
    else {
      const r = await claimRun(stored.id, { onLost });
      if (!r.ok) {
        this.#blockedRunId = stored.id;
        this.blocked = 'other-tab';
        return;
      }
      this.#claim = r.claim;
    }
    if (this.#closed) return this.#claim?.release();
    this.blocked = null;
    const resumedRun = await LiveRun.resume(store, version.scenario, stored);
    this.live = resumedRun;
    this.resumed = stored.events.length > 0 && !resumedRun.finished;
    // The run keeps its own timer; a setting changed meanwhile can only give more time (resume-timer.ts).
    const scale = resumedTimerScale(resumedRun.state.timerScale as TimerScale, app.settings.timerScale, stored.mode);
    if (!resumedRun.finished && resumedRun.state.timerScale !== scale) await resumedRun.setTimerScale(scale);
    if (resumedRun.finished) this.ended();
  }

  /** The player made a choice (or let the time run out, or moved on after feedback): the resume note has done its job. */
  moved(): void {
    this.resumed = false;
  }

  /** Another tab took this run over: stop writing here. */
  #onLost(): void {
    this.#blockedRunId = this.live?.run.id ?? this.#blockedRunId;
    this.blocked = 'lost';
  }

  /** "Continue here": take the run back, re-read what the other tab wrote, and replay it. */
  async continueHere(): Promise<void> {
    try {
      const store = await app.ready();
      const stored = this.#blockedRunId ? await store.getRun(this.#blockedRunId) : undefined;
      if (!stored) return;
      const version = await scenarios.playVersion(stored.scenarioHash);
      this.loaded = version;
      await this.#attach(version, stored, true);
    } catch (e) {
      this.failure = this.#describe(e);
    }
  }

  /**
   * Dev server: the built-in file of this scenario changed. Replay the run on the new version
   * when every step still exists there; otherwise keep playing the version it started on.
   */
  async hotSwap(): Promise<void> {
    const { live, loaded } = this;
    if (!live || !loaded || loaded.custom || this.#params.hash || live.finished) return;
    const next = await scenarios.playScenario(loaded.scenario.id).catch(() => null);
    if (!next || next.hash === loaded.hash) return;
    const moved: Run = { ...live.run, scenarioHash: next.hash };
    try {
      replayRun(next.scenario, moved);
    } catch {
      this.hotNote = t('play.hot_kept');
      return;
    }
    const store = await app.ready();
    await scenarios.remember(next);
    await store.saveRun(moved);
    const swapped = await LiveRun.resume(store, next.scenario, moved);
    this.live = swapped;
    this.loaded = next;
    this.hotNote = t('play.hot_reloaded');
  }

  /**
   * The ending is shown: the address names the run from this task on, so a reload shows this
   * ending (and in practice mode the last choice's feedback, feedback-open.ts) again. Named before
   * the ending is on disk: a reload whose write did not get through opens what is on disk.
   */
  endingShown(): void {
    const id = this.live?.run.id;
    if (id && !this.#closed && route.current.name === 'play' && route.current.params.id === this.#params.id) route.amendQuery('play', 'run', id);
  }

  /** The run's ending is shown and on disk: name it in the address (if not yet) and let it go. */
  ended(): void {
    this.endingShown();
    this.release();
  }

  /** Lets go of the run (it ended, or the screen closes). */
  release(): void {
    this.#claim?.release();
    this.#claim = null;
    if (this.live?.finished) void app.refreshBootHint();
  }

  /** The screen closes. */
  close(): void {
    this.#closed = true;
    this.release();
  }
}
