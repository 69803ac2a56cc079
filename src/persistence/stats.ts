/**
 * Pure figures over result rows: a player's history, the leaderboard of a scenario (best or
 * latest assessment run per player), team averages per dimension, and the debrief counts (how
 * many chose each option at each decision). No I/O: the screens pass in what the store returned.
 */
import type { Scores } from '../engine/contract';
import type { Run, Scenario } from '../engine/types';
import type { Profile, RunResult, Team } from './api';

export type Pick = 'best' | 'latest';
export const SCORE_KEYS = ['warmth', 'initiative', 'outcome', 'overall'] as const;

/**
 * Why a comparison (leaderboard, team averages, debrief) leaves a result out, or null when it
 * counts: a coaching run (practice, with help), a run started part-way (a test of one decision),
 * a guest's run (no player to rank), or a run that came without a signature (it could say
 * anything). The one rule every screen that compares, or says who is compared, asks.
 */
export type LeftOutBecause = 'coaching' | 'part-way' | 'no-player' | 'unverified';

/** What the rule asks of a result, or of a run not yet scored (a hand-in just added). */
export interface LeftOutFields {
  mode: RunResult['mode'];
  startNode?: string;
  playerId: string | null;
  unverified?: boolean;
}

export function leftOutBecause(r: LeftOutFields): LeftOutBecause | null {
  if (r.mode !== 'assessment') return 'coaching';
  if (r.startNode) return 'part-way';
  if (r.playerId === null) return 'no-player';
  return r.unverified ? 'unverified' : null;
}

/**
 * Results that count for comparing: finished assessment runs from the start of the story, made
 * on this device or signed by the device that made them (an unsigned run could say anything).
 */
export function comparable(r: RunResult): boolean {
  return leftOutBecause(r) === null;
}

/**
 * The results of players on this device, and how many of those that `counts` (where players are
 * compared: a scenario's comparable runs) were left out because their player is not here.
 * Deleting a player deletes their results (the Players screen says so), but a run they were still
 * playing in another tab is stored when it ends, and a results file may bring runs without their
 * player. Such a run is shown nowhere, never under a made-up name; the screens that compare
 * players say how many they leave out. Runs without a player id stay.
 */
export function withoutDeletedPlayers(results: readonly RunResult[], profiles: readonly Profile[], counts: (r: RunResult) => boolean): { results: RunResult[]; deleted: number } {
  const here = new Set(profiles.map((p) => p.id));
  const kept: RunResult[] = [];
  let deleted = 0;
  for (const r of results) {
    if (r.playerId === null || here.has(r.playerId)) kept.push(r);
    else if (counts(r)) deleted++;
  }
  return { results: kept, deleted };
}

/** Whether a result is one of a scenario's that players are compared by (for withoutDeletedPlayers). */
export function comparedIn(scenarioId: string): (r: RunResult) => boolean {
  return (r) => r.scenarioId === scenarioId && comparable(r);
}

/** How many of a scenario's runs a comparison leaves out because they came without a signature. */
export function unverifiedLeftOut(results: RunResult[], scenarioId: string, playerIds: Set<string> | null = null): number {
  return results.filter((r) => r.scenarioId === scenarioId && leftOutBecause(r) === 'unverified' && (!playerIds || playerIds.has(r.playerId!))).length;
}

/** Whether a run had its timers off (scale 0) at its start or after a change of the timer setting. */
export function timersOff(run: { timerScale: Run['timerScale']; events: Run['events'] }): boolean {
  return run.timerScale === 0 || (Array.isArray(run.events) && run.events.some((e) => e?.type === 'timer.scale' && e.scale === 0));
}

/** Whether a scenario has a decision with a time limit (only then do timers change anything). */
export function hasTimedDecision(scenario: Scenario): boolean {
  return Object.values(scenario.nodes ?? {}).some((n) => !!n?.timeLimit);
}

function better(a: RunResult, b: RunResult): boolean {
  return a.scores.overall > b.scores.overall || (a.scores.overall === b.scores.overall && a.finishedAt > b.finishedAt);
}

export interface BoardRow {
  playerId: string;
  name: string;
  teamId: string | null;
  scores: Scores;
  attempts: number;
  finishedAt: number;
  rank: number;
  /** The run shown was played (for a while) with the timers off. */
  timersOff: boolean;
  /** The version the run shown was played on. */
  scenarioHash: string;
}

/**
 * One row per player: their best (or latest) comparable run of the scenario, highest first. Equal
 * scores share a rank and stand in the order their runs shown finished (then by player id): an
 * order the room saw happen, the same whether names are shown, hidden or all "Gast".
 */
export function leaderboard(results: RunResult[], scenarioId: string, pick: Pick, profiles: Profile[]): BoardRow[] {
  const people = new Map(profiles.map((p) => [p.id, p]));
  const chosen = new Map<string, { r: RunResult; n: number }>();
  for (const r of results) {
    if (r.scenarioId !== scenarioId || !comparable(r)) continue;
    const id = r.playerId!;
    const cur = chosen.get(id);
    if (!cur) chosen.set(id, { r, n: 1 });
    else {
      cur.n++;
      if (pick === 'best' ? better(r, cur.r) : r.finishedAt > cur.r.finishedAt) cur.r = r;
    }
  }
  const rows: BoardRow[] = [];
  for (const [id, { r, n }] of chosen) {
    const p = people.get(id);
    if (!p) continue; // a deleted player's rows are gone with them; stray rows are not shown
    rows.push({ playerId: id, name: p.name, teamId: p.teamId, scores: r.scores, attempts: n, finishedAt: r.finishedAt, rank: 0, timersOff: r.timersOff === true, scenarioHash: r.scenarioHash });
  }
  rows.sort((a, b) => b.scores.overall - a.scores.overall || a.finishedAt - b.finishedAt || (a.playerId < b.playerId ? -1 : a.playerId > b.playerId ? 1 : 0));
  rows.forEach((row, i) => (row.rank = i > 0 && rows[i - 1].scores.overall === row.scores.overall ? rows[i - 1].rank : i + 1));
  return rows;
}

export interface TeamAverage {
  teamId: string | null;
  name: string | null;
  players: number;
  scores: Scores;
}

/** The average of each dimension over the team's players (one row per player, as on the board). */
export function teamAverages(rows: BoardRow[], teams: Team[]): TeamAverage[] {
  const groups = new Map<string | null, BoardRow[]>();
  for (const row of rows) {
    const g = groups.get(row.teamId) ?? [];
    g.push(row);
    groups.set(row.teamId, g);
  }
  const names = new Map(teams.map((t) => [t.id, t.name]));
  const out: TeamAverage[] = [];
  for (const [teamId, g] of groups) {
    out.push({ teamId, name: teamId ? (names.get(teamId) ?? null) : null, players: g.length, scores: average(g.map((r) => r.scores)) });
  }
  return out.sort((a, b) => b.scores.overall - a.scores.overall);
}

export function average(list: Scores[]): Scores {
  const s: Scores = { warmth: 0, initiative: 0, outcome: 0, overall: 0 };
  if (list.length === 0) return s;
  for (const k of SCORE_KEYS) s[k] = Math.round(list.reduce((sum, x) => sum + x[k], 0) / list.length);
  return s;
}

export interface ScenarioHistory {
  scenarioId: string;
  attempts: RunResult[];
  best: RunResult;
  latest: RunResult;
}

/** A player's finished runs per scenario, oldest attempt first; scenarios by latest activity. */
export function history(results: RunResult[], playerId: string): ScenarioHistory[] {
  const by = new Map<string, RunResult[]>();
  for (const r of results) {
    if (r.playerId !== playerId) continue;
    const list = by.get(r.scenarioId) ?? [];
    list.push(r);
    by.set(r.scenarioId, list);
  }
  const out: ScenarioHistory[] = [];
  for (const [scenarioId, list] of by) {
    list.sort((a, b) => a.finishedAt - b.finishedAt);
    const best = list.reduce((a, b) => (better(b, a) ? b : a));
    out.push({ scenarioId, attempts: list, best, latest: list[list.length - 1] });
  }
  return out.sort((a, b) => b.latest.finishedAt - a.latest.finishedAt);
}

/** How often each option (null: the time ran out) was chosen at each decision node. */
export type DebriefCounts = Map<string, Map<string | null, number>>;

/**
 * Counts the choices of the team's players in the scenario, one run per player (their best or
 * latest comparable run, as on the board), so a player who played five times counts once.
 */
export function debriefCounts(
  results: RunResult[],
  scenarioId: string,
  playerIds: Set<string> | null,
  pick: Pick,
): { counts: DebriefCounts; who: Map<string, Map<string | null, string[]>>; runs: number; timersOff: number; hashes: string[] } {
  const chosen = new Map<string, RunResult>();
  for (const r of results) {
    if (r.scenarioId !== scenarioId || !comparable(r)) continue;
    if (playerIds && !playerIds.has(r.playerId!)) continue;
    const cur = chosen.get(r.playerId!);
    if (!cur || (pick === 'best' ? better(r, cur) : r.finishedAt > cur.finishedAt)) chosen.set(r.playerId!, r);
  }
  const counts: DebriefCounts = new Map();
  const who = new Map<string, Map<string | null, string[]>>();
  for (const r of chosen.values()) {
    const seen = new Set<string>();
    for (const s of r.steps) {
      const key = `${s.node}\u0000${s.option}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const m = counts.get(s.node) ?? new Map<string | null, number>();
      m.set(s.option, (m.get(s.option) ?? 0) + 1);
      counts.set(s.node, m);
      const w = who.get(s.node) ?? new Map<string | null, string[]>();
      w.set(s.option, [...(w.get(s.option) ?? []), r.playerId!]);
      who.set(s.node, w);
    }
  }
  let off = 0;
  for (const r of chosen.values()) if (r.timersOff) off++;
  // The version each counted run was played on (one entry per run), for a note on earlier versions.
  return { counts, who, runs: chosen.size, timersOff: off, hashes: [...chosen.values()].map((r) => r.scenarioHash) };
}
