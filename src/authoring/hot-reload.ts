/**
 * Dev server only (`npm start`): when a file in scenarios/ changes, the Vite plugin validates it
 * and sends `frontlijn:scenario-update`. The game reloads a valid file by itself
 * (scenarios.svelte.ts invalidates it and the play screen replays the run where the node still
 * exists); this module shows the file's problems in a dismissible panel, as file:line:col lines.
 * Import it only under `import.meta.hot`; it does nothing in a production build.
 */
import { mount } from 'svelte';
import type { ScenarioUpdate } from './hot-update';
import { HotReloadState } from './hot-reload-state.svelte';
import HotReloadPanel from './HotReloadPanel.svelte';
import './messages';

export const hotState = new HotReloadState();

if (import.meta.hot && typeof document !== 'undefined') {
  mount(HotReloadPanel, { target: document.body, props: { state: hotState } });
  import.meta.hot.on('frontlijn:scenario-update', (data: ScenarioUpdate) => {
    // Older plugin versions sent only { file, text }: treat that as a valid update.
    hotState.update({ ...data, id: data.id ?? data.file.replace(/\.json$/, ''), ok: data.ok ?? true, problems: data.problems ?? [] });
  });
}
