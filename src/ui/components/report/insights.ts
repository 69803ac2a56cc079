/**
 * What the report says beyond the numbers: the weakest dimension, a concrete tip from the
 * scenario itself (the moment you lost most on that dimension, and what would have worked), and
 * your path next to the best path, step by step. Pure, so it is unit-tested.
 */
import type { Analysis, PathStep, Scores, TakenStep } from '../../../engine/contract';
import type { Dimension, Option, Scenario } from '../../../engine/types';
import { DIMENSIONS } from '../../../engine/types';

/** The dimension with the lowest score (first in the usual order on a tie), or null when all are strong. */
export function weakestDimension(scores: Scores, strong = 85): Dimension | null {
  let weakest: Dimension = DIMENSIONS[0];
  for (const d of DIMENSIONS) if (scores[d] < scores[weakest]) weakest = d;
  return scores[weakest] >= strong ? null : weakest;
}

export interface MomentTip {
  /** The node where your choice cost most on the dimension. */
  node: string;
  /** What you did (null: you let the time run out). */
  yours: Option | null;
  /** The option there that scores best on the dimension. */
  better: Option;
}

/** The decision where you lost most on `dim`, with the option that would have scored best there. */
export function momentTip(scenario: Scenario, steps: TakenStep[], dim: Dimension): MomentTip | null {
  let best: { tip: MomentTip; gap: number } | null = null;
  for (const step of steps) {
    const node = scenario.nodes[step.node];
    if (!node) continue;
    const got = step.effects[dim] ?? 0;
    let top: Option | null = null;
    for (const o of node.options) if (!top || (o.effects?.[dim] ?? 0) > (top.effects?.[dim] ?? 0)) top = o;
    if (!top || top.id === step.option) continue;
    const gap = (top.effects?.[dim] ?? 0) - got;
    if (gap > 0 && (!best || gap > best.gap)) {
      const yours = step.option === null ? null : (node.options.find((o) => o.id === step.option) ?? null);
      best = { tip: { node: step.node, yours, better: top }, gap };
    }
  }
  return best?.tip ?? null;
}

export interface PathRow {
  index: number;
  yours: TakenStep | null;
  best: PathStep | null;
  /** True when you made the best path's choice at the same decision. */
  same: boolean;
}

/** Your steps and the best path's steps side by side, row by row. */
export function pairPaths(steps: TakenStep[], bestPath: Analysis['bestPath'] | null): PathRow[] {
  const bestSteps = bestPath?.steps ?? [];
  const n = Math.max(steps.length, bestSteps.length);
  const rows: PathRow[] = [];
  for (let i = 0; i < n; i++) {
    const yours = steps[i] ?? null;
    const best = bestSteps[i] ?? null;
    rows.push({ index: i, yours, best, same: !!yours && !!best && yours.node === best.node && yours.option === best.option });
  }
  return rows;
}
