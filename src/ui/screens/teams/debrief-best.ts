/**
 * The best option at a decision, for the debrief: the one whose own effects weigh most under the
 * scenario's scoring weights (engine/score.ts resolveWeights). It looks at this decision only, not
 * at where each option leads; ties are all marked, and a decision where every option weighs the
 * same has no best one.
 */
import { resolveWeights } from '../../../engine/score';
import type { DecisionNode, Scenario } from '../../../engine/types';

const DIMS = ['warmth', 'initiative', 'outcome'] as const;

export function bestOptions(node: DecisionNode, scoring?: Scenario['scoring']): Set<string> {
  const w = resolveWeights(scoring?.weights);
  const points = node.options.map((o) => DIMS.reduce((sum, d) => sum + w[d] * (o.effects?.[d] ?? 0), 0));
  const top = Math.max(...points);
  if (points.every((p) => p === top)) return new Set();
  return new Set(node.options.filter((_, i) => points[i] === top).map((o) => o.id));
}
