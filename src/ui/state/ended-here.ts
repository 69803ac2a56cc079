/**
 * The run whose ending this tab's play screen shows, kept for a reload. The address names a
 * finished run (`?run=`) only once its ending is painted and on disk (PlaySession.ended): a
 * reload in between would otherwise find no unfinished run and open a new one, and the player
 * would lose the ending they had just seen (and, in practice mode, that last choice's feedback).
 * Written in the same task as the ending is shown; kept in sessionStorage: per tab, gone with
 * the tab, and forgotten when the play screen closes.
 */
const KEY = 'frontlijn.ended';

/** This tab shows the ending of run `runId` of scenario `scenarioId` (null: the play screen closed). */
export function rememberEnded(ended: { runId: string; scenarioId: string } | null): void {
  try {
    if (ended === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify(ended));
  } catch {
    // Storage refused (a private window, a full disk): a reload before the address names the run starts a new one.
  }
}

/** The run of scenario `scenarioId` whose ending this tab showed when it was reloaded, if any. */
export function endedHere(scenarioId: string): string | null {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return null;
    const { runId, scenarioId: id } = saved as { runId?: unknown; scenarioId?: unknown };
    return id === scenarioId && typeof runId === 'string' ? runId : null;
  } catch {
    return null;
  }
}
