/**
 * The game's side of sound: loads src/audio (and howler with it) only after the first screen,
 * keeps it configured from the settings, and unlocks it on the first interaction (browsers stay
 * silent until then). Calls made before audio has loaded are dropped, never queued: sound must
 * never hold up play.
 */
import type { Ambience } from '../../engine/types';

type AudioApi = typeof import('../../audio').audio;
export type Cue = Parameters<AudioApi['cue']>[0];

let api: AudioApi | null = null;
let loading: Promise<AudioApi | null> | null = null;
let config = { enabled: true, volume: 0.7 };
let unlocked = false;
let wantedAmbience: Ambience | null = null;

function load(): Promise<AudioApi | null> {
  loading ??= import('../../audio')
    .then((m) => {
      api = m.audio;
      api.configure(config);
      if (unlocked) {
        api.unlock();
        api.ambience(wantedAmbience);
      }
      return api;
    })
    .catch((e) => {
      console.warn('sound unavailable', e);
      return null;
    });
  return loading;
}

/** Starts loading audio when the browser is idle (after the first screen). */
export function preloadSound(): void {
  const start = () => void load();
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 3000 });
  else setTimeout(start, 1500);
}

/** Unlocks audio on the first pointer or key interaction. */
export function installUnlock(): void {
  const unlock = () => {
    if (unlocked) return;
    unlocked = true;
    window.removeEventListener('pointerdown', unlock, true);
    window.removeEventListener('keydown', unlock, true);
    // Starting audio (an AudioContext, the ambience's decoding) costs tens of milliseconds on a
    // slow phone: not while this interaction's own work is shown (the first choice), but when the
    // page is next idle — well within the time browsers let a page start sound after a tap.
    const start = () =>
      void load().then((a) => {
        a?.unlock();
        a?.ambience(wantedAmbience);
      });
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 600 });
    else setTimeout(start, 200);
  };
  window.addEventListener('pointerdown', unlock, true);
  window.addEventListener('keydown', unlock, true);
}

export function configureSound(enabled: boolean, volume: number): void {
  config = { enabled, volume };
  api?.configure(config);
}

/**
 * Plays a short cue just after the next frame is painted: starting a sound costs a few
 * milliseconds of main thread (more on a slow phone) that must not delay showing what the
 * player's choice did; a frame later is not audible.
 */
export function cue(name: Cue): void {
  if (!unlocked || !api) return;
  requestAnimationFrame(() => setTimeout(() => api?.cue(name), 0));
}

export function ambience(name: Ambience | null): void {
  wantedAmbience = name;
  if (unlocked) api?.ambience(name);
}
