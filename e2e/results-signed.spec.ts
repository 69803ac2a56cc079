/**
 * Signed results files (#sign), as the tester found it: a practice run turned into an assessment
 * and filed under another player by editing the exported JSON. Device A and device B are two
 * browser contexts, each with its own IndexedDB and its own device key.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { encodeRunLink } from '../src/persistence/run-link';
import type { Run } from '../src/engine/types';
import { deviceOpener, engineRun, exportAll, loadScenario, playToEnd, readDb, signedElsewhere, startAs, writeResultsFile } from './persist-support';

const TOY = 'toy-shop-saturday';
const TOY_TITLE = 'Toy shop on a Saturday';

const device = deviceOpener();

/** Plays a coaching run to its ending: the first option each time, Continue after each feedback. */
async function practiseToEnd(page: Page): Promise<void> {
  const ending = page.locator('#ending-heading');
  const next = page.getByRole('button', { name: 'Continue', exact: true });
  const option = page.locator('button[data-option]:enabled').first();
  for (let i = 0; i < 60; i++) {
    await expect(ending.or(next).or(option).first()).toBeVisible();
    if (await ending.isVisible()) return;
    if (await next.isVisible()) {
      await next.click();
      await expect(next).toHaveCount(0);
      continue;
    }
    await option.click();
    await expect(ending.or(next).first()).toBeVisible();
  }
}

/** The names on the leaderboard of the toy shop, top first. */
async function boardNames(page: Page): Promise<string[]> {
  await page.goto(`/#/teams?scenario=${TOY}`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  return page.getByRole('table', { name: new RegExp(`Leaderboard`) }).getByRole('rowheader').allTextContents();
}

test('a results file edited after playing: the changed run is refused and named, the rest taken; stripped of signatures it counts nowhere', async ({ browser }, info) => {
  test.slow(); // three runs played to their end on two devices

  // Device A: Anna practises (coaching), Bram is assessed; A exports everything.
  const a = await device(browser);
  await startAs(a, 'Anna', TOY, 'coaching');
  await practiseToEnd(a);
  await startAs(a, 'Bram', TOY);
  await playToEnd(a);
  const good = info.outputPath('all.json');
  const data = JSON.parse(await exportAll(a, good));
  const id = (name: string) => data.profiles.find((p: { name: string }) => p.name === name).id;

  // The tester's edit: Anna's practice run becomes an assessment of Bram's.
  const forged = structuredClone(data);
  const practice = forged.runs.find((r: { playerId: string }) => r.playerId === id('Anna'));
  expect(practice.mode).toBe('coaching');
  practice.mode = 'assessment';
  practice.playerId = id('Bram');
  writeFileSync(info.outputPath('forged.json'), JSON.stringify(forged, null, 1));

  // Device B: the trainer's laptop, where Cem was assessed.
  const b = await device(browser);
  await startAs(b, 'Cem', TOY);
  await playToEnd(b);
  expect(await boardNames(b)).toEqual(['Cem']);

  // The edited file with its signatures removed: imported, but both runs are left out, and the board says so.
  const stripped = structuredClone(forged);
  for (const r of stripped.runs) delete r.signature;
  writeFileSync(info.outputPath('stripped.json'), JSON.stringify(stripped));
  await b.goto('/#/results');
  await b.getByLabel('Results file (.json)').setInputFiles(info.outputPath('stripped.json'));
  const entry = b.getByRole('log').locator('p').first();
  await expect(entry).toContainText('2 runs came without a signature');
  expect(await boardNames(b)).toEqual(['Cem']);
  await expect(b.getByText('2 assessment runs are left out: they came without a signature')).toBeVisible();
  const axe = await new AxeBuilder({ page: b }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  // The debrief, too, counts only Cem's run, and says why the other two are not in it.
  await b.goto(`/#/debrief?scenario=${TOY}`);
  await expect(b.getByText('Based on 1 player')).toBeVisible();
  await expect(b.getByText('2 assessment runs are left out: they came without a signature')).toBeVisible();
  // Bram's history still shows both runs, each marked as not compared.
  await b.goto(`/#/history?player=${id('Bram')}`);
  await b.getByText('Both attempts').click();
  await expect(b.getByRole('cell', { name: 'Assessment · no signature: not compared' })).toHaveCount(2);

  // The edited file as it was, signed: the changed run is refused and named, with what to do;
  // Bram's own assessment in it holds its signature, is taken, and now counts.
  await b.goto('/#/results');
  await b.getByLabel('Results file (.json)').setInputFiles(info.outputPath('forged.json'));
  await expect(entry).toContainText('forged.json: no new runs');
  await expect(entry).toContainText('1 run that was here without a signature came again, signed');
  const refused = b.getByRole('log').locator('p').nth(1);
  await expect(refused).toHaveText(
    `forged.json: Not imported: the run of Bram in “${TOY_TITLE}”. It was changed after it was played (the signature does not match). The other run in the file was imported. Ask for a fresh export from the device it was played on.`,
  );
  await expect(refused, 'shown as a problem').toHaveClass(/\berror\b/);
  // The file's summary above it is neither green (not all was taken) nor red like the refusal (fresh eyes).
  const colour = (l: typeof entry) => l.evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(await colour(entry)).not.toBe(await colour(refused));
  await expect(entry).not.toHaveClass(/\b(error|ok)\b/);
  await b.getByRole('button', { name: 'Nederlands' }).click();
  await expect(refused).toHaveText(
    'forged.json: Niet ingelezen: de ronde van Bram in ‘Speelgoedwinkel op zaterdag’. Die is veranderd nadat hij gespeeld is (de handtekening klopt niet). De andere ronde uit het bestand is wel ingelezen. Vraag een nieuwe export van het apparaat waarop gespeeld is.',
  );
  await b.getByRole('button', { name: 'English' }).click();
  expect((await boardNames(b)).sort()).toEqual(['Bram', 'Cem']);
  await expect(b.getByText('1 assessment run is left out: it came without a signature')).toBeVisible();
});

test('the untouched file from another device imports and its player appears on the leaderboard', async ({ browser }, info) => {
  test.slow(); // two runs played to their end on two devices
  const a = await device(browser);
  await startAs(a, 'Bram', TOY);
  await playToEnd(a);
  const good = info.outputPath('all.json');
  await exportAll(a, good);

  const b = await device(browser);
  await startAs(b, 'Cem', TOY);
  await playToEnd(b);
  await b.goto('/#/results');
  await b.getByLabel('Results file (.json)').setInputFiles(good);
  const entry = b.getByRole('log').locator('p').first();
  await expect(entry).toContainText('all.json: 1 new run');
  await expect(entry).not.toContainText('signature');
  expect((await boardNames(b)).sort()).toEqual(['Bram', 'Cem']);
  await expect(b.getByText(/left out: they came without a signature/)).toHaveCount(0);

  // A copy of the file with Bram's run, already here, turned into practice and its signature
  // removed: the run here is kept, and the log says the file told it differently.
  const changed = JSON.parse(readFileSync(good, 'utf8'));
  for (const r of changed.runs) {
    r.mode = 'coaching';
    delete r.signature;
  }
  writeFileSync(info.outputPath('changed.json'), JSON.stringify(changed));
  await b.goto('/#/results');
  await b.getByLabel('Results file (.json)').setInputFiles(info.outputPath('changed.json'));
  await expect(entry).toContainText('changed.json: no new runs, 1 already here');
  await expect(entry).toContainText('1 run in the file differs from the copy already on this device under the same id (another player, mode, start or choices): the copy here was kept');
  await expect(entry, 'shown as a problem, not as a success').toHaveClass(/\berror\b/);
  expect((await boardNames(b)).sort()).toEqual(['Bram', 'Cem']);

  // A copy with Bram's scores and ending edited by hand: the log names his run, and the board
  // keeps the score his choices give.
  const score = async () => (await b.getByRole('table', { name: /Leaderboard/ }).getByRole('row').filter({ hasText: 'Bram' }).innerText()).replace(/\s+/g, ' ');
  const before = await score();
  const boasted = JSON.parse(readFileSync(good, 'utf8'));
  boasted.scores[0].scores = { warmth: 100, initiative: 100, outcome: 100, overall: 100 };
  writeFileSync(info.outputPath('boasted.json'), JSON.stringify(boasted));
  await b.goto('/#/results');
  await b.getByLabel('Results file (.json)').setInputFiles(info.outputPath('boasted.json'));
  await expect(entry).toContainText('boasted.json: no new runs, 1 already here');
  const misstated = b.getByRole('log').locator('p').nth(1);
  await expect(misstated).toHaveText(
    `boasted.json: For 1 run (Bram in “${TOY_TITLE}”) the scores or ending in the file did not match the choices: the recalculated result counts. The file was changed after it was exported, or comes from another version of Frontlijn.`,
  );
  await expect(misstated, 'shown as a problem').toHaveClass(/\berror\b/);
  await b.getByRole('button', { name: 'Nederlands' }).click();
  await expect(misstated).toHaveText(
    'boasted.json: Bij 1 ronde (Bram in ‘Speelgoedwinkel op zaterdag’) klopten de scores of het einde in het bestand niet met de keuzes: de herberekende uitslag geldt. Het bestand is na het exporteren veranderd, of komt van een andere versie van Frontlijn.',
  );
  await b.getByRole('button', { name: 'English' }).click();
  expect(await boardNames(b)).toContain('Bram');
  expect(await score()).toBe(before);
  expect(before, 'the file’s 100s are nowhere on the board').not.toMatch(/(^|\s)100\/100/);
});

test('a forger with a key of their own gets in, but named: the device has not sent the player’s runs before', async ({ browser }, info) => {
  test.slow(); // three runs played to their end on three devices
  // Device A (the shop's laptop): Bram is assessed and the team's file goes to the trainer (B).
  const a = await device(browser);
  await startAs(a, 'Bram', TOY);
  await playToEnd(a);
  const team = info.outputPath('team.json');
  await exportAll(a, team);
  const b = await device(browser);
  await b.goto('/#/results');
  await b.getByLabel('Results file (.json)').setInputFiles(team);
  await expect(b.getByRole('log').locator('p').first()).toContainText('team.json: 1 new run');

  // Device C, the forger's: imports the same file (Bram's id and name), plays as Bram, exports.
  const c = await device(browser);
  await c.goto('/#/results');
  await c.getByLabel('Results file (.json)').setInputFiles(team);
  await expect(c.getByRole('log').locator('p').first()).toContainText('team.json: 1 new run');
  // The forger plays as the imported Bram (his id), not as a new player of that name: the who-screen
  // lists him once the import has reached the app's state (startAs looks once, without waiting).
  await c.goto('/#/');
  await expect(c.getByRole('button', { name: 'Play as Bram' })).toBeVisible();
  await startAs(c, 'Bram', TOY);
  await playToEnd(c);
  const forged = info.outputPath('from-c.json');
  await exportAll(c, forged);

  // Signed, so not refused; but the trainer is told which player's runs came from a new device.
  await b.goto('/#/results');
  await b.getByLabel('Results file (.json)').setInputFiles(forged);
  const log = b.getByRole('log');
  await expect(log.locator('p').first()).toContainText('from-c.json: 1 new run');
  await expect(log).toContainText("1 run of Bram came from a device that has not sent Bram’s runs here before.");
});

test('on a plain http:// address (a laptop on the room’s Wi-Fi) phones still sign and the laptop still checks', async ({ browser }, info) => {
  test.slow(); // two runs played to their end on two devices
  // A page at http://192.168.1.23:4173 has no WebCrypto (crypto.subtle is for secure pages): as
  // there, the pages of both devices see none.
  const insecure = async () => {
    const page = await device(browser);
    await page.addInitScript(() => Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined }));
    return page;
  };
  const a = await insecure();
  await startAs(a, 'Bram', TOY);
  await playToEnd(a);
  expect(await a.evaluate(() => typeof crypto.subtle)).toBe('undefined');
  const good = info.outputPath('phone.json');
  const data = JSON.parse(await exportAll(a, good));
  expect(data.runs[0].signature).toBeDefined();

  const b = await insecure();
  await startAs(b, 'Cem', TOY);
  await playToEnd(b);
  await b.goto('/#/results');
  await b.getByLabel('Results file (.json)').setInputFiles(good);
  const entry = b.getByRole('log').locator('p').first();
  await expect(entry).toContainText('phone.json: 1 new run');
  await expect(entry).not.toContainText('signature');
  expect((await boardNames(b)).sort()).toEqual(['Bram', 'Cem']);

  // An edited copy is refused there too.
  const forged = structuredClone(data);
  forged.runs[0].mode = 'coaching';
  forged.runs[0].id = 'another-run';
  writeFileSync(info.outputPath('edited.json'), JSON.stringify(forged));
  await b.goto('/#/results');
  await b.getByLabel('Results file (.json)').setInputFiles(info.outputPath('edited.json'));
  await expect(entry).toContainText('edited.json: no new runs');
  await expect(b.getByRole('log').locator('p').nth(1)).toContainText('edited.json: Not imported: the run of Bram');
});

/** A finished run of the toy shop as a version 1 hand-in link: no signature, as old phones made them. */
async function unsignedLink(): Promise<string> {
  const run = engineRun(TOY, 'old-link-0001', (available) => available[0].id);
  return encodeRunLink({ run, player: { id: 'p-dewi', name: 'Dewi', teamId: 't-bar', createdAt: 1 }, team: { id: 't-bar', name: 'Bar', createdAt: 1 } });
}

test('a hand-in link without a signature is kept but left out, and the log does not blame an old phone for it', async ({ browser }) => {
  // A run as an old phone's link carries it (version 1, no signature), or as a trainee makes one by
  // removing the signature from today's link: the laptop cannot tell which, so it must not say.
  const b = await device(browser);
  await b.goto(`/#/import-run/${await unsignedLink()}`);
  const log = b.getByRole('log');
  await expect(log).toContainText(`Run of Dewi in “${TOY_TITLE}” added.`);
  await expect(log).toContainText('It came without a signature (a link from an older version of Frontlijn, or its signature was removed), so nobody can tell whether it was changed');
  await expect(log).not.toContainText('on the phone');
});

test('the room’s roster marks a handed-in run without a signature as not compared', async ({ browser }) => {
  // The roster lists every run handed in to the room; an unsigned one counts nowhere, and says so
  // there too, so a trainer does not take it for a second, counted run of the same player, nor
  // the player for one who is on the leaderboard.
  const b = await device(browser);
  await b.goto('/#/room');
  await b.getByLabel('Scenario').selectOption({ label: TOY_TITLE });
  await b.getByRole('button', { name: 'Show the code' }).click();
  await expect(b.getByRole('heading', { name: 'Handed in' })).toBeVisible();
  await b.goto(`/#/import-run/${await unsignedLink()}`);
  await expect(b.getByRole('log')).toContainText('Run of Dewi');
  await expect(b.getByRole('list', { name: 'Not on the leaderboard' }).getByRole('listitem').filter({ hasText: 'Dewi' })).toHaveText(/^Dewi \d{2}:\d{2} · no signature$/);
  // Nor is Dewi counted as handed in: the count is of players on the leaderboard.
  await expect(b.getByRole('region', { name: 'Handed in' }).getByRole('status')).toHaveText('0 players handed in 1 more player handed in a run that is not on the leaderboard.');
});

test('the import’s intro does not say unsigned runs only come from older versions', async ({ browser }) => {
  const b = await device(browser);
  await b.goto('/#/results');
  const intro = b.getByText(/^A file exported from Frontlijn on another device\./);
  await expect(intro).toContainText('Runs without a signature (from older versions of Frontlijn, or with it removed) are imported but left out of leaderboards');
  await expect(intro).toContainText('if a run was changed after it was played, only that run is refused and the rest is imported.');
});

/** A results file as another device exports it, its runs signed there and then changed by `edit`. */
async function handMade(path: string, people: { id: string; name: string; teamId?: string }[], runs: Run[], edit: (signed: Run[]) => Run[]): Promise<string> {
  const teams = [{ id: 'kassa', name: 'Kassa', createdAt: 1 }];
  const profiles = people.map((p) => ({ teamId: null, createdAt: 1, ...p }));
  const file = { format: 'frontlijn-results', formatVersion: 2, exportedAt: Date.now(), scope: { kind: 'all' }, teams, profiles, scenarios: [], runs: edit(await signedElsewhere(runs)), scores: [] };
  writeFileSync(path, JSON.stringify(file));
  return path;
}

const asPractice = (signed: Run[]) => signed.map((r) => ({ ...r, mode: 'coaching' as const }));

test('a file whose every run was changed adds nobody: its players and team are named as not added', async ({ browser }, info) => {
  const b = await device(browser);
  const people = [
    { id: 'p-anna', name: 'Anna', teamId: 'kassa' },
    { id: 'p-bram', name: 'Bram', teamId: 'kassa' },
  ];
  const runs = people.map((p, i) => ({ ...engineRun(TOY, `run-${i}`, (available) => available[i % available.length].id), playerId: p.id }));
  const path = await handMade(info.outputPath('changed.json'), people, runs, asPractice);
  await b.goto('/#/results');
  await b.getByLabel('Results file (.json)').setInputFiles(path);
  const log = b.getByRole('log');
  await expect(log.locator('p').first()).toContainText('changed.json: no new runs, none already here, no new players.');
  // Nothing was taken: the summary is not shown as a success (green) above the refusals.
  await expect(log.locator('p').first(), 'not shown as a success').toHaveClass(/\berror\b/);
  await expect(log.locator('p').nth(1)).toContainText(`Not imported: 2 runs, of Anna in “${TOY_TITLE}” and Bram in “${TOY_TITLE}”.`);
  const leftOut = log.locator('p').nth(2);
  await expect(leftOut).toHaveText(
    'changed.json: Not added: 2 players (Anna and Bram), because no run of theirs was imported from the file. Not added: the team Kassa, because no run of its players was imported from the file.',
  );
  await expect(leftOut, 'shown as a problem').toHaveClass(/\berror\b/);
  await b.getByRole('button', { name: 'Nederlands' }).click();
  await expect(leftOut).toHaveText(
    'changed.json: Niet toegevoegd: 2 spelers (Anna en Bram), omdat er geen ronde van hen uit het bestand is ingelezen. Niet toegevoegd: het team Kassa, omdat er geen ronde van zijn spelers uit het bestand is ingelezen.',
  );
  await b.getByRole('button', { name: 'English' }).click();
  // Nobody from the file is on the device: not on the players page, not in the database.
  await b.goto('/#/players');
  await expect(b.getByRole('heading', { name: 'Players and teams', level: 1 })).toBeVisible();
  await expect(b.getByRole('button', { name: /^Rename (Anna|Bram)$/ })).toHaveCount(0);
  await expect(b.getByRole('heading', { name: 'Kassa' })).toHaveCount(0);
  const db = await readDb(b);
  expect([db.profiles, db.teams, db.runs]).toEqual([[], [], []]);
});

test('a run in the file twice, genuine and changed: the log says the genuine copy was taken and the other ignored', async ({ browser }, info) => {
  const b = await device(browser);
  const people = [
    { id: 'p-dewi', name: 'Dewi' },
    { id: 'p-mallory', name: 'Mallory' },
  ];
  // The genuine run of Dewi, and a copy of it claimed by Mallory, first in the file.
  const run = engineRun(TOY, 'dewi-run', (available) => available[0].id);
  const path = await handMade(info.outputPath('twice.json'), people, [run], ([genuine]) => [{ ...genuine, playerId: 'p-mallory' }, genuine]);
  await b.goto('/#/results');
  await b.getByLabel('Results file (.json)').setInputFiles(path);
  const log = b.getByRole('log');
  await expect(log.locator('p').first()).toContainText('twice.json: 1 new run, none already here, 1 new player.');
  const doubled = log.locator('p').nth(1);
  await expect(doubled).toHaveText(
    `twice.json: The run of Dewi in “${TOY_TITLE}” was in the file twice. The genuine copy was imported; the other copy was changed after playing (the signature does not match) and was ignored.`,
  );
  await expect(doubled, 'shown as a problem').toHaveClass(/\berror\b/);
  await expect(log).not.toContainText('Not imported');
  await expect(log).toContainText('Not added: the player Mallory, because no run of theirs was imported from the file.');
  await b.getByRole('button', { name: 'Nederlands' }).click();
  await expect(doubled).toHaveText(
    'twice.json: De ronde van Dewi in ‘Speelgoedwinkel op zaterdag’ stond twee keer in het bestand. De echte ronde is ingelezen; de andere is na het spelen veranderd (de handtekening klopt niet) en genegeerd.',
  );
  await b.getByRole('button', { name: 'English' }).click();
  expect(await boardNames(b)).toEqual(['Dewi']);
});

test('a run the file tells otherwise than the copy here brings nobody: its new player and team are named as not added', async ({ browser }, info) => {
  const b = await device(browser);
  const run = engineRun(TOY, 'dewi-run', (available) => available[0].id);
  const genuine = await handMade(info.outputPath('genuine.json'), [{ id: 'p-dewi', name: 'Dewi' }], [run], (signed) => signed);
  // The same run id, signed where it was "played", claimed by Mallory of the team Kassa.
  const claimed = await handMade(info.outputPath('claimed.json'), [{ id: 'p-mallory', name: 'Mallory', teamId: 'kassa' }], [{ ...run, playerId: 'p-mallory' }], (signed) => signed);
  await b.goto('/#/results');
  const picker = b.getByLabel('Results file (.json)');
  await picker.setInputFiles(genuine);
  const log = b.getByRole('log');
  await expect(log.locator('p').first()).toContainText('genuine.json: 1 new run');
  await picker.setInputFiles(claimed);
  await expect(log.locator('p').first()).toHaveText(
    'claimed.json: no new runs, 1 already here, no new players. 1 run in the file differs from the copy already on this device under the same id (another player, mode, start or choices): the copy here was kept, and the file’s version was not imported.',
  );
  await expect(log.locator('p').nth(1)).toHaveText(
    'claimed.json: Not added: the player Mallory, because no run of theirs was imported from the file. Not added: the team Kassa, because no run of its players was imported from the file.',
  );
  await b.goto('/#/players');
  await expect(b.getByRole('heading', { name: 'Players and teams', level: 1 })).toBeVisible();
  await expect(b.getByRole('button', { name: 'Rename Dewi' })).toBeVisible();
  await expect(b.getByRole('button', { name: 'Rename Mallory' })).toHaveCount(0);
  await expect(b.getByRole('heading', { name: 'Kassa' })).toHaveCount(0);
});

test('a changed file on the device that holds the genuine runs: those are named as here and counting, no export asked for them', async ({ browser }, info) => {
  const b = await device(browser);
  const people = ['Anna', 'Bram', 'Cem', 'Dewi'].map((name) => ({ id: `p-${name.toLowerCase()}`, name }));
  const runs = people.map((p, i) => ({ ...engineRun(TOY, `run-${i}`, (available) => available[i % available.length].id), playerId: p.id }));
  // Another device's export of the runs as played (Dewi's left out), and the same runs all made practice.
  let asPlayed: Run[] = [];
  const genuine = await handMade(info.outputPath('genuine.json'), people, runs, (signed) => (asPlayed = signed).filter((r) => r.playerId !== 'p-dewi'));
  const changed = await handMade(info.outputPath('changed.json'), people, [], () => asPractice(asPlayed));
  await b.goto('/#/results');
  const picker = b.getByLabel('Results file (.json)');
  await picker.setInputFiles(genuine);
  const log = b.getByRole('log');
  await expect(log.locator('p').first()).toContainText('genuine.json: 3 new runs');
  await picker.setInputFiles(changed);
  // The summary counts the runs here as the sentences below name them: not "none already here".
  await expect(log.locator('p').first()).toHaveText('changed.json: no new runs, 3 already here, no new players.');
  // Dewi's run is not here: today's refusal, asking for a fresh export.
  await expect(log.locator('p').nth(1)).toHaveText(
    `changed.json: Not imported: the run of Dewi in “${TOY_TITLE}”. It was changed after it was played (the signature does not match). No other run in the file was imported. Ask for a fresh export from the device it was played on.`,
  );
  const here = log.locator('p').nth(2);
  await expect(here).toHaveText(
    `changed.json: 3 runs, of Anna in “${TOY_TITLE}”, Bram in “${TOY_TITLE}”, and Cem in “${TOY_TITLE}”, were changed in the file and were not imported; the genuine runs are already on this device and count.`,
  );
  await expect(here, 'shown as a problem').toHaveClass(/\berror\b/);
  await b.getByRole('button', { name: 'Nederlands' }).click();
  await expect(here).toHaveText(
    'changed.json: 3 rondes, van Anna in ‘Speelgoedwinkel op zaterdag’, Bram in ‘Speelgoedwinkel op zaterdag’ en Cem in ‘Speelgoedwinkel op zaterdag’, waren in het bestand veranderd en zijn niet ingelezen; de echte rondes staan al op dit apparaat en tellen.',
  );
  await expect(log.locator('p').nth(1)).toHaveText(
    'changed.json: Niet ingelezen: de ronde van Dewi in ‘Speelgoedwinkel op zaterdag’. Die is veranderd nadat hij gespeeld is (de handtekening klopt niet). Geen andere ronde uit het bestand is ingelezen. Vraag een nieuwe export van het apparaat waarop gespeeld is.',
  );
  await expect(log.locator('p').first()).toHaveText('changed.json: geen nieuwe rondes, 3 waren er al, geen nieuwe spelers.');
  await b.getByRole('button', { name: 'English' }).click();
  // The genuine runs still count, as the log says.
  expect((await boardNames(b)).sort()).toEqual(['Anna', 'Bram', 'Cem']);
});

test('a changed hand-in link for a run here says what a changed file says: the genuine run is here and counts', async ({ browser }, info) => {
  const b = await device(browser);
  const run = engineRun(TOY, 'dewi-run', (available) => available[0].id);
  let signed: Run[] = [];
  const genuine = await handMade(info.outputPath('genuine.json'), [{ id: 'p-dewi', name: 'Dewi' }], [run], (runs) => (signed = runs));
  await b.goto('/#/results');
  await b.getByLabel('Results file (.json)').setInputFiles(genuine);
  const log = b.getByRole('log');
  await expect(log.locator('p').first()).toContainText('genuine.json: 1 new run');
  // Dewi's run made practice after it was played, handed in as a link under her name.
  const changed = { run: { ...signed[0], mode: 'coaching' as const }, player: { id: 'p-dewi', name: 'Dewi', teamId: null, createdAt: 1 }, team: null };
  await b.goto(`/#/import-run/${await encodeRunLink(changed, loadScenario(TOY))}`);
  const entry = log.locator('p').first();
  await expect(entry).toHaveText(`The run of Dewi in “${TOY_TITLE}” was changed in the link and was not imported; the genuine run is already on this device and counts.`);
  await expect(entry, 'shown as a problem').toHaveClass(/\berror\b/);
  // Not the plain refusal a link whose run is not here gets (it asks for a fresh link).
  await expect(log).not.toContainText('Refused');
  await b.getByRole('button', { name: 'Nederlands' }).click();
  await expect(entry).toHaveText('De ronde van Dewi in ‘Speelgoedwinkel op zaterdag’ was in de link veranderd en is niet ingelezen; de echte ronde staat al op dit apparaat en telt.');
  await b.getByRole('button', { name: 'English' }).click();
  expect((await readDb(b)).runs.map((r) => [r.id, r.mode])).toEqual([['dewi-run', 'assessment']]);
  expect(await boardNames(b)).toEqual(['Dewi']);
});

test('a board with only unsigned runs says none count, not that there are none', async ({ browser }, info) => {
  const b = await device(browser);
  const path = writeResultsFile(info.outputPath('unsigned.json'), {
    profiles: [{ id: 'bram-x', name: 'Bram' }],
    runs: [{ ...engineRun(TOY, 'bram-x-1', (available) => available[0].id), playerId: 'bram-x' }],
  });
  await b.goto('/#/results');
  await b.getByLabel('Results file (.json)').setInputFiles(path);
  await expect(b.getByRole('log')).toContainText('1 run came without a signature');
  await b.goto(`/#/teams?scenario=${TOY}`);
  await expect(b.getByText('1 assessment run is left out: it came without a signature')).toBeVisible();
  await expect(b.getByText(`No assessment runs of “${TOY_TITLE}” that count on this device yet.`)).toBeVisible();
  await expect(b.getByText(`No assessment runs of “${TOY_TITLE}” on this device yet.`)).toHaveCount(0);
});
