/**
 * The first decision of a link straight to a scenario (`/play/<id>/`), playable before the app
 * has loaded.
 *
 * The page for such a link (scripts/vite-plugin-perf.ts) carries the scenario's first decision
 * already rendered by the app's own components (src/prerender), in each language, hidden and
 * not laid out (#boot in global.css). This script — a separate, dependency-free entry of about 6 KB
 * gzipped, which the build puts inline in that page right after #boot and #app, so that the page
 * needs no second download — picks the variant the
 * app would show (the saved language, else the browser's; the link's mode), shows it and makes
 * it work: "Begin" on the intro, the options (click, Tab + Enter, keys 1–4), the countdown, the
 * language buttons, "Mute sound" (showSound) and the header's menu (headerMenu). As in the app, the intro (who you are, the scene) comes first, and a timed first
 * decision's countdown starts only once, after "Begin", its options are in view and the time to
 * read its situation (the variant's data-read-ms) has passed. A choice made
 * now is kept and handed to the app, which plays it when it takes over (PlayScreen calls
 * `window.__frontlijnBoot.takeOver()` once its own first decision is ready, in the same frame it
 * removes this page). Until then the chosen option is marked and the others are disabled.
 *
 * It stays out of the way whenever the app might show something else: another address, any
 * parameter but `mode`, or an unfinished run of this scenario that the app will resume (the app
 * keeps a hint in localStorage, see src/ui/state/boot-hint.ts).
 *
 * On `/` (index.html) it does the same for the first screen, "who is playing" (startHome): the
 * page carries the app's header and that screen as they first show, in each language; this script
 * shows the right one, makes the language buttons, "Mute sound" and the menu work, and keeps what
 * the player does until the app takes over (WhoScreen calls `window.__frontlijnHome.takeOver()` once
 * mounted). Opened at `#/play/<id>` of a built-in (an old link: the hash never reaches the
 * server), index.html shows that scenario's first decision instead, as its own page would: the
 * page carries each built-in's as data after this script (carriedPlay, fromData).
 *
 * It also starts the app (startApp): the page names the app's entry, its modules and the
 * scenario's JSON on #boot instead of carrying their tags, so that nothing of the app comes
 * between the page and its first paint; this script adds them after the first frame (at once when
 * it shows nothing).
 */
import type { BootCapture, BootChoice, BootHandle, HomeCapture, HomeHandle, PlayerHint } from './protocol';

type Lang = 'nl' | 'en';
type Mode = 'coaching' | 'assessment';

/**
 * The keys that begin a run from its intro when no control has the focus (Enter, Space, 1): the
 * same as src/ui/components/play/intro-keys.ts (checked by boot.test.ts).
 */
export const INTRO_KEYS: readonly string[] = ['Enter', ' ', '1'];
export const CONTROL_SELECTOR =
  'a[href], button, input, select, textarea, summary, [contenteditable], [role="button"], [role="link"], [role="menuitem"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"]';
/** True when this key, pressed on the intro, should begin the run (intro-keys.ts, beginsIntro). */
export function beginsIntro(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat' | 'target'>): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || !INTRO_KEYS.includes(e.key)) return false;
  const target = e.target as { closest?: (selector: string) => unknown } | null;
  return !target?.closest?.(CONTROL_SELECTOR);
}

/** The same keys as src/boot/protocol.ts (checked by boot.test.ts). */
export const LANG_KEY = 'frontlijn.lang';
export const HINT_KEY = 'frontlijn.boot';
export const WHO_KEY = 'frontlijn.who';
export const PLAYER_KEY = 'frontlijn.player';
export const STORED_COOKIE = 'frontlijn-stored';

/** A new run's option-order seed (Run.seed), like the app's ids (src/ui/state/ids.ts). */
function newSeed(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Whether the countdown warns that the time is nearly up: the last quarter, at least 5 and at most
 * 20 seconds (src/ui/components/play/countdown-warning.ts, repeated here because this script
 * imports nothing; boot.test.ts proves the two agree).
 */
export function countdownWarning(left: number, total: number): boolean {
  return left > 0 && left <= Math.min(20_000, Math.max(5_000, total / 4));
}

/**
 * The order of the first decision's options for a seed: the same numbers as orderOptions in
 * src/engine/option-order.ts (repeated here because this script imports nothing; boot.test.ts
 * proves the two agree). Returns, for each place, the index of the option shown there.
 */
export function firstOrder(pinned: readonly boolean[], seed: string): number[] {
  let h = 0x811c9dc5;
  const text = `${seed}:0`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let a = h >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const loose: number[] = [];
  for (let i = 0; i < pinned.length; i++) if (!pinned[i]) loose.push(i);
  const picked = loose.slice();
  for (let i = picked.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const x = picked[i];
    picked[i] = picked[j];
    picked[j] = x;
  }
  const out = pinned.map((_, i) => i);
  for (let k = 0; k < loose.length; k++) out[loose[k]] = picked[k];
  return out;
}

/**
 * The markup is rendered in practice mode: an assessment shows, until the end, no mood (the meter
 * says it comes at the end; on the phone, how the caller sounds as the story wrote it) and the
 * story's face, as the app will (PlayBoard.svelte). The page carries those parts in a template
 * beside the scene, with the scene only where its face differs.
 */
function assessmentParts(v: HTMLElement, mode: Mode): void {
  const parts = v.querySelector<HTMLTemplateElement>('template[data-assessment]');
  if (!parts) return;
  if (mode === 'assessment') {
    const scene = parts.content.querySelector('.scene-frame') !== null;
    for (const el of [...(parts.parentElement?.children ?? [])]) if (el !== parts && (scene || !el.classList.contains('scene-frame'))) el.remove();
    parts.replaceWith(parts.content);
  } else parts.remove();
}

/**
 * The intro gives way to the first decision: the decision is shown, and the header's badge, which
 * said "Inleiding" / "Introduction", now numbers it (the page carries its words, as the app shows them).
 */
function pastIntro(v: HTMLElement): void {
  v.querySelector('[data-intro]')?.remove();
  v.querySelector('[data-decision]')?.removeAttribute('hidden');
  const badge = v.querySelector<HTMLElement>('[data-step-badge]');
  if (badge?.dataset.step) badge.textContent = badge.dataset.step;
}

/** Puts a version's options in the seed's order (before it is shown), numbering them 1–4 again. */
function shuffle(variant: HTMLElement, seed: string): void {
  const list = variant.querySelector('ol.options');
  if (!list) return;
  const items = [...list.children] as HTMLElement[];
  const order = firstOrder(items.map((li) => li.querySelector('[data-pinned]') !== null), seed);
  order.forEach((from, place) => {
    const li = items[from];
    list.append(li);
    const key = li.querySelector('.key');
    if (key) key.textContent = String(place + 1);
    li.querySelector('button')?.setAttribute('aria-keyshortcuts', String(place + 1));
  });
}

/** The saved hint (see BootHint), tolerating a damaged or missing one (sound stays on then). */
export function readHint(raw: string | null): { open: string | null; timerScale: number; sound: boolean } {
  try {
    const h = JSON.parse(raw ?? 'null') as { open?: unknown; timerScale?: unknown; sound?: unknown } | null;
    const scale = h?.timerScale;
    return {
      open: typeof h?.open === 'string' ? h.open : null,
      timerScale: scale === 0 || scale === 1 || scale === 1.5 || scale === 10 ? scale : 1,
      sound: h?.sound !== false,
    };
  } catch {
    return { open: null, timerScale: 1, sound: true };
  }
}

/**
 * The mode in which the pre-rendered first decision of `scenarioId` may be shown at this address,
 * or null when the app must decide alone.
 */
export function bootMode(address: { pathname: string; search: string; hash: string }, scenarioId: string, hint: string | null): Mode | null {
  // The scenario's own page (`/play/<id>/`), or index.html (any other path) at `#/play/<id>`.
  const path = /^\/play\/([A-Za-z0-9_-]+)\/?(?:index\.html)?$/.exec(address.pathname);
  if (path ? path[1] !== scenarioId : /^\/play\//.test(address.pathname)) return null;
  let query = address.search.replace(/^\?/, '');
  if (address.hash !== '' && address.hash !== '#') {
    const id = playRoute(address.hash);
    if (id !== scenarioId) return null;
    query = [query, /\?(.*)$/.exec(address.hash)?.[1] ?? ''].filter(Boolean).join('&');
  } else if (!path) return null;
  let mode: Mode = 'coaching';
  for (const [key, value] of new URLSearchParams(query)) {
    if (key !== 'mode' || (value !== 'coaching' && value !== 'assessment')) return null;
    mode = value;
  }
  return readHint(hint).open === scenarioId ? null : mode;
}

/** The scenario id of a hash route `#/play/<id>` (with or without a query), else null. */
export function playRoute(hash: string): string | null {
  return /^#\/play\/([^/?]+)\/?(?:\?.*)?$/.exec(hash)?.[1] ?? null;
}

/** The saved UI language, else the first of the browser's that the game speaks, else Dutch. */
export function bootLang(saved: string | null, languages: readonly string[]): Lang {
  if (saved === 'nl' || saved === 'en') return saved;
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'nl' || base === 'en') return base;
  }
  return 'nl';
}

/** Whether the cookie the app sets once it keeps anything for this script (STORED_COOKIE) is there. */
export function storedCookie(cookie: string): boolean {
  return cookie.split(/;\s*/).includes(`${STORED_COOKIE}=1`);
}

/**
 * Whether this device keeps anything for this script in localStorage: a service worker controls
 * the page (a device that used the app, also before the cookie existed), or the app's cookie says
 * so. Otherwise, as on a first visit (a QR code), no localStorage is read: the page's first read of
 * it is a synchronous round trip to the browser before anything can be shown (5–10 ms measured on
 * a busy machine), reading the cookie under 1.
 */
let kept: boolean | undefined;

function read(key: string): string | null {
  try {
    kept ??= !!navigator.serviceWorker?.controller || storedCookie(document.cookie);
    return kept ? localStorage.getItem(key) : null;
  } catch {
    return null;
  }
}

/** Each language's version of a pre-rendered page (#boot's `[data-lang]` children). */
function versions(root: HTMLElement): Map<string, HTMLElement> {
  const out = new Map<string, HTMLElement>();
  for (const v of root.querySelectorAll<HTMLElement>(':scope > [data-lang]')) out.set(v.dataset.lang ?? '', v);
  return out;
}

/** Who is playing on this device as the app last knew (see PLAYER_KEY), or null: nobody, or a damaged hint. */
export function readPlayer(raw: string | null): PlayerHint | null {
  try {
    const p = JSON.parse(raw ?? 'null') as { name?: unknown; guest?: unknown; guestNumber?: unknown } | null;
    if (typeof p?.name !== 'string') return null;
    const hint: PlayerHint = { name: p.name, guest: p.guest === true };
    const n = p.guestNumber;
    if (hint.guest && typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 9999) hint.guestNumber = n;
    return hint;
  } catch {
    return null;
  }
}

/**
 * Who is playing, in a version's header, which carries a guest in both of its places (the bar and
 * the menu, Header.svelte): a named player's name and "Next player", as the app's header will say
 * them (as text, never markup). With nobody playing, `/` shows neither place (as the app does) and
 * its brand goes to `/`; a direct link keeps the guest (the app plays as one there).
 */
function showPlayer(v: HTMLElement, player: PlayerHint | null, nobody: 'guest' | 'none'): void {
  if (!player) {
    if (nobody === 'guest') return;
    for (const el of v.querySelectorAll('header .player, header .tool-link, header .menu-player')) el.remove();
    v.querySelector('header .brand')?.setAttribute('href', '#/');
    return;
  }
  const words = v.dataset.playingAs;
  if (!words) return;
  // A numbered guest: "Speler: Gast 3" (the markup says "Gast"), keeping the guest's "Choose a name".
  const guestN = v.dataset.guestN;
  const name = !player.guest ? player.name : player.guestNumber !== undefined && guestN ? guestN.replace('{n}', String(player.guestNumber)) : null;
  if (name === null) return;
  const playing = words.replace('{name}', () => name);
  for (const el of v.querySelectorAll('header .player')) {
    el.setAttribute('title', playing);
    const text = el.querySelector('.player-name');
    if (text) text.textContent = playing;
  }
  if (player.guest) return;
  const next = v.dataset.switchPlayer;
  if (next) for (const el of v.querySelectorAll('header .tool-link')) el.textContent = next;
}

/**
 * The header's sound button in a version (Header.svelte): pressed when sound is off, with the
 * title to match; the page's style shows the icon for its state. The markup has sound on.
 */
function showSound(v: HTMLElement, on: boolean): void {
  const b = v.querySelector('header button.sound');
  if (!b || b.getAttribute('aria-pressed') === String(!on)) return;
  b.setAttribute('aria-pressed', String(!on));
  const title = on ? v.dataset.soundOn : v.dataset.soundOff;
  if (title) b.setAttribute('title', title);
}

/** Whether `el` is the header's sound button ("Mute sound"). */
function soundButton(el: Element): boolean {
  return el instanceof HTMLButtonElement && el.classList.contains('sound') && el.closest('header') !== null;
}

/**
 * Gives the page the language and title of the version shown. On the first showing this comes
 * before the page's first frame: a write of the lang after it, even of the same one, restyles the
 * whole page again (6–15 ms of CPU after the first paint in Chromium traces, under load).
 */
function setPage(lang: Lang, version: HTMLElement): void {
  document.documentElement.lang = lang;
  const title = version.dataset.title;
  if (title) document.title = title;
}

/**
 * Takes the versions not shown out of the page (they repeat its ids) after the first paint; until
 * then they are out of layout (#boot in global.css).
 */
function pruneAfterPaint(sources: Map<string, HTMLElement>, shown: () => HTMLElement | undefined): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      for (const v of sources.values()) if (v !== shown()) v.remove();
    }, 0),
  );
}

/** Saves the language picked on a pre-rendered page (the app reads it when it starts). */
function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
    document.cookie = `${STORED_COOKIE}=1; path=/; max-age=${400 * 24 * 3600}; samesite=strict`;
  } catch {
    /* the app saves it in its store as well */
  }
}

/** The header's main menu of a pre-rendered page, as headerMenu makes it work. */
interface HeaderMenu {
  /** It is open (in the version shown). */
  open(): boolean;
  /** For the menu's button, or `el` in the open menu: the app's button (null for anything else). */
  focusFor(el: Element): string | null;
  stop(): void;
}

/**
 * The header's main menu, behind its "Menu" button on a narrow screen (Header.svelte), working as
 * the app's does: the button opens and closes it; Escape, a link in it, or a tap or the focus
 * outside it closes it (Escape gives the focus back to the button). Its state is the button's
 * aria-expanded, which the page's style follows.
 */
function headerMenu(root: HTMLElement): HeaderMenu {
  const button = () => root.querySelector<HTMLButtonElement>('.shown .menu-toggle');
  const inNav = (el: EventTarget | null) => el instanceof Node && !!button()?.parentElement?.contains(el);
  const open = () => button()?.getAttribute('aria-expanded') === 'true';
  const set = (on: boolean) => button()?.setAttribute('aria-expanded', String(on));
  const onClick = (e: MouseEvent) => {
    const el = (e.target as Element | null)?.closest('a, button');
    if (el && el === button()) set(!open());
    else if (el instanceof HTMLAnchorElement && inNav(el)) set(false);
    // A tap beside the open menu lands on its backdrop: it closes the menu and nothing else.
    else if (e.target instanceof Element && e.target.classList.contains('backdrop') && inNav(e.target)) set(false);
  };
  const onDown = (e: PointerEvent) => {
    if (!inNav(e.target)) set(false);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open()) return;
    set(false);
    const active = document.activeElement;
    if (!active || active === document.body || inNav(active)) button()?.focus();
  };
  const onFocusOut = (e: FocusEvent) => {
    if (inNav(e.target) && e.relatedTarget && !inNav(e.relatedTarget)) set(false);
  };
  root.addEventListener('click', onClick);
  root.addEventListener('focusout', onFocusOut);
  document.addEventListener('pointerdown', onDown);
  document.addEventListener('keydown', onKey);
  return {
    open,
    // The app's menu opens as it takes over, after the focus has moved: its button is there.
    focusFor: (el) => (el === button() || (open() && inNav(el)) ? 'header .menu-toggle' : null),
    stop() {
      root.removeEventListener('click', onClick);
      root.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    },
  };
}

/** Shows the pre-rendered first decision and makes it work; false when the app must decide alone. */
function start(root: HTMLElement): boolean {
  const scenarioId = root.dataset.scenario ?? '';
  const hint = read(HINT_KEY);
  const mode = bootMode(location, scenarioId, hint);
  if (!mode) {
    root.remove();
    return false;
  }
  const limit = Number(root.dataset.seconds ?? 0) * 1000;
  let scale = readHint(hint).timerScale;
  /** Sound as the settings had it, then as the header's button was pressed here (soundChosen). */
  let sound = readHint(hint).sound;
  let soundChosen = false;
  const scales: { scale: number; at: number }[] = [];
  const shownAt = Date.now();
  const seed = newSeed();
  let timer = 0;
  /** The reading time before the countdown, once the options are in view (0: not begun). */
  let reading = 0;
  /** When the options came into view and the countdown started (null: not yet). */
  let startedAt: number | null = null;
  let begun = false;
  let watcher: IntersectionObserver | null = null;
  const app = document.getElementById('app');
  const player = readPlayer(read(PLAYER_KEY));
  /** Each language's version as the page carries it. */
  const sources = versions(root);
  /** The versions made ready so far (only the one shown, until the player switches language). */
  const variants = new Map<string, HTMLElement>();
  /** A language's version, made ready (mode, option order, timer, intro, player) the first time it is shown. */
  const variant = (l: string): HTMLElement | undefined => {
    if (variants.has(l)) return variants.get(l);
    const v = sources.get(l);
    if (!v) return undefined;
    const badge = v.querySelector('[data-mode-badge]');
    const label = mode === 'assessment' ? v.dataset.modeAssessment : v.dataset.modeCoaching;
    if (badge && label) badge.textContent = label;
    const hint = v.querySelector('[data-mode-hint]');
    const hintText = mode === 'assessment' ? v.dataset.modeAssessmentHint : v.dataset.modeCoachingHint;
    if (hint && hintText) hint.textContent = hintText;
    assessmentParts(v, mode);
    shuffle(v, seed);
    // (off in the settings: no box; turned off here before this language was shown: it says so)
    if (!limit || (!scale && !scales.length)) v.querySelector('.countdown')?.remove();
    else if (!scale) timerOffIn(v);
    // (the markup is rendered in coaching mode: an assessment says what turning the timer off means)
    const note = v.querySelector<HTMLElement>('.countdown .note');
    if (mode === 'assessment') note?.removeAttribute('hidden');
    else {
      note?.remove();
      v.querySelector('[data-timer="off"]')?.removeAttribute('aria-describedby');
    }
    if (scale >= 10) moreGiven(v);
    if (begun) pastIntro(v);
    showPlayer(v, player, 'guest');
    showSound(v, sound);
    variants.set(l, v);
    return v;
  };
  let lang = bootLang(read(LANG_KEY), navigator.languages ?? []);
  let langChosen = false;
  let choice: BootChoice | null = null;
  let shown: HTMLElement | undefined;

  const show = (l: Lang) => {
    const next = variant(l);
    if (!next) return;
    if (shown) {
      shown.remove();
      shown.classList.remove('shown');
    }
    if (!next.isConnected) root.append(next);
    next.classList.add('shown');
    const first = shown === undefined;
    shown = next;
    lang = l;
    setPage(l, next);
    if (choice) markChoice();
    // Before "Begin" the countdown is out of sight: begin() sets it (the first paint need not wait).
    if (begun || !first) tick();
    watch();
  };
  const options = () => [...(shown?.querySelectorAll<HTMLButtonElement>('button[data-option]') ?? [])];

  // The countdown of a timed first decision: the same figures as Countdown.svelte (the full time,
  // standing still, until the options are in view).
  const deadline = () => (limit && scale && startedAt !== null ? startedAt + limit * scale : null);
  const tick = () => {
    const box = shown?.querySelector<HTMLElement>('.countdown');
    if (!box || !limit || !scale) return;
    const end = deadline();
    const v = shown!.dataset;
    const total = Math.max(1, limit * scale);
    const left = end === null ? total : Math.max(0, end - Date.now());
    const n = Math.ceil(left / 1000);
    const warning = end !== null && countdownWarning(left, total);
    // Only what changed is written (on the first paint, nothing has).
    const set = (el: Element | null | undefined, text: string) => {
      if (el && el.textContent !== text) el.textContent = text;
    };
    // (while the situation is read, the markup's words say the clock starts soon)
    if (end !== null) {
      set(box.querySelector('.label strong'), box.dataset.waiting ?? '');
      // (over a minute, minutes and seconds, as Countdown.svelte's timeLeft)
      const words =
        n > 60
          ? (box.dataset.minutes ?? '').replace('{m}', String(Math.floor(n / 60))).replace('{ss}', String(n % 60).padStart(2, '0'))
          : n === 1
            ? (v.secondsOne ?? '')
            : (v.secondsOther ?? '').replace('{n}', String(n));
      set(box.querySelector('[role="timer"]'), words);
    }
    const bar = box.querySelector('.bar rect:last-child');
    const width = String(Math.round(Math.min(1, left / total) * 1000) / 10);
    if (bar && bar.getAttribute('width') !== width) bar.setAttribute('width', width);
    if (box.classList.contains('warning') !== warning) box.classList.toggle('warning', warning);
    set(box.querySelector('[aria-live="polite"]'), warning ? (v.warning ?? '') : '');
    if (box.classList.contains('running') !== (end !== null)) box.classList.toggle('running', end !== null);
    if (left === 0) {
      // The customer stopped waiting: the app records the time-out when it takes over.
      clearInterval(timer);
      for (const b of options()) if (b.dataset.option !== choice?.option) b.disabled = true;
    }
  };
  /** Turned off: the box stays where it was and says there is no time limit (as Countdown.svelte). */
  function timerOffIn(v: HTMLElement, focus = false) {
    const box = v.querySelector<HTMLElement>('.countdown');
    if (!box) return;
    box.classList.remove('running', 'warning');
    box.classList.add('off');
    const strong = box.querySelector('.label strong');
    if (strong) strong.textContent = box.dataset.waiting ?? '';
    const timerText = box.querySelector('[role="timer"]');
    if (timerText) timerText.textContent = box.dataset.off ?? '';
    box.querySelector('.bar rect:last-child')?.setAttribute('width', '0');
    box.querySelector('[data-timer="more"]')?.remove();
    box.querySelector('.given')?.remove();
    box.querySelector('[data-timer="off"]')?.remove();
    box.querySelector('[aria-live="polite"]')?.replaceChildren();
    const said = box.querySelector<HTMLElement>('.done[hidden]');
    said?.removeAttribute('hidden');
    if (focus) said?.focus();
  }
  /** More time was given: "more time" gives way to words saying so. */
  function moreGiven(v: HTMLElement, focus = false) {
    const given = v.querySelector<HTMLElement>('.countdown .given');
    if (!given) return;
    v.querySelector('[data-timer="more"]')?.remove();
    given.removeAttribute('hidden');
    if (focus) given.focus();
  }
  /** The options are in view: the countdown starts now. */
  const startCountdown = () => {
    watcher?.disconnect();
    if (startedAt !== null || !limit || !scale) return;
    startedAt = Date.now();
    timer = window.setInterval(tick, 250);
    tick();
  };
  /** Watches the shown version's first option until it is in view (as PlayBoard.svelte does). */
  const watch = () => {
    watcher?.disconnect();
    const first = shown?.querySelector('button[data-option]');
    if (!begun || startedAt !== null || reading || !limit || !scale || !first || typeof IntersectionObserver === 'undefined') return;
    watcher = new IntersectionObserver((entries) => {
      if (entries[entries.length - 1].intersectionRatio < 0.75) return;
      // First the time to read the situation (src/ui/state/reading-time.ts, figured at build time).
      watcher?.disconnect();
      if (!reading) reading = window.setTimeout(startCountdown, Number(shown?.dataset.readMs ?? 0) || 0);
    }, { threshold: [0, 0.75, 1] });
    watcher.observe(first);
  };
  /** "Begin": the intro gives way to the first decision, in every version. */
  const begin = () => {
    begun = handle.begun = true;
    for (const v of variants.values()) pastIntro(v);
    tick();
    const heading = shown?.querySelector<HTMLElement>('#situation-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
    watch();
  };
  /** More time, once (a second tap does nothing); the timer off is its own button. */
  const setScale = (next: number) => {
    scale = next;
    scales.push({ scale, at: Date.now() });
    if (scale === 0) {
      for (const v of variants.values()) timerOffIn(v, v === shown);
    } else {
      for (const v of variants.values()) moreGiven(v, v === shown);
      tick();
    }
  };
  const markChoice = () => {
    for (const b of options()) {
      const chosen = b.dataset.option === choice?.option;
      b.disabled = !chosen;
      if (chosen) b.setAttribute('aria-pressed', 'true');
    }
    shown?.querySelector('ol')?.setAttribute('aria-busy', 'true');
  };
  const pick = (option: string | undefined) => {
    const end = deadline();
    if (!begun || choice || !option || (end !== null && Date.now() >= end)) return;
    choice = { option, at: Date.now() };
    // Chosen while reading: the app starts the countdown at this moment, as it does for its own.
    clearTimeout(reading);
    watcher?.disconnect();
    markChoice();
  };

  const onClick = (e: MouseEvent) => {
    const b = (e.target as Element | null)?.closest('button');
    if (!b || !root.contains(b)) return;
    if (b.id === 'begin-button') begin();
    else if (b.dataset.option) pick(b.dataset.option);
    else if (b.dataset.timer === 'more' && scale !== 0 && scale < 10) setScale(10);
    else if (b.dataset.timer === 'off' && scale !== 0) setScale(0);
    else if (soundButton(b)) {
      sound = !sound;
      soundChosen = true;
      for (const v of variants.values()) showSound(v, sound);
    } else if (b.classList.contains('lang') && (b.lang === 'nl' || b.lang === 'en')) {
      langChosen = true;
      saveLang(b.lang);
      const was = document.activeElement === b;
      show(b.lang);
      if (was) shown?.querySelector<HTMLElement>(`button.lang[lang="${b.lang}"]`)?.focus();
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (!begun && beginsIntro(e)) {
      e.preventDefault();
      begin();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const n = Number(e.key);
    if (!Number.isInteger(n) || n < 1 || n > 4) return;
    const b = options()[n - 1];
    if (b) {
      e.preventDefault();
      pick(b.dataset.option);
    }
  };
  const onHash = () => {
    if (bootMode(location, scenarioId, null) === null) handle.takeOver();
  };

  const handle: BootHandle = {
    scenarioId,
    mode,
    shownAt,
    timerScale: scale,
    seed,
    begun,
    takeOver(): BootCapture {
      const active = document.activeElement as HTMLElement | null;
      let focus: string | null = null;
      if (active && root.contains(active)) {
        if (active.dataset.option) focus = `button[data-option="${CSS.escape(active.dataset.option)}"]`;
        else if (active.id === 'begin-button') focus = '#begin-button';
        else if (active.classList.contains('lang')) focus = `button.lang[lang="${active.lang}"]`;
        else if (soundButton(active)) focus = 'header button.sound';
        else focus = menu.focusFor(active) ?? '#situation-heading';
      }
      const menuOpen = menu.open();
      menu.stop();
      clearInterval(timer);
      clearTimeout(reading);
      watcher?.disconnect();
      root.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', onHash);
      root.remove();
      if (app) app.hidden = false;
      if (focus) app?.querySelector<HTMLElement>(focus)?.focus();
      if (window.__frontlijnBoot === handle) window.__frontlijnBoot = undefined;
      const timerScale = scales.length ? readHint(hint).timerScale : scale;
      return { scenarioId, startNode: root.dataset.start ?? '', mode, lang, langChosen, menuOpen, sound, soundChosen, shownAt, seed, timerScale, scales, begun, timerStartedAt: startedAt, choice };
    },
  };

  // A scenario without an intro opens at its decision.
  if (!variant(lang)?.querySelector('[data-intro]')) begun = handle.begun = true;
  show(lang);
  if (!shown) {
    root.remove();
    return false;
  }
  const menu = headerMenu(root);
  root.addEventListener('click', onClick);
  document.addEventListener('keydown', onKey);
  window.addEventListener('hashchange', onHash);
  window.__frontlijnBoot = handle;
  if (app) app.hidden = true;
  performance.mark('frontlijn:first-choice-ready');
  pruneAfterPaint(sources, () => shown);
  return true;
}

/**
 * Whether the pre-rendered first screen of `/` may be shown at this address: the who-screen with
 * nothing in the query or the hash route. A room's `#/?next=…`, a learning platform's launch
 * (`?…`), any other screen and a direct link's path are the app's alone.
 */
export function homeAddress(address: { pathname: string; search: string; hash: string }): boolean {
  return !/^\/play\//.test(address.pathname) && (address.search === '' || address.search === '?') && /^(#\/?)?$/.test(address.hash);
}

/**
 * A selector for the app's element that matches `el` of the pre-rendered page (both are rendered
 * by the same components): its id, else its tag with its lang, type, href and classes.
 */
export function focusKey(el: Element): string {
  if (el.id) return `#${CSS.escape(el.id)}`;
  let key = el.localName;
  for (const a of ['lang', 'type', 'href']) {
    const v = el.getAttribute(a);
    if (v !== null) key += `[${a}="${CSS.escape(v)}"]`;
  }
  for (const c of el.classList) key += `.${CSS.escape(c)}`;
  return key;
}

/** The rows to keep for the players listed last time: as parseWhoHint in src/ui/state/who-hint.ts. */
export function reservedRows(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 20) : 0;
}

/**
 * A returning player's device: the who-screen's "Loading…" gives way to as many placeholder rows
 * as players were listed last time (built from the page's template, as WhoScreen renders them),
 * so that nothing below moves when the app shows their names.
 */
function reserveRows(v: HTMLElement, rows: number): void {
  const template = v.querySelector<HTMLTemplateElement>('template[data-placeholders]');
  const note = v.querySelector('.waiting');
  const list = template?.content.firstElementChild?.cloneNode(true) as HTMLElement | undefined;
  const spare = list?.lastElementChild;
  if (rows > 0 && note && list && spare) {
    spare.remove();
    for (let i = 1; i < rows; i++) list.append(spare.cloneNode(true));
    note.replaceWith(list);
  }
  template?.remove();
}

/**
 * Shows the pre-rendered first screen of `/` (header and "who is playing") in the player's language
 * and keeps what they do on it until the app takes over; false when the app must show it alone.
 */
function startHome(root: HTMLElement): boolean {
  if (!homeAddress(location)) {
    root.remove();
    return false;
  }
  const app = document.getElementById('app');
  const rows = reservedRows(read(WHO_KEY));
  const player = readPlayer(read(PLAYER_KEY));
  let sound = readHint(read(HINT_KEY)).sound;
  let soundChosen = false;
  const sources = versions(root);
  for (const v of sources.values()) {
    reserveRows(v, rows);
    showPlayer(v, player, 'none');
    showSound(v, sound);
  }
  let lang = bootLang(read(LANG_KEY), navigator.languages ?? []);
  let langChosen = false;
  let action: HomeCapture['action'] = null;
  let shown: HTMLElement | undefined;
  /** Each version's who-screen while a link took the address elsewhere (a "loading" note stands in). */
  const away = new Map<HTMLElement, { screen: Element; note: HTMLElement }>();
  const field = (v: HTMLElement | undefined, id: string) => v?.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`) ?? null;

  /**
   * Brings a version up to what the player did: what they typed (in the version shown before), a
   * "Start" or "Play as guest" waiting for the app (its buttons wait, as the app's do while busy;
   * the one pressed says so, and a polite status tells the game is loading), and a link followed
   * to a screen only the app can show.
   */
  const update = (v: HTMLElement, from?: HTMLElement) => {
    for (const id of ['who-name', 'who-team']) {
      const a = field(from, id);
      const b = field(v, id);
      if (a && b) b.value = a.value;
    }
    for (const b of v.querySelectorAll<HTMLButtonElement>('main button')) {
      b.disabled = action !== null;
      // The button pressed shows that it waits, as WhoScreen's does (its `pressed` class).
      const pressed = action !== null && b.dataset.action === action;
      b.classList.toggle('pressed', pressed);
      if (pressed) b.setAttribute('aria-busy', 'true');
      else b.removeAttribute('aria-busy');
    }
    const status = v.querySelector<HTMLElement>('[data-wait]');
    if (status) status.textContent = action ? (status.dataset.wait ?? '') : '';
    const here = homeAddress(location);
    const gone = away.get(v);
    if (here && gone) {
      gone.note.replaceWith(gone.screen);
      away.delete(v);
    } else if (!here && !gone) {
      const screen = v.querySelector('main > .page');
      if (!screen) return;
      const note = document.createElement('div');
      note.className = 'page';
      note.setAttribute('role', 'status');
      note.textContent = v.dataset.loading ?? '';
      screen.replaceWith(note);
      away.set(v, { screen, note });
    }
  };
  const show = (l: Lang) => {
    const next = sources.get(l);
    if (!next) return;
    update(next, shown);
    if (shown) {
      shown.remove();
      shown.classList.remove('shown');
    }
    if (!next.isConnected) root.append(next);
    next.classList.add('shown');
    shown = next;
    lang = l;
    setPage(l, next);
  };

  const onClick = (e: MouseEvent) => {
    const el = (e.target as Element | null)?.closest('a, button');
    if (!el || !root.contains(el)) return;
    if (el instanceof HTMLAnchorElement && el.getAttribute('href') === '#main') {
      // "Skip to content" (SkipLink.svelte): the focus moves, the address stays.
      e.preventDefault();
      shown?.querySelector<HTMLElement>('#main')?.focus();
    } else if (el instanceof HTMLButtonElement && el.classList.contains('lang') && (el.lang === 'nl' || el.lang === 'en')) {
      langChosen = true;
      saveLang(el.lang);
      const was = document.activeElement === el;
      show(el.lang);
      if (was) shown?.querySelector<HTMLElement>(`button.lang[lang="${el.lang}"]`)?.focus();
    } else if (soundButton(el)) {
      sound = !sound;
      soundChosen = true;
      for (const v of sources.values()) showSound(v, sound);
    } else if (el instanceof HTMLButtonElement && el.closest('main .guest') && !action) {
      action = 'guest';
      if (shown) update(shown);
    }
  };
  // The form is the app's to send: "Start" (or Enter) now waits for it.
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    if (action) return;
    action = 'submit';
    if (shown) update(shown);
  };
  const onHash = () => {
    if (shown) update(shown);
  };

  const handle: HomeHandle = {
    takeOver(): HomeCapture {
      const active = document.activeElement;
      const focus = active && root.contains(active) ? (menu.focusFor(active) ?? focusKey(active)) : null;
      const capture: HomeCapture = { lang, langChosen, menuOpen: menu.open(), sound, soundChosen, focus, name: field(shown, 'who-name')?.value ?? '', team: field(shown, 'who-team')?.value ?? '', action };
      menu.stop();
      root.removeEventListener('click', onClick);
      root.removeEventListener('submit', onSubmit);
      window.removeEventListener('hashchange', onHash);
      root.remove();
      if (app) app.hidden = false;
      if (focus) app?.querySelector<HTMLElement>(focus)?.focus();
      if (window.__frontlijnHome === handle) window.__frontlijnHome = undefined;
      return capture;
    },
  };

  show(lang);
  if (!shown) {
    root.remove();
    return false;
  }
  const menu = headerMenu(root);
  root.addEventListener('click', onClick);
  root.addEventListener('submit', onSubmit);
  window.addEventListener('hashchange', onHash);
  window.__frontlijnHome = handle;
  if (app) app.hidden = true;
  pruneAfterPaint(sources, () => shown);
  return true;
}

/** What the page names for the app to start (#boot's data-app, data-app-modules, data-app-fetch). */
export interface AppStart {
  entry?: string;
  modules?: string;
  fetch?: string;
}

/** Runs `f` in a task of its own, soon: without the 4 ms that nested timeouts wait in a chain. */
function inTask(f: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: (f: () => void) => Promise<void> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') void scheduler.postTask(f);
  else setTimeout(f, 0);
}

/**
 * Starts the app: preloads its modules and the scenario's JSON (in one wave, as the page's head
 * did before) and adds its entry as a module script. With the first decision shown, only after the
 * first frame, so that neither the app's code nor the handling of its downloads comes between the
 * page and its first paint (a page in a background tab paints no frame until shown: there at
 * once), and one request per task: each costs the page 1–3 ms (4–10 ms on a phone 4× slower),
 * and the eleven of a direct link's page in one task held the main thread 70–110 ms there, while
 * the player reads. Returns how it was started.
 */
export function startApp(app: AppStart, shown: boolean): 'now' | 'after-frame' | null {
  if (!app.entry) return null;
  const entry = app.entry;
  const link = (rel: string, href: string, as?: string) => () => {
    const l = document.createElement('link');
    l.rel = rel;
    if (as) l.as = as;
    l.crossOrigin = 'anonymous';
    l.href = href;
    document.head.append(l);
  };
  const steps = [
    ...(app.fetch ?? '').split(' ').filter(Boolean).map((href) => link('preload', href, 'fetch')),
    ...(app.modules ?? '').split(' ').filter(Boolean).map((href) => link('modulepreload', href)),
    () => {
      const script = document.createElement('script');
      script.type = 'module';
      script.crossOrigin = 'anonymous';
      script.src = entry;
      document.head.append(script);
    },
  ];
  if (!shown || document.visibilityState === 'hidden') {
    for (const step of steps) step();
    return 'now';
  }
  const next = () => {
    steps.shift()?.();
    if (steps.length > 0) inTask(next);
  };
  requestAnimationFrame(() => setTimeout(next, 0));
  return 'after-frame';
}

/**
 * Inline right after #app, this runs as the parser reaches it, before the page's first layout,
 * so only the version shown is laid out. (Where the build could not inline it, it is an `async`
 * file that may arrive earlier.) #app comes after #boot in the page: once it exists, #boot has
 * been read whole; otherwise this waits until the page has been read.
 */
function whenParsed(run: () => void): void {
  if (document.getElementById('app') || document.readyState !== 'loading') run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

/**
 * The built-in scenario whose first decision index.html carries for this address (`#/play/<id>`,
 * a bookmarked or shared link from before direct links had pages of their own): #boot's data-plays
 * lists those the page has, each in a data block `<script type="application/json" data-play="<id>">`
 * after this script.
 */
export function carriedPlay(address: { pathname: string; search: string; hash: string }, plays: string | undefined): string | null {
  const id = playRoute(address.hash);
  return id !== null && !/^\/play\//.test(address.pathname) && (plays ?? '').split(' ').includes(id) ? id : null;
}

/**
 * index.html opened at `#/play/<id>` of a built-in: its who-screen gives way to the scenario's
 * first decision, as that scenario's own page has it (root and all: the app's entry, its modules
 * and the scenario's JSON), from the page's data block, which the parser has read by now. The
 * block holds markup the build rendered with the app's own components (scripts/vite-plugin-perf.ts,
 * playPages), as that page carries it; only the one asked for is made into elements. The who-screen
 * stays (and gives way to the app) when there is none or it cannot be read.
 */
function fromData(who: HTMLElement, id: string): HTMLElement {
  const data = document.querySelector(`script[type="application/json"][data-play="${CSS.escape(id)}"]`);
  const template = document.createElement('template');
  try {
    template.innerHTML = JSON.parse(data?.textContent ?? '""') as string;
  } catch {
    return who;
  }
  const page = template.content.firstElementChild as HTMLElement | null;
  if (!page) return who;
  who.replaceWith(page);
  for (const block of document.querySelectorAll('script[data-play]')) block.remove();
  return page;
}

/** Shows what `root` carries (if the address asks for it) and starts the app. */
function begin(root: HTMLElement | null): void {
  const app: AppStart = { entry: root?.dataset.app, modules: root?.dataset.appModules, fetch: root?.dataset.appFetch };
  let shown = false;
  try {
    shown = root !== null && (root.dataset.page === 'who' ? startHome(root) : start(root));
    // The first screen shown: its own code comes in the same wave as the app.
    if (shown && root?.dataset.appFirst) app.modules = [app.modules, root.dataset.appFirst].filter(Boolean).join(' ');
  } finally {
    // Whatever happened above, the app starts.
    startApp(app, shown);
  }
}

if (typeof document !== 'undefined') {
  whenParsed(() => {
    const who = document.getElementById('boot');
    const play = who?.dataset.page === 'who' ? carriedPlay(location, who.dataset.plays) : null;
    if (!who || !play) return begin(who);
    // The first decisions come after this script, so that `/` shows its own screen without waiting for them.
    const open = () => begin(fromData(who, play));
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', open, { once: true });
    else open();
  });
}
