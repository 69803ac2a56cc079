/**
 * Resolves in a task of its own once the next frame is painted (a requestAnimationFrame callback
 * runs before the paint, a task posted from it after). A hidden page paints no frames and one
 * being left paints no more: then it resolves at once, or as soon as the page is hidden or about
 * to be left while it waits. "About to be left" is `beforeunload`, not only `pagehide`: a reload in
 * the very frame that shows a step then starts the step's write before the next page is even
 * asked for, instead of as the page is torn down, when a busy phone may not finish it. (The
 * listener is there for one frame only, so it keeps no page out of the back/forward cache.)
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    const done = () => {
      removeEventListener('beforeunload', done);
      removeEventListener('pagehide', done);
      document.removeEventListener('visibilitychange', done);
      resolve();
    };
    addEventListener('beforeunload', done);
    addEventListener('pagehide', done);
    // The page was visible, so a change of visibility hides it.
    document.addEventListener('visibilitychange', done);
    requestAnimationFrame(() => setTimeout(done, 0));
  });
}
