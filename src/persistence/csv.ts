/**
 * The scores as CSV for spreadsheets: one row per finished run. Dutch spreadsheets expect ';'
 * as the separator, English ones ','. Cells that a spreadsheet would run as a formula
 * (starting with = + - @) are prefixed with an apostrophe. The ending is its title (the id only
 * when the scenario version is not known here).
 */
import type { Profile, RunResult, Team } from './api';

export interface CsvLabels {
  header: string[];
  mode: Record<'coaching' | 'assessment', string>;
  scenarioTitle: (scenarioId: string) => string;
  /** The ending's title in the export's language, or undefined when its scenario version is not known here. */
  endingTitle: (scenarioHash: string, endingId: string) => string | undefined;
  /** A player as the screens name them ("Gast 3" for a guest); their stored name when absent. */
  playerName?: (p: Profile) => string;
}

function cell(v: string | number, sep: string): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return s.includes(sep) || /["\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** The CSV text (with a byte-order mark so spreadsheets read it as UTF-8). */
export function scoresCsv(results: RunResult[], profiles: Profile[], teams: Team[], labels: CsvLabels, sep: ',' | ';' = ','): string {
  const people = new Map(profiles.map((p) => [p.id, p]));
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  const lines = [labels.header.map((h) => cell(h, sep)).join(sep)];
  const sorted = [...results].sort((a, b) => a.finishedAt - b.finishedAt);
  for (const r of sorted) {
    const p = r.playerId ? people.get(r.playerId) : undefined;
    const row = [
      p ? (labels.playerName?.(p) ?? p.name) : '',
      p?.teamId ? (teamNames.get(p.teamId) ?? '') : '',
      labels.scenarioTitle(r.scenarioId),
      r.scenarioId,
      labels.mode[r.mode],
      iso(r.startedAt),
      iso(r.finishedAt),
      labels.endingTitle(r.scenarioHash, r.ending) ?? r.ending,
      r.scores.warmth,
      r.scores.initiative,
      r.scores.outcome,
      r.scores.overall,
      r.runId,
    ];
    lines.push(row.map((c) => cell(c, sep)).join(sep));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
