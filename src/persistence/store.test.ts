import { beforeEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { Store } from './api';
import type { Run } from '../engine/types';
import { IdbStore, openIdb } from './idb';
import { IssueHub } from './issues';
import { MemoryStore } from './memory';
import { fakeScorer, finishedRun, profile, run, team, version } from './test/fixtures';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/**
 * Fills the disk the way Chrome reports it: a write's transaction aborts with QuotaExceededError
 * (tx.error) and its requests fail with a plain AbortError. Returns "space again".
 */
function fillDisk(): () => void {
  const origPut = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const req = origPut.apply(this, args);
    (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
    return req;
  } as IDBObjectStore['put'];
  return () => {
    IDBObjectStore.prototype.put = origPut;
  };
}

const pick = (r: Run | undefined) => r?.events.map((e) => (e.type === 'choice.select' ? e.option : e.type));

const factories: Record<string, () => Promise<Store>> = {
  memory: async () => new MemoryStore({ scorer: fakeScorer }),
  idb: async () => {
    const hub = new IssueHub();
    return new IdbStore(await openIdb(hub), hub, fakeScorer);
  },
};

for (const [kind, make] of Object.entries(factories)) {
  describe(`${kind} store`, () => {
    it('keeps settings, filling defaults for what is missing', async () => {
      const store = await make();
      const s = await store.getSettings();
      expect(s.sound).toBe(true);
      await store.saveSettings({ ...s, lang: 'en', currentPlayerId: 'p1' });
      expect(await store.getSettings()).toMatchObject({ lang: 'en', currentPlayerId: 'p1', volume: s.volume });
    });

    it('writes every choice once, even when a write is retried', async () => {
      const store = await make();
      await store.saveScenario(version);
      await store.saveRun(run('r1', 'p1'));
      const e1 = { type: 'choice.select', node: 'a', option: 'good', at: 10 } as const;
      await store.appendEvent('r1', e1);
      await store.appendEvent('r1', e1); // retried after a reload: not twice
      await store.appendEvent('r1', { type: 'choice.select', node: 'b', option: 'bad', at: 20 });
      const r = await store.getRun('r1');
      expect(r?.events.map((e) => e.type === 'choice.select' && e.option)).toEqual(['good', 'bad']);
      expect((await store.unfinishedRun('p1'))?.id).toBe('r1');
      expect(await store.unfinishedRun(null)).toBeUndefined();
      await expect(store.appendEvent('nope', e1)).rejects.toThrow();
    });

    it('computes a result when a run finishes and keeps it out of the resume list', async () => {
      const store = await make();
      await store.saveScenario(version);
      await store.saveRun(finishedRun('r1', 'p1', ['good', 'good']));
      await store.saveRun(finishedRun('r2', 'p2', ['good', 'bad']));
      expect(await store.unfinishedRun('p1')).toBeUndefined();
      const results = await store.listResults({ scenarioId: 'mini' });
      expect(results.map((r) => [r.runId, r.scores.overall])).toEqual([
        ['r1', 100],
        ['r2', 50],
      ]);
      expect((await store.listResults({ playerId: 'p2' })).map((r) => r.runId)).toEqual(['r2']);
    });

    it('finds the latest finished run that counts, newest first', async () => {
      const store = await make();
      await store.saveScenario(version);
      const t = 1_700_000_000_000;
      await store.saveRun(finishedRun('r1', 'p1', ['good', 'good'], { finishedAt: t + 5000 }));
      await store.saveRun(finishedRun('r2', 'p2', ['good', 'bad'], { finishedAt: t + 9000 }));
      await store.saveRun(finishedRun('r3', 'p1', ['bad', 'bad'], { finishedAt: t + 7000 }));
      await store.saveRun(run('r4', 'p1', { startedAt: t + 10_000 })); // not finished
      expect((await store.latestResult(() => true))?.runId).toBe('r2');
      expect((await store.latestResult((r) => r.playerId === 'p1'))?.runId).toBe('r3');
      expect(await store.latestResult((r) => r.playerId === 'p3')).toBeUndefined();
    });

    it('deletes a player with all their runs, and a team without its players', async () => {
      const store = await make();
      await store.saveScenario(version);
      await store.saveTeam(team('t1'));
      await store.saveProfile(profile('p1', 't1'));
      await store.saveProfile(profile('p2', 't1'));
      await store.saveRun(finishedRun('r1', 'p1', ['good', 'good']));
      await store.saveRun(run('r2', 'p1'));
      await store.saveRun(finishedRun('r3', 'p2', ['bad', 'bad']));
      await store.saveSettings({ ...(await store.getSettings()), currentPlayerId: 'p1' });
      await store.deleteProfile('p1');
      expect((await store.listProfiles()).map((p) => p.id)).toEqual(['p2']);
      expect((await store.listRuns()).map((r) => r.id)).toEqual(['r3']);
      expect((await store.listResults()).map((r) => r.runId)).toEqual(['r3']);
      expect((await store.getSettings()).currentPlayerId).toBeNull();
      await store.deleteTeam('t1');
      expect(await store.listTeams()).toEqual([]);
      expect((await store.listProfiles())[0].teamId).toBeNull();
    });

    it('hides a deleted custom scenario that runs still need, and deletes an unused one', async () => {
      const store = await make();
      await store.saveScenario(version);
      await store.saveScenario({ ...version, hash: 'unused0000000000' });
      await store.saveRun(run('r1', 'p1'));
      await store.deleteScenario('mini');
      expect(await store.listScenarios()).toEqual([]);
      expect((await store.getScenario(version.hash))?.hidden).toBe(true);
      expect(await store.getScenario('unused0000000000')).toBeUndefined();
    });

    it('merges an import by run id: adds, completes, skips, and scores by replay', async () => {
      const store = await make();
      await store.saveRun(run('r1', 'p1', { events: [{ type: 'choice.select', node: 'a', option: 'good', at: 1_700_000_001_000 }] }));
      const bundle = {
        scenarios: [version],
        teams: [team('t1')],
        profiles: [profile('p1', 't1'), profile('p9', 't1')],
        runs: [finishedRun('r1', 'p1', ['good', 'good']), finishedRun('r2', 'p9', ['bad', 'good'])],
      };
      const first = await store.importBundle(bundle);
      expect(first).toMatchObject({ runsAdded: 1, runsUpdated: 1, runsSkipped: 0, profilesAdded: 2, teamsAdded: 1, scenariosAdded: 1 });
      const again = await store.importBundle(bundle);
      expect(again).toMatchObject({ runsAdded: 0, runsUpdated: 0, runsSkipped: 2, profilesAdded: 0 });
      expect((await store.listRuns()).length).toBe(2);
      expect((await store.listResults()).map((r) => [r.runId, r.scores.overall])).toEqual([
        ['r1', 100],
        ['r2', 50],
      ]);
    });

    it('numbers guests as they arrive, whichever phone hands in first, and keeps those numbers', async () => {
      const store = await make();
      const phoneGuest = (id: string, createdAt: number) => ({ id, name: 'Gast', teamId: null, createdAt, guest: true, guestNumber: 1 });
      const handIn = (id: string, createdAt: number) => store.importBundle({ scenarios: [version], teams: [], profiles: [phoneGuest(id, createdAt)], runs: [finishedRun(`run-${id}`, id, ['good', 'bad'])] });
      await store.saveProfile({ id: 'here', name: 'Gast', teamId: null, createdAt: 50, guest: true, guestNumber: 1 });
      // Phone B's guest hands in first, then phone A's, made earlier: each "Gast 1" on its phone.
      await handIn('phone-b', 20);
      await handIn('phone-a', 10);
      await handIn('phone-b', 20); // again: joins the guest here, keeps their number
      const numbers = async () => new Map((await store.listProfiles()).map((p) => [p.id, p.guestNumber]));
      expect(await numbers()).toEqual(
        new Map([
          ['here', 1],
          ['phone-b', 2],
          ['phone-a', 3],
        ]),
      );
    });

    it('never gives a number twice: one a guest gave up (deleted or named) stays given, also after a reopen', async () => {
      const store = await make();
      const guest = (id: string, guestNumber: number) => ({ id, name: 'Gast', teamId: null, createdAt: guestNumber, guest: true, guestNumber });
      for (const n of [1, 2, 3]) await store.saveProfile(guest(`g${n}`, n));
      await store.deleteProfile('g3');
      await store.saveProfile({ id: 'g2', name: 'Anna', teamId: null, createdAt: 2 }); // named: no longer Gast 2
      expect(await store.retiredGuestNumber()).toBe(3);
      await store.deleteProfile('g1'); // lower than the mark: the mark stays
      expect(await store.retiredGuestNumber()).toBe(3);
      // A phone's "Gast 3" and "Gast 5" hand in: 3 was someone here, 5 never was.
      const phone = (id: string, n: number) => store.importBundle({ scenarios: [version], teams: [], profiles: [guest(id, n)], runs: [finishedRun(`run-${id}`, id, ['good', 'bad'])] });
      await phone('phone-3', 3);
      await phone('phone-5', 5);
      const numbers = new Map((await store.listProfiles()).map((p) => [p.id, p.guestNumber]));
      expect([numbers.get('phone-3'), numbers.get('phone-5')]).toEqual([4, 5]);
      // The database opened again (a reload): the mark is kept with it.
      if (kind === 'idb') expect(await (await make()).retiredGuestNumber()).toBe(3);
    });

    it('an import that tells a run here differently keeps the run here and says so', async () => {
      const store = await make();
      const bundle = { scenarios: [version], teams: [team('t1')], profiles: [profile('p1', 't1')], runs: [finishedRun('r1', 'p1', ['bad', 'good'])] };
      await store.importBundle(bundle);
      // The same run again, an earlier moment of it, and copies that change its mode or a choice.
      const same = await store.importBundle(bundle);
      const earlier = await store.importBundle({ ...bundle, runs: [run('r1', 'p1', { events: finishedRun('r1', 'p1', ['bad', 'good']).events.slice(0, 1) })] });
      const mode = await store.importBundle({ ...bundle, runs: [finishedRun('r1', 'p1', ['bad', 'good'], { mode: 'coaching' })] });
      const choice = await store.importBundle({ ...bundle, runs: [finishedRun('r1', 'p1', ['good', 'good'])] });
      expect([same, earlier, mode, choice].map((o) => [o.runsSkipped, o.runsConflicting])).toEqual([
        [1, 0],
        [1, 0],
        [1, 1],
        [1, 1],
      ]);
      expect((await store.listResults()).map((r) => [r.runId, r.scores.overall])).toEqual([['r1', 50]]);
    });

    it('a run not taken brings nobody: its new player, and their team, are not added', async () => {
      const store = await make();
      await store.importBundle({ scenarios: [version], teams: [team('t1')], profiles: [profile('p1', 't1')], runs: [finishedRun('r1', 'p1', ['bad', 'good'])] });
      // The same run id told as Mallory's (in a team of hers), and as Mallory's under Anna's id.
      const mallory = { ...profile('p9', 't9'), name: 'Mallory' };
      const claimed = await store.importBundle({ scenarios: [version], teams: [team('t9')], profiles: [mallory], runs: [finishedRun('r1', 'p9', ['bad', 'good'])] });
      const refiled = await store.importBundle({ scenarios: [version], teams: [], profiles: [{ ...profile('p1', null), name: 'Mallory' }], runs: [finishedRun('r1', 'p1', ['good', 'good'])] });
      expect([claimed, refiled].map((o) => [o.runsConflicting, o.profilesAdded, o.teamsAdded, o.players])).toEqual([
        [1, 0, 0, []],
        [1, 0, 0, []],
      ]);
      expect((await store.listProfiles()).map((p) => p.id)).toEqual(['p1']);
      expect((await store.listTeams()).map((x) => x.id)).toEqual(['t1']);
      // With a run of theirs taken, Mallory and her team come in.
      const taken = await store.importBundle({ scenarios: [version], teams: [team('t9')], profiles: [mallory], runs: [finishedRun('r2', 'p9', ['bad', 'good'])] });
      expect([taken.profilesAdded, taken.teamsAdded, taken.players.map((n) => n.kind)]).toEqual([1, 1, ['added']]);
    });

    it('returns copies: changing a returned object changes nothing stored', async () => {
      const store = await make();
      await store.saveRun(run('r1', 'p1'));
      const r = await store.getRun('r1');
      r!.events.push({ type: 'timer.expire', node: 'a', at: 5 });
      expect((await store.getRun('r1'))!.events).toEqual([]);
    });
  });
}

describe('idb store specifics', () => {
  it('an import that fails half-way changes nothing (one transaction)', async () => {
    const hub = new IssueHub();
    const store = new IdbStore(await openIdb(hub), hub, fakeScorer);
    await store.saveProfile(profile('p1', null));
    const bad = { ...finishedRun('r2', 'p1', ['good', 'good']), oops: () => 1 }; // cannot be stored
    await expect(
      store.importBundle({ scenarios: [version], teams: [team('t1')], profiles: [profile('p2', 't1')], runs: [finishedRun('r1', 'p1', ['good', 'good']), bad] }),
    ).rejects.toThrow();
    expect((await store.listProfiles()).map((p) => p.id)).toEqual(['p1']);
    expect(await store.listTeams()).toEqual([]);
    expect(await store.listRuns()).toEqual([]);
    expect(await store.listScenarios()).toEqual([]);
  });

  it('a damaged record is repaired or dropped on reading, never thrown', async () => {
    const hub = new IssueHub();
    const db = await openIdb(hub);
    const loose = db as unknown as { put(store: string, v: unknown, k?: string): Promise<unknown> };
    await loose.put('profiles', { id: 'p1', name: 42, teamId: {} });
    await loose.put('profiles', { id: 'bad id with spaces' });
    await loose.put('settings', { lang: 'fr', sound: false, volume: 9 }, 'settings');
    await loose.put('runs', { ...run('r1', 'p1'), events: [{ type: 'choice.select', node: 'a', option: 'good', at: 1 }, { type: 'boom' }] });
    await loose.put('runs', { id: 'r2', scenarioId: 'mini' });
    const store = new IdbStore(db, hub, fakeScorer);
    expect(await store.listProfiles()).toEqual([{ id: 'p1', name: '?', teamId: null, createdAt: 0 }]);
    expect(await store.getSettings()).toMatchObject({ lang: null, sound: false, volume: 0.7 });
    const runs = await store.listRuns();
    expect(runs.map((r) => [r.id, r.events.length])).toEqual([['r1', 1]]);
  });

  it('a full disk keeps the choice in memory, reports it, and writes it when there is room again', async () => {
    const hub = new IssueHub();
    const issues: string[] = [];
    hub.on((i) => issues.push(i.kind));
    const store = new IdbStore(await openIdb(hub), hub, fakeScorer);
    await store.saveRun(run('r1', 'p1'));
    const origPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The disk is full', 'QuotaExceededError');
    };
    try {
      await store.appendEvent('r1', { type: 'choice.select', node: 'a', option: 'good', at: 10 });
      await store.saveRun(finishedRun('r2', 'p1', ['good', 'bad']));
      expect(issues).toContain('quota');
      expect((await store.getRun('r1'))!.events.length).toBe(1);
    } finally {
      IDBObjectStore.prototype.put = origPut;
    }
    await store.appendEvent('r1', { type: 'choice.select', node: 'b', option: 'good', at: 20 });
    store.close();
    const reopened = new IdbStore(await openIdb(hub), hub, fakeScorer);
    expect((await reopened.getRun('r1'))!.events.length).toBe(2);
  });

  it('a full disk mid-run as Chrome reports it: every choice is made once, in memory, and the whole run is written when there is room', async () => {
    const hub = new IssueHub();
    const issues: string[] = [];
    hub.on((i) => issues.push(i.kind));
    const store = new IdbStore(await openIdb(hub), hub, fakeScorer);
    await store.saveRun(run('r1', 'p1'));
    await store.appendEvent('r1', { type: 'choice.select', node: 'a', option: 'good', at: 10 });
    const space = fillDisk();
    try {
      // The first choice on a full disk, and the second: both made (kept in memory), none twice.
      await store.appendEvent('r1', { type: 'choice.select', node: 'b', option: 'bad', at: 20 });
      expect(issues).toEqual(['quota']);
      await store.appendEvent('r1', { type: 'choice.select', node: 'c', option: 'ok', at: 30 });
      await store.appendEvent('r1', { type: 'choice.select', node: 'c', option: 'ok', at: 30 }); // a retried write
      expect(pick(await store.getRun('r1'))).toEqual(['good', 'bad', 'ok']);
      expect(pick((await store.listRuns())[0])).toEqual(['good', 'bad', 'ok']);
      // Nothing half-written meanwhile: the database still holds the run as it was.
      const raw = await openIdb(new IssueHub());
      expect(pick(await raw.get('runs', 'r1'))).toEqual(['good']);
      raw.close();
    } finally {
      space();
    }
    await store.appendEvent('r1', { type: 'choice.select', node: 'd', option: 'fine', at: 40 });
    store.close();
    const reopened = new IdbStore(await openIdb(hub), hub, fakeScorer);
    expect(pick(await reopened.getRun('r1'))).toEqual(['good', 'bad', 'ok', 'fine']);
  });

  it('an import on a full disk, as Chrome reports it, is refused as a full disk, reported, and changes nothing', async () => {
    const hub = new IssueHub();
    const store = new IdbStore(await openIdb(hub), hub, fakeScorer);
    const bundle = { scenarios: [version], teams: [team('t1')], profiles: [profile('p1', 't1')], runs: [finishedRun('r1', 'p1', ['good', 'good'])] };
    const space = fillDisk();
    try {
      await expect(store.importBundle(bundle)).rejects.toMatchObject({ name: 'QuotaExceededError' });
      // Reported as a refused import: nothing of it is kept in memory, unlike a run played meanwhile.
      expect(hub.last).toEqual({ kind: 'quota', refusedImport: { kept: false } });
      expect([await store.listProfiles(), await store.listTeams(), await store.listRuns(), await store.listScenarios()]).toEqual([[], [], [], []]);
      await store.saveRun(run('r2', 'p2'));
      expect(hub.last).toEqual({ kind: 'quota' });
      await expect(store.importBundle(bundle)).rejects.toMatchObject({ name: 'QuotaExceededError' });
      expect(hub.last).toEqual({ kind: 'quota', refusedImport: { kept: true } });
      expect((await store.listRuns()).map((r) => r.id)).toEqual(['r2']);
    } finally {
      space();
    }
  });

  it('a write that fails for another reason changes nothing, also while the disk is full', async () => {
    const hub = new IssueHub();
    const store = new IdbStore(await openIdb(hub), hub, fakeScorer);
    await store.saveRun(run('r1', 'p1'));
    const space = fillDisk();
    await store.appendEvent('r1', { type: 'choice.select', node: 'a', option: 'good', at: 10 });
    space();
    const origTx = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function () {
      throw new DOMException('Something else', 'UnknownError');
    };
    try {
      await expect(store.appendEvent('r1', { type: 'choice.select', node: 'b', option: 'bad', at: 20 })).rejects.toThrow();
      await expect(store.appendEvent('r1', { type: 'choice.select', node: 'b', option: 'bad', at: 21 })).rejects.toThrow();
    } finally {
      IDBDatabase.prototype.transaction = origTx;
    }
    expect(pick(await store.getRun('r1'))).toEqual(['good']);
  });

  it('a full disk at the start: the player, team, settings, scenario version and run are kept in memory, and written when there is room', async () => {
    const hub = new IssueHub();
    const issues: string[] = [];
    hub.on((i) => issues.push(i.kind));
    const store = new IdbStore(await openIdb(hub), hub, fakeScorer);
    const space = fillDisk();
    try {
      await store.saveTeam(team('t1'));
      await store.saveProfile(profile('p1', 't1'));
      await store.saveSettings({ ...(await store.getSettings()), currentPlayerId: 'p1' });
      await store.saveScenario(version);
      await store.saveRun(run('r1', 'p1'));
      await store.appendEvent('r1', { type: 'choice.select', node: 'a', option: 'good', at: 10 });
      await store.saveRun(finishedRun('r2', 'p1', ['good', 'bad']));
      expect(issues).toContain('quota');
      expect((await store.listProfiles()).map((p) => p.id)).toEqual(['p1']);
      expect((await store.listTeams()).map((t) => t.id)).toEqual(['t1']);
      expect((await store.getSettings()).currentPlayerId).toBe('p1');
      expect((await store.getScenario(version.hash))?.id).toBe('mini');
      expect((await store.unfinishedRun('p1'))?.id).toBe('r1');
    } finally {
      space();
    }
    await store.appendEvent('r1', { type: 'choice.select', node: 'b', option: 'good', at: 20 });
    store.close();
    const reopened = new IdbStore(await openIdb(hub), hub, fakeScorer);
    expect((await reopened.listProfiles()).map((p) => p.id)).toEqual(['p1']);
    expect((await reopened.listTeams()).map((t) => t.id)).toEqual(['t1']);
    expect((await reopened.getSettings()).currentPlayerId).toBe('p1');
    expect((await reopened.getScenario(version.hash))?.id).toBe('mini');
    expect(pick(await reopened.getRun('r1'))).toEqual(['good', 'good']);
    expect((await reopened.listResults()).map((r) => r.runId)).toEqual(['r2']);
  });
});

