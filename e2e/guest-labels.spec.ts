/**
 * A guest is "Guest 2" to the trainer wherever the laptop names them: on the board and in every
 * line of the import log. A number is never given twice on a device, and players with the same
 * score stand in the order they finished, whatever their names.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loadScenario } from './persist-support';
import type { Run } from '../src/engine/types';
import type { Profile } from '../src/persistence/api';
import { encodeRunLink } from '../src/persistence/run-link';
import { deviceOpener, engineRun, exportAll, signedElsewhere } from './persist-support';

const TOY = 'toy-shop-saturday';
const TOY_TITLE = 'Toy shop on a Saturday';
const toy = loadScenario(TOY);
const device = deviceOpener({ locale: 'en-GB' });

/**
 * A hand-in link of a finished run (the first option at every decision, so every such run scores
 * the same), signed on a phone of its own, finished `agoMs` ago.
 */
async function link(player: Profile, runId: string, agoMs: number): Promise<string> {
  const run: Run = { ...engineRun(TOY, runId, (available) => available[0].id), playerId: player.id };
  const shift = run.finishedAt! - (Date.now() - agoMs);
  const moved: Run = { ...run, startedAt: run.startedAt - shift, finishedAt: run.finishedAt! - shift, events: run.events.map((e) => ({ ...e, at: e.at - shift })) };
  const [signed] = await signedElsewhere([moved]);
  return encodeRunLink({ run: signed, player, team: null }, toy);
}

/** A guest who is "Guest 1" on their own phone (every phone's first guest is). */
const phoneGuest = (id: string): Profile => ({ id, name: 'Guest', teamId: null, createdAt: Date.now() - 600_000, guest: true, guestNumber: 1 });

async function handIn(page: Page, data: string): Promise<void> {
  await page.goto(`/#/import-run/${data}`);
  await expect(page).toHaveURL(/#\/results$/);
}

async function boardNames(page: Page): Promise<string[]> {
  await page.goto(`/#/teams?scenario=${TOY}`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  return page.getByRole('table', { name: /^Leaderboard/ }).getByRole('rowheader').allTextContents();
}

test('the import log names a guest as the board does: a changed file, a refused run and a new device', async ({ browser }, info) => {
  const laptop = await device(browser);
  const a = phoneGuest('guest-a');
  const b = phoneGuest('guest-b');
  await handIn(laptop, await link(a, 'run-a', 300_000));
  await handIn(laptop, await link(b, 'run-b', 200_000));
  expect((await boardNames(laptop)).sort()).toEqual(['Guest 1', 'Guest 2']);

  const file = info.outputPath('all.json');
  const data = JSON.parse(await exportAll(laptop, file));
  const log = laptop.getByRole('log').locator('p');

  // Guest 2's scores edited by hand: the log names their run as the board names them.
  const boasted = structuredClone(data);
  boasted.scores.find((s: { runId: string }) => s.runId === 'run-b').scores = { warmth: 100, initiative: 100, outcome: 100, overall: 100 };
  writeFileSync(info.outputPath('boasted.json'), JSON.stringify(boasted));
  await laptop.getByLabel('Results file (.json)').setInputFiles(info.outputPath('boasted.json'));
  await expect(log.nth(1)).toContainText(`For 1 run (Guest 2 in “${TOY_TITLE}”) the scores or ending in the file did not match`);

  // Guest 2's run turned into practice after it was signed: refused, its genuine copy is here.
  const changed = JSON.parse(readFileSync(file, 'utf8'));
  changed.runs.find((r: Run) => r.id === 'run-b').mode = 'coaching';
  writeFileSync(info.outputPath('changed.json'), JSON.stringify(changed));
  await laptop.getByLabel('Results file (.json)').setInputFiles(info.outputPath('changed.json'));
  await expect(log.nth(1)).toContainText(`The run of Guest 2 in “${TOY_TITLE}” was changed in the file and was not imported`);

  // Guest 1 hands in a second run from another device: the note names them as the board does.
  await handIn(laptop, await link(a, 'run-a2', 100_000));
  await expect(log.nth(0)).toContainText(`1 run of Guest 1 came from a device that has not sent Guest 1’s runs here before.`);
});

test('a deleted guest’s number is not given again: the next guest gets the next one', async ({ browser }) => {
  const phone = await device(browser);
  const header = phone.getByRole('banner');
  const playAsGuest = async (n: number) => {
    await phone.goto('/#/');
    await phone.getByRole('button', { name: 'Play as Guest', exact: true }).click();
    await expect(header.getByText(`Playing as Guest ${n}`, { exact: true }).filter({ visible: true })).toHaveCount(1);
  };
  await playAsGuest(1);
  await playAsGuest(2);
  await phone.goto('/#/players');
  await phone.getByRole('button', { name: 'Delete Guest 2' }).click();
  await phone.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(phone.getByRole('button', { name: 'Delete Guest 2' })).toHaveCount(0);
  // A trainer's note about "Guest 2" must not now point at the next guest.
  await playAsGuest(3);
  await phone.reload();
  await expect(header.getByText("Playing as Guest 3", { exact: true }).filter({ visible: true })).toHaveCount(1);
  // A hand-in of another phone's "Guest 2" does not take the deleted number either.
  await handIn(phone, await link({ ...phoneGuest('guest-c'), guestNumber: 2 }, 'run-c', 100_000));
  await expect(phone.getByRole('log').locator('p').first()).toContainText('Run of Guest 4 in');
});

test('players with the same score stand in the order they finished, with names shown or not (projector)', async ({ browser }) => {
  const laptop = await device(browser);
  // Zed finished first, Anna later; Yara, a guest, last: all three chose alike, so they tie.
  const zed: Profile = { id: 'p-zed', name: 'Zed', teamId: null, createdAt: 0 };
  const anna: Profile = { id: 'p-anna', name: 'Anna', teamId: null, createdAt: 0 };
  await handIn(laptop, await link(anna, 'run-anna', 200_000));
  await handIn(laptop, await link(phoneGuest('guest-y'), 'run-y', 100_000));
  await handIn(laptop, await link(zed, 'run-zed', 300_000));
  expect(await boardNames(laptop)).toEqual(['Zed', 'Anna', 'Guest 1']);
  const rows = laptop.getByRole('table', { name: /^Leaderboard/ }).getByRole('row').filter({ has: laptop.getByRole('rowheader') });
  for (let i = 0; i < 3; i++) await expect(rows.nth(i).getByRole('cell').first(), 'a tie shares its place').toHaveText('1');
  // On the projector, names off: "Player 1" is the first to finish, and stands first.
  await laptop.goto(`/#/teams?scenario=${TOY}&projector=1`);
  await expect(laptop.locator('[data-ready="true"]')).toBeVisible();
  await expect(laptop.getByRole('table', { name: /^Leaderboard/ }).getByRole('rowheader')).toHaveText(['Player 1', 'Player 2', 'Player 3']);
});
