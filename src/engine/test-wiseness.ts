/**
 * Test-wiseness: how far a player gets without reading the options. A score is worth something
 * only when it measures behaviour, so the analysis plays a scenario the way a test-wise player
 * would — always the longest option, always the shortest, at random — and checks the cues an
 * author can leave by accident: the longest option being the best one, and a customer whose mood
 * sits at its limit so that later choices change nothing. Pure, and the random player is seeded,
 * so the figures never change for the same file.
 *
 * The walks go through the analysis's state graph (exploreStates: the story rules of
 * compile-rules.ts, the same the machine's guards and actions call; test-wiseness.test.ts replays
 * the walks through replay.ts to prove they agree), so a step is a look-up and validation stays
 * quick with 200 random players.
 */
import type { Analysis, PathStep, Scores } from './contract';
import type { Dimension, EndingTone, Lang, Option, Scenario } from './types';
import { DIMENSIONS, MOOD_MAX, MOOD_MIN } from './types';
import { holds } from './compile-rules';
import { exploreStates, type Choice, type StateGraph } from './analyse-graph';
import { bestOverall, TIE } from './best-from';
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
  /** Decisions where a longer way pays (see LongWay), in file order. */
  longWays: LongWay[];
}

/**
 * A decision where an option that costs points keeps the highest score reachable while other
 * options earn points: more points can still be collected after it (a longer way, or a mood that
 * opens richer branches), so the report would advise it and a player who chose well scores lower.
 */
export interface LongWay {
  node: string;
  option: string;
  /** The options there that earn points, in file order. */
  over: string[];
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
const MAX_RANDOM_STEPS = 10_000;
/** A single walk longer than this is taken to be stuck (a valid scenario ends far sooner). */
const MAX_WALK_STEPS = 1_000_000;

/** Picks one of the options available now. */
type Picker = (available: Choice[]) => Choice;

/** The options available in each state of `g` (those whose condition holds), worked out the first time a walk asks (random walks pass most states many times). */
function optionsIn(g: StateGraph): (s: number) => Choice[] {
  const open = new Array<Choice[] | undefined>(g.next.length);
  return (s) => (open[s] ??= (g.choices.get(g.states[s].node) as Choice[]).filter((c) => c.index >= 0 && holds((c.way as Option).when, g.states[s])));
}

/**
 * Where a player who picks with `pick` at every decision ends up, by the story rules a run
 * follows (never a time-out), walking the scenario's state graph `g` (explored when not given).
 * Null when the walk gets stuck or takes more than `maxSteps` steps, which a valid scenario
 * never does (loops and dead ends are errors).
 */
export function walk(scenario: Scenario, analysis: Pick<Analysis, 'ranges'>, pick: Picker, maxSteps: number = MAX_WALK_STEPS, g: StateGraph = exploreStates(scenario), open = optionsIn(g)): WalkResult | null {
  const total = [0, 0, 0]; // the raw points so far, in DIMENSIONS order
  const steps: PathStep[] = [];
  let s: number | string | null = g.start < 0 ? null : g.start;
  while (typeof s === 'number' && s < g.next.length) {
    if (steps.length >= maxSteps) return null;
    const available = open(s);
    if (available.length === 0) return null;
    const choice = pick(available);
    for (let i = 0; i < total.length; i++) total[i] += choice.points[i];
    steps.push({ node: choice.node, option: choice.id });
    s = g.next[s][choice.index]; // an option's index is its place among the node's choices too
  }
  // No route that holds, or an unknown id, leaves neither a next decision nor an ending.
  if (typeof s !== 'string') return null;
  (g.endingPoints.get(s) as number[]).forEach((p, i) => (total[i] += p));
  const raw = { warmth: total[0], initiative: total[1], outcome: total[2] };
  return { ending: s, tone: scenario.endings[s].tone, scores: scoreState(analysis, { raw }, scenario.scoring?.weights), steps };
}

/** What the seeded random player reaches: its mean scores (one decimal) and its share of fan endings. */
export interface RandomPlayer {
  /** The walks that reached an ending. */
  runs: number;
  mean: Scores;
  fanShare: number;
}

/**
 * A player who picks at random among the options available (never letting the time run out),
 * `options.runs` times (default 200) with a seeded random generator (default seed 1): the same
 * figures for the same file. The report shows its mean as the "typical" score; the validator its
 * mean overall and fan share. Null when no walk reached an ending.
 */
export function randomPlayer(scenario: Scenario, analysis: Pick<Analysis, 'ranges'>, options: TestWisenessOptions = {}, g: StateGraph = exploreStates(scenario)): RandomPlayer | null {
  const random = seededRandom(options.seed ?? 1);
  const runs = options.runs ?? 200;
  const walks: WalkResult[] = [];
  const open = optionsIn(g);
  let budget = MAX_RANDOM_STEPS;
  while (walks.length < runs && budget > 0) {
    const w = walk(scenario, analysis, (available) => available[Math.floor(random() * available.length)], budget, g, open);
    if (!w) break;
    budget -= w.steps.length;
    walks.push(w);
  }
  if (!walks.length) return null;
  const mean = (k: keyof Scores) => Math.round((walks.reduce((sum, w) => sum + w.scores[k], 0) / walks.length) * 10) / 10;
  return {
    runs: walks.length,
    mean: { warmth: mean('warmth'), initiative: mean('initiative'), outcome: mean('outcome'), overall: mean('overall') },
    fanShare: Math.round((walks.filter((w) => w.tone === 'fan').length / walks.length) * 1000) / 1000,
  };
}

/** Each option's text length in a language, in characters (code points: an emoji counts once), worked out once. */
function textLengths(scenario: Scenario, lang: Lang): Map<Option, number> {
  const lengths = new Map<Option, number>();
  for (const node of Object.values(scenario.nodes)) for (const o of node.options) lengths.set(o, [...t(o.text, lang).trim()].length);
  return lengths;
}

/** The option with the most (or, with sign -1, the fewest) characters; the first in the file on a tie. */
function byLength(length: Map<Option, number>, sign: 1 | -1): Picker {
  const of = (c: Choice) => length.get(c.way as Option) as number;
  return (available) => available.reduce((best, c) => (sign * (of(c) - of(best)) > 0 ? c : best));
}

/** The options with the highest immediate points, weighted as the overall score weighs them. */
function topScoring(options: readonly Option[], weights: Record<Dimension, number>): Option[] {
  const points = options.map((o) => DIMENSIONS.reduce((sum, d) => sum + weights[d] * (o.effects?.[d] ?? 0), 0));
  const top = Math.max(...points);
  return options.filter((_, i) => points[i] === top);
}

/** The steps of a path whose option is a top-scoring one of its node. */
export function topScoringSteps(scenario: Scenario, steps: readonly PathStep[]): PathStep[] {
  const weights = resolveWeights(scenario.scoring?.weights);
  return steps.filter((step) => topScoring(scenario.nodes[step.node]?.options ?? [], weights).some((o) => o.id === step.option));
}

/** The longest-option cue in each language: at how many decisions a longest option is a top-scoring one. */
function lengthCues(scenario: Scenario, lengths: Map<Lang, Map<Option, number>>): Partial<Record<Lang, LengthCue>> {
  const weights = resolveWeights(scenario.scoring?.weights);
  // Only decisions whose options score differently count: elsewhere every option is top-scoring.
  const decisions = Object.entries(scenario.nodes).map(([id, { options }]) => ({ id, options, top: topScoring(options, weights) })).filter((d) => d.top.length < d.options.length);
  const out: Partial<Record<Lang, LengthCue>> = {};
  for (const [lang, length] of lengths) {
    const longest = (options: Option[]) => Math.max(...options.map((o) => length.get(o) as number));
    const longestBest = decisions.filter(({ options, top }) => top.some((o) => length.get(o) === longest(options))).map((d) => d.id);
    out[lang] = { decisions: decisions.length, longestBest, share: decisions.length ? longestBest.length / decisions.length : 0 };
  }
  return out;
}

/** The runs of decisions on the best path where the customer's mood is at -5 or +5. */
function saturatedRuns(g: StateGraph, analysis: Pick<Analysis, 'bestPath'>): SaturatedRun[] {
  const runs: SaturatedRun[] = [];
  let s: number | string | null = g.start;
  let previous: number | null = null;
  for (const step of analysis.bestPath.steps) {
    if (typeof s !== 'number' || s < 0 || s >= g.next.length) break;
    const mood = g.states[s].mood;
    if (mood === MOOD_MIN || mood === MOOD_MAX) {
      // A new run starts unless the decision before was at this limit too.
      if (mood !== previous) runs.push({ mood, nodes: [] });
      runs[runs.length - 1].nodes.push(step.node);
    }
    previous = mood;
    const c = (g.choices.get(g.states[s].node) ?? []).findIndex((choice) => choice.id === step.option);
    s = c < 0 ? null : g.next[s][c];
  }
  return runs.filter((r) => r.nodes.length >= MOOD_RUN);
}

/** The decisions where a longer way pays (see LongWay), found with the analysis's search over `g`. */
function longWays(scenario: Scenario, analysis: Pick<Analysis, 'ranges'>, g: StateGraph): LongWay[] {
  if (g.start < 0 || g.truncated) return [];
  const weights = resolveWeights(scenario.scoring?.weights);
  // What a raw point adds to the overall score (its slope), and what an option's points are worth by the rubric.
  const { slope, best } = bestOverall(g, analysis, weights);
  const dot = (w: number[], p: number[] | undefined) => (p ? w[0] * p[0] + w[1] * p[1] + w[2] * p[2] : 0);
  const rubric = DIMENSIONS.map((d) => weights[d]);
  // What each choice's own points are worth by the rubric, and to the overall score, worked out once.
  const own = new Map([...g.choices].map(([node, choices]) => [node, choices.map((c) => dot(rubric, c.points))]));
  const now = new Map([...g.choices].map(([node, choices]) => [node, choices.map((c) => dot(slope, c.points))]));
  const found = new Map<Choice, LongWay>();
  g.next.forEach((next, s) => {
    const node = g.states[s].node;
    const choices = g.choices.get(node) as Choice[];
    const points = own.get(node) as number[];
    const worth = now.get(node) as number[];
    // The options available here (not the time-out), and the highest score each keeps reachable.
    let top = -Infinity;
    let earns = false;
    const value = next.map((to, i) => {
      if (to === null || choices[i].index < 0) return -Infinity;
      const v = worth[i] + (typeof to === 'string' ? dot(slope, g.endingPoints.get(to)) : best.value[to]);
      if (v > top) top = v;
      if (points[i] > 0) earns = true;
      return v;
    });
    if (!earns) return;
    value.forEach((v, i) => {
      if (v === -Infinity || v < top - TIE || points[i] >= 0) return;
      if (found.has(choices[i])) return;
      const over = choices.filter((c, j) => value[j] > -Infinity && points[j] > 0).map((c) => c.id as string);
      found.set(choices[i], { node, option: choices[i].id as string, over });
    });
  });
  const position = new Map(Object.keys(scenario.nodes).map((id, i) => [id, i]));
  return [...found.values()].sort((a, b) => (position.get(a.node) as number) - (position.get(b.node) as number));
}

/**
 * Plays a valid scenario as test-wise players would and measures its cues: see TestWiseness.
 * `analysis` is the scenario's analysis (its score ranges and best path), `g` its state graph
 * (explored when not given). With `runs: 0` only the text-length walks and cues are worked out
 * (what the scenario map needs).
 */
export function testWiseness(scenario: Scenario, analysis: Pick<Analysis, 'ranges' | 'bestPath'>, options: TestWisenessOptions = {}, g: StateGraph = exploreStates(scenario)): TestWiseness {
  const out: TestWiseness = { longest: {}, shortest: {}, lengthCue: {}, random: { runs: 0, meanOverall: 0, fanShare: 0 }, saturated: [], longWays: [] };
  const lengths = new Map((scenario.languages ?? []).map((lang) => [lang, textLengths(scenario, lang)]));
  out.lengthCue = lengthCues(scenario, lengths);
  for (const [lang, length] of lengths) {
    const longest = walk(scenario, analysis, byLength(length, 1), MAX_WALK_STEPS, g);
    const shortest = walk(scenario, analysis, byLength(length, -1), MAX_WALK_STEPS, g);
    if (longest) out.longest[lang] = longest;
    if (shortest) out.shortest[lang] = shortest;
  }
  const player = randomPlayer(scenario, analysis, options, g);
  if (player) out.random = { runs: player.runs, meanOverall: player.mean.overall, fanShare: player.fanShare };
  out.saturated = saturatedRuns(g, analysis);
  out.longWays = longWays(scenario, analysis, g);
  return out;
}
