/**
 * A Vitest environment for unit tests of Svelte runes (`*.svelte.test.ts`): it runs in Node but
 * transforms modules as Vite's `client` environment, so Svelte compiles them for the browser
 * runtime (effects, createSubscriber) instead of its server build, where effects never run.
 * Use it with a docblock at the top of a test file:
 *   // @vitest-environment ./src/ui/test/runes-environment.ts
 */
import type { Environment } from 'vitest/environments';

const environment: Environment = {
  name: 'svelte-runes',
  viteEnvironment: 'client',
  setup() {
    return { teardown() {} };
  },
};

export default environment;
