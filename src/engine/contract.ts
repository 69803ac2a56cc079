/**
 * Result types shared by the engine's modules and its callers (browser, CLI, tests).
 * The functions that produce them:
 *
 *   validate.ts  validateScenario(input: string | Uint8Array): ValidationResult
 *   analyse.ts   analyseScenario(scenario: Scenario): Analysis
 *   compile.ts   compileScenario(scenario: Scenario): ScenarioMachine   (XState v5 machine)
 *   replay.ts    initialPlayState(scenario, run) / applyEvent(...) / replayRun(scenario, run): PlayState
 *   score.ts     scoreState(analysis, state, weights): Scores
 *   hash.ts      contentHash(scenario: Scenario): string
 *   text.ts      t(text: Text | undefined, lang: Lang, fallback?: Lang[]): string
 */
import type { Dimension, Effects, EndingTone, Lang, Scenario, Expression, Option } from './types';
import type { MessageRef } from './message-args';
import type { Memory } from './compile-rules';

/** How bad a problem is: errors stop a scenario from being played; warnings do not. */
export type Severity = 'error' | 'warning';

/** A path into the scenario JSON, e.g. ["nodes", "greet", "options", 1, "next"]. */
export type JsonPath = (string | number)[];

/** One problem found in a scenario file. */
export interface Problem {
  severity: Severity;
  /** A stable machine-readable code, e.g. "unknown-target", "unreachable-node", "json-syntax". */
  code: string;
  /** A sentence a manager understands, saying what is wrong and how to fix it. */
  message: string;
  /** Where: the JSON path (empty for the whole file). */
  path: JsonPath;
  /** 1-based line and column of the place in the file's text. */
  line: number;
  column: number;
  /**
   * Set when the problem is about the scenario as a whole (a score no path varies, a field the
   * scenario lacks), not a place in it: line and column are then where the scenario starts.
   */
  wholeFile?: true;
}

/** A problem found by the graph analysis, before it is given a line and column; its message is in English. */
export interface Finding extends Omit<Problem, 'line' | 'column'> {
  /** The message's key and facts, to put it into words in another language (message-catalog.ts's messageText). */
  ref?: MessageRef;
}

/** The low and high raw score a dimension can reach over all paths (conditions included). */
export interface Range {
  min: number;
  max: number;
}

/** One step of a path through a scenario. option is null for a time-out. */
export interface PathStep {
  node: string;
  option: string | null;
}

/** A complete path from the start to an ending. */
export interface ScenarioPath {
  steps: PathStep[];
  ending: string;
}

/** Figures about a scenario, for the CLI summary and the authoring tools. */
export interface ScenarioSummary {
  id: string;
  nodes: number;
  decisions: number;
  timedDecisions: number;
  endings: number;
  /** Fewest and most decisions on any path from start to an ending. */
  shortestPath: number;
  longestPath: number;
  averageOptions: number;
  /** Options or routes whose availability depends on mood or flags. */
  conditionalBranches: number;
  languages: Lang[];
  ranges: Record<Dimension, Range>;
  estimatedMinutes?: number;
  /** What players who do not read reach (validateScenario fills it in; the analysis alone does not). */
  testWiseness?: TestWisenessSummary;
}

/** Where a naive strategy ends: the ending, its tone and the overall score 0–100. */
export interface NaiveOutcome {
  ending: string;
  tone: EndingTone;
  overall: number;
}

/** The test-wiseness figures of a scenario (engine/test-wiseness.ts). */
export interface TestWisenessSummary {
  /** Per language: always choosing the longest option. */
  longest: Partial<Record<Lang, NaiveOutcome>>;
  /** Per language: always choosing the shortest option. */
  shortest: Partial<Record<Lang, NaiveOutcome>>;
  /** A seeded random player: how many runs, their mean overall score, the share (0–1) that reached a fan ending. */
  random: { runs: number; meanOverall: number; fanShare: number };
  /** Per language: in how many of the decisions whose options score differently the longest option is a top-scoring one. */
  longestBest: Partial<Record<Lang, { count: number; decisions: number; share: number }>>;
}

/** What the engine derives from a scenario's graph. */
export interface Analysis {
  ranges: Record<Dimension, Range>;
  /** The path with the highest overall score. */
  bestPath: ScenarioPath;
  /** For each dimension, a path that scores 100 on it. */
  bestPaths: Record<Dimension, ScenarioPath>;
  /** Graph problems: unreachable nodes, dead ends, loops, impossible conditions, weak content. */
  findings: Finding[];
  summary: ScenarioSummary;
  /** How many (node, mood, flags) states are reachable. */
  stateCount: number;
}

/** The outcome of validating a scenario file's text. */
export interface ValidationResult {
  /** True when there are no errors (warnings allowed). */
  ok: boolean;
  /** Every problem, errors first, then in file order. */
  problems: Problem[];
  /** The scenario, when ok. Prototype-safe: parsed without ever touching Object.prototype. */
  scenario?: Scenario;
  /** When ok. */
  analysis?: Analysis;
}

/** One step taken in a run, as the report shows it. */
export interface TakenStep {
  node: string;
  /** The option id, or null when the time ran out. */
  option: string | null;
  effects: Effects;
  at: number;
  moodBefore: number;
  moodAfter: number;
  /** The ids of the options available then, in the order the player saw them. */
  shown?: string[];
}

/** The state of a run at a moment: a pure function of (scenario, run events). Its Memory (mood, flags) is what conditions read. */
export interface PlayState extends Memory {
  /** The current decision node, or null when an ending was reached. */
  node: string | null;
  /** The ending reached, or null while playing. */
  ending: string | null;
  /** Raw points per dimension so far (ending effects included once reached). */
  raw: Record<Dimension, number>;
  steps: TakenStep[];
  /** When the current node was entered (ms since epoch). */
  enteredAt: number;
  /**
   * When the countdown of the current timed node started (a `timer.start` event: coaching mode
   * starts it when the feedback is dismissed); undefined when it runs from `enteredAt`.
   */
  timerStartedAt?: number;
  /** When the current timed decision runs out (ms since epoch), or null when untimed or timers are off. */
  deadline: number | null;
  timerScale: number;
  /** The options available now (conditions applied), in the order they are shown (see Run.seed). */
  available: Option[];
  /** The run's option-order seed (Run.seed); undefined: the file's order. */
  seed?: string;
  /** The customer's expression now (the node's, or derived from mood). */
  expression: Expression;
}

/** Scores 0–100 (integers) relative to the scenario's worst and best. */
export interface Scores {
  warmth: number;
  initiative: number;
  outcome: number;
  overall: number;
}

/** Why an event could not be applied during a replay. */
export class ReplayError extends Error {
  constructor(
    message: string,
    /** Index of the offending event in the log. */
    readonly eventIndex: number,
  ) {
    super(message);
    this.name = 'ReplayError';
  }
}
