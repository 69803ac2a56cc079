/**
 * The run whose ending this tab's play screen shows, kept for a reload. The address names a
 * finished run (`?run=`) only once its ending is painted and on disk (PlaySession.ended): a
 * reload in between would otherwise find no unfinished run and open a new one, and the player
 * would lose the ending they had just seen (and, in practice mode, that last choice's feedback).
 * Written in the same task as the ending is shown; kept in sessionStorage: per tab, gone with
 * the tab, and forgotten when the play screen closes.
 *
 * It answers only a reload of the very address that showed the ending, and only for the player
 * it was shown to (PlaySession.start): a page left by a full load (a typed address, a bookmark,
 * the room's link opened again) does not close the play screen, so the note stays, and the next
 * round there, or another player's, must start afresh.
 */
const KEY = 'frontlijn.ended';

/** The page was loaded by a reload (not by typing, a link, or Back). */
function reloaded(): boolean {
  const [load] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return load?.type === 'reload';
}

/** This tab shows the ending of run `runId` of scenario `scenarioId` (null: the play screen closed). */
export function rememberEnded(ended: { runId: string; scenarioId: string } | null): void {
  try {
    if (ended === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify({ ...ended, address: location.href }));
  } catch {
    // Storage refused (a private window, a full disk): a reload before the address names the run starts a new one.
  }
}

/**
 * The run of scenario `scenarioId` whose ending this tab showed when it was reloaded, if any: the
 * page was reloaded at the address the ending was shown at.
 */
export function endedHere(scenarioId: string): string | null {
  try {
    if (!reloaded()) return null;
    const saved: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return null;
    const { runId, scenarioId: id, address } = saved as { runId?: unknown; scenarioId?: unknown; address?: unknown };
    return id === scenarioId && address === location.href && typeof runId === 'string' ? runId : null;
  } catch {
    return null;
  }
}
