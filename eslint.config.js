import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

// Layers (see README): the engine is pure, src/ never reaches into the tools around it, and shared
// test helpers live in test-support/. Each entry is a regex on the import's text.
const up = (dirs) => ({ regex: `^(\\.\\./)+(${dirs})(/|$)`, message: 'Crosses a layer: see the layout in README.md.' });
// The engine's packages: xstate, hashing and a positional JSON parser.
const ENGINE_PACKAGES = ['xstate', '@noble/hashes(/.*)?', 'jsonc-parser(/.*)?'];
const enginePackagesOnly = (extra = []) => ({
  regex: `^(?!\\.|(${[...ENGINE_PACKAGES, ...extra].join('|')})$)`,
  message: 'The engine imports only xstate, @noble/hashes, its JSON parser and its own files.',
});
const ENGINE_TEST_PACKAGES = ['vitest', 'fast-check', 'node:.*', 'xstate/graph'];

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', '.vite/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig },
    },
  },
  {
    rules: {
      'svelte/no-at-html-tags': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    rules: { 'no-restricted-imports': ['error', { patterns: [up('scripts|e2e|test-support')] }] },
  },
  {
    // Tests in src/ may use the shared test helpers, never scripts/ or e2e/.
    files: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [up('scripts|e2e')] }] },
  },
  {
    // The engine: its own files only (no ../ui, ../persistence, ../i18n ...), and only its packages
    // (no svelte, idb, howler, DOM helpers). The JSON Schema is data the validator checks against.
    files: ['src/engine/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./(?!\\.\\./scenarios/scenario\\.schema\\.json$)', message: 'The engine imports only its own files.' }, enginePackagesOnly()] }],
    },
  },
  {
    // The xAPI statements are as pure as the engine they build on: the engine's public entry, uuid
    // (v5 statement ids) and each other; delivery (fetch, IndexedDB) lives in the other src/xapi files.
    files: ['src/xapi/statements.ts', 'src/xapi/types.ts', 'src/xapi/cmi5-context.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./(types|statements|cmi5-context)$|\\.\\./engine$|uuid$)', message: 'xAPI statements import only the engine, uuid and each other.' }] }],
    },
  },
  {
    files: ['src/engine/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./(?!\\.\\./test-support/)', message: 'Engine tests import the engine and test-support/ only.' }, enginePackagesOnly(ENGINE_TEST_PACKAGES)] }],
    },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [up('e2e')] }] },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [up('scripts')] }] },
  },
  {
    files: ['test-support/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [up('scripts|e2e')] }] },
  },
);
