/**
 * What the report says beyond the numbers: each decision the player met beside what was best
 * from that moment (with the mood and flags they had then), the decisions that cost most, those
 * done well, one tip drawn from a decision not already listed among the costly ones, and the scores of the best play and of a
 * random player to read the player's scores against. Pure, so it is unit-tested.
 */
import type { Analysis, Scores, TakenStep } from '../../../engine/contract';
import type { EndingTone, Option, Scenario } from '../../../engine/types';
import { bestFrom, reviewDecisions } from '../../../engine/best-from';
import type { DecisionReview } from '../../../engine/best-from';
import { scoreState } from '../../../engine/score';
import { firstState } from '../../../engine/compile-rules';

/** One decision the player met, as the report shows it. */
export interface PathRow {
  /** The decision's place in the run (0 = first). */
  index: number;
  /** What the player did there. */
  yours: TakenStep;
  /** The option(s) that were best from that moment (empty when none could reach an ending). */
  best: Option[];
  /** True when the player's choice was one of the best from that moment. */
  same: boolean;
  /** Overall points (0–100, whole) the choice lost against the best there. */
  loss: number;
  /** Overall points (0–100, whole) the worst option at this decision would have lost against the best: what was at stake. */
  stake: number;
}

/** Decisions that lost less than this many overall points (after rounding) count as no loss. */
const NOTICEABLE = 1;
/**
 * "What cost you most" lists only decisions that lost at least this many overall points (of 100):
 * a twentieth of the scale. In the built-in scenarios a losing choice costs either 1–4 points (a
 * shade less good, e.g. one step less warmth) or 5 and more (a choice that changes the visit); "up
 * to 1 point more" under a heading about what cost most reads as a mistake that was not one.
 */
const MEANINGFUL = 5;

function rowOf(scenario: Scenario, r: DecisionReview): PathRow {
  const options = scenario.nodes[r.step.node]?.options ?? [];
  const best = r.outlook.best.map((id) => options.find((o) => o.id === id)).filter((o): o is Option => !!o);
  const same = r.step.option !== null && r.outlook.best.includes(r.step.option);
  const worst = Math.min(...r.outlook.options.map((o) => Math.max(o.overall, 0)));
  const stake = r.outlook.overall === -Infinity ? 0 : Math.round(r.outlook.overall - worst);
  return { index: r.index, yours: r.step, best, same, loss: same ? 0 : Math.round(r.loss), stake };
}

/** Every decision the player met, compared with what was best from that moment. */
export function pathRows(scenario: Scenario, analysis: Pick<Analysis, 'ranges'>, steps: readonly TakenStep[]): PathRow[] {
  return reviewDecisions(scenario, analysis, steps).map((r) => rowOf(scenario, r));
}

/** The decisions that lost at least `min` overall points, the costliest first, a tie in the order played. */
function losses(rows: readonly PathRow[], min: number): PathRow[] {
  return rows.filter((r) => !r.same && r.loss >= min && r.best.length > 0).sort((a, b) => b.loss - a.loss || a.index - b.index);
}

/**
 * The decisions that cost most (at most `n`): only those where the choice lost a meaningful
 * number of overall points (MEANINGFUL) against the best from there.
 */
export function costliest(rows: readonly PathRow[], n = 3): PathRow[] {
  return losses(rows, MEANINGFUL).slice(0, n);
}

/** True when no decision lost even one overall point: the player chose the best everywhere. */
export function noLoss(rows: readonly PathRow[]): boolean {
  return losses(rows, NOTICEABLE).length === 0;
}

/**
 * What the player did well (at most `n`): the decisions where they chose the best option there, or
 * one that lost less than a point against it, and where a worse choice was possible (a decision
 * whose every option ends the same is no achievement). Those with the most at stake first, a tie in
 * the order played. Empty for a run with no such decision.
 */
export function wellDone(rows: readonly PathRow[], n = 3): PathRow[] {
  return rows
    .filter((r) => r.yours.option !== null && r.best.length > 0 && (r.same || r.loss < NOTICEABLE) && r.stake >= NOTICEABLE)
    .sort((a, b) => b.stake - a.stake || a.index - b.index)
    .slice(0, n);
}

/** The tip for next time: at a decision that lost points, the best option there and its feedback. */
export interface Tip {
  row: PathRow;
  /** The option to choose there next time (the first of the best ones). */
  better: Option;
}

/**
 * The tip from the costliest decision that "what cost you most" does not already list (its better
 * choice would be said twice, word for word), or null when every decision that lost points is
 * listed there, or none did (see noLoss).
 */
export function tipOf(rows: readonly PathRow[]): Tip | null {
  const listed = new Set(costliest(rows).map((r) => r.index));
  const top = losses(rows, NOTICEABLE).find((r) => !listed.has(r.index));
  return top ? { row: top, better: top.best[0] } : null;
}

/**
 * The scores of the best play from where the run started (the start, or a test run's start
 * node): the continuation that keeps the highest overall reachable.
 */
export function bestScores(scenario: Scenario, analysis: Pick<Analysis, 'ranges'>, startNode?: string): Scores | null {
  const node = startNode ?? scenario.start;
  const b = bestFrom(scenario, analysis, { ...firstState(scenario, node), raw: { warmth: 0, initiative: 0, outcome: 0 } });
  const top = b.options.find((o) => o.option === b.best[0]);
  return top ? scoreState(analysis, top, scenario.scoring?.weights) : null;
}

/** A fan ending below this overall score reads as a contradiction that the report explains. */
const FAN_BELOW = 75;
/** A lost visit at or above this overall score: many choices were handled well nonetheless. */
const LOST_FROM = 60;

/**
 * When the ending's tone and the total seem to disagree (a fan with 65, a lost visit with 60),
 * which way: the report then names it in a line and points to the costly decisions below. Null
 * when they agree, or when no decision cost anything (there would be nothing below to point to).
 */
export function endingVsTotal(tone: EndingTone, overall: number, rows: readonly PathRow[]): 'fan-points-left' | 'lost-handled-well' | null {
  if (costliest(rows, 1).length === 0) return null;
  // (compared as the report shows it: whole points)
  const shown = Math.round(overall);
  if (tone === 'fan' && shown < FAN_BELOW) return 'fan-points-left';
  if (tone === 'lost' && shown >= LOST_FROM) return 'lost-handled-well';
  return null;
}
