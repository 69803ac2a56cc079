/**
 * A reload of a tab opened on a hand-in link is not a new hand-in. The tab keeps, in sessionStorage
 * (this tab only, kept across a reload), the last link it handled and what it logged for it (each
 * entry's receivedId, the same in every language); when this page was loaded by a reload (or
 * back/forward) and its first link is that same link, the results screen logs nothing it logged
 * for it before. A link opened again by hand (in this
 * tab after going elsewhere, or in a new tab) is a new visit and says "already here" as before.
 */

export const LINK_KEY = 'frontlijn-handed-link';

interface Handled {
  data: string;
  /** What was logged for the link, by receivedId (older builds kept the sentences here). */
  texts: string[];
}

/** Whether this page's first hand-in link was handled yet: only that one can be a reload. */
let firstDone = false;

function wasReloaded(): boolean {
  try {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav?.type === 'reload' || nav?.type === 'back_forward';
  } catch {
    return false;
  }
}

function read(): Handled | null {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(LINK_KEY) ?? 'null');
    const h = v as Handled | null;
    return h && typeof h.data === 'string' && Array.isArray(h.texts) && h.texts.every((x) => typeof x === 'string') ? h : null;
  } catch {
    return null;
  }
}

/**
 * Called once per link handled by this page: what was already logged for `data` when this is
 * a reload of it (log only what is new), or null when it is a new visit of the link.
 */
export function loggedBeforeReload(data: string, reloaded: () => boolean = wasReloaded): string[] | null {
  const first = !firstDone;
  firstDone = true;
  if (!first || !reloaded()) return null;
  const h = read();
  return h && h.data === data ? h.texts : null;
}

/** Keeps what was logged for `data` for a reload of this tab (nothing when storage refuses). */
export function rememberLogged(data: string, texts: string[]): void {
  try {
    sessionStorage.setItem(LINK_KEY, JSON.stringify({ data, texts } satisfies Handled));
  } catch {
    /* no sessionStorage: a reload logs the link again, as before */
  }
}

/** For tests: this page has not handled a link yet. */
export function resetForTest(): void {
  firstDone = false;
}
