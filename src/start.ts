/**
 * The app's start, after src/main.ts has loaded its code: opens the store, starts fetching the
 * scenario a direct link asks for (in parallel with everything else, so `#/play/<id>` needs one
 * wave of requests after the HTML), mounts the app, and loads sound only once the first screen is
 * up.
 */
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { app } from './ui/state/app.svelte';
import { scenarios } from './ui/state/scenarios.svelte';
import { parseHash } from './ui/router';
import { installUnlock, preloadSound } from './ui/state/sound';
import { lmsLaunch, playHash } from './lms/launch';
import { pwa } from './ui/state/pwa.svelte';
import { whenFree, yieldToMain } from './ui/start-gate';

export function start(): void {
  // Launched by a learning platform (a SCORM or cmi5 package): its session decides what opens first.
  const lms = lmsLaunch(location.search);
  if (lms) {
    void import('./lms/start')
      .then(({ startLms }) => startLms(lms))
      .catch(() => playHash(lms))
      .then((hash) => app.navigate(hash, true))
      .finally(() => void open(false));
  } else void open(true);
}

async function open(offline: boolean): Promise<void> {
  const first = parseHash(location.hash);
  if (first.name === 'play' && !first.params.hash && scenarios.builtin(first.params.id)) {
    void scenarios.playScenario(first.params.id).catch(() => undefined);
  }
  void app.ready();
  // Mounting is a task of its own: the requests above are on their way meanwhile.
  await yieldToMain();

  // A pre-rendered first decision or first screen stays until PlayScreen or WhoScreen takes over
  // from the boot script (src/boot/boot.ts); when that script did not show it, it goes now.
  if (!window.__frontlijnBoot && !window.__frontlijnHome) document.getElementById('boot')?.remove();
  mount(App, { target: document.getElementById('app')! });

  installUnlock();
  // Sound must not compete with the first decision for bandwidth: load it a while after that.
  setTimeout(preloadSound, 2500);
  // Offline use (the service worker precaches the game); a platform's package owns its page.
  // Like sound, a while after the first decision and once the page is idle: the worker's code
  // and its precaching (the whole game) must not compete with the first decision.
  if (offline) setTimeout(() => void whenFree().then(() => pwa.register()), 2500);
  if (offline) pwa.watchNetwork();

  // Dev server only: the authoring tools' hot-reload panel (tree-shaken from the build).
  if (import.meta.hot) void import('./authoring/hot-reload');
}
