/**
 * What the report says beyond the numbers: each decision the player met beside what was best
 * from that moment (with the mood and flags they had then), the decisions that cost most, one tip
 * drawn from the costliest decision's own feedback, and the scores of the best play and of a
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
}

/** Decisions that lost less than this many overall points (after rounding) count as no loss. */
const NOTICEABLE = 1;

function rowOf(scenario: Scenario, r: DecisionReview): PathRow {
  const options = scenario.nodes[r.step.node]?.options ?? [];
  const best = r.outlook.best.map((id) => options.find((o) => o.id === id)).filter((o): o is Option => !!o);
  const same = r.step.option !== null && r.outlook.best.includes(r.step.option);
  return { index: r.index, yours: r.step, best, same, loss: same ? 0 : Math.round(r.loss) };
}

/** Every decision the player met, compared with what was best from that moment. */
export function pathRows(scenario: Scenario, analysis: Pick<Analysis, 'ranges'>, steps: readonly TakenStep[]): PathRow[] {
  return reviewDecisions(scenario, analysis, steps).map((r) => rowOf(scenario, r));
}

/**
 * The decisions that cost most (at most `n`, the costliest first, a tie in the order played):
 * only those where the choice lost at least one overall point against the best from there.
 */
export function costliest(rows: readonly PathRow[], n = 3): PathRow[] {
  return rows
    .filter((r) => !r.same && r.loss >= NOTICEABLE && r.best.length > 0)
    .sort((a, b) => b.loss - a.loss || a.index - b.index)
    .slice(0, n);
}

/** The tip for next time: at the costliest decision, the best option there and its feedback. */
export interface Tip {
  row: PathRow;
  /** The option to choose there next time (the first of the best ones). */
  better: Option;
}

/** The tip from the costliest decision, or null when no decision cost anything. */
export function tipOf(rows: readonly PathRow[]): Tip | null {
  const top = costliest(rows, 1)[0];
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
