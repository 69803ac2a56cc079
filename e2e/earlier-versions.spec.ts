/**
 * Runs played on the app's own earlier versions of a built-in (a phone still on the cached app
 * during an update, a results file exported yesterday) count on the trainer's laptop without a
 * decision, scored against the version they were played on.
 *
 * The results file is made by the app's own export code (buildResultsFile) on a device that
 * played the earlier versions as they were committed (git show <commit>:scenarios/<id>.json, the
 * commits scenarios/versions.txt names).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { applyEvent, initialPlayState } from '../src/engine/replay';
import { t as textOf } from '../src/engine/text';
import { validateScenario } from '../src/engine/validate';
import { contentHash } from '../src/engine/hash';
import type { Run } from '../src/engine/types';
import type { StoredScenario } from '../src/persistence/api';
import { MemoryStore } from '../src/persistence/memory';
import { buildResultsFile } from '../src/persistence/results-file';
import { encodeRunLink } from '../src/persistence/run-link';
import { scoreRun } from '../src/persistence/scoring';
import { deviceOpener, readDb } from './persist-support';

const TOY = 'toy-shop-saturday';
const TOY_TITLE = 'Toy shop on a Saturday';

/** A version of the toy shop as it was committed (null: today's file), read with the project's validator. */
function committed(commit: string | null): StoredScenario {
  const source = commit ? execFileSync('git', ['show', `${commit}:scenarios/${TOY}.json`], { encoding: 'utf8' }) : readFileSync(`scenarios/${TOY}.json`, 'utf8');
  const v = validateScenario(source);
  if (!v.ok || !v.scenario) throw new Error(`${TOY} at ${commit} does not validate`);
  return { hash: contentHash(v.scenario), id: TOY, source, scenario: v.scenario, custom: false, storedAt: Date.now() - 3_600_000 };
}

/** A finished assessment run on `version`, taking option `pick` (modulo those shown) at every decision, or one of `prefer` where it is shown. */
function played(version: StoredScenario, id: string, playerId: string, pick: number, prefer: string[] = []): Run {
  const t0 = Date.now() - 600_000;
  const run: Run = { formatVersion: 1, id, scenarioId: TOY, scenarioHash: version.hash, playerId, mode: 'assessment', timerScale: 1, startedAt: t0, events: [] };
  let state = initialPlayState(version.scenario, run);
  let at = t0;
  while (state.node !== null) {
    at += 2000;
    const option = state.available.find((o) => prefer.includes(o.id)) ?? state.available[pick % state.available.length];
    const e = { type: 'choice.select' as const, node: state.node, option: option.id, at };
    state = applyEvent(version.scenario, state, e, run.events.length);
    run.events.push(e);
  }
  run.finishedAt = at;
  return run;
}

/** The commits of the toy shop's shipped versions, oldest first (lines `<id> <hash> <since> <commit>`). */
const shipped = readFileSync('scenarios/versions.txt', 'utf8')
  .split('\n')
  .filter((line) => line.startsWith(`${TOY} `))
  .map((line) => ({ commit: line.trim().split(/\s+/)[3] }));
// The first release of the toy shop.
const first = committed(shipped[0].commit);
// The version before today's (yesterday's endings).
const yesterday = committed(shipped[shipped.length - 2].commit);

/** The players' device, on the earlier versions: what it played, exported by the app's own code. */
async function exportedYesterday(path: string): Promise<{ anna: Run; bram: Run; cem: Run }> {
  const phone = new MemoryStore({ scorer: scoreRun });
  for (const [id, name] of [['anna', 'Anna'], ['bram', 'Bram'], ['cem', 'Cem']]) await phone.saveProfile({ id, name, teamId: null, createdAt: Date.now() - 3_600_000 });
  await phone.saveScenario(first);
  await phone.saveScenario(yesterday);
  const anna = played(first, 'run-anna', 'anna', 3);
  const bram = played(yesterday, 'run-bram', 'bram', 0);
  await phone.saveRun(anna);
  await phone.saveRun(bram);
  // Cem takes the first release's options that today's text no longer has, where he meets them.
  const cem = played(first, 'run-cem', 'cem', 2, ['wrap-desk', 'bring-home']);
  await phone.saveRun(cem);
  writeFileSync(path, JSON.stringify(await buildResultsFile(phone, { kind: 'all' })));
  return { anna, bram, cem };
}

const open = deviceOpener();

test('runs on the app’s earlier versions of a built-in count without a decision, scored as played', async ({ browser }, info) => {
  expect(first.hash).not.toBe(yesterday.hash);
  const { anna, cem } = await exportedYesterday(info.outputPath('yesterday.json'));
  // Anna's choices score otherwise on the first release than on today's text: the board must
  // show what they scored where she played them.
  const asPlayed = scoreRun(anna, first)!.scores.overall;
  const today = committed(null);
  const asToday = scoreRun({ ...anna, scenarioHash: today.hash }, today)!.scores.overall;
  expect(asPlayed).not.toBe(asToday);

  const laptop: Page = await open(browser);
  const errors: string[] = [];
  laptop.on('pageerror', (e) => errors.push(String(e)));
  await laptop.goto('/#/results');
  await laptop.getByLabel('Results file (.json)').setInputFiles(info.outputPath('yesterday.json'));

  const log = laptop.getByRole('log');
  await expect(log).toContainText('3 new runs');
  await expect(log).toContainText(`2 runs of “${TOY_TITLE}” were played on an earlier version of this scenario (version ${first.hash.slice(0, 8)}) that came with the app: they count`);
  await expect(log).toContainText(`(version ${yesterday.hash.slice(0, 8)})`);
  await expect(log).not.toContainText('kept apart');
  await expect(laptop.getByRole('region', { name: 'Waiting for your decision' })).toHaveCount(0);

  await laptop.goto(`/#/teams?scenario=${TOY}`);
  const board = laptop.getByRole('table', { name: /Leaderboard/ });
  const annaRow = board.getByRole('row', { name: /Anna/ });
  await expect(annaRow).toContainText(`${asPlayed}/100`);
  await expect(annaRow).not.toContainText(`${asToday}/100`);
  await expect(annaRow).toContainText('earlier version of the scenario');
  await expect(board.getByRole('row', { name: /Bram/ })).toContainText('earlier version of the scenario');

  await laptop.goto(`/#/debrief?scenario=${TOY}`);
  await expect(laptop.getByText('3 of these runs were played on an earlier version of this scenario.')).toBeVisible();
  // A choice that today's text no longer has is not lost from the count: the room is told where it went.
  const chosen = cem.events.flatMap((e) => (e.type === 'choice.select' ? [e] : []));
  const gone = chosen.find((e) => !today.scenario.nodes[e.node]?.options.some((o) => o.id === e.option));
  expect(gone, `a choice of Cem's that today's text no longer has: ${chosen.map((e) => `${e.node}:${e.option}`).join(' ')}`).toBeDefined();
  const text = textOf(today.scenario.nodes[gone!.node].situation, 'en');
  const heading = laptop.locator('#db-situation');
  const where = laptop.getByText(/^Decision \d+ of the \d+ decisions that players met$/);
  for (let n = 1; n < 20; n++) {
    await expect(where).toHaveText(new RegExp(`^Decision ${n} of`));
    if ((await heading.innerText()) === text) break;
    await laptop.getByRole('button', { name: 'Next decision' }).click();
  }
  await expect(heading).toHaveText(text);
  await expect(laptop.getByText('1 of them chose, on an earlier version, an option this version no longer has.')).toBeVisible();
  // On a projector the note on earlier versions goes under the decision with the other notes: the decision fits.
  await laptop.setViewportSize({ width: 1280, height: 720 });
  await laptop.goto(`/#/debrief?scenario=${TOY}&projector=1`);
  await expect(laptop.getByText(/^Decision 1 of \d+$/)).toBeVisible();
  await expect(laptop.getByText('3 of 3 players came to this decision.')).toBeInViewport({ ratio: 1 });
  await expect(laptop.getByText('3 of these runs were played on an earlier version of this scenario.', { exact: false })).toBeAttached();

  // The report of a run says what it was played on, and scores it as played.
  await laptop.goto(`/#/report/${anna.id}`);
  await expect(laptop.getByText('Played on an earlier version of this scenario')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a run an older release kept apart on what is now an earlier version counts on the board at once', async ({ browser }) => {
  // An older release of the app, which did not know yesterday's version as its own, kept Bram's
  // run on it apart for a trainer's decision. This release counts it as the store opens: the
  // board shows it without the results screen (which used to do that) being opened first.
  const bram = played(yesterday, 'run-bram', 'bram', 0);
  const laptop: Page = await open(browser);
  await laptop.goto('/#/players');
  await expect(laptop.getByRole('heading', { level: 1, name: 'Players and teams' })).toBeVisible();
  await laptop.evaluate(
    async ({ version, run }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('frontlijn');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['scenarios', 'runs', 'profiles'], 'readwrite');
      tx.objectStore('scenarios').put({ ...version, untrusted: true });
      tx.objectStore('runs').put(run);
      tx.objectStore('profiles').put({ id: 'bram', name: 'Bram', teamId: null, createdAt: run.startedAt });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { version: yesterday, run: bram },
  );
  await laptop.goto(`/#/teams?scenario=${TOY}`);
  await laptop.reload();
  const board = laptop.getByRole('table', { name: /Leaderboard/ });
  await expect(board.getByRole('row', { name: /Bram/ })).toContainText(`${scoreRun(bram, yesterday)!.scores.overall}/100`);
  await expect(board.getByRole('row', { name: /Bram/ })).toContainText('earlier version of the scenario');
});

test('a hand-in link for an earlier version this device has not stored is refused, by either link format', async ({ browser }) => {
  const laptop: Page = await open(browser);
  const log = laptop.getByRole('log');
  const bram = played(yesterday, 'run-bram', 'bram', 0);
  const handed = { run: bram, player: { id: 'bram', name: 'Bram', teamId: null, createdAt: bram.startedAt }, team: null };
  const earlier = `Refused: this run was played on an earlier version of “${TOY_TITLE}”, and this device does not have that version’s text, so it cannot be scored honestly.`;
  const said = (text: string) => log.locator('p').filter({ hasText: text });
  // Version 3 (the version named as the link is read) and version 1 (named by its run).
  for (const [n, data] of [await encodeRunLink(handed, yesterday.scenario), await encodeRunLink(handed)].entries()) {
    await laptop.goto(`/#/import-run/${data}`);
    await expect(said(earlier)).toHaveCount(n + 1);
  }
  // A version that is neither here nor one of the app's own: refused as such, by either format.
  const other = { ...handed, run: { ...bram, id: 'run-other', scenarioHash: 'ab'.repeat(32) } };
  await laptop.goto(`/#/import-run/${await encodeRunLink(other, yesterday.scenario)}`);
  await expect(said('Refused: this run is of a scenario version this device does not have.')).toHaveCount(1);
  await laptop.goto(`/#/import-run/${await encodeRunLink(other)}`);
  await expect(said(`Refused: a run of “${TOY_TITLE}” needs a scenario version this device does not have.`)).toHaveCount(1);
  await expect(log.locator('p')).toHaveCount(4);
  expect((await readDb(laptop)).runs).toEqual([]);
});
