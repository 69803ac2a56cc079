import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { scenariosPlugin } from './scripts/vite-plugin-scenarios';
import { cspPlugin } from './scripts/vite-plugin-csp';
import { perfPlugin } from './scripts/vite-plugin-perf';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Offline play: a service worker that precaches the app shell, every built-in scenario (its JSON
 * and its /play/<id>/ page) and every sound, and waits for the player before a new version takes
 * over (src/ui/state/pwa.svelte.ts). Not in the learning-platform packages (scripts/package.ts).
 */
const pwaPlugin = VitePWA({
  disable: process.env.FRONTLIJN_PACKAGE === '1',
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Frontlijn',
    short_name: 'Frontlijn',
    description: 'Oefen het moment van contact met een klant. Practise the moment of contact with a customer.',
    lang: 'nl',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#0b5d63',
    background_color: '#ffffff',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,css,svg,json,webm,mp3,webmanifest}'],
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    navigateFallback: 'index.html',
    // The per-scenario pages are precached themselves (/play/<id>/ → its index.html).
    navigateFallbackDenylist: [/^\/play\//],
    cleanupOutdatedCaches: true,
    clientsClaim: false,
    skipWaiting: false,
  },
});

export default defineConfig({
  plugins: [svelte(), scenariosPlugin(), cspPlugin(), perfPlugin(), pwaPlugin],
  build: {
    target: 'es2022',
    sourcemap: false,
    // The boot script of a link straight to a scenario (src/boot/boot.ts): its own tiny entry.
    rolldownOptions: {
      input: { index: 'index.html', boot: 'src/boot/boot.ts' },
      preserveEntrySignatures: false,
      output: {
        codeSplitting: {
          // Only the modules named: their dependencies stay where they are (the entry's in the entry).
          includeDependenciesRecursively: false,
          groups: [
            {
              // Svelte's runtime, which src/main.ts evaluates as a step of its own.
              name: 'svelte',
              test: /node_modules[\\/](svelte|clsx)[\\/]/,
            },
            {
              // The play screen with everything only it needs, in one file: a direct link's page
              // preloads it in the same wave as the boot script, so fewer files share the network.
              name: 'play',
              test: /src[\\/]ui[\\/](screens[\\/]PlayScreen|components[\\/](play|scene)[\\/]|state[\\/](play-session|run)\.svelte)|src[\\/]engine[\\/](replay|compile|compile-rules|contract|text)\.ts|src[\\/]persistence[\\/]tab-guard\.ts|src[\\/]lms[\\/]seam\.ts|node_modules[\\/]xstate[\\/]/,
            },
          ],
        },
      },
    },
  },
  // Unit tests get Svelte's browser runtime (effects, createSubscriber); the server build ignores them.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    // A guard against a hung test, not a speed check (speed lives in `npm run bench`): the property
    // tests take a few seconds on a quiet machine and several times that on a loaded shared one.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'scenarios/**/*.test.ts', 'test-support/**/*.test.ts'],
          exclude: ['**/*.svelte.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        // Runes in test files (`*.svelte.test.ts`) must be compiled for the client.
        extends: true,
        test: { name: 'runes', include: ['src/**/*.svelte.test.ts'], environment: './src/ui/test/runes-environment.ts' },
      },
    ],
  },
});
