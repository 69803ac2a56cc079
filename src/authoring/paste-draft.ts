/**
 * The text a manager pasted (and maybe edited) in the authoring screen's "paste the text" box:
 * kept for this tab while she looks at the map and comes back, and in localStorage so a reload
 * or a closed tab does not lose it. Owns the localStorage key "frontlijn-author-paste".
 */

const KEY = 'frontlijn-author-paste';

/** This tab's copy: what the box shows when it is drawn again, whatever localStorage allows. */
let current: string | null = null;

/** The pasted text last kept, or '' when there is none. */
export function loadPasteDraft(): string {
  if (current !== null) return current;
  try {
    current = localStorage.getItem(KEY) ?? '';
  } catch {
    current = ''; // storage refused: nothing kept from another visit
  }
  return current;
}

/** Keeps the pasted text; an empty text forgets it. */
export function savePasteDraft(text: string): void {
  current = text;
  try {
    if (text) localStorage.setItem(KEY, text);
    else localStorage.removeItem(KEY);
  } catch {
    // Too large for localStorage (a file of several MB), or storage refused: this tab still has
    // it, and an older copy must not come back after a reload.
    try {
      localStorage.removeItem(KEY);
    } catch {
      /* nothing to remove */
    }
  }
}
