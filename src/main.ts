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

// `/play/<id>/` (the page a room's QR code opens, with the scenario preloaded) is `#/play/<id>`.
const pathForm = /^\/play\/([A-Za-z0-9_-]+)\/?(?:index\.html)?$/.exec(location.pathname);
if (pathForm && !location.hash) history.replaceState(null, '', `/#/play/${pathForm[1]}${location.search}`);

const first = parseHash(location.hash);
if (first.name === 'play' && !first.params.hash && scenarios.builtin(first.params.id)) {
  void scenarios.playScenario(first.params.id).catch(() => undefined);
}
void app.ready();

mount(App, { target: document.getElementById('app')! });

installUnlock();
if (document.readyState === 'complete') preloadSound();
else window.addEventListener('load', preloadSound, { once: true });

// Dev server only: the authoring tools' hot-reload panel (tree-shaken from the build).
if (import.meta.hot) void import('./authoring/hot-reload');
