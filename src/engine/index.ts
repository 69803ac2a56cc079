/**
 * The engine's public entry: parse, validate, analyse, compile, replay and score scenarios.
 * Pure TypeScript (imports only xstate): it runs the same in the browser, in tests and in the CLI.
 */
export * from './types';
export * from './contract';
export { validateScenario } from './validate';
export { parseJson } from './json-parse';
export type { ParsedJson, ParseProblem } from './json-parse';
export { MAX_FILE_BYTES, tooLarge } from './json-decode';
export { analyseScenario, pathsToEndings } from './analyse';
export type { AnalyseOptions } from './analyse';
export { compileScenario, scenarioSetup, PLAYING, ENDED } from './compile';
export type { ScenarioMachine, RunContext, RunInput, RunMachineEvent, StoryParams } from './compile';
export {
  replayRun,
  initialPlayState,
  startState,
  applyEvent,
  machineFor,
  deadlineOf,
  expressionForMood,
  isFinished,
  DEADLINE_TOLERANCE_MS,
} from './replay';
export { scoreState, normalise, resolveWeights } from './score';
export type { Weights } from './score';
export { contentHash, canonicalJson, sha256Hex } from './hash';
export { t, textLangs } from './text';
export { holds, availableOptions, routeIndex, moodAfter, flagsAfter } from './compile-rules';
export {
  RunStatements,
  buildStatements,
  playerAgent,
  teamGroup,
  registrationOf,
  statementId,
  DEFAULT_MASTERY_THRESHOLD,
  XAPI_NAMESPACE,
  VERBS,
} from './xapi/statements';
export type { StatementOptions } from './xapi/statements';
export type * from './xapi/types';
