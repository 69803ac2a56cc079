/**
 * Starts Frontlijn in steps, each a task of its own, so that no step holds the main thread long
 * (Lighthouse's total blocking time, a tap's delay on a slow phone): evaluating Svelte's runtime
 * (a chunk of its own, vite.config.ts), then the UI's words, then the store's code, then the
 * screens (src/start.ts), which opens the store and mounts the app. The page preloads all of it
 * in the same wave as the entry (scripts/vite-plugin-perf.ts).
 *
 * A direct link's page already shows and plays its first decision (src/boot/boot.ts): there the
 * app waits until the page is idle or the player has acted before doing anything.
 */
import './ui/path-form';
import './ui/styles/global.css';
import { whenFree, yieldToMain } from './ui/start-gate';

void (async () => {
  if (window.__frontlijnBoot) await whenFree();
  await import('svelte');
  await yieldToMain();
  (await import('./i18n')).showLang();
  await yieldToMain();
  await import('./ui/state/app.svelte');
  await yieldToMain();
  const { start } = await import('./start');
  await yieldToMain();
  start();
})();
