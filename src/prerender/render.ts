/**
 * Build time only (scripts/vite-plugin-perf.ts bundles this for Node): the first decision of a
 * built-in scenario, and the first screen of `/`, rendered to HTML by the app's own components in
 * one language.
 */
import { render } from 'svelte/server';
import PrerenderedPlay from './PrerenderedPlay.svelte';
import PrerenderedWho from './PrerenderedWho.svelte';
import { locale, t } from '../i18n';
import { route } from '../ui/state/route.svelte';
import { parseHash } from '../ui/router';
import { initialPlayState } from '../engine/replay';
import { t as text } from '../engine/text';
import { readingTimeMs } from '../ui/state/reading-time';
import { RUN_FORMAT_VERSION, type Lang, type Mode, type Scenario } from '../engine/types';

export interface FirstDecision {
  /** The markup of `#app` at the first decision. */
  html: string;
  /** The page title the app sets there. */
  title: string;
  /** The first decision's node. */
  start: string;
  /** Its time limit in seconds (at normal speed), if it has one. */
  seconds?: number;
  /** The countdown's words, for the boot script to update: "{n} seconds left" for 1 and for n. */
  secondsOne?: string;
  secondsOther?: string;
  /** What a screen reader hears when the time is nearly up. */
  warning?: string;
  /** The time to read the situation before the countdown starts (src/ui/state/reading-time.ts). */
  readMs?: number;
  /** The mode badge's words in each mode (the markup is rendered in coaching mode). */
  modeLabels: Record<Mode, string>;
  /** The line under the badges that says what the mode means, in each mode. */
  modeHints: Record<Mode, string>;
  /** The header's words for a named player and for sound on and off: see HeaderWords. */
  playingAs: string;
  switchPlayer: string;
  /** A numbered guest's name, "Gast {n}" (the placeholder left as it is). */
  guestN: string;
  soundOn: string;
  soundOff: string;
}

/**
 * The header's words that the boot script puts in place of those the markup carries: for a named
 * player (the markup says a guest is playing) "Playing as {name}" (the placeholder left as it
 * is) and "Next player"; the sound button's title with sound on and off (the markup has it on).
 */
interface HeaderWords {
  playingAs: string;
  switchPlayer: string;
  /** A numbered guest's name, "Gast {n}" (the placeholder left as it is). */
  guestN: string;
  soundOn: string;
  soundOff: string;
}

function headerWords(): HeaderWords {
  return { playingAs: t('app.playing_as', { name: '{name}' }), switchPlayer: t('app.switch_player'), guestN: t('app.guest_n', { n: '{n}' }), soundOn: t('app.sound_on'), soundOff: t('app.sound_off') };
}

/** A number no message contains, written without digit grouping. */
const N = 97;

/** The first decision as the app renders it (a time limit shows its full time). */
export function renderFirstDecision(scenario: Scenario, lang: Lang, mode: Mode = 'coaching'): FirstDecision | null {
  const node = scenario.nodes[scenario.start];
  if (!node) return null;
  locale.set(lang);
  route.current = parseHash(`#/play/${scenario.id}`);
  const play = initialPlayState(scenario, {
    formatVersion: RUN_FORMAT_VERSION,
    id: 'prerender',
    scenarioId: scenario.id,
    scenarioHash: '',
    playerId: null,
    mode,
    timerScale: 1,
    startedAt: Date.now(),
    events: [],
  });
  const { body } = render(PrerenderedPlay, { props: { scenario, play, mode } });
  const out: FirstDecision = {
    html: body,
    title: `${text(scenario.title, lang)} · Frontlijn`,
    start: scenario.start,
    modeLabels: { coaching: t('play.mode_coaching'), assessment: t('play.mode_assessment') },
    modeHints: { coaching: t('play.mode_coaching_hint'), assessment: t('play.mode_assessment_hint') },
    ...headerWords(),
  };
  if (node.timeLimit) {
    out.seconds = node.timeLimit.seconds;
    out.secondsOne = t('play.seconds_left', { n: 1 });
    out.secondsOther = t('play.seconds_left', { n: N }).replace(String(N), '{n}');
    out.warning = t('play.waiting_warning');
    out.readMs = readingTimeMs(node, lang);
  }
  return out;
}

/** The first screen of `/` as the app first shows it (see PrerenderedWho.svelte). */
export interface FirstScreen {
  /** The markup of `#app` there. */
  html: string;
  /** The page title the app sets there. */
  title: string;
  /** What the app shows while a screen's code loads ("Loading…"). */
  loading: string;
  /** The header's words for a named player and for sound on and off (see HeaderWords). */
  playingAs: string;
  switchPlayer: string;
  /** A numbered guest's name, "Gast {n}" (the placeholder left as it is). */
  guestN: string;
  soundOn: string;
  soundOff: string;
}

/** The header and the "who is playing" screen while the device's players are read. */
export function renderFirstScreen(lang: Lang): FirstScreen {
  locale.set(lang);
  route.current = parseHash('#/');
  const { body } = render(PrerenderedWho);
  return { html: body, title: `${t('who.title')} · Frontlijn`, loading: t('app.loading'), ...headerWords() };
}
