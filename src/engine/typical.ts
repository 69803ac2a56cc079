/**
 * The typical score of a scenario: what a player who picks at random gets on average, per
 * dimension and overall. The report shows it beside the player's score and the best, so a number
 * means something. The same seeded random player as the test-wiseness check (same seed, number of
 * walks and choices), so its overall is the validator's "random player" figure.
 *
 * The walks follow the story rules (compile-rules) directly rather than stepping the XState
 * machine as test-wiseness's walk does: the report computes this when it opens, and 400 machine
 * walks took 1–2.6 s on the built-in scenarios; the rules give the same states (a unit test holds
 * the two to the same figure). Pure and seeded.
 */
import type { Analysis, Scores } from './contract';
import type { Dimension, Effects, Scenario } from './types';
import { DIMENSIONS } from './types';
import { availableOptions, clampMood, flagsAfter, moodAfter, routeIndex } from './compile-rules';
import type { FlagSet } from './compile-rules';
import { seededRandom } from './option-order';
import { scoreState } from './score';

/** More decisions than this in one walk means it loops: such a walk is not scored (as in test-wiseness). */
const MAX_STEPS = 500;

function add(raw: Record<Dimension, number>, e: Effects | undefined): void {
  if (e) for (const d of DIMENSIONS) raw[d] += e[d] ?? 0;
}

/** One random walk's raw points, or null when it loops or gets stuck. */
function randomWalk(scenario: Scenario, random: () => number): Record<Dimension, number> | null {
  const raw = { warmth: 0, initiative: 0, outcome: 0 };
  let mood = clampMood(scenario.customer.initialMood ?? 0);
  let flags: FlagSet = {};
  let node = scenario.start;
  for (let i = 0; i < MAX_STEPS; i++) {
    const available = availableOptions(scenario.nodes[node]?.options ?? [], mood, flags);
    if (available.length === 0) return null;
    const o = available[Math.floor(random() * available.length)];
    mood = moodAfter(mood, o.effects);
    flags = flagsAfter(flags, o.effects);
    add(raw, o.effects);
    const r = routeIndex(o.next, mood, flags);
    if (r < 0) return null;
    const to = typeof o.next === 'string' ? o.next : o.next[r].to;
    if (Object.prototype.hasOwnProperty.call(scenario.endings, to)) {
      add(raw, scenario.endings[to].effects);
      return raw;
    }
    node = to;
  }
  return null;
}

/** The random player's mean scores (one decimal), or null when no random walk reached an ending. */
export function typicalScores(scenario: Scenario, analysis: Pick<Analysis, 'ranges'>, options: { runs?: number; seed?: number } = {}): Scores | null {
  const random = seededRandom(options.seed ?? 1);
  const runs = options.runs ?? 400;
  const sum: Scores = { warmth: 0, initiative: 0, outcome: 0, overall: 0 };
  let scored = 0;
  for (let i = 0; i < runs; i++) {
    const raw = randomWalk(scenario, random);
    if (!raw) continue;
    scored++;
    const s = scoreState(analysis, { raw }, scenario.scoring?.weights);
    for (const d of [...DIMENSIONS, 'overall'] as const) sum[d] += s[d];
  }
  if (!scored) return null;
  const mean = (x: number) => Math.round((x / scored) * 10) / 10;
  return { warmth: mean(sum.warmth), initiative: mean(sum.initiative), outcome: mean(sum.outcome), overall: mean(sum.overall) };
}
