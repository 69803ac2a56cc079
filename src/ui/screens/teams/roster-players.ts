/**
 * The room's roster a row per player: "who has handed in", the same thing its count counts. A
 * player who handed in more than one run is one row, with their runs counted and the time of the
 * latest; rows stay in the order players first handed in (the roster's numbers are "the nth to
 * hand in"). A run without a player id stands for a player of its own.
 *
 * In an assessment room a player has handed in when the leaderboard, team averages and debrief
 * count one of their runs (stats.ts, leftOutBecause: the same rule, asked there); a player whose
 * runs are all left out (a coaching run, one without a signature) is listed with the reason, so
 * the trainer can ask them to play the assessment. A coaching room is practice with no board:
 * there every player who handed in has, and a coaching run is no reason to mark anyone.
 *
 * A row also says which of its runs the board leaves out, by reason ("2 runs (1 practice)"), so
 * its number of runs agrees with the leaderboard's attempts.
 */
import type { Mode } from '../../../engine/types';
import type { RunResult } from '../../../persistence/api';
import { leftOutBecause, type LeftOutBecause } from '../../../persistence/stats';

export interface RosterPlayer {
  /** The player id, or the run id for a run without one. */
  key: string;
  playerId: string | null;
  /** How many runs of this player were handed in to the room. */
  runs: number;
  /** When their latest run was finished (ms). */
  latest: number;
  /** Why none of their runs counts where players are compared, to mark them by; null when one does (in a coaching room, also for coaching runs). */
  leftOut: LeftOutBecause | null;
  /** They count as handed in: a run of theirs is compared (in a coaching room: always). */
  counted: boolean;
  /** How many of their runs the board leaves out, by reason (in a coaching room, coaching is none). */
  apart: Partial<Record<LeftOutBecause, number>>;
}

/** Of a player's reasons, the one to tell the trainer: the nearest to counting first. */
const NEAREST: readonly LeftOutBecause[] = ['unverified', 'part-way', 'no-player', 'coaching'];

function reason(r: RunResult, mode: Mode): LeftOutBecause | null {
  const why = leftOutBecause(r);
  return mode === 'coaching' && why === 'coaching' ? null : why;
}

function nearer(a: LeftOutBecause | null, b: LeftOutBecause | null): LeftOutBecause | null {
  if (a === null || b === null) return null;
  return NEAREST.indexOf(a) <= NEAREST.indexOf(b) ? a : b;
}

/** Rows of handed-in runs (oldest first) folded into one row per player, for a room in `mode`. */
export function rosterPlayers(rows: readonly RunResult[], mode: Mode = 'assessment'): RosterPlayer[] {
  const byKey = new Map<string, RosterPlayer>();
  for (const r of rows) {
    const key = r.playerId ?? r.runId;
    const seen = byKey.get(key);
    const why = reason(r, mode);
    const apart = { ...seen?.apart };
    if (why) apart[why] = (apart[why] ?? 0) + 1;
    if (!seen) byKey.set(key, { key, playerId: r.playerId, runs: 1, latest: r.finishedAt, leftOut: why, counted: false, apart });
    else byKey.set(key, { ...seen, runs: seen.runs + 1, latest: Math.max(seen.latest, r.finishedAt), leftOut: nearer(seen.leftOut, why), apart });
  }
  return [...byKey.values()].map((p) => ({ ...p, counted: mode === 'coaching' || p.leftOut === null }));
}
