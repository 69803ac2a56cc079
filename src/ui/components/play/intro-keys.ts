/**
 * The keys that begin a run from its intro (who you are, the scene) when no control has the focus:
 * Enter and Space, as the "Begin" button takes them, and 1, as the decisions take 1–4. The focus
 * stays on the intro's heading for screen readers; on a control (a link, the language buttons, the
 * menu) a key keeps its own meaning. The direct-link page's boot script repeats this
 * (src/boot/boot.ts, beginsIntro: that script imports nothing); boot.test.ts proves the two agree.
 */
export const INTRO_KEYS: readonly string[] = ['Enter', ' ', '1'];

/** What counts as a control: a key pressed there is the control's. */
export const CONTROL_SELECTOR =
  'a[href], button, input, select, textarea, summary, [contenteditable], [role="button"], [role="link"], [role="menuitem"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"]';

/** The parts of a keydown event this reads (a KeyboardEvent has them). */
export interface IntroKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  target: EventTarget | null;
}

/** True when this key, pressed on the intro, should begin the run. */
export function beginsIntro(e: IntroKey): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || !INTRO_KEYS.includes(e.key)) return false;
  const target = e.target as { closest?: (selector: string) => unknown } | null;
  return !target?.closest?.(CONTROL_SELECTOR);
}
