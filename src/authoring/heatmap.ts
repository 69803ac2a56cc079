/**
 * The choice heatmap: how often players took each option of one scenario version, optionally for
 * one team. Test runs ("play from here") are left out; they are not real play.
 */
import type { Run } from '../engine/types';
import type { Profile } from '../persistence/api';

/** "all" teams, players in no team ("none"), or a team id. */
export type TeamFilter = 'all' | 'none' | string;

export interface Heatmap {
  /** Runs counted. */
  runs: number;
  /** Times each option was taken, by `choiceKey(node, option)` (option null: the time ran out). */
  counts: Map<string, number>;
  /** Times each node was decided (choices plus time-outs). */
  visits: Map<string, number>;
}

export function choiceKey(node: string, option: string | null): string {
  return `${node}\u0000${option ?? ''}`;
}

/** Counts the choices in the runs of scenario version `hash` that match the team filter. */
export function buildHeatmap(runs: readonly Run[], profiles: readonly Profile[], hash: string, team: TeamFilter): Heatmap {
  const teamOf = new Map(profiles.map((p) => [p.id, p.teamId]));
  const counts = new Map<string, number>();
  const visits = new Map<string, number>();
  let n = 0;
  for (const run of runs) {
    if (run.scenarioHash !== hash || run.startNode) continue;
    const t = run.playerId ? (teamOf.get(run.playerId) ?? null) : null;
    if (team === 'none' ? t !== null : team !== 'all' && t !== team) continue;
    n++;
    for (const ev of run.events) {
      if (ev.type === 'timer.scale' || ev.type === 'timer.start') continue;
      const key = choiceKey(ev.node, ev.type === 'choice.select' ? ev.option : null);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      visits.set(ev.node, (visits.get(ev.node) ?? 0) + 1);
    }
  }
  return { runs: n, counts, visits };
}

/** The share (0..1) of decisions at `node` that took `option`, or null when nobody got there. */
export function share(h: Heatmap, node: string, option: string | null): number | null {
  const v = h.visits.get(node) ?? 0;
  return v === 0 ? null : (h.counts.get(choiceKey(node, option)) ?? 0) / v;
}
