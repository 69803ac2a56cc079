/**
 * The room's roster a row per player: "who has handed in", the same thing its count counts. A
 * player who handed in more than one run is one row, with their runs counted and the time of the
 * latest; rows stay in the order players first handed in (the roster's numbers are "the nth to
 * hand in"). A run without a player id stands for a player of its own.
 */
import type { RunResult } from '../../../persistence/api';

export interface RosterPlayer {
  /** The player id, or the run id for a run without one. */
  key: string;
  playerId: string | null;
  /** How many runs of this player were handed in to the room. */
  runs: number;
  /** When their latest run was finished (ms). */
  latest: number;
  /** Every run of theirs came without a signature: they are compared nowhere. */
  unverified: boolean;
}

/** Rows of handed-in runs (oldest first) folded into one row per player. */
export function rosterPlayers(rows: readonly RunResult[]): RosterPlayer[] {
  const byKey = new Map<string, RosterPlayer>();
  for (const r of rows) {
    const key = r.playerId ?? r.runId;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { key, playerId: r.playerId, runs: 1, latest: r.finishedAt, unverified: !!r.unverified });
    else byKey.set(key, { ...seen, runs: seen.runs + 1, latest: Math.max(seen.latest, r.finishedAt), unverified: seen.unverified && !!r.unverified });
  }
  return [...byKey.values()];
}
