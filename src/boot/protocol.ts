/**
 * What the first-decision boot script (src/boot/boot.ts) and the app agree on. Types only, for the
 * boot script: it must stay one tiny file with no imports at run time, so the constants below are
 * repeated there (a unit test checks they are the same); noteStored is the app's.
 */
import type { Lang, Mode } from '../engine/types';

/** localStorage key of the UI language (src/i18n/locale.svelte.ts keeps it up to date). */
export const LANG_KEY = 'frontlijn.lang';
/**
 * localStorage key of what the app last knew that the boot script needs (a BootHint as JSON).
 */
export const HINT_KEY = 'frontlijn.boot';
/**
 * localStorage key of how many players the who-screen listed when the app last knew (a number as
 * text): `/` keeps their room while the device's players are read (src/ui/state/who-hint.ts).
 */
export const WHO_KEY = 'frontlijn.who';
/**
 * localStorage key of who is playing on this device when the app last knew (a PlayerHint as JSON,
 * or absent for nobody): the pre-rendered header names them (src/ui/state/who-hint.ts).
 */
export const PLAYER_KEY = 'frontlijn.player';

/**
 * A cookie that says this device keeps something for the boot script under the keys above. Without
 * it (and without a service worker, which only a returning device has) the boot script reads no
 * localStorage: a first visit (a QR code) has nothing there, and a page's first localStorage read
 * is a synchronous round trip to the browser before anything is shown, where a cookie's costs far
 * less. Set by noteStored.
 */
export const STORED_COOKIE = 'frontlijn-stored';

let noted = false;

/**
 * Sets (once a page, so renewed on every visit: a cookie lasts at most 400 days) the cookie that
 * tells the boot script to read the keys above; call it wherever one of them is written.
 */
export function noteStored(): void {
  if (noted || typeof document === 'undefined') return;
  noted = true;
  try {
    document.cookie = `${STORED_COOKIE}=1; path=/; max-age=${400 * 24 * 3600}; samesite=strict`;
  } catch {
    /* no cookies (a sandboxed frame): the boot script then shows defaults, and the app corrects them */
  }
}

/** Kept up to date by the app (src/ui/state/who-hint.ts). */
export interface PlayerHint {
  /** The name as the app's header puts it into a sentence (isolated, see src/i18n/untrusted.ts). */
  name: string;
  /** A guest, who has chosen no name: the header says "Guest". */
  guest: boolean;
  /** A guest's number on this device: the header says "Guest 3". */
  guestNumber?: number;
}

/** Kept up to date by the app (src/ui/state/boot-hint.ts). */
export interface BootHint {
  /**
   * The scenario id of the current player's unfinished run: a direct link to that scenario
   * resumes the run, so the boot script must not show its first decision.
   */
  open: string | null;
  /** The timer speed of the settings (1, 1.5, 10, or 0 for off). */
  timerScale: number;
  /** The settings' sound: false when the player muted it (the header's button shows it pressed). */
  sound: boolean;
}

/** A choice made on the pre-rendered first decision, before the app had loaded. */
export interface BootChoice {
  option: string;
  /** When it was made (ms since the epoch). */
  at: number;
}

/** What the app receives when it takes over from the boot script. */
export interface BootCapture {
  scenarioId: string;
  startNode: string;
  mode: Mode;
  /** The language shown; `langChosen` when the player switched it before the app loaded. */
  lang: Lang;
  langChosen: boolean;
  /** The header's main menu was open (a narrow screen): the app's stays open. */
  menuOpen: boolean;
  /** The header's sound (false: muted); `soundChosen` when the player pressed "Mute sound" there. */
  sound: boolean;
  soundChosen: boolean;
  /** When the page was shown: the run starts then. */
  shownAt: number;
  /** The run's option-order seed (Run.seed): the first decision's options were shown in its order. */
  seed: string;
  /** The timer speed the countdown was shown with. */
  timerScale: number;
  /** "More time" pressed meanwhile: the new speed and when. */
  scales: { scale: number; at: number }[];
  /** "Begin" was pressed on the intro: the first decision was shown. */
  begun: boolean;
  /**
   * When the first decision's options came into view and its countdown started (a `timer.start`
   * at that time); null when it had not (not begun, not scrolled to them, or not timed).
   */
  timerStartedAt: number | null;
  choice: BootChoice | null;
}

/** `window.__frontlijnBoot` while the pre-rendered first decision is shown. */
export interface BootHandle {
  scenarioId: string;
  mode: Mode;
  /** When the first decision was shown: a run started from it starts then. */
  shownAt: number;
  /** The timer speed it was shown with. */
  timerScale: number;
  /** The option-order seed the first decision was shown with: a run started from it keeps it. */
  seed: string;
  /** "Begin" has been pressed on the intro (the app then opens at the decision too). */
  begun: boolean;
  /** Removes the pre-rendered page (showing #app) and says what happened on it. */
  takeOver(): BootCapture;
}

/** What the player did on the pre-rendered first screen of `/` before the app had loaded. */
export interface HomeCapture {
  /** The language shown; `langChosen` when the player switched it there. */
  lang: Lang;
  langChosen: boolean;
  /** The header's main menu was open (a narrow screen): the app's stays open. */
  menuOpen: boolean;
  /** The header's sound (false: muted); `soundChosen` when the player pressed "Mute sound" there. */
  sound: boolean;
  soundChosen: boolean;
  /** A selector for the app's element that matches the one focused there, if one was. */
  focus: string | null;
  /** What was typed or picked in the new-player form. */
  name: string;
  team: string;
  /** "Start" (the form sent) or "Play as guest" pressed there: the app does it when it takes over. */
  action: 'submit' | 'guest' | null;
}

/** `window.__frontlijnHome` while the pre-rendered first screen of `/` is shown. */
export interface HomeHandle {
  /** Removes the pre-rendered screen (showing #app) and says what happened on it. */
  takeOver(): HomeCapture;
}

declare global {
  interface Window {
    __frontlijnBoot?: BootHandle;
    __frontlijnHome?: HomeHandle;
  }
}
