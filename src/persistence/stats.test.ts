import { describe, expect, it } from 'vitest';
import type { RunResult } from './api';
import { comparable, comparedIn, debriefCounts, hasTimedDecision, history, leaderboard, leftOutBecause, teamAverages, timersOff, withoutDeletedPlayers } from './stats';
import { scoreRun } from './scoring';
import { restoreResult } from './restore';
import { builtIn, playThrough } from './test/play';
import { scoresCsv } from './csv';
import { profile, team } from './test/fixtures';

function res(runId: string, playerId: string | null, overall: number, finishedAt: number, over: Partial<RunResult> = {}): RunResult {
  return {
    runId,
    playerId,
    scenarioId: 'mini',
    scenarioHash: 'h',
    mode: 'assessment',
    startedAt: finishedAt - 1000,
    finishedAt,
    ending: 'end',
    tone: 'fan',
    scores: { warmth: overall, initiative: overall - 10, outcome: overall + 10, overall },
    steps: [
      { node: 'a', option: overall >= 50 ? 'good' : 'bad' },
      { node: 'b', option: null },
    ],
    ...over,
  };
}

const profiles = [profile('anna', 't1', 'Anna'), profile('bram', 't1', 'Bram'), profile('cem', 't2', 'Cem'), profile('dewi', null, 'Dewi')];
const teams = [team('t1', 'Kassa'), team('t2', 'Bar')];
const results = [
  res('1', 'anna', 40, 100),
  res('2', 'anna', 80, 200),
  res('3', 'anna', 60, 300), // latest, not best
  res('4', 'bram', 70, 150),
  res('5', 'cem', 90, 160),
  res('6', 'cem', 95, 170, { mode: 'coaching' }), // coaching: never compared
  res('7', 'dewi', 99, 180, { startNode: 'b' }), // test run: never compared
  res('8', 'ghost', 100, 190), // a player not on this device: not shown
  res('9', 'bram', 70, 400, { scenarioId: 'other' }),
];

describe('leaderboard', () => {
  it('takes each player’s best or latest assessment run of the scenario', () => {
    expect(leaderboard(results, 'mini', 'best', profiles).map((r) => [r.name, r.scores.overall, r.attempts, r.rank])).toEqual([
      ['Cem', 90, 1, 1],
      ['Anna', 80, 3, 2],
      ['Bram', 70, 1, 3],
    ]);
    expect(leaderboard(results, 'mini', 'latest', profiles).map((r) => [r.name, r.scores.overall])).toEqual([
      ['Cem', 90],
      ['Bram', 70],
      ['Anna', 60],
    ]);
  });

  it('shares a rank on equal scores', () => {
    const tie = [res('1', 'anna', 50, 1), res('2', 'bram', 50, 2), res('3', 'cem', 40, 3)];
    expect(leaderboard(tie, 'mini', 'best', profiles).map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('orders equal scores by who finished first, not by name', () => {
    // Bram finished first, then Anna; the guests Gast 2 and Gast 1 (stored names alike) after them.
    const people = [...profiles, { ...profile('g1', null, 'Gast'), guest: true, guestNumber: 1 }, { ...profile('g2', null, 'Gast'), guest: true, guestNumber: 2 }];
    const tie = [res('1', 'anna', 50, 20), res('2', 'g1', 50, 40), res('3', 'bram', 50, 10), res('4', 'g2', 50, 30)];
    expect(leaderboard(tie, 'mini', 'best', people).map((r) => [r.playerId, r.rank])).toEqual([
      ['bram', 1],
      ['anna', 1],
      ['g2', 1],
      ['g1', 1],
    ]);
  });

  it('averages teams per dimension, one row per player', () => {
    const board = leaderboard(results, 'mini', 'best', profiles);
    const avg = teamAverages(board, teams);
    expect(avg.map((a) => [a.name, a.players, a.scores.overall, a.scores.warmth, a.scores.initiative])).toEqual([
      ['Bar', 1, 90, 90, 80],
      ['Kassa', 2, 75, 75, 65],
    ]);
  });
});

describe('why a run is left out of comparisons', () => {
  it('names the reason, and a run counts exactly when there is none', () => {
    expect(results.map((r) => leftOutBecause(r))).toEqual([null, null, null, null, null, 'coaching', 'part-way', null, null]);
    expect(leftOutBecause(res('9', 'anna', 50, 1, { unverified: true }))).toBe('unverified');
    expect(leftOutBecause(res('10', null, 50, 1))).toBe('no-player');
    // Coaching first: a practice run without a signature is left out as practice.
    expect(leftOutBecause(res('11', 'anna', 50, 1, { mode: 'coaching', unverified: true }))).toBe('coaching');
    for (const r of results) expect(comparable(r)).toBe(leftOutBecause(r) === null);
  });
});

describe('history', () => {
  it('gives per scenario the attempts in order, the best and the latest', () => {
    const h = history(results, 'anna');
    expect(h).toHaveLength(1);
    expect(h[0].attempts.map((a) => a.runId)).toEqual(['1', '2', '3']);
    expect(h[0].best.runId).toBe('2');
    expect(h[0].latest.runId).toBe('3');
  });
});

describe('debrief', () => {
  it('counts each player once, per option, time-outs as null', () => {
    const d = debriefCounts(results, 'mini', new Set(['anna', 'bram']), 'latest');
    expect(d.runs).toBe(2);
    expect(Object.fromEntries(d.counts.get('a')!)).toEqual({ good: 2 });
    expect(d.counts.get('b')!.get(null)).toBe(2);
    expect(d.who.get('a')!.get('good')!.sort()).toEqual(['anna', 'bram']);
    expect(debriefCounts(results, 'mini', null, 'best').runs).toBe(4); // ghost counts when no team filter
  });
});

describe('timers off', () => {
  it('a run had its timers off when it started so or switched them off', () => {
    expect(timersOff({ timerScale: 0, events: [] })).toBe(true);
    expect(timersOff({ timerScale: 1, events: [] })).toBe(false);
    expect(timersOff({ timerScale: 1, events: [{ type: 'timer.scale', scale: 0, at: 5 }] })).toBe(true);
    expect(timersOff({ timerScale: 1.5, events: [{ type: 'timer.scale', scale: 10, at: 5 }] })).toBe(false);
  });

  it('an assessment result with the timers off is marked, on the board and in the debrief count', () => {
    const toy = builtIn('toy-shop-saturday');
    expect(hasTimedDecision(toy.scenario)).toBe(true);
    const off = scoreRun(playThrough(toy, 'off', 'anna', () => 0), toy)!;
    const on = scoreRun({ ...playThrough(toy, 'on', 'bram', () => 0), timerScale: 1 }, toy)!;
    const coaching = scoreRun(playThrough(toy, 'c', 'cem', () => 0, 'coaching'), toy)!;
    expect(off.timersOff).toBe(true);
    expect(on.timersOff).toBeUndefined();
    expect(coaching.timersOff).toBeUndefined();
    const board = leaderboard([off, on], toy.id, 'best', profiles);
    expect(board.map((r) => [r.name, r.timersOff]).sort()).toEqual([['Anna', true], ['Bram', false]]);
    expect(debriefCounts([off, on], toy.id, null, 'best').timersOff).toBe(1);
    // The mark survives the store (a result row read back).
    expect(restoreResult(JSON.parse(JSON.stringify(off)))?.timersOff).toBe(true);
    expect(restoreResult(JSON.parse(JSON.stringify(on)))?.timersOff).toBeUndefined();
  });
});

describe('csv', () => {
  const labels = {
    header: ['Player', 'Team', 'Scenario', 'Id', 'Mode', 'Started', 'Finished', 'Ending', 'W', 'I', 'O', 'Overall', 'Run'],
    mode: { coaching: 'Coaching', assessment: 'Assessment' },
    scenarioTitle: (id: string) => (id === 'mini' ? 'Mini; "quoted"' : id),
    endingTitle: () => undefined,
  };

  it('writes one row per result with escaped cells and a BOM', () => {
    const csv = scoresCsv([res('1', 'anna', 40, 1_700_000_000_000)], profiles, teams, labels, ';');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('Anna;Kassa;"Mini; ""quoted""";mini;Assessment;2023-11-14 22:13:19;2023-11-14 22:13:20;end;40;30;50;40;1');
  });

  it("shows the ending's title in the export's language, and its id only when the version is unknown", () => {
    const titles = { ...labels, endingTitle: (hash: string, id: string) => (hash === 'h-known' && id === 'end' ? 'Geholpen, meer niet' : undefined) };
    const known = { ...res('1', 'anna', 40, 1_700_000_000_000), scenarioHash: 'h-known' };
    const unknown = { ...res('2', 'anna', 50, 1_700_000_100_000), scenarioHash: 'h-gone' };
    const lines = scoresCsv([known, unknown], profiles, teams, titles, ';').slice(1).trim().split('\r\n');
    expect(lines[1]).toBe('Anna;Kassa;"Mini; ""quoted""";mini;Assessment;2023-11-14 22:13:19;2023-11-14 22:13:20;Geholpen, meer niet;40;30;50;40;1');
    expect(lines[2]).toBe('Anna;Kassa;"Mini; ""quoted""";mini;Assessment;2023-11-14 22:14:59;2023-11-14 22:15:00;end;50;40;60;50;2');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const evil = [profile('x', null, '=HYPERLINK("http://evil")')];
    const csv = scoresCsv([res('1', 'x', 40, 1)], evil, [], labels, ',');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('withoutDeletedPlayers', () => {
  it('keeps the runs of players on this device (and runs without a player), and counts the rest that a screen shows', () => {
    const stray = [...results, res('g-coaching', 'ghost', 30, 200, { mode: 'coaching' }), res('g-other', 'ghost', 50, 210, { scenarioId: 'other' }), res('guest', null, 20, 220)];
    const here = withoutDeletedPlayers(stray, profiles, comparedIn('mini'));
    expect(here.results.map((r) => r.runId)).toEqual(['1', '2', '3', '4', '5', '6', '7', '9', 'guest']);
    // on the board and in the debrief: the scenario's compared runs only (the coaching run and the other scenario's are not theirs)
    expect(here.deleted).toBe(1);
    // in a room's roster: every run handed in
    expect(withoutDeletedPlayers(stray, profiles, () => true).deleted).toBe(3);
    // the debrief counts no one who is not here
    const counted = debriefCounts(here.results, 'mini', null, 'latest');
    expect([...counted.who.get('a')!.values()].flat()).not.toContain('ghost');
  });
});
