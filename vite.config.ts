import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { scenariosPlugin } from './scripts/vite-plugin-scenarios';
import { cspPlugin } from './scripts/vite-plugin-csp';

export default defineConfig({
  plugins: [svelte(), scenariosPlugin(), cspPlugin()],
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'scenarios/**/*.test.ts'],
    environment: 'node',
  },
});
