/**
 * Starts Frontlijn: opens the store, starts fetching the scenario a direct link asks for (in
 * parallel with everything else, so `#/play/<id>` needs one wave of requests after the HTML),
 * mounts the app, and loads sound only once the first screen is up.
 */
import { mount } from 'svelte';
import './ui/styles/global.css';
import App from './ui/App.svelte';
import { app } from './ui/state/app.svelte';
import { scenarios } from './ui/state/scenarios.svelte';
import { parseHash } from './ui/router';
import { installUnlock, preloadSound } from './ui/state/sound';

const first = parseHash(location.hash);
if (first.name === 'play' && !first.params.hash && scenarios.builtin(first.params.id)) {
  void scenarios.loadScenario(first.params.id).catch(() => undefined);
}
void app.ready();

mount(App, { target: document.getElementById('app')! });

installUnlock();
if (document.readyState === 'complete') preloadSound();
else window.addEventListener('load', preloadSound, { once: true });
