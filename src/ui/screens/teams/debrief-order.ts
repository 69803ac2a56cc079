/**
 * The order in which the debrief steps through a scenario's decisions: breadth-first from the
 * start, following every option, route and time-out, so decisions come in story order.
 */
import type { Next, Scenario } from '../../../engine/types';

function targets(next: Next): string[] {
  return typeof next === 'string' ? [next] : next.map((r) => r.to);
}

export function decisionOrder(scenario: Scenario, start = scenario.start): string[] {
  const seen = new Set<string>([start]);
  const order: string[] = [];
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const node = scenario.nodes[id];
    if (!node) continue;
    order.push(id);
    const nexts = [...node.options.map((o) => o.next), ...(node.timeLimit ? [node.timeLimit.next] : [])];
    for (const n of nexts.flatMap(targets)) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  // Nodes no path reaches (a broken custom scenario) still get a place, at the end.
  for (const id of Object.keys(scenario.nodes)) if (!seen.has(id)) order.push(id);
  return order;
}
