/**
 * Signed runs (run-signature.ts): a results file cannot change a run after it was played without
 * being refused, a file stripped of its signatures counts nowhere, and genuine files from other
 * devices (and re-exports of them) count. Each case on both stores, each device its own database.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { Store } from './api';
import { IdbStore, openIdb } from './idb';
import { IssueHub } from './issues';
import { MemoryStore } from './memory';
import { importHandedInRun } from './hand-in';
import { decodeRunLink, encodeRunLink } from './run-link';
import type { Run } from '../engine/types';
import { buildResultsFile, readResultsFile, RESULTS_FORMAT, type KnownVersion, type ResultsFile } from './results-file';
import { scoreRun } from './scoring';
import { leaderboard, unverifiedLeftOut } from './stats';
import { profile, team } from './test/fixtures';
import { builtIn, playThrough } from './test/play';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const toy = builtIn('toy-shop-saturday');
const NOW = Date.UTC(2026, 2, 10);
const known: KnownVersion = async (hash) => (hash === toy.hash ? toy : undefined);

const stores: Record<string, (name: string) => Promise<Store>> = {
  memory: async () => new MemoryStore({ scorer: scoreRun }),
  idb: async (name) => {
    const hub = new IssueHub();
    return new IdbStore(await openIdb(hub, { name }), hub, scoreRun);
  },
};

async function importText(store: Store, text: string) {
  return store.importBundle(await readResultsFile(text, known, NOW));
}

const board = async (store: Store) => leaderboard(await store.listResults(), toy.id, 'best', await store.listProfiles()).map((r) => r.name);

for (const [kind, make] of Object.entries(stores)) {
  describe(`${kind} store: signed results files`, () => {
    /** Device A: Anna practised (coaching) and Bram was assessed; A exports everything. */
    async function deviceA(): Promise<{ a: Store; file: ResultsFile }> {
      const a = await make('device-a');
      await a.saveScenario(toy);
      await a.saveProfile(profile('anna', null, 'Anna'));
      await a.saveProfile(profile('bram', null, 'Bram'));
      await a.saveRun(playThrough(toy, 'practice', 'anna', () => 0, 'coaching'));
      await a.saveRun(playThrough(toy, 'assessed', 'bram', () => 1, 'assessment'));
      return { a, file: await buildResultsFile(a, { kind: 'all' }, NOW) };
    }

    it('the tester’s forgery (practice made an assessment, filed under another player) is refused, the genuine run taken', async () => {
      const { file } = await deviceA();
      expect(file.formatVersion).toBe(2);
      const forged = structuredClone(file);
      const run = forged.runs.find((r) => r.id === 'practice')!;
      run.mode = 'assessment';
      run.playerId = 'bram';
      const read = await readResultsFile(JSON.stringify(forged), known, NOW);
      expect(read.refused).toEqual([{ runId: 'practice', name: 'Bram', scenario: toy.id, playerId: 'bram' }]);
      expect(read.runs.map((r) => r.id)).toEqual(['assessed']);

      // On device B only Bram's own, untouched assessment is written, and counts.
      const b = await make('device-b');
      expect(await b.importBundle(read)).toMatchObject({ runsAdded: 1, runsUnverified: 0 });
      expect((await b.listRuns()).map((r) => r.id)).toEqual(['assessed']);
      expect(await board(b)).toEqual(['Bram']);
      // The untouched file brings Anna's practice too; it does not change the board.
      expect(await importText(b, JSON.stringify(file))).toMatchObject({ runsAdded: 1, runsSkipped: 1 });
      expect(await board(b)).toEqual(['Bram']);
    });

    it('a file whose every run is refused adds no player and no team, and names them', async () => {
      const a = await make('device-a');
      await a.saveTeam(team('kassa', 'Kassa'));
      await a.saveProfile(profile('anna', 'kassa', 'Anna'));
      await a.saveProfile(profile('bram', 'kassa', 'Bram'));
      await a.saveRun(playThrough(toy, 'r-anna', 'anna', () => 0, 'assessment'));
      await a.saveRun(playThrough(toy, 'r-bram', 'bram', () => 1, 'assessment'));
      const forged = await buildResultsFile(a, { kind: 'all' }, NOW);
      for (const r of forged.runs) r.mode = 'coaching';

      const read = await readResultsFile(JSON.stringify(forged), known, NOW);
      expect(read.refused.map((r) => r.name).sort()).toEqual(['Anna', 'Bram']);
      expect(read.leftOut).toEqual({ players: [{ id: 'anna', name: 'Anna' }, { id: 'bram', name: 'Bram' }], teams: [{ id: 'kassa', name: 'Kassa' }] });
      const b = await make('device-b');
      await b.saveProfile(profile('bram', null, 'Bram'));
      expect(await b.importBundle(read)).toMatchObject({ runsAdded: 0, profilesAdded: 0, teamsAdded: 0 });
      // Nothing of the file is here; the Bram who was here already is as he was (no team).
      expect(await b.listProfiles()).toEqual([profile('bram', null, 'Bram')]);
      expect(await b.listTeams()).toEqual([]);
      expect(await b.listRuns()).toEqual([]);

      // One genuine run brings its player and team; the other player is still left out.
      forged.runs.find((r) => r.id === 'r-anna')!.mode = 'assessment';
      const one = await readResultsFile(JSON.stringify(forged), known, NOW);
      expect(one.leftOut).toEqual({ players: [{ id: 'bram', name: 'Bram' }], teams: [] });
      expect(await b.importBundle(one)).toMatchObject({ runsAdded: 1, profilesAdded: 1, teamsAdded: 1 });
      expect((await b.listProfiles()).map((p) => [p.name, p.teamId]).sort()).toEqual([
        ['Anna', 'kassa'],
        ['Bram', null],
      ]);
    });

    it('a run in the file twice, genuine and forged, is taken once and named as doubled, not refused', async () => {
      const { file } = await deviceA();
      const genuine = file.runs.find((r) => r.id === 'assessed')!;
      // A copy of Bram's assessment claimed by Anna, before or after the genuine one.
      const forgedCopy = { ...structuredClone(genuine), playerId: 'anna' };
      for (const runs of [[forgedCopy, ...file.runs], [...file.runs, forgedCopy, forgedCopy]]) {
        const read = await readResultsFile(JSON.stringify({ ...file, runs }), known, NOW);
        expect(read.refused).toEqual([]);
        expect(read.doubled).toEqual([{ runId: 'assessed', name: 'Bram', scenario: toy.id, playerId: 'bram' }]);
        expect(read.runs.map((r) => [r.id, r.playerId]).sort()).toEqual([
          ['assessed', 'bram'],
          ['practice', 'anna'],
        ]);
      }
    });

    it('a changed run whose genuine copy is here is named as the copy here; one not here, or here unsigned, is not', async () => {
      const { a, file } = await deviceA();
      // Both runs changed: Bram's assessment claimed by Anna, Anna's practice made an assessment.
      const forged = structuredClone(file);
      for (const r of forged.runs) {
        if (r.id === 'assessed') r.playerId = 'anna';
        else r.mode = 'assessment';
      }
      const read = await readResultsFile(JSON.stringify(forged), known, NOW);
      expect(read.refused.map((r) => [r.runId, r.name]).sort()).toEqual([
        ['assessed', 'Anna'],
        ['practice', 'Anna'],
      ]);
      const refusedRunIds = read.refused.map((r) => r.runId);
      const here = async (store: Store) => (await store.importBundle({ ...read, refusedRunIds })).refusedHere.sort((x, y) => x.runId.localeCompare(y.runId));

      // Device A, where both were played: both are here as played, Bram's under Bram.
      expect(await here(a)).toEqual([
        { runId: 'assessed', name: 'Bram', scenario: toy.id, playerId: 'bram' },
        { runId: 'practice', name: 'Anna', scenario: toy.id, playerId: 'anna' },
      ]);
      // Device B holds Bram's assessment as signed on A, not Anna's practice.
      const b = await make('device-b');
      await importText(b, JSON.stringify({ ...file, runs: file.runs.filter((r) => r.id === 'assessed') }));
      expect(await here(b)).toEqual([{ runId: 'assessed', name: 'Bram', scenario: toy.id, playerId: 'bram' }]);
      // Device C holds both without their signatures: a signed export would bring more.
      const c = await make('device-c');
      await importText(c, JSON.stringify({ ...file, runs: file.runs.map(({ signature: _, ...r }) => r) }));
      expect(await here(c)).toEqual([]);
      // Nothing of the changed copies was written anywhere.
      expect((await b.listRuns()).map((r) => [r.id, r.playerId])).toEqual([['assessed', 'bram']]);
    });

    it('a changed hand-in link whose genuine run is here is named as the copy here, as a file is; elsewhere it is refused', async () => {
      const { a, file } = await deviceA();
      // Bram's assessment, signed on A, handed in as a link claimed by Anna.
      const genuine = file.runs.find((r) => r.id === 'assessed')!;
      const link = async (run: Run) => decodeRunLink(await encodeRunLink({ run, player: profile('anna', null, 'Anna'), team: null }, toy.scenario), async () => toy.scenario);
      const changed = await link({ ...structuredClone(genuine), playerId: 'anna' });
      const before = await a.listRuns();
      expect((await importHandedInRun(a, changed, known, NOW)).refusedHere).toEqual([{ runId: 'assessed', name: 'Bram', scenario: toy.id, playerId: 'bram' }]);
      expect(await a.listRuns()).toEqual(before);
      // Where the genuine run is not, the same link is refused, and nothing is written.
      const b = await make('device-b');
      await expect(importHandedInRun(b, await link({ ...structuredClone(genuine), playerId: 'anna' }), known, NOW)).rejects.toMatchObject({ code: 'forged-run' });
      expect([await b.listRuns(), await b.listProfiles()]).toEqual([[], []]);
    });

    it('changing only a time or a choice, or another key, refuses that run too', async () => {
      const { file } = await deviceA();
      const refusedIds = async (f: ResultsFile) => (await readResultsFile(JSON.stringify(f), known, NOW)).refused.map((r) => r.runId);
      const later = structuredClone(file);
      later.runs[1].finishedAt! += 1000;
      expect(await refusedIds(later)).toEqual([file.runs[1].id]);
      const otherKey = structuredClone(file);
      otherKey.runs[1].signature = { ...otherKey.runs[1].signature!, key: otherKey.runs[0].signature!.key.replace(/^./, (c) => (c === 'B' ? 'C' : 'B')) };
      expect(await refusedIds(otherKey)).toEqual([file.runs[1].id]);
      const both = structuredClone(later);
      both.runs[0].mode = both.runs[0].mode === 'coaching' ? 'assessment' : 'coaching';
      expect((await refusedIds(both)).sort()).toEqual(file.runs.map((r) => r.id).sort());
    });

    it('a file with its signatures stripped imports, but its runs are not compared and are counted', async () => {
      const { file } = await deviceA();
      const stripped = structuredClone(file);
      for (const r of stripped.runs) delete r.signature;
      stripped.runs.find((r) => r.id === 'practice')!.mode = 'assessment';
      const b = await make('device-b');
      const outcome = await importText(b, JSON.stringify(stripped));
      expect(outcome).toMatchObject({ runsAdded: 2, runsUnverified: 2 });
      expect((await b.listRuns()).every((r) => r.unverified)).toBe(true);
      const results = await b.listResults();
      expect(results).toHaveLength(2);
      expect(await board(b)).toEqual([]);
      expect(unverifiedLeftOut(results, toy.id)).toBe(2);
    });

    it('a genuine file from another device counts, and a re-export of it still verifies', async () => {
      const { a, file } = await deviceA();
      const b = await make('device-b');
      expect(await importText(b, JSON.stringify(file))).toMatchObject({ runsAdded: 2, runsUnverified: 0 });
      expect(await board(b)).toEqual(['Bram']);

      // B (the trainer) passes A's signatures on untouched; B's own run is signed by B.
      await b.saveRun(playThrough(toy, 'own', 'anna', () => 2, 'assessment', NOW - 60_000));
      const again = await buildResultsFile(b, { kind: 'all' }, NOW);
      const sig = (f: ResultsFile, id: string) => f.runs.find((r) => r.id === id)?.signature;
      expect(sig(again, 'assessed')).toEqual(sig(file, 'assessed'));
      expect(sig(again, 'own')?.key).toBeDefined();
      expect(sig(again, 'own')?.key).not.toBe(sig(file, 'assessed')?.key);
      expect(again.runs.some((r) => 'unverified' in r)).toBe(false);

      const c = await make('device-c');
      expect(await importText(c, JSON.stringify(again))).toMatchObject({ runsAdded: 3, runsUnverified: 0 });
      expect((await board(c)).sort()).toEqual(['Anna', 'Bram']);
      // A's key never changes: its next export signs with the same key.
      const next = await buildResultsFile(a, { kind: 'all' }, NOW);
      expect(sig(next, 'assessed')?.key).toBe(sig(file, 'assessed')?.key);
    });

    it('an old version 1 file still imports, its runs unverified', async () => {
      const old = {
        format: RESULTS_FORMAT,
        formatVersion: 1,
        exportedAt: NOW,
        scope: { kind: 'all' },
        teams: [],
        profiles: [profile('anna', null, 'Anna')],
        scenarios: [],
        runs: [playThrough(toy, 'v1', 'anna', () => 0)],
        scores: [],
      };
      const b = await make('device-b');
      expect(await importText(b, JSON.stringify(old))).toMatchObject({ runsAdded: 1, runsUnverified: 1 });
      expect(await board(b)).toEqual([]);
      // A trainer's re-export of an unverified run does not sign it: it stays unverified.
      const again = await buildResultsFile(b, { kind: 'all' }, NOW);
      expect(again.runs[0].signature).toBeUndefined();
    });

    it('keeps one device key, its private half not extractable', async () => {
      const a = await make('device-a');
      const pair = (await a.deviceKey()) as CryptoKeyPair;
      expect(pair.privateKey.extractable).toBe(false);
      expect(await a.deviceKey()).toBe(pair);
      if (kind === 'idb') {
        const hub = new IssueHub();
        const reopened = new IdbStore(await openIdb(hub, { name: 'device-a' }), hub, scoreRun);
        const raw = async (p: CryptoKeyPair) => new Uint8Array(await crypto.subtle.exportKey('raw', p.publicKey));
        expect(await raw((await reopened.deviceKey()) as CryptoKeyPair)).toEqual(await raw(pair));
      }
    });

    describe('on a page without WebCrypto (the room laptop’s http:// address on the Wi-Fi)', () => {
      afterEach(() => vi.unstubAllGlobals());
      const withoutWebCrypto = () => vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });

      it('phones sign their runs, the laptop checks them: they count, and a forgery is refused', async () => {
        const webCrypto = globalThis.crypto;
        withoutWebCrypto();
        const { a, file } = await deviceA();
        expect(Object.keys(await a.deviceKey())).toContain('soft');
        expect(file.runs.every((r) => r.signature)).toBe(true);
        const b = await make('device-b');
        expect(await importText(b, JSON.stringify(file))).toMatchObject({ runsAdded: 2, runsUnverified: 0 });
        expect(await board(b)).toEqual(['Bram']);
        const forged = structuredClone(file);
        forged.runs.find((r) => r.id === 'practice')!.mode = 'assessment';
        expect((await readResultsFile(JSON.stringify(forged), known, NOW)).refused.map((r) => r.runId)).toEqual(['practice']);

        // The same file checks on a device with WebCrypto (the trainer's https:// site).
        vi.stubGlobal('crypto', webCrypto);
        const c = await make('device-c');
        expect(await importText(c, JSON.stringify(file))).toMatchObject({ runsAdded: 2, runsUnverified: 0 });
      });

      it('the device keeps its soft key across a reload', async () => {
        withoutWebCrypto();
        const a = await make('device-a');
        const pair = await a.deviceKey();
        expect(await a.deviceKey()).toBe(pair);
        if (kind === 'idb') {
          const hub = new IssueHub();
          const reopened = new IdbStore(await openIdb(hub, { name: 'device-a' }), hub, scoreRun);
          expect(await reopened.deviceKey()).toEqual(pair);
        }
      });
    });

    it('notes, without refusing, a player’s runs from a device that has not sent theirs before', async () => {
      const { a, file } = await deviceA();
      const b = await make('device-b');
      // First use: Bram's runs here so far all came from device A (and a new player is no news).
      expect((await importText(b, JSON.stringify(file))).devices).toEqual([]);

      // Device C (Bram's own phone) hands in a run of Bram's: imported, counted, and named.
      const c = await make('device-c');
      await c.saveScenario(toy);
      await c.saveProfile(profile('bram', null, 'Bram'));
      await c.saveRun(playThrough(toy, 'phone', 'bram', () => 2, 'assessment', NOW - 60_000));
      const fromC = JSON.stringify(await buildResultsFile(c, { kind: 'all' }, NOW));
      const outcome = await importText(b, fromC);
      expect(outcome).toMatchObject({ runsAdded: 1, runsUnverified: 0, devices: [{ playerId: 'bram', name: 'Bram', runs: 1 }] });
      expect((await b.listResults()).map((r) => r.runId).sort()).toEqual(['assessed', 'phone', 'practice']);

      // Device C is known for Bram from now on; device A still is too.
      await c.saveRun(playThrough(toy, 'phone-2', 'bram', () => 0, 'assessment', NOW - 30_000));
      expect((await importText(b, JSON.stringify(await buildResultsFile(c, { kind: 'all' }, NOW)))).devices).toEqual([]);
      await a.saveRun(playThrough(toy, 'assessed-2', 'bram', () => 3, 'assessment', NOW - 10_000));
      expect((await importText(b, JSON.stringify(await buildResultsFile(a, { kind: 'all' }, NOW)))).devices).toEqual([]);

      // A player who played on this device: a signed run from elsewhere is news too.
      await b.saveRun(playThrough(toy, 'here', 'cem', () => 1, 'assessment', NOW - 90_000));
      await b.saveProfile(profile('cem', null, 'Cem'));
      await c.saveProfile(profile('cem', null, 'Cem'));
      await c.saveRun(playThrough(toy, 'cem-phone', 'cem', () => 1, 'assessment', NOW - 20_000));
      const cem = await importText(b, JSON.stringify(await buildResultsFile(c, { kind: 'player', id: 'cem' }, NOW)));
      expect(cem.devices).toEqual([{ playerId: 'cem', name: 'Cem', runs: 1 }]);
    });

    it('a run imported unfinished and played on here leaves signed by this device, and verifies', async () => {
      const a = await make('device-a');
      await a.saveScenario(toy);
      await a.saveProfile(profile('anna', null, 'Anna'));
      const full = playThrough(toy, 'open', 'anna', () => 0, 'assessment', NOW - 60_000);
      const late = playThrough(toy, 'late', 'anna', () => 1, 'assessment', NOW - 50_000);
      await a.saveRun({ ...full, events: full.events.slice(0, 2), finishedAt: undefined });
      await a.saveRun({ ...late, events: late.events.slice(0, 2), finishedAt: undefined });
      const b = await make('device-b');
      await importText(b, JSON.stringify(await buildResultsFile(a, { kind: 'all' }, NOW)));
      expect((await b.getRun('open'))?.signature).toBeDefined();

      // One goes on choice by choice, the other is written whole (as the play screen does on the ending).
      for (const e of full.events.slice(2)) await b.appendEvent('open', e);
      await b.saveRun({ ...(await b.getRun('late'))!, events: late.events, finishedAt: late.finishedAt });
      expect((await b.getRun('open'))?.signature).toBeUndefined();
      expect((await b.getRun('late'))?.signature).toBeUndefined();

      const c = await make('device-c');
      const outcome = await importText(c, JSON.stringify(await buildResultsFile(b, { kind: 'all' }, NOW)));
      expect(outcome).toMatchObject({ runsAdded: 2, runsUnverified: 0 });
    });

    it('a signed copy replaces an unsigned one imported first, even one that said something else', async () => {
      const { file } = await deviceA();
      const stripped = structuredClone(file);
      for (const r of stripped.runs) delete r.signature;
      // The unsigned copy claims Anna's practice was an assessment of Bram's, with other choices.
      const practice = stripped.runs.find((r) => r.id === 'practice')!;
      Object.assign(practice, { mode: 'assessment', playerId: 'bram', events: practice.events.slice(0, 2), finishedAt: undefined });
      const b = await make('device-b');
      expect(await importText(b, JSON.stringify(stripped))).toMatchObject({ runsAdded: 2, runsUnverified: 2 });
      expect(await board(b)).toEqual([]);

      const outcome = await importText(b, JSON.stringify(file));
      expect(outcome).toMatchObject({ runsAdded: 0, runsUpdated: 0, runsSkipped: 0, runsNowVerified: 2, runsUnverified: 0 });
      expect(await board(b)).toEqual(['Bram']);
      expect(await b.getRun('practice')).toMatchObject({ mode: 'coaching', playerId: 'anna', signature: file.runs.find((r) => r.id === 'practice')!.signature });
      expect((await b.listRuns()).some((r) => r.unverified)).toBe(false);
      // And again: nothing changes.
      expect(await importText(b, JSON.stringify(file))).toMatchObject({ runsSkipped: 2, runsNowVerified: 0 });
    });
  });
}
