/**
 * The installed app (service worker from vite-plugin-pwa, scripts in vite.config.ts): after the
 * first visit the app shell, every built-in scenario (and its /play/<id>/ page) and the sounds
 * are on the device, so the game plays offline. A new version never replaces the running one by
 * itself: it waits until the player chooses "update" (UpdateBanner, never shown during a run).
 * OfflineNote says once that the game now works offline, and while the network is gone that runs
 * stay on the device.
 */
class PwaState {
  /** A new version is downloaded and waits for the player. */
  needRefresh = $state(false);
  /** Everything needed to play offline has just come on the device (once: the worker's first install). */
  offlineReady = $state(false);
  /** The network as the browser reports it (navigator.onLine); watched only by the app on its own. */
  online = $state(true);
  #update: ((reload?: boolean) => Promise<void>) | null = null;

  /** Registers the service worker (production builds with one; never in a learning platform). */
  async register(): Promise<void> {
    if (import.meta.env.DEV || typeof navigator === 'undefined' || !navigator.serviceWorker) return;
    try {
      const { registerSW } = await import('virtual:pwa-register');
      // Registered once the page has loaded, so precaching never competes with the first decision.
      this.#update = registerSW({
        onNeedRefresh: () => (this.needRefresh = true),
        onOfflineReady: () => (this.offlineReady = true),
        onRegisterError: (e: unknown) => console.warn('[frontlijn] offline use unavailable', e),
      });
    } catch (e) {
      console.warn('[frontlijn] offline use unavailable', e);
    }
  }

  /** The player chose to update: the waiting version takes over and the page reloads. */
  async update(): Promise<void> {
    this.needRefresh = false;
    const sw = navigator.serviceWorker;
    sw.addEventListener('controllerchange', () => location.reload(), { once: true });
    void this.#update?.(true);
    // Also told directly: workbox-window does not always message a worker it did not see install.
    (await sw.getRegistration())?.waiting?.postMessage({ type: 'SKIP_WAITING' });
  }

  later(): void {
    this.needRefresh = false;
  }

  /** The player has read that the game works offline. */
  offlineNoted(): void {
    this.offlineReady = false;
  }

  /**
   * Follows the browser's online and offline events (not in a learning platform, whose own
   * session keeps the results). Two listeners, no request: nothing added before the first paint.
   */
  watchNetwork(): void {
    const read = () => (this.online = navigator.onLine);
    read();
    addEventListener('online', read);
    addEventListener('offline', read);
  }
}

export const pwa = new PwaState();
