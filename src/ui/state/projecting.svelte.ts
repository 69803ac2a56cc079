/**
 * Whether the screen shown is on a projector and fills the window, with no app menu above it.
 * Room mode's projector view says so by its address (App.svelte); the debrief turns projector
 * mode on and off in place, and sets `on` while it is on.
 */
class Projecting {
  on = $state(false);
}

export const projecting = new Projecting();

/**
 * A projector view's line that stays at the top of the window, `px` tall: what scrolls into view
 * (a control the keyboard reaches, an option the clicker brings up) stops under it, not behind
 * it. Returns the undo, for an effect's cleanup.
 */
export function keepUnderTopLine(px: number): () => void {
  document.documentElement.style.scrollPaddingTop = `${px}px`;
  return () => document.documentElement.style.removeProperty('scroll-padding-top');
}
