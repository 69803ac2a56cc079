/**
 * Test-wiseness: how far a player gets without reading the options. A score is worth something
 * only when it measures behaviour, so the analysis plays a scenario the way a test-wise player
 * would — always the longest option, always the shortest, at random — and checks the cues an
 * author can leave by accident: the longest option being the best one, and a customer whose mood
 * sits at its limit so that later choices change nothing. Pure, and the random player is seeded,
 * so the figures never change for the same file.
 *
 * The walks apply the story rules of compile-rules.ts directly instead of stepping the XState
 * machine: the same rules the machine's guards and actions call (test-wiseness.test.ts replays
 * the walks through replay.ts to prove they agree), at a hundredth of the cost, so validation
 * stays quick with 200 random players.
 */
import type { Analysis, PathStep, Scores } from './contract';
import type { Dimension, Effects, EndingTone, Lang, Option, Scenario } from './types';
import { DIMENSIONS, MOOD_MAX, MOOD_MIN } from './types';
import { availableOptions, clampMood, flagsAfter, moodAfter, routeIndex, routesOf, type FlagSet } from './compile-rules';
import { resolveWeights, scoreState } from './score';
import { seededRandom } from './option-order';
import { t } from './text';

/** Where one walk through a scenario ended, and its scores. */
export interface WalkResult {
  ending: string;
  tone: EndingTone;
  scores: Scores;
  steps: PathStep[];
}

/** The longest-option cue in one language. */
export interface LengthCue {
  /** Decisions whose options score differently (the only ones where length can point at the best). */
  decisions: number;
  /** The nodes where the longest option is a top-scoring one, in file order. */
  longestBest: string[];
  /** longestBest.length / decisions, 0 when no decision counts. */
  share: number;
}

/** A run of decisions in a row on the best path where the customer's mood sits at a limit. */
export interface SaturatedRun {
  /** -5 or +5. */
  mood: number;
  /** The decisions, in the order of the path (at least MOOD_RUN). */
  nodes: string[];
}

/** What a test-wise player reaches in a scenario. */
export interface TestWiseness {
  /** Per language of the scenario: always the longest option, and always the shortest. */
  longest: Partial<Record<Lang, WalkResult>>;
  shortest: Partial<Record<Lang, WalkResult>>;
  lengthCue: Partial<Record<Lang, LengthCue>>;
  /** A player who picks at random, never letting the time run out. */
  random: { runs: number; meanOverall: number; fanShare: number };
  /** Runs of decisions on the best path where the mood sits at -5 or +5. */
  saturated: SaturatedRun[];
}

/** Options of testWiseness. */
export interface TestWisenessOptions {
  /** How many random walks (default 200; fewer in huge scenarios, see MAX_RANDOM_STEPS). */
  runs?: number;
  /** The random player's seed (default 1). */
  seed?: number;
}

/** How many decisions in a row at a mood limit make "later choices no longer change what happens". */
export const MOOD_RUN = 3;
/** A text-length strategy that reaches this overall score (or a fan ending) is a cue. */
export const LENGTH_SCORE_LIMIT = 60;
/** The longest option being top-scoring in more than this share of the decisions is a cue. */
export const LONGEST_BEST_LIMIT = 0.45;
/**
 * The random walks stop after this many steps in all: 200 walks through a real scenario (10–200
 * nodes) take a few thousand, so only generated scenarios of thousands of nodes get fewer walks.
 */
const MAX_RANDOM_STEPS = 20_000;
/** A single walk longer than this is taken to be stuck (a valid scenario ends far sooner). */
const MAX_WALK_STEPS = 1_000_000;

type Picker = (available: Option[]) => Option;

const EMPTY: Effects = Object.freeze({}) as Effects;

function addPoints(raw: Record<Dimension, number>, effects: Effects | undefined): void {
  if (!effects) return;
  for (const d of DIMENSIONS) {
    const v = effects[d];
    if (typeof v === 'number') raw[d] += v;
  }
}

/**
 * Where a player who picks with `pick` at every decision ends up, by the story rules a run
 * follows (never a time-out). Null when the walk gets stuck or takes more than `maxSteps` steps,
 * which a valid scenario never does (loops and dead ends are errors).
 */
export function walk(
  scenario: Scenario,
  analysis: Pick<Analysis, 'ranges'>,
  pick: Picker,
  maxSteps: number = MAX_WALK_STEPS,
): WalkResult | null {
  let node = scenario.start;
  let mood = clampMood(scenario.customer.initialMood ?? 0);
  let flags: FlagSet = {};
  const raw = { warmth: 0, initiative: 0, outcome: 0 };
  const steps: PathStep[] = [];
  const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  while (own(scenario.nodes, node)) {
    if (steps.length >= maxSteps) return null;
    const available = availableOptions(scenario.nodes[node].options ?? [], mood, flags);
    if (available.length === 0) return null;
    const option = pick(available);
    const effects = option.effects ?? EMPTY;
    mood = moodAfter(mood, effects);
    flags = flagsAfter(flags, effects);
    addPoints(raw, effects);
    steps.push({ node, option: option.id });
    const r = routeIndex(option.next, mood, flags);
    if (r < 0) return null;
    node = routesOf(option.next)[r].to;
  }
  if (!own(scenario.endings, node)) return null;
  const ending = scenario.endings[node];
  addPoints(raw, ending.effects);
  return { ending: node, tone: ending.tone, scores: scoreState(analysis, { raw }, scenario.scoring?.weights), steps };
}

/** An option's text length in characters (code points) in a language. */
export const textLength = (o: Option, lang: Lang): number => [...t(o.text, lang).trim()].length;

/** The option with the most (or, with sign -1, the fewest) characters; the first in the file on a tie. */
function byLength(lang: Lang, sign: 1 | -1): Picker {
  return (available) => available.reduce((best, o) => (sign * (textLength(o, lang) - textLength(best, lang)) > 0 ? o : best));
}

/** An option's immediate points, weighted as the overall score weighs them. */
function points(o: Option, weights: Record<Dimension, number>): number {
  let sum = 0;
  for (const d of DIMENSIONS) sum += weights[d] * (o.effects?.[d] ?? 0);
  return sum;
}

/** Whether an option of a node is a top-scoring one (its weighted points the node's highest). */
export function isTopScoring(scenario: Scenario, node: string, option: string): boolean {
  const weights = resolveWeights(scenario.scoring?.weights);
  const options = scenario.nodes[node]?.options ?? [];
  const top = Math.max(...options.map((o) => points(o, weights)));
  const o = options.find((x) => x.id === option);
  return !!o && points(o, weights) === top;
}

function lengthCue(scenario: Scenario, lang: Lang): LengthCue {
  const weights = resolveWeights(scenario.scoring?.weights);
  const longestBest: string[] = [];
  let decisions = 0;
  for (const [id, node] of Object.entries(scenario.nodes)) {
    const options = node.options ?? [];
    const values = options.map((o) => points(o, weights));
    const top = Math.max(...values);
    if (values.every((v) => v === top)) continue;
    decisions++;
    const longest = Math.max(...options.map((o) => textLength(o, lang)));
    if (options.some((o, i) => textLength(o, lang) === longest && values[i] === top)) longestBest.push(id);
  }
  return { decisions, longestBest, share: decisions ? longestBest.length / decisions : 0 };
}

/** The runs of decisions on the best path where the customer's mood is at -5 or +5. */
function saturatedRuns(scenario: Scenario, analysis: Pick<Analysis, 'bestPath'>): SaturatedRun[] {
  const runs: SaturatedRun[] = [];
  let current: SaturatedRun = { mood: 0, nodes: [] };
  let mood = clampMood(scenario.customer.initialMood ?? 0);
  for (const step of analysis.bestPath.steps) {
    const atLimit = mood === MOOD_MIN || mood === MOOD_MAX;
    if (!atLimit || current.mood !== mood) {
      if (current.nodes.length >= MOOD_RUN) runs.push(current);
      current = { mood: atLimit ? mood : 0, nodes: [] };
    }
    if (atLimit) current.nodes.push(step.node);
    const node = scenario.nodes[step.node];
    const way = step.option === null ? node?.timeLimit : node?.options.find((o) => o.id === step.option);
    mood = moodAfter(mood, way?.effects);
  }
  if (current.nodes.length >= MOOD_RUN) runs.push(current);
  return runs;
}

/**
 * Plays a valid scenario as test-wise players would and measures its cues: see TestWiseness.
 * `analysis` is the scenario's analysis (its score ranges and best path). With `runs: 0` only
 * the text-length walks and cues are worked out (what the scenario map needs).
 */
export function testWiseness(scenario: Scenario, analysis: Pick<Analysis, 'ranges' | 'bestPath'>, options: TestWisenessOptions = {}): TestWiseness {
  const out: TestWiseness = { longest: {}, shortest: {}, lengthCue: {}, random: { runs: 0, meanOverall: 0, fanShare: 0 }, saturated: [] };
  for (const lang of scenario.languages ?? []) {
    const longest = walk(scenario, analysis, byLength(lang, 1));
    const shortest = walk(scenario, analysis, byLength(lang, -1));
    if (longest) out.longest[lang] = longest;
    if (shortest) out.shortest[lang] = shortest;
    out.lengthCue[lang] = lengthCue(scenario, lang);
  }
  const random = seededRandom(options.seed ?? 1);
  const runs = options.runs ?? 200;
  let total = 0;
  let fans = 0;
  let scored = 0;
  let budget = MAX_RANDOM_STEPS;
  for (let i = 0; i < runs && budget > 0; i++) {
    const r = walk(scenario, analysis, (available) => available[Math.floor(random() * available.length)], budget);
    if (!r) break;
    budget -= r.steps.length;
    scored++;
    total += r.scores.overall;
    if (r.tone === 'fan') fans++;
  }
  if (scored) out.random = { runs: scored, meanOverall: Math.round((total / scored) * 10) / 10, fanShare: Math.round((fans / scored) * 1000) / 1000 };
  out.saturated = saturatedRuns(scenario, analysis);
  return out;
}
