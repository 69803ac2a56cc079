/**
 * Team scores from an LRS: turns the statements of a scenario (scored per dimension, passed or
 * failed) back into result rows, players and teams, so the Team scores screen can compare teams
 * in different rooms and shops. Pure; `loadLrsResults` does the reading.
 */
import type { EndingTone, Mode } from '../engine/types';
import { DIMENSIONS } from '../engine/types';
import { runKeyOf, VERBS } from './statements';
import type { Profile, RunResult, Team } from '../persistence/api';
import { queryStatements, type LrsTarget } from './lrs-client';

interface Stmt {
  id?: string;
  actor?: { name?: string; account?: { name?: string } };
  verb?: { id?: string };
  object?: { id?: string };
  result?: { response?: string; score?: { scaled?: number; raw?: number }; extensions?: Record<string, unknown> };
  context?: { registration?: string; revision?: string; team?: { name?: string; account?: { name?: string } }; extensions?: Record<string, unknown> };
  timestamp?: string;
}

export interface LrsBoard {
  results: RunResult[];
  profiles: Profile[];
  teams: Team[];
}

function ext(map: Record<string, unknown> | undefined, name: string): unknown {
  if (!map) return undefined;
  const key = Object.keys(map).find((k) => k.endsWith(`/extensions/${name}`));
  return key ? map[key] : undefined;
}

/** Result rows (one per run — `runKeyOf` — with all three dimensions and a pass/fail), with their players and teams. */
export function resultsFromStatements(statements: unknown[], scenarioId: string): LrsBoard {
  const runs = new Map<string, Stmt[]>();
  for (const raw of statements) {
    const s = raw as Stmt;
    const reg = runKeyOf(s?.context);
    if (reg === undefined) continue;
    const list = runs.get(reg) ?? [];
    list.push(s);
    runs.set(reg, list);
  }
  const results: RunResult[] = [];
  const profiles = new Map<string, Profile>();
  const teams = new Map<string, Team>();
  for (const [registration, list] of runs) {
    const scores = { warmth: NaN, initiative: NaN, outcome: NaN, overall: NaN };
    let finishedAt = 0;
    let ending = '';
    let tone: EndingTone | null = null;
    // The decisions, in the order taken (timestamps), for the debrief: option null for a time-out.
    const steps = list
      .filter((s) => s.verb?.id === VERBS.answered.id || s.verb?.id?.endsWith('/verbs/timed-out'))
      .filter((s) => typeof s.object?.id === 'string' && s.object.id.includes('/nodes/'))
      .sort((a, b) => Date.parse(a.timestamp ?? '') - Date.parse(b.timestamp ?? ''))
      .map((s) => ({
        node: decodeURIComponent(s.object!.id!.slice(s.object!.id!.lastIndexOf('/nodes/') + 7)),
        option: s.verb?.id === VERBS.answered.id && typeof s.result?.response === 'string' ? s.result.response : null,
      }));
    for (const s of list) {
      const score = s.result?.score;
      if (s.verb?.id === VERBS.scored.id && typeof score?.scaled === 'number') {
        const d = DIMENSIONS.find((x) => s.object?.id?.endsWith(`/dimensions/${x}`));
        if (d) scores[d] = Math.round(score.scaled * 100);
      }
      if ((s.verb?.id === VERBS.passed.id || s.verb?.id === VERBS.failed.id) && typeof score?.raw === 'number') {
        scores.overall = score.raw;
        finishedAt = Date.parse(s.timestamp ?? '') || 0;
        ending = String(ext(s.result?.extensions, 'ending') ?? '');
        const t = ext(s.result?.extensions, 'tone');
        tone = t === 'fan' || t === 'neutral' || t === 'lost' ? t : null;
      }
    }
    if (Object.values(scores).some((v) => !Number.isFinite(v))) continue;
    const first = list[0];
    const playerId = first.actor?.account?.name;
    if (!playerId) continue;
    const teamId = first.context?.team?.account?.name ?? null;
    // A guest's statements carry no name (source.ts): only their account tells them apart.
    const name = first.actor?.name;
    if (!profiles.has(playerId)) profiles.set(playerId, { id: playerId, name: name ?? playerId, teamId, createdAt: 0, ...(name ? {} : { guest: true }) });
    if (teamId && !teams.has(teamId)) teams.set(teamId, { id: teamId, name: first.context?.team?.name ?? teamId, createdAt: 0 });
    const mode: Mode = ext(first.context?.extensions, 'mode') === 'coaching' ? 'coaching' : 'assessment';
    results.push({
      runId: registration,
      playerId,
      scenarioId,
      scenarioHash: first.context?.revision ?? '',
      mode,
      startedAt: finishedAt,
      finishedAt,
      ending,
      tone,
      scores,
      steps,
    });
  }
  return { results: results.sort((a, b) => a.finishedAt - b.finishedAt), profiles: [...profiles.values()], teams: [...teams.values()] };
}

/** Reads a scenario's results from the LRS (statements API: verb and activity filters, following more). */
export async function loadLrsResults(target: LrsTarget, scenarioIri: string, scenarioId: string, since?: string, fetchImpl: typeof fetch = fetch): Promise<LrsBoard> {
  const base = scenarioIri.slice(0, scenarioIri.lastIndexOf('/scenarios/'));
  const verbs = [VERBS.scored.id, VERBS.passed.id, VERBS.failed.id, VERBS.answered.id, `${base}/verbs/timed-out`];
  const pages = await Promise.all(verbs.map((verb) => queryStatements(target, { verb, activity: scenarioIri, related_activities: true, since }, fetchImpl)));
  return resultsFromStatements(pages.flat(), scenarioId);
}
