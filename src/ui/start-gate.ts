/**
 * When the app's own work may run, so that none of it stands in the player's way: the app starts
 * in steps (src/main.ts), each a task of its own, and on a direct link (whose first decision the
 * page already plays, src/boot/boot.ts) only once the page is idle or the player has acted.
 */

/** Lets the browser handle input and paint before the next step (a task boundary). */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves when the page is next idle (at the latest after `timeoutMs`), or once the player's
 * first tap or key press has been painted, whichever comes first.
 */
export function whenFree(timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const events = ['pointerdown', 'keydown'] as const;
    const go = () => {
      if (done) return;
      done = true;
      for (const e of events) window.removeEventListener(e, acted, true);
      resolve();
    };
    // After the frame that shows what the tap did (the boot script answers it).
    const acted = () => requestAnimationFrame(() => setTimeout(go, 0));
    for (const e of events) window.addEventListener(e, acted, true);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: timeoutMs });
    else setTimeout(go, 200);
  });
}
