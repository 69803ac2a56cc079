import { describe, expect, it } from 'vitest';
import { analyseScenario } from '../engine/analyse';
import { scoreState } from '../engine/score';
import { replayRun } from '../engine/replay';
import { buildStatements, playerAgent, registrationOf, teamGroup } from './statements';
import { builtIn, playThrough } from '../persistence/test/play';
import { leaderboard, teamAverages } from '../persistence/stats';
import { resultsFromStatements } from './lrs-results';

describe('team scores from LRS statements', () => {
  it('gives back each run\'s scores, player and team, so the board compares teams from anywhere', () => {
    const toy = builtIn('toy-shop-saturday');
    const analysis = analyseScenario(toy.scenario);
    const HOME = 'https://frontlijn.test';
    const runs = [
      { run: playThrough(toy, 'r1', 'anna', (i) => i), name: 'Anna', team: teamGroup(HOME, 'shop-a', 'Winkel A') },
      { run: playThrough(toy, 'r2', 'bo', (i) => i * 3 + 1), name: 'Bo', team: teamGroup(HOME, 'shop-b', 'Winkel B') },
    ];
    const statements = runs.flatMap(({ run, name, team }) =>
      buildStatements(toy.scenario, run, { base: `${HOME}/xapi`, actor: playerAgent(HOME, run.playerId!, name), team, lang: 'nl', analysis }),
    );
    // Statements of another scenario's registration without scores are ignored; order does not matter.
    const board = resultsFromStatements(JSON.parse(JSON.stringify(statements.reverse())), 'toy-shop-saturday');
    expect(board.profiles.map((p) => [p.id, p.name, p.teamId]).sort()).toEqual([
      ['anna', 'Anna', 'shop-a'],
      ['bo', 'Bo', 'shop-b'],
    ]);
    expect(board.teams.map((t) => t.name).sort()).toEqual(['Winkel A', 'Winkel B']);
    for (const { run } of runs) {
      const row = board.results.find((r) => r.playerId === run.playerId)!;
      expect(row.scores).toEqual(scoreState(analysis, replayRun(toy.scenario, run), toy.scenario.scoring?.weights));
      expect(row.scenarioHash).toBe(toy.hash);
      expect(row.finishedAt).toBe(run.finishedAt);
      // The decisions, for the debrief.
      expect(row.steps).toEqual(replayRun(toy.scenario, run).steps.map((x) => ({ node: x.node, option: x.option })));
    }
    const rows = leaderboard(board.results, 'toy-shop-saturday', 'best', board.profiles);
    expect(rows).toHaveLength(2);
    expect(teamAverages(rows, board.teams).map((a) => a.name).sort()).toEqual(['Winkel A', 'Winkel B']);
  });

  it('marks a player sent without a name (a guest) as a guest, told apart by their account', () => {
    const toy = builtIn('toy-shop-saturday');
    const HOME = 'https://frontlijn.test';
    const statements = ['g1', 'g2'].flatMap((id, i) =>
      buildStatements(toy.scenario, playThrough(toy, `r${i}`, id, (k) => k), { base: `${HOME}/xapi`, actor: playerAgent(HOME, id), lang: 'nl', analysis: analyseScenario(toy.scenario) }),
    );
    const board = resultsFromStatements(JSON.parse(JSON.stringify(statements)), 'toy-shop-saturday');
    expect(board.profiles.map((p) => [p.id, p.guest]).sort()).toEqual([
      ['g1', true],
      ['g2', true],
    ]);
  });

  it('keeps two runs under one LMS registration (a cmi5 launch) apart, by their run extension', () => {
    const toy = builtIn('toy-shop-saturday');
    const HOME = 'https://frontlijn.test';
    const cmi5 = { registration: '760e3480-ba55-4991-94b0-01820dbd23a2', contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's-1' } } };
    const runs = [playThrough(toy, 'r1', 'sam', (i) => i), playThrough(toy, 'r2', 'sam', (i) => i * 3 + 1)];
    const statements = runs.flatMap((run) =>
      buildStatements(toy.scenario, run, { base: `${HOME}/xapi`, actor: playerAgent(HOME, 'sam', 'Sam'), lang: 'nl', analysis: analyseScenario(toy.scenario), cmi5 }),
    );
    const board = resultsFromStatements(JSON.parse(JSON.stringify(statements)), 'toy-shop-saturday');
    expect(board.results.map((r) => r.finishedAt)).toEqual(runs.map((r) => r.finishedAt));
    expect(board.results.map((r) => r.runId)).toEqual(runs.map((r) => registrationOf(r.id)));
    for (const [i, run] of runs.entries()) expect(board.results[i].steps).toEqual(replayRun(toy.scenario, run).steps.map((x) => ({ node: x.node, option: x.option })));
  });
});
