/**
 * The room's roster from the LRS: who joined (initialized) and who finished (completed) a
 * scenario, per run, so a facilitator sees phones in the room as they play. Pure
 * `rosterFromStatements`; `RosterFeed` polls the statements API with `since` (only what is new).
 */
import { runKeyOf, VERBS } from './statements';
import { queryStatements, type LrsTarget } from './lrs-client';

export interface RosterEntry {
  /** The run's registration (`runKeyOf`: in a cmi5 launch its `run` extension, not the LMS's). */
  registration: string;
  playerId: string;
  name: string;
  /** Sent without a name: a guest (source.ts), told apart by `playerId` only. */
  guest: boolean;
  teamId: string | null;
  teamName: string | null;
  joinedAt: number;
  /** How many decisions so far. */
  decisions: number;
  finishedAt: number | null;
}

interface Stmt {
  verb?: { id?: string };
  actor?: { name?: string; account?: { name?: string } };
  context?: { registration?: string; extensions?: Record<string, unknown>; team?: { name?: string; account?: { name?: string } } };
  timestamp?: string;
  stored?: string;
  id?: string;
}

/** Adds statements to a roster (one entry per run, `runKeyOf`; a statement seen twice counts once). */
export function rosterFromStatements(statements: unknown[], previous: Map<string, RosterEntry> = new Map(), seen: Set<string> = new Set()): Map<string, RosterEntry> {
  const out = new Map(previous);
  for (const raw of statements) {
    const s = raw as Stmt;
    const reg = runKeyOf(s?.context);
    const playerId = s?.actor?.account?.name;
    if (!reg || !playerId || (s.id && seen.has(s.id))) continue;
    if (s.id) seen.add(s.id);
    const at = Date.parse(s.timestamp ?? '') || 0;
    const cur = out.get(reg) ?? {
      registration: reg,
      playerId,
      name: s.actor?.name ?? playerId,
      guest: !s.actor?.name,
      teamId: s.context?.team?.account?.name ?? null,
      teamName: s.context?.team?.name ?? null,
      joinedAt: at,
      decisions: 0,
      finishedAt: null,
    };
    const next = { ...cur, joinedAt: Math.min(cur.joinedAt || at, at) };
    if (s.verb?.id === VERBS.answered.id || s.verb?.id?.endsWith('/verbs/timed-out')) next.decisions++;
    if (s.verb?.id === VERBS.completed.id) next.finishedAt = at;
    out.set(reg, next);
  }
  return out;
}

/** Reads a scenario's roster from the LRS, each poll asking only for what was stored since the last. */
export class RosterFeed {
  private roster = new Map<string, RosterEntry>();
  private seen = new Set<string>();
  private since: string | undefined;

  constructor(
    private readonly target: LrsTarget,
    private readonly scenarioIri: string,
    private readonly fetchImpl: typeof fetch = (...a) => fetch(...a),
  ) {}

  async poll(): Promise<RosterEntry[]> {
    const statements = await queryStatements(this.target, { activity: this.scenarioIri, related_activities: true, since: this.since, ascending: true }, this.fetchImpl);
    let latest = 0;
    for (const s of statements) latest = Math.max(latest, Date.parse((s as Stmt).stored ?? '') || 0);
    // A second of overlap: a statement stored in the same instant as the last one read is not
    // missed (what is read twice counts once).
    if (latest) this.since = new Date(Math.max(latest - 1000, Date.parse(this.since ?? '') || 0)).toISOString();
    this.roster = rosterFromStatements(statements, this.roster, this.seen);
    return [...this.roster.values()].sort((a, b) => a.joinedAt - b.joinedAt);
  }
}
