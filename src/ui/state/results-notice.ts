/**
 * The notice that results came in: runs handed in (link, QR, file), a waiting version trusted, or
 * a run finished on this device. A board or room roster on screen, in this tab or another tab of
 * the same browser (the projector's), reloads its rows when it hears it.
 */
const CHANNEL = 'frontlijn-results';

/** Tells this tab and the other tabs of this browser that results came in. */
export function announceResults(): void {
  try {
    const ch = new BroadcastChannel(CHANNEL);
    ch.postMessage('imported');
    ch.close();
  } catch {
    /* no BroadcastChannel: the projector picks it up on its next look */
  }
  globalThis.dispatchEvent?.(new Event('frontlijn:results'));
}

/** Calls `f` whenever results come in, in this tab or another one; returns the unsubscribe. */
export function onNewResults(f: () => void): () => void {
  const local = () => f();
  addEventListener('frontlijn:results', local);
  let ch: BroadcastChannel | null = null;
  try {
    ch = new BroadcastChannel(CHANNEL);
    ch.onmessage = () => f();
  } catch {
    ch = null;
  }
  return () => {
    removeEventListener('frontlijn:results', local);
    ch?.close();
  };
}
