/**
 * The engine's public entry: parse, validate, analyse, compile, replay and score scenarios.
 * Plain TypeScript without I/O (imports only xstate, @noble/hashes, uuid and its own files; ESLint
 * and tsconfig.engine.json check it): it runs the same in the browser, in tests and in the CLI.
 */
export * from './types';
export * from './contract';
export { validateScenario } from './validate';
export { parseJson } from './json-parse';
export type { ParsedJson, ParseProblem } from './json-parse';
export { MAX_FILE_BYTES, tooLarge } from './json-decode';
export { analyseScenario, pathsToEndings } from './analyse';
export type { AnalyseOptions } from './analyse';
export { compileScenario, scenarioSetup } from './compile';
export type { ScenarioMachine, RunContext, RunInput, RunMachineEvent, Way } from './compile';
export { replayRun, initialPlayState, applyEvent, machineFor, deadlineOf, DEADLINE_TOLERANCE_MS } from './replay';
export { expressionForMood } from './expression';
export { scoreRun, scoreState, normalise, resolveWeights } from './score';
export type { ScoredRun, Weights } from './score';
export { contentHash, canonicalJson, sha256Hex } from './hash';
export { t } from './text';
export { holds, availableOptions, routeIndex, moodAfter, flagsAfter, memoryAfter, firstMemory } from './compile-rules';
export type { Memory } from './compile-rules';
