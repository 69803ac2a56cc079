/**
 * Test-wiseness: how far a player gets without reading the options. A score is worth something
 * only when it measures behaviour, so the analysis plays a scenario the way a test-wise player
 * would — always the longest option, always the shortest, at random — and checks the cues an
 * author can leave by accident: the longest option being the best one, and a customer whose mood
 * sits at its limit so that later choices change nothing. Pure: every walk is the replay's own
 * step function (applyEvent), and the random player is seeded, so the figures never change for
 * the same file.
 */
import type { Analysis, PathStep, PlayState, Scores } from './contract';
import type { Dimension, EndingTone, Lang, Option, Run, Scenario } from './types';
import { DIMENSIONS, MOOD_MAX, MOOD_MIN } from './types';
import { applyEvent, initialPlayState, machineFor } from './replay';
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
  /** The nodes where the longest option is a top-scoring one. */
  longestBest: string[];
  /** longestBest.length / decisions, 0 when no decision counts. */
  share: number;
}

/** What a test-wise player reaches in a scenario. */
export interface TestWiseness {
  /** Per language of the scenario: always the longest option, and always the shortest. */
  longest: Partial<Record<Lang, WalkResult | null>>;
  shortest: Partial<Record<Lang, WalkResult | null>>;
  lengthCue: Partial<Record<Lang, LengthCue>>;
  /** A player who picks at random, never letting the time run out. */
  random: { runs: number; meanOverall: number; fanShare: number };
  /** Runs of decisions on the best path where the mood sits at -5 or +5 (node ids, each run at least MOOD_RUN long). */
  saturated: string[][];
}

/** Options of testWiseness. */
export interface TestWisenessOptions {
  /** How many random walks (default 400). */
  runs?: number;
  /** The random player's seed (default 1). */
  seed?: number;
}

/** How many decisions in a row at a mood limit make "later choices no longer change what happens". */
export const MOOD_RUN = 3;
/** More steps than this in one walk means it loops: such a walk is not scored. */
const MAX_STEPS = 500;

type Chooser = (available: Option[], state: PlayState) => Option;

/** Where a player who picks with `pick` at every decision ends up (null when the walk loops or gets stuck). */
export function walk(scenario: Scenario, analysis: Pick<Analysis, 'ranges'>, pick: Chooser): WalkResult | null {
  const machine = machineFor(scenario);
  const run: Run = {
    formatVersion: 1,
    id: 'walk',
    scenarioId: scenario.id,
    scenarioHash: '',
    playerId: null,
    mode: 'assessment',
    timerScale: 0,
    startedAt: 0,
    events: [],
  };
  let state = initialPlayState(scenario, run, machine);
  for (let i = 0; state.node !== null; i++) {
    if (i >= MAX_STEPS || state.available.length === 0) return null;
    const option = pick(state.available, state);
    state = applyEvent(scenario, state, { type: 'choice.select', node: state.node, option: option.id, at: i + 1 }, i, machine);
  }
  const ending = state.ending as string;
  return {
    ending,
    tone: scenario.endings[ending].tone,
    scores: scoreState(analysis, state, scenario.scoring?.weights),
    steps: state.steps.map((s) => ({ node: s.node, option: s.option })),
  };
}

const length = (o: Option, lang: Lang): number => [...t(o.text, lang).trim()].length;

/** The option with the most (or, with sign -1, the fewest) characters; the first in the file on a tie. */
function byLength(lang: Lang, sign: 1 | -1): Chooser {
  return (available) => available.reduce((best, o) => (sign * (length(o, lang) - length(best, lang)) > 0 ? o : best));
}

/** An option's immediate points, weighted as the overall score weighs them. */
function points(o: Option, weights: Record<Dimension, number>): number {
  let sum = 0;
  for (const d of DIMENSIONS) sum += weights[d] * (o.effects?.[d] ?? 0);
  return sum;
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
    const longest = Math.max(...options.map((o) => length(o, lang)));
    if (options.some((o, i) => length(o, lang) === longest && values[i] === top)) longestBest.push(id);
  }
  return { decisions, longestBest, share: decisions ? longestBest.length / decisions : 0 };
}

/** The runs of decisions on a path where the mood the customer is in is at -5 or +5. */
function saturatedRuns(scenario: Scenario, analysis: Pick<Analysis, 'bestPath'>): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  let mood = scenario.customer.initialMood ?? 0;
  const close = () => {
    if (current.length >= MOOD_RUN) runs.push(current);
    current = [];
  };
  for (const step of analysis.bestPath.steps) {
    if (mood <= MOOD_MIN || mood >= MOOD_MAX) current.push(step.node);
    else close();
    const node = scenario.nodes[step.node];
    const way = step.option === null ? node?.timeLimit : node?.options.find((o) => o.id === step.option);
    mood = Math.max(MOOD_MIN, Math.min(MOOD_MAX, mood + (way?.effects?.mood ?? 0)));
  }
  close();
  return runs;
}

/**
 * Plays a valid scenario as test-wise players would and measures its cues: see TestWiseness.
 * `analysis` is the scenario's analysis (its score ranges and best path).
 */
export function testWiseness(scenario: Scenario, analysis: Pick<Analysis, 'ranges' | 'bestPath'>, options: TestWisenessOptions = {}): TestWiseness {
  const out: TestWiseness = { longest: {}, shortest: {}, lengthCue: {}, random: { runs: 0, meanOverall: 0, fanShare: 0 }, saturated: [] };
  for (const lang of scenario.languages ?? []) {
    out.longest[lang] = walk(scenario, analysis, byLength(lang, 1));
    out.shortest[lang] = walk(scenario, analysis, byLength(lang, -1));
    out.lengthCue[lang] = lengthCue(scenario, lang);
  }
  const random = seededRandom(options.seed ?? 1);
  const runs = options.runs ?? 400;
  let total = 0;
  let fans = 0;
  let scored = 0;
  for (let i = 0; i < runs; i++) {
    const r = walk(scenario, analysis, (available) => available[Math.floor(random() * available.length)]);
    if (!r) continue;
    scored++;
    total += r.scores.overall;
    if (r.tone === 'fan') fans++;
  }
  if (scored) out.random = { runs: scored, meanOverall: Math.round((total / scored) * 10) / 10, fanShare: Math.round((fans / scored) * 1000) / 1000 };
  out.saturated = saturatedRuns(scenario, analysis);
  return out;
}
