/** What waits for the next frame (see afterNextFrame): each resolves once, whichever comes first. */
const waiting = new Set<() => void>();
let listening = false;

function releaseAll(): void {
  for (const done of [...waiting]) done();
}

/** The page is hidden or gone: nothing waits, and the listeners go too (kept till the next wait). */
function leaving(): void {
  releaseAll();
  removeEventListener('beforeunload', releaseAll);
  removeEventListener('pagehide', leaving);
  document.removeEventListener('visibilitychange', releaseAll);
  listening = false;
}

/**
 * Resolves in a task of its own once the next frame is painted (a requestAnimationFrame callback
 * runs before the paint, a task posted from it after). A hidden page paints no frames and one
 * being left paints no more: then it resolves at once, or as soon as the page is hidden or about
 * to be left while it waits. "About to be left" is `beforeunload`, not only `pagehide`: a reload in
 * the very frame that shows a step then starts the step's write before the next page is even
 * asked for, instead of as the page is torn down, when a busy phone may not finish it.
 *
 * The window's listeners are added at the first wait and kept until the page is hidden or left
 * (`pagehide`), not added and removed for each wait: adding a `beforeunload` or `pagehide`
 * listener costs the browser far more than an ordinary one (0.2–1.6 ms each on this machine,
 * unthrottled), and every choice waits here in the very task that shows it.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    if (!listening) {
      listening = true;
      addEventListener('beforeunload', releaseAll);
      addEventListener('pagehide', leaving);
      // The page was visible, so a change of visibility hides it.
      document.addEventListener('visibilitychange', releaseAll);
    }
    const done = () => {
      if (waiting.delete(done)) resolve();
    };
    waiting.add(done);
    requestAnimationFrame(() => setTimeout(done, 0));
  });
}
