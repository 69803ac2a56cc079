/**
 * Guests are told apart by a number their device gives them once ("Gast 2"): two phones' guests,
 * each "Gast 1" on its own phone, hand in on the trainer's laptop in either order, and the row
 * named first keeps its name when the other arrives, after a reload too.
 */
import { expect, test, type Page } from '@playwright/test';
import { contentHash } from '../src/engine/hash';
import { applyEvent, initialPlayState } from '../src/engine/replay';
import type { Run } from '../src/engine/types';
import { encodeRunLink } from '../src/persistence/run-link';
import { readScenario } from './helpers';
import { deviceOpener, readDb, signedElsewhere } from './persist-support';

const TOY = 'toy-shop-saturday';
const toy = readScenario(TOY);
const device = deviceOpener({ locale: 'nl-NL' });

/** A guest's finished run on a phone of their own (signed there): the first option, or the last, at every decision. */
async function phoneLink(guestId: string, createdAt: number, last: boolean): Promise<string> {
  const t0 = Date.now() - 600_000;
  const run: Run = { formatVersion: 1, id: `run-${guestId}`, scenarioId: TOY, scenarioHash: contentHash(toy), playerId: guestId, mode: 'assessment', timerScale: 1, startedAt: t0, events: [] };
  let state = initialPlayState(toy, run);
  while (state.node !== null) {
    const e = { type: 'choice.select' as const, node: state.node, option: state.available[last ? state.available.length - 1 : 0].id, at: t0 + 2000 * (run.events.length + 1) };
    state = applyEvent(toy, state, e, run.events.length);
    run.events.push(e);
  }
  run.finishedAt = t0 + 2000 * run.events.length;
  const [signed] = await signedElsewhere([run]);
  // Each phone's only guest is "Gast 1" there.
  return encodeRunLink({ run: signed, player: { id: guestId, name: 'Gast', teamId: null, createdAt, guest: true, guestNumber: 1 }, team: null }, toy);
}

async function board(page: Page) {
  await page.goto(`/#/teams?scenario=${TOY}`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  return page.getByRole('table', { name: /^Ranglijst/ });
}

/** The cells of the board's row that names `name`, but its place: its team and scores say whose run it is. */
async function rowOf(table: ReturnType<Page['getByRole']>, name: string): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });
  return (await row.getByRole('cell').allInnerTexts()).slice(1);
}

// Phone A's guest was made a minute before phone B's. Before, guests were numbered by when they
// were made, so when B handed in first B was "Gast 1" until A came, then "Gast 2".
for (const order of [
  ['B', 'A'],
  ['A', 'B'],
] as const) {
  test(`two phones' guests hand in, ${order.join(' then ')}: the first stays “Gast 1”, the second is “Gast 2”`, async ({ browser }, info) => {
    const links = { A: await phoneLink('guest-a', Date.now() - 120_000, false), B: await phoneLink('guest-b', Date.now() - 60_000, true) };
    const laptop = await device(browser);
    const log = laptop.getByRole('log');

    await laptop.goto(`/#/import-run/${links[order[0]]}`);
    await expect(log.locator('p').first()).toContainText(/^Ronde van Gast 1 in ‘Speelgoedwinkel op zaterdag’ toegevoegd\./);
    let table = await board(laptop);
    await expect(table.getByRole('rowheader')).toHaveText(['Gast 1']);
    const first = await rowOf(table, 'Gast 1');

    await laptop.goto(`/#/import-run/${links[order[1]]}`);
    // The laptop has a "Gast 1" already: the second is "Gast 2" here, and the log says so.
    await expect(log.locator('p').first()).toContainText('Ronde van Gast 2 in ‘Speelgoedwinkel op zaterdag’ toegevoegd.');
    await expect(log.locator('p').first()).toContainText('Op hun eigen apparaat heet deze speler Gast 1; hier is of was dat iemand anders, dus hier heet deze speler Gast 2.');
    table = await board(laptop);
    await expect(table.getByRole('rowheader')).toHaveCount(2);
    expect(await rowOf(table, 'Gast 1')).toEqual(first);
    expect(await rowOf(table, 'Gast 2')).not.toEqual(first);
    if (order[0] === 'B') await laptop.screenshot({ path: info.outputPath('board-two-guests-1280.png') });

    // After a reload, and in the debrief with names on, the same names.
    await laptop.reload();
    await expect(table.getByRole('rowheader')).toHaveCount(2);
    expect(await rowOf(table, 'Gast 1')).toEqual(first);
    await laptop.goto(`/#/debrief?scenario=${TOY}`);
    await laptop.getByRole('checkbox', { name: 'Namen tonen' }).check();
    for (const guest of ['Gast 1', 'Gast 2']) await expect(laptop.getByText(new RegExp(`(^|, )${guest}(, |$)`)).first()).toBeVisible();
    const numbers = Object.fromEntries((await readDb(laptop)).profiles.map((p) => [p.id, p.guestNumber]));
    expect(numbers).toEqual(order[0] === 'B' ? { 'guest-b': 1, 'guest-a': 2 } : { 'guest-a': 1, 'guest-b': 2 });
  });
}

test('on their own device a guest sees their number, the same after a reload, and the next guest the next one', async ({ browser }) => {
  const phone = await device(browser);
  const header = phone.getByRole('banner');
  await phone.goto('/#/');
  await phone.getByRole('button', { name: 'Speel als Gast', exact: true }).click();
  await expect(phone).toHaveURL(/#\/scenarios/);
  await expect(header.getByText('Speler: Gast 1', { exact: true }).filter({ visible: true })).toHaveCount(1);

  // Back on "who is playing": the guest is listed by their number; a new guest is the next one.
  await phone.goto('/#/');
  await expect(phone.getByRole('button', { name: 'Speel als Gast 1', exact: true })).toBeVisible();
  await phone.getByRole('button', { name: 'Speel als Gast', exact: true }).click();
  await expect(phone).toHaveURL(/#\/scenarios/);
  await expect(header.getByText('Speler: Gast 2', { exact: true }).filter({ visible: true })).toHaveCount(1);
  await phone.reload();
  await expect(header.getByText('Speler: Gast 2', { exact: true }).filter({ visible: true })).toHaveCount(1);
});
