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
    rollupOptions: { input: { index: 'index.html', boot: 'src/boot/boot.ts' } },
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
