/**
 * The sound state machine behind `audio` (src/audio/index.ts), written against a small
 * Howler-shaped interface so it is unit-tested with fakes and never imports howler itself.
 *
 * Owns: whether sound may play (unlocked by an interaction, enabled, tab visible), which ambience
 * loop plays and the cross-fade between loops, the master volume, and when the audio library is
 * loaded. Rules:
 * - Nothing touches the library (no AudioContext, no audio request) before `unlock()`: browsers
 *   refuse sound before an interaction, and the first screen must not pay for it.
 * - The library itself may be fetched earlier (any first call starts the dynamic import), so
 *   the first interaction only waits for the audio files.
 * - Sound never blocks or throws into the game: a library or file that fails to load is logged
 *   once and the game goes on silently. A cue plays after the next frame is painted, and the
 *   cues are fetched and decoded in idle time after unlock, so a choice never waits for sound.
 */
import type { Ambience } from '../engine/types';

export const CUES = ['arrive', 'doorbell', 'confirm', 'timeout', 'ending-fan', 'ending-neutral', 'ending-lost'] as const;
export type CueName = (typeof CUES)[number];
export type AmbienceName = Exclude<Ambience, 'none'>;
export const AMBIENCE_NAMES: readonly AmbienceName[] = ['shop', 'station', 'terrace', 'tram', 'clothing', 'stop', 'phone'];

/** The parts of howler's `Howl` this module uses. */
export interface HowlLike {
  play(sprite?: string | number): number;
  pause(id?: number): unknown;
  stop(id?: number): unknown;
  fade(from: number, to: number, duration: number, id?: number): unknown;
  /** With a sound id: that sound's current volume (howler's getter). */
  volume(id?: number): number;
  playing(id?: number): boolean;
  once(event: string, cb: (id: number) => void, id?: number): unknown;
  on(event: string, cb: (id: number, err?: unknown) => void): unknown;
}
export interface HowlOptionsLike {
  src: string[];
  format?: string[];
  loop?: boolean;
  volume?: number;
  preload?: boolean;
  sprite?: Record<string, [number, number] | [number, number, boolean]>;
}
/** The parts of the howler module this module uses. */
export interface HowlerModuleLike {
  Howl: new (options: HowlOptionsLike) => HowlLike;
  Howler: { volume(v: number): unknown; mute(muted: boolean): unknown };
}

export interface AudioDeps {
  /** Loads the library, e.g. `() => import('howler')`. */
  load(): Promise<HowlerModuleLike>;
  /** Base URL of the clips, ending in '/', e.g. '/audio/'. */
  base: string;
  /** Subscribes to tab visibility; returns whether the tab is hidden now. */
  watchVisibility?(onChange: (hidden: boolean) => void): boolean;
  /** Milliseconds now (tests pass a fake clock). */
  now?(): number;
  warn?(message: string, error: unknown): void;
  /** Runs fn after ms (default setTimeout; tests pass a fake). */
  defer?(fn: () => void, ms: number): void;
  /** Runs fn after the next frame is painted (default rAF + setTimeout 0): sound yields to play. */
  afterPaint?(fn: () => void): void;
  /** Runs fn when the browser is idle (default requestIdleCallback). */
  idle?(fn: () => void): void;
}

/** Length of each ambience loop in the files (scripts/make-audio.sh: LOOP). */
export const LOOP_MS = 10_000;
/** Relative levels: ambience sits well under the cues. */
export const AMBIENCE_LEVEL = 0.55;
export const CUE_LEVEL = 1;
export const FADE_IN_MS = 1200;
export const FADE_OUT_MS = 900;
/**
 * The ambience starts this long after the unlocking interaction, so that when that interaction
 * is a press on the mute button, its click (which follows the pointerdown) mutes first and no
 * file is downloaded. Far below what anyone notices under a 1.2 s fade-in.
 */
export const UNLOCK_SETTLE_MS = 300;
/** A cue asked for while the library is still loading plays only if it is not stale by then. */
const CUE_STALE_MS = 700;

interface Channel {
  howl: HowlLike;
  id: number | null;
}

export interface AudioApi {
  unlock(): void;
  cue(name: CueName): void;
  ambience(name: Ambience | null): void;
  configure(o: { enabled: boolean; volume: number }): void;
}

/** What the controller is doing, for tests and debugging. */
export interface AudioState {
  unlocked: boolean;
  enabled: boolean;
  volume: number;
  hidden: boolean;
  loaded: boolean;
  wanted: AmbienceName | null;
  playing: AmbienceName | null;
}

export function createAudio(deps: AudioDeps): AudioApi & { state(): AudioState } {
  const now = deps.now ?? (() => Date.now());
  const warn = deps.warn ?? ((m: string, e: unknown) => console.warn(m, e));
  const defer = deps.defer ?? ((fn: () => void, ms: number) => void setTimeout(fn, ms));
  const afterPaint =
    deps.afterPaint ??
    ((fn: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(fn, 0)) : setTimeout(fn, 16)));
  const idle =
    deps.idle ?? ((fn: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 500)));
  let unlocked = false;
  /** Ambience may start (UNLOCK_SETTLE_MS after unlock); cues may play from unlock on. */
  let settled = false;
  let enabled = true;
  let volume = 0.7;
  let hidden = false;
  let watching = false;
  let lib: HowlerModuleLike | null = null;
  let loading: Promise<HowlerModuleLike | null> | null = null;
  let wanted: AmbienceName | null = null;
  let current: AmbienceName | null = null;
  const channels = new Map<AmbienceName, Channel>();
  const cues = new Map<CueName, HowlLike>();
  const lastCue = new Map<CueName, number>();

  function start(): void {
    if (!watching && deps.watchVisibility) {
      watching = true;
      hidden = deps.watchVisibility((h) => {
        hidden = h;
        reconcile();
      });
    }
    loading ??= deps.load().then(
      (m) => {
        lib = m;
        applyMaster();
        reconcile();
        return m;
      },
      (e: unknown) => {
        warn('Sound is unavailable: the audio library did not load.', e);
        return null;
      },
    );
  }

  function applyMaster(): void {
    if (!lib || !unlocked) return;
    lib.Howler.volume(clamp(volume));
    lib.Howler.mute(!enabled);
  }

  function sources(name: string): string[] {
    return [`${deps.base}${name}.webm`, `${deps.base}${name}.mp3`];
  }

  function makeHowl(name: string, options: Omit<HowlOptionsLike, 'src' | 'format'>): HowlLike {
    const howl = new lib!.Howl({ src: sources(name), format: ['webm', 'mp3'], preload: true, ...options });
    howl.on('loaderror', (_id, err) => warn(`Sound "${name}" could not be loaded.`, err));
    howl.on('playerror', (_id, err) => warn(`Sound "${name}" could not play.`, err));
    return howl;
  }

  function channel(name: AmbienceName): Channel {
    let ch = channels.get(name);
    if (!ch) {
      // The sprite bounds the loop to exactly LOOP_MS: codecs pad the end of a file.
      ch = { howl: makeHowl(`ambience-${name}`, { volume: 0, sprite: { loop: [0, LOOP_MS, true] } }), id: null };
      channels.set(name, ch);
    }
    return ch;
  }

  function fadeOut(name: AmbienceName, ms: number): void {
    const ch = channels.get(name);
    if (!ch || ch.id === null) return;
    const id = ch.id;
    if (ms <= 0) {
      ch.howl.pause(id);
      return;
    }
    ch.howl.fade(ch.howl.volume(id), 0, ms, id);
    ch.howl.once(
      'fade',
      () => {
        // pause only if nobody asked for this loop again during the fade
        if (current !== name) ch.howl.pause(id);
      },
      id,
    );
  }

  function fadeIn(name: AmbienceName): void {
    const ch = channel(name);
    let from = 0;
    if (ch.id === null) ch.id = ch.howl.play('loop');
    else {
      // resumed after a pause (volume faded to 0), or asked back during its own fade-out
      from = ch.howl.playing(ch.id) ? Math.min(ch.howl.volume(ch.id), AMBIENCE_LEVEL) : 0;
      if (!ch.howl.playing(ch.id)) ch.howl.play(ch.id);
    }
    ch.howl.fade(from, AMBIENCE_LEVEL, FADE_IN_MS, ch.id);
  }

  /** Brings the playing loop in line with what is wanted and allowed. */
  function reconcile(): void {
    const target = lib && settled && enabled && !hidden ? wanted : null;
    if (target === current) return;
    const previous = current;
    current = target;
    // a hidden tab or a mute stops at once; a change of scene cross-fades
    if (previous) fadeOut(previous, target === null && (hidden || !enabled) ? 0 : FADE_OUT_MS);
    if (target) fadeIn(target);
  }

  function cueHowl(name: CueName): HowlLike {
    let howl = cues.get(name);
    if (!howl) {
      howl = makeHowl(`cue-${name}`, { volume: CUE_LEVEL });
      cues.set(name, howl);
    }
    return howl;
  }

  /** Plays a cue once the next frame is painted: a choice's next situation never waits for sound. */
  function playCue(name: CueName): void {
    afterPaint(() => {
      if (lib && unlocked && enabled && !hidden) cueHowl(name).play();
    });
  }

  /** Fetches and decodes the cues while the browser is idle, so playing one later is cheap. */
  function preloadCues(): void {
    idle(() => {
      if (lib && enabled) for (const c of CUES) cueHowl(c);
    });
  }

  return {
    unlock() {
      if (unlocked) return;
      unlocked = true;
      start();
      applyMaster();
      defer(() => {
        settled = true;
        reconcile();
        preloadCues();
      }, UNLOCK_SETTLE_MS);
    },
    cue(name) {
      if (!(CUES as readonly string[]).includes(name)) return;
      start();
      if (!unlocked || !enabled || hidden) return;
      const t = now();
      if (t - (lastCue.get(name) ?? -Infinity) < 120) return; // a double activation plays once
      lastCue.set(name, t);
      if (lib) playCue(name);
      else
        void loading?.then(() => {
          if (now() - t <= CUE_STALE_MS && unlocked && enabled && !hidden) playCue(name);
        });
    },
    ambience(name) {
      start();
      wanted = name && (AMBIENCE_NAMES as readonly string[]).includes(name) ? (name as AmbienceName) : null;
      reconcile();
    },
    configure(o) {
      start();
      enabled = Boolean(o.enabled);
      volume = Number.isFinite(o.volume) ? o.volume : volume;
      applyMaster();
      if (!enabled) for (const howl of cues.values()) howl.stop();
      reconcile();
    },
    state() {
      return { unlocked, enabled, volume: clamp(volume), hidden, loaded: lib !== null, wanted, playing: current };
    },
  };
}

function clamp(v: number): number {
  return Math.min(1, Math.max(0, v));
}
