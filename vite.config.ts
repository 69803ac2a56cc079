import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { scenariosPlugin } from './scripts/vite-plugin-scenarios';
import { cspPlugin } from './scripts/vite-plugin-csp';
import { perfPlugin } from './scripts/vite-plugin-perf';

export default defineConfig({
  plugins: [svelte(), scenariosPlugin(), cspPlugin(), perfPlugin()],
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
              // The play screen with everything only it needs, in one file: a direct link's page
              // preloads it in the same wave as the boot script, so fewer files share the network.
              name: 'play',
              test: /src[\\/]ui[\\/](screens[\\/]PlayScreen|components[\\/](play|scene)[\\/]|state[\\/](play-session|run)\.svelte)|src[\\/]engine[\\/](replay|compile|compile-rules|contract|text)\.ts|src[\\/]persistence[\\/]tab-guard\.ts|node_modules[\\/]xstate[\\/]/,
            },
          ],
        },
      },
    },
  },
  // Unit tests get Svelte's browser runtime (effects, createSubscriber); the server build ignores them.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'scenarios/**/*.test.ts'],
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
