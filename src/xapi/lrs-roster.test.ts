import { describe, expect, it } from 'vitest';
import { analyseScenario } from '../engine/analyse';
import { buildStatements, playerAgent, registrationOf, teamGroup } from './statements';
import { builtIn, playThrough } from '../persistence/test/play';
import { RosterFeed, rosterFromStatements } from './lrs-roster';

describe('the room roster from the LRS', () => {
  it('shows who joined and who finished, polling only what was stored since', async () => {
    const toy = builtIn('toy-shop-saturday');
    const HOME = 'https://frontlijn.test';
    const opts = (id: string, name: string) => ({ base: `${HOME}/xapi`, actor: playerAgent(HOME, id, name), team: teamGroup(HOME, 'bar', 'Bar'), lang: 'nl' as const, analysis: analyseScenario(toy.scenario) });
    const fien = playThrough(toy, 'r1', 'fien', (i) => i);
    const joris = playThrough(toy, 'r2', 'joris', (i) => i + 1);
    const lrs: Record<string, unknown>[] = [];
    const store = (list: ReturnType<typeof buildStatements>) => list.forEach((s) => lrs.push({ ...JSON.parse(JSON.stringify(s)), stored: new Date(1_800_000_000_000 + lrs.length).toISOString() }));
    const queries: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      queries.push(url.search);
      const since = url.searchParams.get('since');
      return Response.json({ statements: lrs.filter((s) => !since || (s.stored as string) > since), more: '' });
    };
    const feed = new RosterFeed({ endpoint: 'https://lrs.test/xAPI/', auth: 'Basic x' }, `${HOME}/xapi/scenarios/toy-shop-saturday`, fetch);
    // Fien has made two decisions; Joris has not started.
    store(buildStatements(toy.scenario, { ...fien, events: fien.events.slice(0, 2), finishedAt: undefined }, opts('fien', 'Fien')));
    let roster = await feed.poll();
    expect(roster.map((r) => [r.name, r.teamName, r.decisions, r.finishedAt])).toEqual([['Fien', 'Bar', 2, null]]);
    // Fien finishes, Joris plays to the end.
    store(buildStatements(toy.scenario, fien, opts('fien', 'Fien')).slice(3));
    store(buildStatements(toy.scenario, joris, opts('joris', 'Joris')));
    roster = await feed.poll();
    expect(roster.map((r) => [r.name, r.decisions, r.finishedAt])).toEqual([
      ['Fien', fien.events.length, fien.finishedAt],
      ['Joris', joris.events.length, joris.finishedAt],
    ]);
    expect(new URLSearchParams(queries[1]).get('since')).toBe(new Date(1_800_000_000_000 + 2 - 1000).toISOString());
    expect(new URLSearchParams(queries[1]).get('related_activities')).toBe('true');
  });

  it('shows two runs under one LMS registration (a cmi5 launch) as two runs', async () => {
    const toy = builtIn('toy-shop-saturday');
    const HOME = 'https://frontlijn.test';
    const cmi5 = { registration: '760e3480-ba55-4991-94b0-01820dbd23a2', contextTemplate: {} };
    const opts = { base: `${HOME}/xapi`, actor: playerAgent(HOME, 'sam', 'Sam'), lang: 'nl' as const, analysis: analyseScenario(toy.scenario), cmi5 };
    const first = playThrough(toy, 'r1', 'sam', (i) => i);
    const second = playThrough(toy, 'r2', 'sam', (i) => i + 1);
    const statements = [...buildStatements(toy.scenario, first, opts), ...buildStatements(toy.scenario, { ...second, events: second.events.slice(0, 1), finishedAt: undefined }, opts)];
    const roster = [...rosterFromStatements(JSON.parse(JSON.stringify(statements))).values()];
    expect(roster.map((r) => [r.registration, r.decisions, r.finishedAt])).toEqual([
      [registrationOf('r1'), first.events.length, first.finishedAt],
      [registrationOf('r2'), 1, null],
    ]);
  });
});
