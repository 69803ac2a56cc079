import { describe, expect, it } from 'vitest';
import type { Store } from './api';
import { MemoryStore } from './memory';
import { buildResultsFile, ImportError, MAX_RESULTS_BYTES, readResultsFile, type KnownVersion } from './results-file';
import { scoreRun } from './scoring';
import { profile, team } from './test/fixtures';
import { builtIn, playThrough } from './test/play';
import { applyEvent, initialPlayState } from '../engine';
import { contentHash } from '../engine/hash';
import { validateScenario } from '../engine/validate';
import type { Run, RunEvent } from '../engine/types';

const toy = builtIn('toy-shop-saturday');
const fuel = builtIn('fuel-station-evening');

async function deviceWithRuns(): Promise<Store> {
  const store = new MemoryStore({ scorer: scoreRun });
  await store.saveTeam(team('t1', 'Kassa'));
  await store.saveTeam(team('t2', 'Bar'));
  await store.saveProfile(profile('anna', 't1', 'Anna'));
  await store.saveProfile(profile('bram', 't2', 'Bram'));
  await store.saveScenario(toy);
  await store.saveScenario(fuel);
  await store.saveRun(playThrough(toy, 'r1', 'anna', () => 0));
  await store.saveRun(playThrough(toy, 'r2', 'anna', (i) => i + 1));
  await store.saveRun(playThrough(fuel, 'r3', 'bram', () => 1, 'coaching'));
  const open = playThrough(toy, 'r4', 'bram', () => 2);
  await store.saveRun({ ...open, events: open.events.slice(0, 2), finishedAt: undefined });
  return store;
}

const nothingKnown: KnownVersion = async () => undefined;
/** What a device knows on its own: the built-in scenarios that shipped with the app. */
const builtIns: KnownVersion = async (hash) => [toy, fuel].find((v) => v.hash === hash);

/** Runs without the signatures an import keeps with them (a device's own runs have none). */
const unsigned = (runs: Run[]) => runs.map(({ signature: _, ...r }) => r);

async function refused(text: string | Uint8Array, known: KnownVersion = nothingKnown): Promise<ImportError> {
  try {
    await readResultsFile(text, known);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('the file was accepted');
}

describe('results file', () => {
  it('export then import on another device gives the same runs, people and scores', async () => {
    const a = await deviceWithRuns();
    const file = await buildResultsFile(a, { kind: 'all' }, 42);
    expect(file.runs).toHaveLength(4);
    expect(file.scenarios.map((s) => s.id).sort()).toEqual(['fuel-station-evening', 'toy-shop-saturday']);
    const text = JSON.stringify(file);

    const b = new MemoryStore({ scorer: scoreRun });
    const outcome = await b.importBundle(await readResultsFile(text, builtIns));
    expect(outcome).toMatchObject({ runsAdded: 4, profilesAdded: 2, teamsAdded: 2, scenariosAdded: 2, runsUnverified: 0 });
    expect(unsigned(await b.listRuns())).toEqual(await a.listRuns());
    expect((await b.listRuns()).every((r) => r.signature)).toBe(true);
    expect(await b.listResults()).toEqual(await a.listResults());
    expect((await b.listResults()).length).toBe(3);
    expect(await b.listProfiles()).toEqual(await a.listProfiles());

    // Importing the same file again counts nothing twice.
    const again = await b.importBundle(await readResultsFile(text, builtIns));
    expect(again).toMatchObject({ runsAdded: 0, runsUpdated: 0, runsSkipped: 4 });
    expect((await b.listRuns()).length).toBe(4);
  });

  it('exports one player or one team only', async () => {
    const a = await deviceWithRuns();
    const anna = await buildResultsFile(a, { kind: 'player', id: 'anna' });
    expect(anna.runs.map((r) => r.id).sort()).toEqual(['r1', 'r2']);
    expect(anna.profiles.map((p) => p.id)).toEqual(['anna']);
    expect(anna.scenarios.map((s) => s.id)).toEqual(['toy-shop-saturday']);
    const bar = await buildResultsFile(a, { kind: 'team', id: 't2' });
    expect(bar.runs.map((r) => r.id).sort()).toEqual(['r3', 'r4']);
    expect(bar.teams.map((t) => t.name)).toEqual(['Bar']);
  });

  it('recomputes scores by replay: a score edited by hand changes nothing, and the run is named', async () => {
    const a = await deviceWithRuns();
    const file = await buildResultsFile(a, { kind: 'all' });
    // An honest file states what the replay gives: nothing to name.
    expect((await readResultsFile(JSON.stringify(file), builtIns)).misstated).toEqual([]);
    const honest = (await a.listResults()).find((r) => r.runId === 'r1')!.scores;
    const stated = (id: string) => file.scores.find((s) => s.runId === id)!;
    stated('r1').scores = { warmth: 100, initiative: 100, outcome: 100, overall: 100 };
    // Bram's practice: only its ending changed (to one the scenario has), or one score left out.
    const otherEnding = Object.keys(fuel.scenario.endings).find((e) => e !== stated('r3').ending)!;
    stated('r3').ending = otherEnding;
    const { overall: _, ...fewer } = stated('r2').scores;
    (stated('r2') as { scores: object }).scores = fewer;
    // A score for a run the file does not hold, or for one not finished, is no run's: only the second is named.
    file.scores.push({ runId: 'not-in-the-file', scores: honest, ending: 'x' }, { runId: 'r4', scores: honest, ending: 'x' });
    const read = await readResultsFile(JSON.stringify(file), builtIns);
    expect([...read.misstated].sort((x, y) => x.runId.localeCompare(y.runId))).toEqual([
      { runId: 'r1', name: 'Anna', scenario: toy.id, playerId: 'anna' },
      { runId: 'r2', name: 'Anna', scenario: toy.id, playerId: 'anna' },
      { runId: 'r3', name: 'Bram', scenario: fuel.id, playerId: 'bram' },
      { runId: 'r4', name: 'Bram', scenario: toy.id, playerId: 'bram' },
    ]);
    const b = new MemoryStore({ scorer: scoreRun });
    await b.importBundle(read);
    expect((await b.listResults()).find((r) => r.runId === 'r1')!.scores).toEqual(honest);
    expect((await b.listResults()).find((r) => r.runId === 'r3')!.ending).not.toBe(otherEnding);
  });

  it('refuses corrupted, truncated, foreign, newer, oversized and tampered files', async () => {
    const a = await deviceWithRuns();
    const file = await buildResultsFile(a, { kind: 'all' });
    const text = JSON.stringify(file, null, 1);

    // Cut anywhere (also right after a "}" or "]" inside it), the file says it was cut off.
    for (const at of [Math.floor(text.length / 2), text.indexOf('}') + 1, text.indexOf(']') + 1, text.length - 1, text.indexOf('"runs"') + 3]) {
      expect((await refused(text.slice(0, at))).code, `cut at ${at}`).toBe('truncated');
    }
    expect((await refused(text + '}')).code).toBe('not-json');
    expect((await refused('')).code).toBe('empty');
    expect((await refused('not json at all')).code).toBe('not-json');
    expect((await refused(new Uint8Array([0xff, 0xfe, 0x00, 0x7b]))).code).toBe('not-json');
    expect((await refused(JSON.stringify({ hello: 'world' }))).code).toBe('foreign');
    expect((await refused(JSON.stringify({ ...file, formatVersion: 99 }))).code).toBe('newer');
    // A run in a newer format than this device reads, in a file of today's format: not "damaged".
    const newerRun = structuredClone(file);
    newerRun.runs[1].formatVersion = 2;
    expect(await refused(JSON.stringify(newerRun))).toMatchObject({ code: 'newer-run', params: { index: 2 } });
    expect((await refused(JSON.stringify({ ...file, runs: 'nope' }))).code).toBe('invalid');
    expect((await refused('x'.repeat(MAX_RESULTS_BYTES + 1))).code).toBe('too-large');

    const badEvent = structuredClone(file);
    (badEvent.runs[0].events[0] as { option: unknown }).option = { $gt: '' };
    expect((await refused(JSON.stringify(badEvent))).code).toBe('bad-run');

    // A choice changed: that run is left out (its signature does not hold) and named, the others read.
    const otherChoice = structuredClone(file);
    const ev = otherChoice.runs[0].events[0] as { option: string };
    ev.option = 'an-option-that-does-not-exist';
    const read = await readResultsFile(JSON.stringify(otherChoice), builtIns);
    expect(read.refused).toEqual([{ runId: file.runs[0].id, name: 'Anna', scenario: toy.id, playerId: file.runs[0].playerId }]);
    expect(read.runs.map((r) => r.id)).toEqual(file.runs.slice(1).map((r) => r.id));
    // Without its signature, the replay still refuses a choice the scenario does not have.
    delete otherChoice.runs[0].signature;
    expect((await refused(JSON.stringify(otherChoice))).code).toBe('bad-log');

    const editedScenario = structuredClone(file);
    editedScenario.scenarios[0].source = editedScenario.scenarios[0].source.replace(/"warmth": 1\b/, '"warmth": 2');
    expect(editedScenario.scenarios[0].source).not.toBe(file.scenarios[0].source);
    expect((await refused(JSON.stringify(editedScenario))).code).toBe('tampered-scenario');

    const noScenarios = { ...file, scenarios: [] };
    expect((await refused(JSON.stringify(noScenarios))).code).toBe('missing-scenario');
    // ... unless this device knows the exact versions (built-ins).
    const bundle = await readResultsFile(JSON.stringify(noScenarios), builtIns);
    expect(bundle.scenarios.map((s) => s.hash).sort()).toEqual([toy.hash, fuel.hash].sort());
  });

  it('keeps coaching runs whose countdowns started after the feedback (timer.start)', async () => {
    // Coaching: after each choice that leads to a timed decision, the player reads the feedback
    // for 4 s and the countdown starts when it is dismissed.
    function coachingRun(id: string, pick: number): Run {
      const t0 = 1_700_000_000_000;
      const run: Run = { formatVersion: 1, id, scenarioId: toy.id, scenarioHash: toy.hash, playerId: 'anna', mode: 'coaching', timerScale: 1, startedAt: t0, events: [] };
      let state = initialPlayState(toy.scenario, run);
      let at = t0;
      const add = (e: RunEvent) => {
        state = applyEvent(toy.scenario, state, e, run.events.length);
        run.events.push(e);
      };
      for (let i = 0; state.node !== null && i < 50; i++) {
        at += 1500;
        add({ type: 'choice.select', node: state.node, option: state.available[(pick + i) % state.available.length].id, at });
        if (state.node !== null && toy.scenario.nodes[state.node].timeLimit) add({ type: 'timer.start', node: state.node, at: (at += 4000) });
      }
      run.finishedAt = at;
      return run;
    }
    const runs = [0, 1, 2, 3].map((p) => coachingRun(`c${p}`, p)).filter((r) => r.events.some((e) => e.type === 'timer.start'));
    expect(runs.length).toBeGreaterThan(0);
    const a = new MemoryStore({ scorer: scoreRun });
    await a.saveProfile(profile('anna', null, 'Anna'));
    await a.saveScenario(toy);
    for (const r of runs) await a.saveRun(r);
    const text = JSON.stringify(await buildResultsFile(a, { kind: 'all' }, 42));
    const b = new MemoryStore({ scorer: scoreRun });
    const outcome = await b.importBundle(await readResultsFile(text, builtIns));
    expect(outcome).toMatchObject({ runsAdded: runs.length });
    expect(unsigned(await b.listRuns())).toEqual(await a.listRuns());
    expect((await b.listResults()).length).toBe(runs.length);
  });

  it('reads runs of a scenario played before Dutch or stray keys in effects became errors', async () => {
    // A custom scenario saved while "resultaat" and "score" in effects were only warnings: the runs
    // played on it must still be read, and score as they were played (those keys counted nothing).
    const old = JSON.parse(toy.source) as { id: string; nodes: Record<string, { options?: { effects?: Record<string, unknown> }[] }> };
    old.id = 'toy-shop-custom';
    const options = Object.values(old.nodes).flatMap((n) => n.options ?? []);
    options[0].effects = { ...options[0].effects, resultaat: 2 };
    options[1].effects = { ...options[1].effects, score: 5 };
    const source = JSON.stringify(old, null, 2);
    const now = validateScenario(source);
    expect(now.problems.filter((p) => p.severity === 'error').map((p) => p.code).sort()).toEqual(['dutch-field', 'unknown-effect']);
    const then = validateScenario(source, { played: true });
    expect(then.ok).toBe(true);
    const custom = { hash: contentHash(then.scenario!), id: old.id, source, scenario: then.scenario!, custom: true, storedAt: 1 };

    const a = new MemoryStore({ scorer: scoreRun });
    await a.saveProfile(profile('anna', null, 'Anna'));
    await a.saveScenario(custom);
    await a.saveRun(playThrough(custom, 'old1', 'anna', () => 0));
    await a.saveRun(playThrough(custom, 'old2', 'anna', (i) => i + 1));
    const text = JSON.stringify(await buildResultsFile(a, { kind: 'all' }, 42));

    const read = await readResultsFile(text, nothingKnown);
    // The same scenario as played (a custom one from another device waits for a trainer's trust).
    expect(read.scenarios.map((s) => s.scenario)).toEqual([custom.scenario]);
    const b = new MemoryStore({ scorer: scoreRun });
    expect(await b.importBundle(read)).toMatchObject({ runsAdded: 2, scenariosAdded: 1 });
    expect(unsigned(await b.listRuns())).toEqual(await a.listRuns());
    const played = (await a.listRuns()).map((r) => scoreRun(r, custom));
    expect(played).not.toContain(null);
    expect((await b.listRuns()).map((r) => scoreRun(r, read.scenarios[0]))).toEqual(played);
  });
});
