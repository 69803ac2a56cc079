/**
 * The engine's public entry: parse, validate, analyse, compile, replay and score scenarios.
 * Plain TypeScript without I/O (imports only xstate, @noble/hashes, uuid and its own files; ESLint
 * and tsconfig.engine.json check it): it runs the same in the browser, in tests and in the CLI.
 */
export * from './types';
export * from './contract';
export { validateScenario } from './validate';
export { parseJson } from './json-parse';
export { MAX_FILE_BYTES, tooLarge } from './json-decode';
export { analyseScenario, pathsToEndings } from './analyse';
export { compileScenario } from './compile';
export { replayRun, initialPlayState, applyEvent, machineFor } from './replay';
export { expressionForMood } from './expression';
export { scoreRun, scoreState, normalise, resolveWeights } from './score';
export { contentHash } from './hash';
export { t } from './text';
export { holds, moodAfter } from './compile-rules';
