/**
 * Runs played on the app's own earlier versions of a built-in count without a trainer's decision,
 * scored against the version they were played on; a hash alone proves nothing (the content that
 * arrives must hash to it). Each case on both stores.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { validateScenario } from '../engine/validate';
import { contentHash } from '../engine/hash';
import type { Run } from '../engine/types';
import type { Store, StoredScenario } from './api';
import { earlierOf, isEarlierVersion, trustEarlierVersions, type EarlierVersions } from './earlier-versions';
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
const BUILT_IN_IDS = ['toy-shop-saturday', 'fuel-station-evening'];
const NOW = Date.UTC(2026, 11, 6);

type Json = Record<string, unknown> & { nodes: Record<string, { options: { effects?: Record<string, number>; text: unknown }[] }> };

/** Another version of the toy shop (its options score otherwise), hashed by the project's validator. */
function versionOf(edit: (s: Json) => void): StoredScenario {
  const s = JSON.parse(toy.source) as Json;
  edit(s);
  const source = JSON.stringify(s, null, 2);
  const v = validateScenario(source);
  if (!v.ok || !v.scenario) throw new Error('the version does not validate');
  return { hash: contentHash(v.scenario), id: v.scenario.id, source, scenario: v.scenario, custom: false, storedAt: 1 };
}

const everyOption = (effects: Record<string, number>) => (s: Json) => {
  for (const n of Object.values(s.nodes)) for (const o of n.options) o.effects = { ...o.effects, ...effects };
};
/** Stands for yesterday's release: the app lists its hash as an earlier version of the toy shop. */
const yesterday = versionOf(everyOption({ warmth: 2, initiative: 2, outcome: 2 }));
const EARLIER: EarlierVersions = { 'toy-shop-saturday': [yesterday.hash], 'fuel-station-evening': [] };

function resultsFile(scenarios: { hash: string; id: string; custom: boolean; source: string }[], runs: Run[]): string {
  return JSON.stringify({
    format: RESULTS_FORMAT,
    formatVersion: 2,
    exportedAt: NOW,
    scope: { kind: 'all' },
    teams: [],
    profiles: [profile('anna', null, 'Anna')],
    scenarios,
    runs,
    scores: [],
  });
}
const entry = (s: StoredScenario) => ({ hash: s.hash, id: s.id, custom: s.custom, source: s.source });

/** What the app knows on its own: what is stored, else the current built-in. */
const knownOn =
  (store: Store): KnownVersion =>
  async (hash) =>
    (await store.getScenario(hash)) ?? (hash === toy.hash ? toy : undefined);

const read = (store: Store, text: string, earlierVersions: EarlierVersions | undefined = EARLIER) =>
  readResultsFile(text, knownOn(store), NOW, { builtInIds: BUILT_IN_IDS, earlierVersions });

const stores: Record<string, () => Promise<Store>> = {
  memory: async () => new MemoryStore({ scorer: scoreRun }),
  idb: async () => {
    const hub = new IssueHub();
    return new IdbStore(await openIdb(hub), hub, scoreRun);
  },
};

describe('the trust decision', () => {
  it('is taken for a hash of that built-in’s own list only', () => {
    expect(isEarlierVersion(EARLIER, 'toy-shop-saturday', yesterday.hash)).toBe(true);
    expect(isEarlierVersion(EARLIER, 'fuel-station-evening', yesterday.hash)).toBe(false);
    expect(isEarlierVersion(EARLIER, 'toy-shop-saturday', toy.hash)).toBe(false);
    expect(isEarlierVersion(EARLIER, 'constructor', yesterday.hash)).toBe(false);
    expect(isEarlierVersion(undefined, 'toy-shop-saturday', yesterday.hash)).toBe(false);
    expect(earlierOf([{ id: 'a', earlier: ['x'] }, { id: 'b' }])).toEqual({ a: ['x'], b: [] });
  });
});

for (const [kind, make] of Object.entries(stores)) {
  describe(`${kind} store: runs on the app’s earlier version of a built-in`, () => {
    it('count without a decision, scored against the version they were played on', async () => {
      const store = await make();
      const run = playThrough(yesterday, 'r1', 'anna', () => 1);
      const bundle = await read(store, resultsFile([entry(yesterday)], [run]));
      expect(bundle.scenarios).toEqual([expect.not.objectContaining({ untrusted: true })]);

      const outcome = await store.importBundle(bundle);
      expect(outcome).toMatchObject({ runsAdded: 1, runsApart: 0 });
      expect(outcome.versions).toEqual([expect.objectContaining({ hash: yesterday.hash, status: 'trusted', builtInId: true, runs: 1 })]);
      expect(await store.listPendingScenarios()).toEqual([]);
      const [row] = await store.listResults();
      expect(row).toMatchObject({ runId: 'r1', scenarioHash: yesterday.hash });
      // Yesterday's text scores every option at the top; today's would not.
      expect(row.scores).toEqual(scoreRun(run, yesterday)!.scores);
      expect(row.scores.overall).toBeGreaterThan(scoreRun({ ...run, scenarioHash: toy.hash }, toy)!.scores.overall);
    });

    it('without the list (an app that does not know it) wait for a decision, as before', async () => {
      const store = await make();
      const run = playThrough(yesterday, 'r1', 'anna', () => 1);
      const outcome = await store.importBundle(await read(store, resultsFile([entry(yesterday)], [run]), {}));
      expect(outcome).toMatchObject({ runsAdded: 1, runsApart: 1 });
      expect(await store.listResults()).toEqual([]);
    });

    it('a known earlier hash stated for other content is refused, whatever the list says', async () => {
      const store = await make();
      const other = versionOf(everyOption({ warmth: -2 }));
      const run = { ...playThrough(other, 'r1', 'anna', () => 1), scenarioHash: yesterday.hash };
      const claim = { ...entry(other), hash: yesterday.hash };
      const error = await read(store, resultsFile([claim], [run])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).code).toBe('tampered-scenario');
      expect(await store.listRuns()).toEqual([]);
    });

    it('other content under its own hash still waits for a decision', async () => {
      const store = await make();
      const other = versionOf(everyOption({ warmth: -2 }));
      const run = playThrough(other, 'r1', 'anna', () => 1);
      const outcome = await store.importBundle(await read(store, resultsFile([entry(other)], [run])));
      expect(outcome).toMatchObject({ runsAdded: 1, runsApart: 1 });
      expect((await store.listPendingScenarios()).map((p) => p.version.hash)).toEqual([other.hash]);
    });

    it('an earlier version listed under another built-in’s id is not trusted', async () => {
      const store = await make();
      const run = playThrough(yesterday, 'r1', 'anna', () => 1);
      const outcome = await store.importBundle(await read(store, resultsFile([entry(yesterday)], [run]), { 'fuel-station-evening': [yesterday.hash] }));
      expect(outcome.runsApart).toBe(1);
    });

    it('one kept apart before the app knew it counts once the app does', async () => {
      const store = await make();
      const run = playThrough(yesterday, 'r1', 'anna', () => 1);
      await store.importBundle(await read(store, resultsFile([entry(yesterday)], [run]), {}));
      const other = versionOf(everyOption({ warmth: -2 }));
      await store.importBundle(await read(store, resultsFile([entry(other)], [playThrough(other, 'r2', 'anna', () => 0)]), {}));
      expect(await store.listPendingScenarios()).toHaveLength(2);

      expect(await trustEarlierVersions(store, EARLIER)).toBe(1);
      expect((await store.listPendingScenarios()).map((p) => p.version.hash)).toEqual([other.hash]);
      expect((await store.listResults()).map((r) => [r.runId, r.scores])).toEqual([['r1', scoreRun(run, yesterday)!.scores]]);
    });
  });
}
