/**
 * A results file (or link) must not change what it has no right to change (#17): scenario
 * versions it brings are kept apart until a manager accepts them, their runs count nowhere until
 * then, a run joins a player here only when id and name agree, and impossible or conflicting runs
 * are refused. Each case on both stores.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { validateScenario } from '../engine/validate';
import { contentHash } from '../engine/hash';
import type { Run } from '../engine/types';
import type { Store, StoredScenario } from './api';
import { IdbStore, openIdb } from './idb';
import { IssueHub } from './issues';
import { MemoryStore } from './memory';
import { ImportError, readResultsFile, RESULTS_FORMAT, type KnownVersion } from './results-file';
import { scoreRun } from './scoring';
import { profile } from './test/fixtures';
import { builtIn, playThrough } from './test/play';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const toy = builtIn('toy-shop-saturday');
const BUILT_IN_IDS = ['toy-shop-saturday', 'fuel-station-evening', 'cafe-terrace-sun', 'tram-card-reader'];
const NOW = Date.UTC(2026, 2, 10);

type Json = Record<string, unknown> & { nodes: Record<string, { options: { effects?: Record<string, number>; text: unknown }[] }> };

/** A version made from `base` by `edit`, with its hash recomputed by the project's own validator. */
function forge(base: StoredScenario, edit: (s: Json) => void, custom = base.custom): StoredScenario {
  const s = JSON.parse(base.source) as Json;
  edit(s);
  const source = JSON.stringify(s, null, 2);
  const v = validateScenario(source);
  if (!v.ok || !v.scenario) throw new Error('the forged version does not validate');
  return { hash: contentHash(v.scenario), id: v.scenario.id, source, scenario: v.scenario, custom, storedAt: 1 };
}

/** Every option scores the most on every dimension. */
const generous = (s: Json) => {
  for (const n of Object.values(s.nodes)) for (const o of n.options) o.effects = { ...o.effects, warmth: 2, initiative: 2, outcome: 2 };
};

function resultsFile(parts: { scenarios?: StoredScenario[]; runs?: Run[]; profiles?: unknown[] }): string {
  return JSON.stringify({
    format: RESULTS_FORMAT,
    formatVersion: 1,
    exportedAt: NOW,
    scope: { kind: 'all' },
    teams: [],
    profiles: parts.profiles ?? [],
    scenarios: (parts.scenarios ?? []).map((s) => ({ hash: s.hash, id: s.id, custom: s.custom, source: s.source })),
    runs: parts.runs ?? [],
    scores: [],
  });
}

/** What the app knows on its own: what is stored, else a built-in that shipped with it. */
function knownOn(store: Store): KnownVersion {
  return async (hash) => (await store.getScenario(hash)) ?? (hash === toy.hash ? toy : undefined);
}

async function read(store: Store, text: string) {
  return readResultsFile(text, knownOn(store), NOW, { builtInIds: BUILT_IN_IDS });
}

async function refusal(store: Store, text: string): Promise<ImportError> {
  try {
    await read(store, text);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('the file was accepted');
}

const stores: Record<string, () => Promise<Store>> = {
  memory: async () => new MemoryStore({ scorer: scoreRun }),
  idb: async () => {
    const hub = new IssueHub();
    return new IdbStore(await openIdb(hub), hub, scoreRun);
  },
};

for (const [kind, make] of Object.entries(stores)) {
  describe(`${kind} store: a results file cannot set what it has no right to`, () => {
    it('a forged version of a built-in, hash recomputed, scores nothing until a manager adds it', async () => {
      const store = await make();
      await store.saveProfile(profile('anna', null, 'Anna'));
      const forged = forge(toy, generous, false);
      const run = playThrough(forged, 'r1', 'anna', () => 1);
      const honest = scoreRun({ ...run, scenarioHash: toy.hash }, toy);

      const outcome = await store.importBundle(await read(store, resultsFile({ scenarios: [forged], runs: [run], profiles: [profile('anna', null, 'Anna')] })));
      expect(outcome).toMatchObject({ runsAdded: 1, runsApart: 1 });
      expect(outcome.versions).toEqual([expect.objectContaining({ hash: forged.hash, status: 'new', builtInId: true, runs: 1 })]);
      // Kept, marked, and left out of every leaderboard, average and debrief (all read result rows).
      expect(await store.getRun('r1')).toBeDefined();
      expect(await store.listResults()).toEqual([]);
      expect((await store.listScenarios()).map((s) => s.hash)).not.toContain(forged.hash);
      expect((await store.listPendingScenarios()).map((p) => [p.version.hash, p.runs])).toEqual([[forged.hash, 1]]);

      // The same file again: still waiting, still nothing counted.
      const again = await store.importBundle(await read(store, resultsFile({ scenarios: [forged], runs: [run] })));
      expect(again.versions[0].status).toBe('pending');
      expect(await store.listResults()).toEqual([]);

      // The facilitator accepts it: only now does the run count (with the forged version's scores).
      expect(await store.trustScenario(forged.hash, NOW)).toBe(1);
      const [row] = await store.listResults();
      expect(row.runId).toBe('r1');
      expect(row.scores.overall).toBeGreaterThan(honest?.scores.overall ?? 0);
      expect(await store.listPendingScenarios()).toEqual([]);
    });

    it('a custom version may not take a built-in id', async () => {
      const store = await make();
      const forged = forge(toy, generous, true);
      const run = playThrough(forged, 'r1', null, () => 1);
      expect((await refusal(store, resultsFile({ scenarios: [forged], runs: [run] }))).code).toBe('built-in-id');
      expect(await store.listScenarios()).toEqual([]);
    });

    it('a file without runs does not replace a manager’s custom scenario, and says so', async () => {
      const store = await make();
      const mine = forge(toy, (s) => Object.assign(s, { id: 'shop-basics', title: { nl: 'Winkel', en: 'Shop basics' } }), true);
      await store.saveScenario({ ...mine, storedAt: NOW - 1000 });
      const theirs = forge(mine, (s) => {
        const first = Object.values(s.nodes)[0].options[0];
        first.text = { nl: 'Koop iets bij de buren', en: 'Buy something next door' };
      });
      const outcome = await store.importBundle(await read(store, resultsFile({ scenarios: [theirs] })));
      expect(outcome).toMatchObject({ runsAdded: 0, scenariosAdded: 1 });
      expect(outcome.versions).toEqual([expect.objectContaining({ id: 'shop-basics', hash: theirs.hash, status: 'new', builtInId: false, runs: 0 })]);
      // What players get is still the manager's version.
      expect((await store.listScenarios()).map((s) => s.hash)).toEqual([mine.hash]);
      // Importing the same file in Write scenarios (saveScenario) is accepting it.
      await store.saveScenario({ ...theirs, storedAt: NOW });
      expect((await store.listScenarios()).map((s) => s.hash).sort()).toEqual([mine.hash, theirs.hash].sort());
      expect(await store.listPendingScenarios()).toEqual([]);
    });

    it('a run with an existing player’s id but another name becomes a player of its own', async () => {
      const store = await make();
      await store.saveScenario(toy);
      await store.saveProfile(profile('dewi', null, 'Dewi'));
      await store.saveRun(playThrough(toy, 'd1', 'dewi', () => 0));
      const injected = playThrough(toy, 'm1', 'dewi', () => 1, 'assessment', NOW - 60_000);
      const text = resultsFile({ runs: [injected], profiles: [profile('dewi', null, 'Mallory')] });

      const outcome = await store.importBundle(await read(store, text));
      expect(outcome.runsAdded).toBe(1);
      expect(outcome.players).toEqual([expect.objectContaining({ id: 'dewi', name: 'Mallory', kind: 'separate', holder: 'Dewi', runs: 1 })]);
      const mallory = (await store.listProfiles()).find((p) => p.name === 'Mallory')!;
      expect(mallory.id).not.toBe('dewi');
      expect((await store.listRuns({ playerId: 'dewi' })).map((r) => r.id)).toEqual(['d1']);
      expect((await store.listResults({ playerId: 'dewi' })).map((r) => r.runId)).toEqual(['d1']);
      expect((await store.listRuns({ playerId: mallory.id })).map((r) => r.id)).toEqual(['m1']);

      // Again: the same separate player, nothing twice.
      const again = await store.importBundle(await read(store, text));
      expect(again).toMatchObject({ runsAdded: 0, runsSkipped: 1, profilesAdded: 0 });
      expect(again.players[0]).toMatchObject({ kind: 'separate', storedAs: mallory.id });
      expect((await store.listProfiles()).length).toBe(2);

      // A run that reuses one of Dewi's run ids changes nothing of hers.
      const overwrite = { ...playThrough(toy, 'd1', 'dewi', () => 2), finishedAt: NOW - 1 };
      await store.importBundle(await read(store, resultsFile({ runs: [overwrite], profiles: [profile('dewi', null, 'Mallory')] })));
      expect((await store.getRun('d1'))?.playerId).toBe('dewi');
      expect((await store.getRun('d1'))?.events).toEqual(playThrough(toy, 'd1', 'dewi', () => 0).events);

      // Same id and same name: the run joins the player here.
      const honest = playThrough(toy, 'd2', 'dewi', () => 1);
      const joined = await store.importBundle(await read(store, resultsFile({ runs: [honest], profiles: [profile('dewi', null, 'Dewi')] })));
      expect(joined.players[0]).toMatchObject({ kind: 'joined', storedAs: 'dewi' });
      expect((await store.listRuns({ playerId: 'dewi' })).map((r) => r.id).sort()).toEqual(['d1', 'd2']);
    });
  });
}

describe('runs that cannot be true are refused with a reason', () => {
  it('times far in the future or before the start', async () => {
    const store = await stores.memory();
    const run = playThrough(toy, 'r1', null, () => 0);
    const year5107 = Date.UTC(5107, 2, 10);
    const future = { ...run, startedAt: year5107, finishedAt: year5107 + 60_000, events: run.events.map((e) => ({ ...e, at: e.at - run.startedAt + year5107 })) };
    const e1 = await refusal(store, resultsFile({ runs: [future] }));
    expect(e1.code).toBe('impossible-time');
    expect(e1.params).toMatchObject({ index: 1, date: '5107-03-10' });
    const backwards = { ...run, finishedAt: run.startedAt - 1000 };
    expect((await refusal(store, resultsFile({ runs: [backwards] }))).code).toBe('finish-before-start');
  });

  it('one run id twice with different choices', async () => {
    const store = await stores.memory();
    const a = playThrough(toy, 'same', null, () => 0);
    const b = playThrough(toy, 'same', null, () => 1);
    const e = await refusal(store, resultsFile({ runs: [a, b] }));
    expect(e.code).toBe('conflicting-run');
    expect(e.params).toMatchObject({ index: 2, id: 'same' });
    // The same run twice counts once; an unfinished copy and the finished one: the finished one.
    expect((await read(store, resultsFile({ runs: [a, a] }))).runs).toHaveLength(1);
    const open = { ...a, events: a.events.slice(0, 1), finishedAt: undefined };
    const bundle = await read(store, resultsFile({ runs: [open, a] }));
    expect(bundle.runs).toEqual([{ ...a, unverified: true }]);
  });
});
