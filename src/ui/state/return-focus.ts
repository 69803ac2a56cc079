/**
 * Where the focus goes back to after a report: the list the player returns to (Scenarios, My
 * results) marks its controls with `data-focus-key`, and App.svelte focuses the one for the run
 * just read ("run:<id>", its row's Report link) or its scenario ("scenario:<id>", its card), so
 * a keyboard player need not Tab through the whole list again. One-shot: taken on the next screen.
 */
let keys: string[] = [];

/** The report of this run is open: the next screen tries its row, then its scenario's card. */
export function rememberReport(runId: string, scenarioId: string): void {
  keys = [`run:${runId}`, `scenario:${scenarioId}`];
}

/** The keys remembered for the screen now shown, most specific first; forgets them. */
export function takeReturnKeys(): string[] {
  const taken = keys;
  keys = [];
  return taken;
}

/**
 * The first control on the page marked with one of these keys, or null. One in a folded list (My
 * results' attempts) is unfolded: the player had it open to reach the report.
 */
export function returnTarget(root: ParentNode, taken: readonly string[]): HTMLElement | null {
  for (const key of taken) {
    const el = root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
    if (!el) continue;
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
    return el;
  }
  return null;
}
