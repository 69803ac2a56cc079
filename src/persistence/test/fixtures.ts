/** Small fixtures for the persistence tests: runs, a scenario version, and a scorer that does not need the engine. */
import type { Run, Scenario } from '../../engine/types';
import type { Profile, RunResult, StoredScenario, Team } from '../api';
import type { Scorer } from '../scoring';

export const HASH = 'abcdef0123456789';

export const scenario = {
  formatVersion: 1,
  id: 'mini',
  title: 'Mini',
  description: 'A tiny scenario',
  setting: 'shop',
  player: 'You',
  customer: { name: 'Sanne' },
  languages: ['nl', 'en'],
  start: 'a',
  nodes: {
    a: { situation: 'x', options: [{ id: 'good', text: 'Good', next: 'b' }, { id: 'bad', text: 'Bad', next: 'b' }] },
    b: { situation: 'y', options: [{ id: 'good', text: 'Good', next: 'end' }, { id: 'bad', text: 'Bad', next: 'end' }] },
  },
  endings: { end: { title: 'End', text: 'The end', tone: 'fan' } },
} as unknown as Scenario;

export const version: StoredScenario = {
  hash: HASH,
  id: 'mini',
  source: JSON.stringify(scenario),
  scenario,
  custom: true,
  storedAt: 1,
};

export function run(id: string, playerId: string | null, over: Partial<Run> = {}): Run {
  return {
    formatVersion: 1,
    id,
    scenarioId: 'mini',
    scenarioHash: HASH,
    playerId,
    mode: 'assessment',
    timerScale: 1,
    startedAt: 1_700_000_000_000,
    events: [],
    ...over,
  };
}

export function finishedRun(id: string, playerId: string | null, options: [string, string], over: Partial<Run> = {}): Run {
  const t = 1_700_000_000_000;
  return run(id, playerId, {
    events: [
      { type: 'choice.select', node: 'a', option: options[0], at: t + 1000 },
      { type: 'choice.select', node: 'b', option: options[1], at: t + 2000 },
    ],
    finishedAt: t + 2000,
    ...over,
  });
}

/** Scores 100 per "good" choice averaged, 0 per "bad": enough to see that results follow the log. */
export const fakeScorer: Scorer = (r, v): RunResult | null => {
  if (r.finishedAt === undefined || r.scenarioHash !== v.hash) return null;
  const choices = r.events.filter((e) => e.type === 'choice.select');
  if (choices.length !== 2) return null;
  const good = choices.filter((e) => e.type === 'choice.select' && e.option === 'good').length;
  const s = good * 50;
  return {
    runId: r.id,
    playerId: r.playerId,
    scenarioId: r.scenarioId,
    scenarioHash: r.scenarioHash,
    mode: r.mode,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    ending: 'end',
    tone: 'fan',
    scores: { warmth: s, initiative: s, outcome: s, overall: s },
    steps: choices.map((e) => ({ node: e.type === 'choice.select' ? e.node : '', option: e.type === 'choice.select' ? e.option : null })),
    ...(r.unverified ? { unverified: true as const } : {}),
  };
};

export const profile = (id: string, teamId: string | null, name = `Player ${id}`): Profile => ({ id, name, teamId, createdAt: 1 });
export const team = (id: string, name = `Team ${id}`): Team => ({ id, name, createdAt: 1 });
