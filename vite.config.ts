import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { scenariosPlugin } from './scripts/vite-plugin-scenarios';

export default defineConfig({
  plugins: [svelte(), scenariosPlugin()],
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'scenarios/**/*.test.ts'],
    environment: 'node',
  },
});
