/**
 * Focus after a screen or panel is drawn: moved to one element, then for a while put back there
 * whenever it was lost (nowhere, on the body, or on an element since removed: a panel drawn
 * again, or a heading drawn late on a slow phone after a reload) — never taken from where the
 * player put it since, and never put back once the player has moved it themselves (Tab, a press
 * or a click): Tab past the last control leaves the page for the browser's own bar, which looks
 * like a lost focus but is the player's.
 */

/** Whether the focus was lost: nowhere, on the body, or on an element no longer on the page. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

export interface KeepFocus {
  /** The element to focus, looked up at each try (it may be drawn again, or late); called only to focus it. */
  find: () => HTMLElement | null;
  /** Waits for the next try: a frame, or a timer. */
  wait: () => Promise<unknown>;
  /** How many tries after the first. */
  tries: number;
  /** The first try takes the focus from wherever it is (the player has just moved on); otherwise only a lost focus is put back. */
  take?: boolean;
}

/** The player's own moves of the focus so far (Tab, a press, a click), counted on the document. */
let playerMoves = 0;
let countingOn: Document | null = null;
function countPlayerMoves(): void {
  if (countingOn === document || typeof document.addEventListener !== 'function') return;
  countingOn = document;
  const moved = () => playerMoves++;
  document.addEventListener('keydown', (e) => e.key === 'Tab' && moved(), true);
  document.addEventListener('pointerdown', moved, true);
}

/**
 * Focus keeping for one part of the page: `keep` focuses at once, then once after each `wait`,
 * `tries` times: where the focus was lost, or where it is still where `keep` put it and `find`
 * now gives another element (one drawn late that it prefers). A later `keep` takes over; an
 * earlier one stops at its next try, as does one after the player moved the focus.
 */
export function focusKeeper(): (how: KeepFocus) => Promise<void> {
  let current = 0;
  return async ({ find, wait, tries, take = false }) => {
    const mine = ++current;
    countPlayerMoves();
    const moves = playerMoves;
    const watching = () => mine === current && playerMoves === moves;
    let placed: HTMLElement | null = null;
    const put = () => {
      placed = find();
      placed?.focus();
    };
    if (take || focusLost()) put();
    for (let i = 0; i < tries && watching(); i++) {
      await wait();
      if (!watching()) break;
      if (focusLost()) put();
      else if (placed && document.activeElement === placed) {
        const now = find();
        if (now && now !== placed) put();
      }
    }
  };
}
