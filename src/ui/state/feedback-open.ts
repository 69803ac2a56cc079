/**
 * Coaching: which step's feedback this tab shows, kept for a reload. The run's log records no
 * "Verder" after an untimed decision (only a timed one's countdown start, see
 * LiveRun.feedbackPending), so without this a reload during the feedback would skip it, and with
 * it the lesson of that choice. Kept in sessionStorage: per tab, and gone with the tab.
 */
const KEY = 'frontlijn.feedback';

/** Remember that the feedback after step `steps` of run `runId` is shown (null: it was dismissed). */
export function rememberFeedback(runId: string, steps: number | null): void {
  try {
    if (steps === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify({ runId, steps }));
  } catch {
    // Storage refused (a private window, a full disk): a reload then goes on at the next decision.
  }
}

/**
 * Whether this tab was showing the feedback after step `steps` of run `runId` when it was left.
 * Before the first step there is no feedback to show, and sessionStorage is not read: the tab's
 * first read of it waits for the browser (4–5 ms of the play screen's first mount in Chromium
 * traces, in the task that shows a direct link's first decision).
 */
export function feedbackWasOpen(runId: string, steps: number): boolean {
  if (steps < 1) return false;
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return false;
    const { runId: id, steps: n } = saved as { runId?: unknown; steps?: unknown };
    return id === runId && n === steps;
  } catch {
    return false;
  }
}
