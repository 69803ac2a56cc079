/**
 * Resolves in a task of its own once the next frame is painted (a requestAnimationFrame callback
 * runs before the paint, a task posted from it after). A hidden page paints no frames and one
 * being left paints no more: then it resolves at once, or as soon as the page is hidden or left
 * while it waits.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    const done = () => {
      removeEventListener('pagehide', done);
      document.removeEventListener('visibilitychange', done);
      resolve();
    };
    addEventListener('pagehide', done);
    // The page was visible, so a change of visibility hides it.
    document.addEventListener('visibilitychange', done);
    requestAnimationFrame(() => setTimeout(done, 0));
  });
}
