/**
 * The room (issue #12): the menu's Room entry and the projector view on a 1280×800 laptop, the
 * join page that names the scenario and mode, handing in first on a room run's report, a short
 * hand-in code, a cut-off link, the anonymous leaderboard (each player's number their own), the
 * debrief's best option and met decisions, and a whole room — three phones and a laptop, each its
 * own browser context — from the code to the debrief. Screenshots at 360 px and 1280 px are
 * attached to each test.
 */
import { expect, test, type Browser, type BrowserContext, type Locator, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { encodeRunLink } from '../src/persistence/run-link';
import { writeFileSync } from 'node:fs';
import type { Run } from '../src/engine/types';
import { engineRun, loadScenario, playToEnd, readDb, seedCrowdedRoom, seedRoom, signedElsewhere, startAs } from './persist-support';
import { readQr } from './helpers';

const TOY = 'toy-shop-saturday';
const TOY_TITLE = 'Toy shop on a Saturday';
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };

const opened: BrowserContext[] = [];
async function device(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const ctx = await browser.newContext({ viewport });
  opened.push(ctx);
  return ctx.newPage();
}
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

/** A screenshot kept with the test's results (and attached to the report). */
async function shot(page: Page, info: TestInfo, name: string, fullPage = false): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  await info.attach(name, { path, contentType: 'image/png' });
}

/** The element lies wholly inside the window, as it is now (nothing to scroll to). */
async function expectInView(page: Page, el: Locator): Promise<void> {
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, 'element is drawn').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(vp.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(vp.width);
}


/** On the laptop: room mode from the menu, set up, and shown on the projector. */
async function openRoom(laptop: Page, o: { team?: string; newTeam?: string; expected: number }): Promise<string> {
  await laptop.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Room' }).click();
  await expect(laptop.getByRole('heading', { level: 1, name: 'Room mode' })).toBeVisible();
  await laptop.getByLabel('Scenario').selectOption(TOY);
  if (o.newTeam) {
    await laptop.getByLabel('Or make a new team').fill(o.newTeam);
    await laptop.getByRole('button', { name: 'Add team' }).click();
    await expect(laptop.getByLabel('Team to join')).toHaveValue(/.+/);
  }
  if (o.team) await laptop.getByLabel('Team to join').selectOption({ label: o.team });
  await laptop.getByLabel('Players expected').fill(String(o.expected));
  await laptop.getByRole('button', { name: 'Show the code' }).click();
  await expect(laptop).toHaveURL(/#\/room\?view=projector$/);
  const { text } = await readQr(laptop.getByRole('img', { name: /QR code: open/ }));
  return text;
}

/**
 * On a new run's intro (who you are, the scene), the player presses "Begin" before the first
 * decision: the button is there, and after it the first options are.
 */
async function pressBegin(phone: Page): Promise<void> {
  const beginButton = phone.locator('#begin-button');
  await expect(beginButton).toBeVisible();
  await expect(beginButton).toHaveText(/^\s*(Beginnen|Begin)\s*$/);
  await beginButton.click();
  await expect(phone.locator('button[data-option]').first()).toBeVisible();
}

/** A phone opens the room's link, says who it is, begins and plays the scenario to its ending. */
async function joinAndPlay(phone: Page, link: string, name: string): Promise<string> {
  await phone.goto(link);
  await phone.getByLabel('Your name').fill(name);
  await phone.getByRole('button', { name: /^start$/i }).click();
  await pressBegin(phone);
  return playToEnd(phone);
}

test('Room is in the menu; its projector view fills a 1280×800 screen with code, link and count, without the menu', async ({ browser }, info) => {
  const laptop = await device(browser, LAPTOP);
  await seedRoom(laptop, info.outputPath('room.json'));
  await laptop.goto('/#/scenarios');
  await shot(laptop, info, 'room-setup-1280-before');
  const link = await openRoom(laptop, { team: 'Bar', expected: 12 });
  expect(link).toMatch(new RegExp(`/play/${TOY}/\\?mode=assessment&team=bar&teamName=Bar&room=1$`));

  // Full screen for the room: no app menu, nothing below the fold.
  await expect(laptop.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(laptop.getByRole('heading', { level: 1, name: TOY_TITLE })).toBeVisible();
  await expect(laptop.getByText('Assessment · team Bar')).toBeVisible();
  await expectInView(laptop, laptop.getByRole('img', { name: /QR code: open/ }));
  // Written out for typing: short (the QR code's link is ~100 characters), the same room.
  const shortLink = laptop.locator('.link code');
  await expect(shortLink).toHaveText(new RegExp(`^localhost:\\d+/play/${TOY}/\\?t=bar$`));
  await expectInView(laptop, shortLink);
  expect(await shortLink.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(22);
  await expectInView(laptop, laptop.getByRole('status').filter({ hasText: '0 of 12 handed in' }));
  // This test serves the game at localhost: the warning says so, in view, in a trainer's words
  // (what is wrong, what to do; no README, no command lines), after the room's join steps, which
  // stay first and large enough to read from the back of the room.
  const localNote = laptop.getByRole('note');
  await expectInView(laptop, localNote);
  await expect(localNote).toHaveText(/^Phones cannot open this address: “localhost” means this computer itself\./);
  await expect(localNote).toContainText("Open this page through the computer’s network address instead, or ask IT for the game’s web address.");
  await expect(localNote).not.toContainText(/README|npm|npx|--host/);
  const steps = laptop.getByRole('list').filter({ hasText: "Scan the code with your phone’s camera." });
  await expectInView(laptop, steps);
  expect((await steps.boundingBox())!.y + (await steps.boundingBox())!.height).toBeLessThanOrEqual((await localNote.boundingBox())!.y);
  expect(await steps.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(20);
  expect(await laptop.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
  await expect(laptop.getByRole('button', { name: 'Full screen' })).toBeVisible();
  await shot(laptop, info, 'room-projector-1280');
  await laptop.setViewportSize(PHONE);
  await shot(laptop, info, 'room-projector-360', true);

  // Back to the setup: the open room is remembered, with its roster.
  await laptop.setViewportSize(LAPTOP);
  await laptop.getByRole('button', { name: 'Projector off' }).click();
  await expect(laptop.getByText(`Room open: ${TOY_TITLE}.`)).toBeVisible();
  await expect(laptop.getByRole('note')).toHaveText(/^Phones cannot open this address/);
  await expect(laptop.getByRole('note')).not.toContainText(/README|npm|npx|--host/);
  await shot(laptop, info, 'room-setup-1280');
  await laptop.setViewportSize(PHONE);
  await shot(laptop, info, 'room-setup-360', true);
});

test('on the results screen of a phone-sized window, “Show the code again” is a 44 px tap target', async ({ browser }, info) => {
  const laptop = await device(browser, PHONE);
  await laptop.goto('/#/room');
  await laptop.getByLabel('Scenario').selectOption({ label: TOY_TITLE });
  await laptop.getByRole('button', { name: 'Show the code' }).click();
  await laptop.goto('/#/results');
  const again = laptop.getByRole('link', { name: 'Show the code again' });
  await expect(again).toBeVisible();
  const box = (await again.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  await shot(laptop, info, 'results-show-again-360');
});

test('the room form\'s “Players expected” is a field like the others: labelled, 44 px tall, bordered', async ({ browser }, info) => {
  const laptop = await device(browser, LAPTOP);
  await laptop.goto('/#/room');
  const expected = laptop.getByRole('spinbutton', { name: 'Players expected' });
  const newTeam = laptop.getByRole('textbox', { name: 'Or make a new team' });
  await expect(expected).toBeVisible();
  const look = (l: Locator) =>
    l.evaluate((el) => {
      const s = getComputedStyle(el);
      return { border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`, radius: s.borderTopLeftRadius, font: s.fontSize, padding: s.paddingLeft };
    });
  expect(await look(expected)).toEqual(await look(newTeam));
  const box = (await expected.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(box.height).toBe((await newTeam.boundingBox())!.height);
  await expected.fill('12');
  await expect(expected).toHaveValue('12');
  await shot(laptop, info, 'room-form-1280', true);
});

/** The lines the short address is drawn on, as the text on each (read from where each letter lands). */
async function addressLines(code: Locator): Promise<string[]> {
  return code.evaluate((el) => {
    const lines: { top: number; text: string }[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.textContent!.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        const last = lines.at(-1);
        if (last && Math.abs(last.top - top) < 4) last.text += node.textContent![i];
        else lines.push({ top, text: node.textContent![i] });
      }
    }
    return lines.map((l) => l.text);
  });
}

test('the projector\'s short address wraps between its dashed groups, never inside one', async ({ browser }, info) => {
  const laptop = await device(browser, LAPTOP);
  await laptop.goto('/#/room');
  await openRoom(laptop, { newTeam: 'Ochtendploeg', expected: 2 });
  const code = laptop.locator('.link code');
  await expect(code).toHaveText(new RegExp(`^localhost:\\d+/play/${TOY}/\\?t=(\\w{5}-){4}\\w{6}$`));
  for (const size of [{ width: 1024, height: 768 }, LAPTOP, { width: 1920, height: 1080 }]) {
    await laptop.setViewportSize(size);
    const lines = await addressLines(code);
    expect(lines.join('')).toBe(await code.textContent());
    // Before: "…?t=72eqr-x" | "avtx-1qz2q-…", a group split where someone copies letter by letter.
    for (const line of lines.slice(0, -1)) expect(line, `a line of the address at ${size.width} px`).toMatch(/[-/?&=]$/);
  }
  await shot(laptop, info, 'room-projector-address-1920');
});

test('a new team typed but not added yet is the room\'s team when the code is shown', async ({ browser }) => {
  const laptop = await device(browser, LAPTOP);
  await laptop.goto('/#/room');
  await laptop.getByLabel('Scenario').selectOption(TOY);
  await laptop.getByLabel('Or make a new team').fill('Kassa zaterdag');
  // Straight to the code, without "Add team" (before: the room opened without a team).
  await laptop.getByRole('button', { name: 'Show the code' }).click();
  await expect(laptop.getByText('Assessment · team Kassa zaterdag')).toBeVisible();
  expect((await readQr(laptop.getByRole('img', { name: /QR code: open/ }))).text).toContain('teamName=Kassa%20zaterdag');
  // A name already taken is said, and the room does not open with another team than meant.
  await laptop.getByRole('button', { name: 'Projector off' }).click();
  await laptop.getByLabel('Team to join').selectOption({ label: 'No team' });
  await laptop.getByLabel('Or make a new team').fill('kassa zaterdag');
  await laptop.getByRole('button', { name: 'Show the code' }).click();
  await expect(laptop.getByRole('alert')).toContainText('Kassa zaterdag');
  await expect(laptop).toHaveURL(/#\/room$/);
});

test('where the browser will not copy (a room served over plain http), “Copy link” shows the link, selected, and says so', async ({ browser }) => {
  test.slow(); // a scenario is played to its end on a phone
  const phone = await device(browser, PHONE);
  // A page at http://<laptop's address> is no secure context: it has no clipboard.
  await phone.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await startAs(phone, 'Fien', TOY);
  await playToEnd(phone);
  await phone.getByRole('link', { name: 'See the report' }).click();
  await phone.getByRole('button', { name: 'Copy link' }).click();
  // Before: nothing happened at all.
  await expect(phone.getByRole('alert')).toHaveText("This browser will not copy here. The link is shown and selected below: copy it with your phone’s own menu, or show the code instead.");
  const field = phone.getByLabel('Link to your run');
  await expect(field).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(/#\/import-run\/.+/);
  expect(await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!)).toBe((await field.inputValue()).length);
});

test('on the projector, where the browser will not copy, “Copy link” says the address is written out', async ({ browser }) => {
  const laptop = await device(browser, LAPTOP);
  await laptop.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await laptop.goto('/#/room');
  await laptop.getByLabel('Scenario').selectOption(TOY);
  await laptop.getByRole('button', { name: 'Show the code' }).click();
  await laptop.getByRole('button', { name: 'Copy link' }).click();
  // Before: nothing happened at all.
  await expect(laptop.getByRole('alert')).toHaveText('This browser will not copy here: the address is written out above.');
  await expectInView(laptop, laptop.getByRole('alert'));
});

test('a phone joining a room is told what it is about to play, in which mode and team (360 px)', async ({ browser }, info) => {
  const laptop = await device(browser, LAPTOP);
  await seedRoom(laptop, info.outputPath('room.json'));
  const link = await openRoom(laptop, { team: 'Kassa', expected: 3 });

  const phone = await device(browser, PHONE);
  await phone.goto(link);
  await expect(phone.getByRole('heading', { level: 1, name: `You are about to play: ${TOY_TITLE}` })).toBeVisible();
  await expect(phone.getByText('Mode: Assessment · team Kassa')).toBeVisible();
  await expect(phone.getByRole('heading', { name: 'Who is playing?' })).toHaveCount(0);
  await expectInView(phone, phone.getByLabel('Your name'));
  await shot(phone, info, 'who-room-360');
  await phone.setViewportSize(LAPTOP);
  await shot(phone, info, 'who-room-1280');
});

test('a finished room run shows “Hand in your run” first on the phone (360 px)', async ({ browser }, info) => {
  test.slow(); // a scenario is played to its end on a phone
  const laptop = await device(browser, LAPTOP);
  await seedRoom(laptop, info.outputPath('room.json'));
  const link = await openRoom(laptop, { team: 'Bar', expected: 3 });

  const phone = await device(browser, PHONE);
  await joinAndPlay(phone, link, 'Fien');
  await phone.getByRole('link', { name: 'See the report' }).click();
  const handIn = phone.getByRole('heading', { name: 'Hand in your run' });
  await expect(handIn).toBeVisible();
  // Without scrolling: the heading and the code are on the first screen of the report.
  expect(await phone.evaluate(() => scrollY)).toBe(0);
  await expectInView(phone, handIn);
  const qr = phone.getByRole('img', { name: 'QR code with your run, to hand in' });
  await expect(qr).toBeVisible();
  await expectInView(phone, qr);
  // It comes before the scores and the reflection.
  const reflection = phone.getByRole('heading', { name: 'Reflection', exact: true });
  expect((await reflection.boundingBox())!.y).toBeGreaterThan((await handIn.boundingBox())!.y);
  await shot(phone, info, 'report-room-360');
  const axe = await new AxeBuilder({ page: phone }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await phone.setViewportSize(LAPTOP);
  await shot(phone, info, 'report-room-1280');
});

test('the phone’s signed hand-in code is short (at most 65 modules) and reads as the run', async ({ browser }, info) => {
  test.slow(); // a scenario is played to its end on a phone
  const laptop = await device(browser, LAPTOP);
  await seedRoom(laptop, info.outputPath('room.json'));
  const link = await openRoom(laptop, { team: 'Bar', expected: 3 });
  const phone = await device(browser, PHONE);
  const runId = await joinAndPlay(phone, link, 'Gijs');
  await phone.getByRole('link', { name: 'See the report' }).click();
  const { text, modules } = await readQr(phone.getByRole('img', { name: 'QR code with your run, to hand in' }));
  // Before: the whole link as bytes, 77–81 modules. Then: FL: and base45, alphanumeric mode, at
  // most 57. Now the run's signature (public key and signature, 129 bytes) adds 8 modules a side.
  expect(text).toMatch(/^FL:[0-9A-Z $%*+\-./:]+$/);
  expect(modules).toBeLessThanOrEqual(65);
  // The link under the code is shorter too (~280 characters; the signature adds ~196), and
  // imports the same run.
  await phone.getByText('Show the link').click();
  const handLink = await phone.getByLabel('Link to your run').inputValue();
  expect(handLink.length).toBeLessThan(500);
  const tab = await laptop.context().newPage();
  await tab.goto(handLink.replace(/^https?:\/\/[^/]+/, ''));
  await expect(tab.getByRole('log')).toContainText('Run of Gijs in “Toy shop on a Saturday” added.');
  await expect(tab.getByRole('log')).not.toContainText('without a signature');
  const handed = (await readDb(tab)).runs.find((r) => r.id === runId);
  expect(handed?.signature?.key).toMatch(/^[A-Za-z0-9_-]{87}$/);
  expect(handed?.unverified).toBeUndefined();
});

test('a cut-off hand-in link says the link is incomplete and should be sent again', async ({ browser }, info) => {
  test.slow(); // a scenario is played to its end on a phone
  const phone = await device(browser, PHONE);
  await phone.goto(`/play/${TOY}/?mode=assessment&room=1`);
  await phone.getByLabel('Your name').fill('Hanna');
  await phone.getByRole('button', { name: /^start$/i }).click();
  await pressBegin(phone);
  await playToEnd(phone);
  await phone.getByRole('link', { name: 'See the report' }).click();
  await phone.getByText('Show the link').click();
  const link = await phone.getByLabel('Link to your run').inputValue();
  const cut = link.slice(0, link.length - Math.floor((link.length - link.indexOf('import-run/')) / 2));

  const laptop = await device(browser, LAPTOP);
  await laptop.goto(cut.replace(/^https?:\/\/[^/]+/, ''));
  const entry = laptop.getByRole('log').locator('p').first();
  await expect(entry).toContainText('this link is incomplete');
  await expect(entry).toContainText('Ask the player to send the link again');
  await expect(entry).not.toContainText('file');
  expect((await readDb(laptop)).runs).toEqual([]);
  await shot(laptop, info, 'results-cut-link-1280');
  await laptop.setViewportSize(PHONE);
  await shot(laptop, info, 'results-cut-link-360', true);
});

test('the leaderboard on the projector shows “Player n” instead of names until names are turned on', async ({ page }, info) => {
  await seedRoom(page, info.outputPath('room.json'));
  await page.setViewportSize(LAPTOP);
  await page.goto(`/#/teams?scenario=${TOY}`);
  const board = page.getByRole('table', { name: /^Leaderboard/ });
  await expect(board.getByRole('rowheader', { name: 'Anna' })).toBeVisible();

  // (on the projector the switch gives way to its way out: a click, not check())
  await page.getByLabel('Projector (large)').click();
  await expect(page.getByLabel('Show names')).not.toBeChecked();
  // Each has a number of their own (not their place: see the next test).
  await expect(board.getByRole('rowheader')).toHaveCount(5);
  expect((await board.getByRole('rowheader').allInnerTexts()).sort()).toEqual(['Player 1', 'Player 2', 'Player 3', 'Player 4', 'Player 5']);
  await expect(board).not.toContainText('Anna');
  await expect(page.getByLabel('Player', { exact: true })).not.toContainText('Anna');
  await shot(page, info, 'teams-projector-anonymous-1280');
  await page.setViewportSize(PHONE);
  await shot(page, info, 'teams-projector-anonymous-360', true);

  await page.getByLabel('Show names').check();
  await expect(board.getByRole('rowheader', { name: 'Anna' })).toBeVisible();
  // Opened for the projector straight away: anonymous too (from another screen: the address
  // already says projector=1, as the view it shows).
  await expect(page).toHaveURL(/projector=1/);
  await page.goto('/#/results');
  await page.goto(`/#/teams?scenario=${TOY}&projector=1`);
  await expect(page.getByRole('table', { name: /^Leaderboard/ }).getByRole('rowheader').first()).toHaveText(/^Player [1-5]$/);
});

/** The board's "Player n" of each player, by name (names off, then on: the rows stay where they are). */
async function numbersOnBoard(page: Page): Promise<{ numbers: Map<string, string>; order: string[] }> {
  const heads = page.getByRole('table', { name: /^Leaderboard/ }).getByRole('rowheader');
  const names = page.getByLabel('Show names');
  await names.uncheck();
  await expect(heads.first()).toHaveText(/^Player \d+$/);
  const numbers = await heads.allInnerTexts();
  await names.check();
  await expect(heads.first()).not.toHaveText(/^Player \d+$/);
  const order = await heads.allInnerTexts();
  await names.uncheck();
  return { numbers: new Map(order.map((name, i) => [name, numbers[i]])), order };
}

/** A toy-shop run of `playerId`, played from `at` (the engine's choices, its times moved there). */
function playedAt(runId: string, playerId: string, pick: number, at: number): Run {
  const run = engineRun(TOY, runId, (available) => available[pick % available.length].id);
  const by = at - run.startedAt;
  return { ...run, playerId, startedAt: at, finishedAt: run.finishedAt! + by, events: run.events.map((e) => ({ ...e, at: e.at + by })) };
}

test('on the projector a player keeps their number while scores change and runs come in, in any order', async ({ page }, info) => {
  await seedRoom(page, info.outputPath('room.json'));
  await page.setViewportSize(LAPTOP);
  await page.goto(`/#/teams?scenario=${TOY}&projector=1`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  const before = await numbersOnBoard(page);
  expect([...before.numbers.values()].sort()).toEqual(['Player 1', 'Player 2', 'Player 3', 'Player 4', 'Player 5']);
  // Each one's best run instead of their latest: other scores, the same numbers.
  await page.getByLabel('Best run').check();
  expect((await numbersOnBoard(page)).numbers).toEqual(before.numbers);
  await page.getByLabel('Latest run').check();

  // During the session Bram plays again, and Fenna's phone hands in a run she played before
  // everyone else's: Bram moves on the board, Fenna is new to it.
  const earliest = Date.UTC(2026, 10, 19, 9);
  const runs = await signedElsewhere([playedAt('r-bram-2', 'bram', 2, Date.now() - 600_000), playedAt('r-fenna-1', 'fenna', 0, earliest)]);
  const file = info.outputPath('later.json');
  const people = [
    { id: 'bram', name: 'Bram', teamId: 'kassa', createdAt: earliest },
    { id: 'fenna', name: 'Fenna', teamId: 'kassa', createdAt: earliest },
  ];
  writeFileSync(file, JSON.stringify({ format: 'frontlijn-results', formatVersion: 2, exportedAt: Date.now(), scope: { kind: 'all' }, teams: [{ id: 'kassa', name: 'Kassa', createdAt: earliest }], profiles: people, scenarios: [], runs, scores: [] }));
  await page.goto('/#/results');
  await page.getByLabel('Results file (.json)').setInputFiles(file);
  await expect(page.getByRole('log')).toContainText('2 new runs');
  await page.goto(`/#/teams?scenario=${TOY}&projector=1`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  const after = await numbersOnBoard(page);
  expect(after.order.indexOf('Bram'), 'Bram moved on the board').not.toBe(before.order.indexOf('Bram'));
  for (const [name, number] of before.numbers) expect(after.numbers.get(name), name).toBe(number);
  expect(after.numbers.get('Fenna')).toBe('Player 6');
  // And after a reload.
  await page.reload();
  expect((await numbersOnBoard(page)).numbers).toEqual(after.numbers);
});

test('the debrief marks the best option, has a projector mode, and counts only the decisions players met', async ({ page }, info) => {
  await seedRoom(page, info.outputPath('room.json'));
  await page.setViewportSize(LAPTOP);
  const scenario = loadScenario(TOY);
  // Kassa's latest runs: Anna's third, Bram's and Cem's.
  // (readDb types result rows loosely: their steps are the debrief's PathStep[].)
  const results = (await readDb(page)).results.filter((r) => ['r-anna-3', 'r-bram-1', 'r-cem-1'].includes(r.runId)) as unknown as { steps: { node: string }[] }[];
  const met = new Map<string, number>();
  for (const r of results) for (const node of new Set(r.steps.map((s) => s.node))) met.set(node, (met.get(node) ?? 0) + 1);
  expect(met.size).toBeLessThan(Object.keys(scenario.nodes).length);

  await page.goto(`/#/debrief?scenario=${TOY}`);
  await page.getByLabel('Team').selectOption({ label: 'Kassa' });
  await expect(page.getByText(`Decision 1 of the ${met.size} decisions that players met`)).toBeVisible();
  // It opens like every disclosure in the app: its marker (▸) is drawn, so it does not read as a
  // heading with nothing under it.
  const summary = page.locator('summary').filter({ hasText: `The ${met.size} decisions players met` });
  expect(await summary.evaluate((el) => getComputedStyle(el).display)).toBe('list-item');
  expect((await summary.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await summary.click();
  const list = page.locator('.met li');
  await expect(list).toHaveCount(met.size);
  const counts = (await list.locator('.met-count').allTextContents()).map((x) => Number(/met by (\d+) of 3/.exec(x)![1]));
  expect(counts.sort()).toEqual([...met.values()].sort());

  // The best option of the first decision: the highest weighted points (all weights 1 here).
  const first = scenario.nodes[scenario.start];
  const points = first.options.map((o) => (o.effects?.warmth ?? 0) + (o.effects?.initiative ?? 0) + (o.effects?.outcome ?? 0));
  const bestText = (first.options[points.indexOf(Math.max(...points))].text as { en: string }).en;
  const marked = page.locator('.option').filter({ hasText: 'Best option' });
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText(bestText);

  const situation = page.locator('#db-situation');
  const before = await situation.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await page.getByLabel('Projector (large)').check();
  expect(await situation.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(before);
  await shot(page, info, 'debrief-projector-1280', true);
  await page.setViewportSize(PHONE);
  await shot(page, info, 'debrief-projector-360', true);
});

test('a room of three phones and a laptop runs from the code to the debrief', async ({ browser }, info) => {
  test.slow(); // a scenario is played to its end on a phone
  const laptop = await device(browser, LAPTOP);
  await laptop.goto('/#/');
  await laptop.getByLabel('Your name').fill('Trainer');
  await laptop.getByRole('button', { name: /^start$/i }).click();
  await expect(laptop).toHaveURL(/#\/scenarios/);
  const link = await openRoom(laptop, { newTeam: 'Kassa zaterdag', expected: 3 });
  const count = laptop.getByRole('status').filter({ hasText: 'handed in' });
  await expect(count).toHaveText('0 of 3 handed in');

  const names = ['Anouk', 'Bilal', 'Chris'];
  const phones = await Promise.all(names.map(() => device(browser, PHONE)));
  // The phones play side by side, as in a room.
  await Promise.all(phones.map((p, i) => joinAndPlay(p, link, names[i])));

  // Each hands in by the link under its code; the laptop opens it in another tab.
  const inbox = await laptop.context().newPage();
  await inbox.setViewportSize(LAPTOP);
  for (const [i, phone] of phones.entries()) {
    await phone.getByRole('link', { name: 'See the report' }).click();
    await expectInView(phone, phone.getByRole('heading', { name: 'Hand in your run' }));
    await phone.getByText('Show the link').click();
    const handLink = await phone.getByLabel('Link to your run').inputValue();
    await inbox.goto('/#/');
    await inbox.goto(handLink.replace(/^https?:\/\/[^/]+/, ''));
    await expect(inbox.getByRole('log')).toContainText(`Run of ${names[i]} in “${TOY_TITLE}” added.`);
    // The projector counts it at once, in view.
    await expect(count).toHaveText(`${i + 1} of 3 handed in`);
    await expectInView(laptop, count);
    await expectInView(laptop, laptop.getByText(names[i], { exact: true }));
  }
  await shot(phones[0], info, 'report-room-phone-360');
  // The roster on the results screen: each run with its name and time.
  await expect(inbox.getByRole('heading', { name: 'Handed in' })).toBeVisible();
  for (const n of names) await expect(inbox.locator('.roster li').filter({ hasText: n })).toContainText(/\d{2}:\d{2}/);
  await shot(inbox, info, 'results-roster-1280');
  await inbox.setViewportSize(PHONE);
  await shot(inbox, info, 'results-roster-360', true);

  await expectInView(laptop, laptop.getByRole('img', { name: /QR code: open/ }));
  expect(await laptop.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
  await shot(laptop, info, 'room-projector-full-1280');

  // From the projector to the debrief of the room's team.
  // From the projector, the debrief opens on the projector: no menu, where we are in short.
  await laptop.getByRole('link', { name: 'Debrief' }).click();
  await expect(laptop.getByText('Based on 3 players: each one’s latest assessment run.')).toBeVisible();
  await expect(laptop.getByText(/^Decision 1 of \d+$/)).toBeVisible();
  await expect(laptop.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await shot(laptop, info, 'debrief-room-1280');
  await laptop.setViewportSize(PHONE);
  await shot(laptop, info, 'debrief-room-360', true);
});

test('the roster lists each player who handed in once, however many runs they handed in', async ({ page }, info) => {
  await seedRoom(page, info.outputPath('room.json'));
  // Anna handed in three runs (her first, then two more after Dewi), Dewi one: two players.
  const room = { scenarioId: TOY, teamId: null, mode: 'assessment', expected: 3, since: 0, runIds: ['r-anna-1', 'r-dewi-1', 'r-anna-2', 'r-anna-3'] };
  await page.evaluate((r) => localStorage.setItem('frontlijn-room', JSON.stringify(r)), room);
  for (const hash of ['#/room', '#/room?view=projector', '#/results']) {
    await page.goto(`/${hash}`);
    const roster = page.getByRole('region', { name: 'Handed in' });
    await expect(roster.getByRole('status')).toHaveText('2 of 3 handed in');
    await expect(roster.getByRole('listitem')).toHaveText([/^Anna \d{2}:\d{2} · 3 runs$/, /^Dewi \d{2}:\d{2}$/]);
  }
  await page.getByRole('button', { name: 'Nederlands' }).click();
  const roster = page.getByRole('region', { name: 'Ingeleverd' });
  await expect(roster.getByRole('status')).toHaveText('2 van 3 ingeleverd');
  await expect(roster.getByRole('listitem')).toHaveText([/^Anna \d{2}:\d{2} · 3 rondes$/, /^Dewi \d{2}:\d{2}$/]);
});

/** A signed hand-in link of a finished toy-shop run by this player, in this mode (as their phone makes it). */
async function handInLink(runId: string, player: { id: string; name: string }, mode: 'assessment' | 'coaching'): Promise<string> {
  const [run] = await signedElsewhere([{ ...engineRun(TOY, runId, (available) => available[0].id), playerId: player.id, mode }]);
  return encodeRunLink({ run, player: { ...player, teamId: null, createdAt: 1 }, team: null }, loadScenario(TOY));
}

test('a player who handed in only a coaching run is listed apart, unnumbered, with why; a player’s runs say which are practice', async ({ browser }, info) => {
  const laptop = await device(browser, LAPTOP);
  await laptop.goto('/#/room');
  await laptop.getByLabel('Scenario').selectOption(TOY);
  await laptop.getByLabel('Players expected').fill('3');
  await laptop.getByRole('button', { name: 'Show the code' }).click();
  const dewi = { id: 'p-dewi', name: 'Dewi' };
  const cem = { id: 'p-cem', name: 'Cem' };
  const max = { id: 'p-max', name: 'Max' };
  for (const [id, who, mode] of [['run-dewi', dewi, 'assessment'], ['run-cem', cem, 'coaching'], ['run-max-1', max, 'assessment'], ['run-max-2', max, 'coaching']] as const) {
    await laptop.goto(`/#/import-run/${await handInLink(id, who, mode)}`);
    // A practice run says so as it comes in, not only in the roster.
    const said = mode === 'coaching' ? `Practice run of ${who.name} in “${TOY_TITLE}” added: not on the leaderboard.` : `Run of ${who.name} in “${TOY_TITLE}” added.`;
    await expect(laptop.getByRole('log').locator('p').filter({ hasText: said })).toHaveText(said);
  }
  // The count and the numbers agree: two on the board, numbered; Cem apart, unnumbered, with why.
  // Max's two runs say that one is practice: the leaderboard counts one attempt.
  for (const hash of ['#/results', '#/room?view=projector']) {
    await laptop.goto(`/${hash}`);
    const roster = laptop.getByRole('region', { name: 'Handed in' });
    await expect(roster.getByRole('status')).toHaveText('2 of 3 handed in 1 more player handed in a run that is not on the leaderboard.');
    const numbered = roster.locator('ol');
    await expect(numbered.getByRole('listitem')).toHaveText([/^Dewi \d{2}:\d{2}$/, /^Max \d{2}:\d{2} · 2 runs \(1 practice\)$/]);
    const apart = roster.getByRole('list', { name: 'Not on the leaderboard' });
    await expect(apart.getByRole('listitem')).toHaveText([/^Cem \d{2}:\d{2} · practice run$/]);
    expect(await apart.evaluate((el) => [el.tagName, getComputedStyle(el).listStyleType])).toEqual(['UL', 'none']);
  }
  await shot(laptop, info, 'room-projector-coaching-1280');
  await laptop.goto('/#/results');
  await laptop.getByRole('button', { name: 'Nederlands' }).click();
  const roster = laptop.getByRole('region', { name: 'Ingeleverd' });
  await expect(roster.getByRole('status')).toHaveText('2 van 3 ingeleverd Nog 1 speler leverde een ronde in die niet meetelt voor de ranglijst.');
  await expect(roster.locator('ol').getByRole('listitem')).toHaveText([/^Dewi \d{2}:\d{2}$/, /^Max \d{2}:\d{2} · 2 rondes \(1 oefenronde\)$/]);
  await expect(roster.getByRole('list', { name: 'Niet op de ranglijst' }).getByRole('listitem')).toHaveText([/^Cem \d{2}:\d{2} · oefenronde$/]);
  // The log, written while the page was in English, is worded in Dutch now too.
  await expect(laptop.getByRole('log').locator('p').filter({ hasText: 'Cem' })).toHaveText('Oefenronde van Cem in ‘Speelgoedwinkel op zaterdag’ toegevoegd: telt niet mee voor de ranglijst.');
  await laptop.setViewportSize(PHONE);
  await shot(laptop, info, 'results-roster-coaching-360-nl', true);
  // The leaderboard agrees: Dewi and Max, Max with one attempt.
  await laptop.goto(`/#/teams?scenario=${TOY}`);
  const board = laptop.getByRole('table', { name: /^Ranglijst/ });
  await expect(board.getByRole('rowheader')).toHaveCount(2);
  expect((await board.getByRole('rowheader').allTextContents()).sort()).toEqual(['Dewi', 'Max']);
  await expect(board.getByRole('row').filter({ hasText: 'Max' }).getByRole('cell').last()).toHaveText('Pogingen1');
});

/** The seeded room's board on the laptop's projector, its five players shown; returns their row headers. */
async function boardOnProjector(page: Page, info: TestInfo): Promise<Locator> {
  await seedRoom(page, info.outputPath('room.json'));
  await page.setViewportSize(LAPTOP);
  await page.goto(`/#/teams?scenario=${TOY}&projector=1`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  const heads = page.getByRole('table', { name: /^Leaderboard/ }).getByRole('rowheader');
  await expect(heads).toHaveCount(5);
  return heads;
}

test('the board on the projector shows a run handed in in another tab as it comes in: numbers, focus and place on screen kept', async ({ page }, info) => {
  const heads = await boardOnProjector(page, info);
  /** Each "Player n" with the row's scores, as the room reads them. */
  const rowsNow = async () => new Map((await page.getByRole('table', { name: /^Leaderboard/ }).locator('tbody tr').allInnerTexts()).map((r) => [/Player \d+/.exec(r)![0], r.replace(/^\d+\s+/, '')]));
  const before = await rowsNow();
  // The trainer has scrolled down to the player against their team, the focus on its picker.
  const picker = page.getByLabel('Player', { exact: true });
  await picker.focus();
  await picker.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const y = (await picker.boundingBox())!.y;

  // Meanwhile, in another tab of the laptop, Fenna's phone's link is opened.
  const inbox = await page.context().newPage();
  await inbox.goto(`/#/import-run/${await handInLink('run-fenna', { id: 'p-fenna', name: 'Fenna' }, 'assessment')}`);
  await expect(inbox.getByRole('log')).toContainText('Run of Fenna');

  // The board shows her, without a reload: the next number, everyone else's kept, with their scores.
  await expect(heads).toHaveCount(6);
  const after = await rowsNow();
  expect([...after.keys()].sort()).toEqual(['Player 1', 'Player 2', 'Player 3', 'Player 4', 'Player 5', 'Player 6']);
  for (const [n, row] of before) expect(after.get(n), n).toBe(row);
  // Nothing moved under the trainer's eyes or hands.
  await expect(picker).toBeFocused();
  expect(Math.abs((await picker.boundingBox())!.y - y)).toBeLessThan(1);
  await shot(page, info, 'board-live-1280');
  await page.setViewportSize(PHONE);
  await shot(page, info, 'board-live-360');
  await inbox.close();
});

test('the board on the projector shows a run played to its end in another tab of the same laptop', async ({ page }, info) => {
  const heads = await boardOnProjector(page, info);

  // The laptop's own screen: Gijs plays the room's scenario in another tab, the board stays on the projector.
  const own = await page.context().newPage();
  await startAs(own, 'Gijs', TOY);
  await playToEnd(own);
  await expect(own.getByRole('heading', { level: 2 }).first()).toBeVisible();

  // His result is on the board without a reload, under the next number.
  await expect(heads).toHaveCount(6);
  await expect(heads.filter({ hasText: 'Player 6' })).toHaveCount(1);
  await shot(page, info, 'board-own-tab-1280');
  await own.close();
});

test('a run played from the room’s link in another tab of the laptop counts as come in, and the board opened after it shows it', async ({ browser }, info) => {
  const laptop = await device(browser, LAPTOP);
  await laptop.goto('/#/scenarios');
  const link = await openRoom(laptop, { newTeam: 'Kassa', expected: 3 });
  const count = laptop.getByRole('status').filter({ hasText: 'handed in' });
  await expect(count).toHaveText('0 of 3 handed in');

  // No phone at hand: Sanne plays from the room's link in another tab of the laptop.
  const tab = await laptop.context().newPage();
  await joinAndPlay(tab, link, 'Sanne');

  // The code's count has her at once, and the board opened from it shows her row: she is a player
  // this tab had not read yet, not a deleted one.
  await expect(count).toHaveText('1 of 3 handed in');
  await expect(laptop.getByText('Sanne', { exact: true })).toBeVisible();
  await laptop.getByRole('link', { name: 'Leaderboard' }).click();
  const board = laptop.getByRole('table', { name: /^Leaderboard/ });
  await expect(board.getByRole('rowheader')).toHaveText(['Player 1']);
  await expect(laptop.getByText(/deleted player/)).toHaveCount(0);
  await shot(laptop, info, 'board-after-laptop-run-1280');
});

test('the empty board speaks to the room, and its way back to the code goes when another tab closes the room', async ({ browser }) => {
  const laptop = await device(browser, LAPTOP);
  await laptop.goto('/#/scenarios');
  await openRoom(laptop, { newTeam: 'Kassa', expected: 3 });
  await laptop.getByRole('link', { name: 'Leaderboard' }).click();
  const back = laptop.getByRole('link', { name: 'Back to the code' });
  await expect(back).toBeVisible();
  // Empty before anyone played: it speaks to the room, not of collecting files.
  await expect(laptop.getByText(`No assessment runs of “${TOY_TITLE}” handed in yet.`)).toBeVisible();
  await expect(laptop.getByText('Scan the code to play: every assessment run handed in appears here by itself.')).toBeVisible();
  await expect(laptop.getByText(/Collect the team’s runs first/)).toHaveCount(0);

  // The trainer ends the room in another tab: the board no longer offers a code that is gone.
  const tab = await laptop.context().newPage();
  await tab.goto('/#/room');
  await tab.getByRole('button', { name: 'Close the room' }).click();
  await expect(tab.getByRole('button', { name: 'Close the room' })).toHaveCount(0);
  await expect(back).toHaveCount(0);
  await expect(laptop.getByRole('combobox', { name: 'Scenario' })).toHaveValue(TOY);
  await expect(laptop.getByText(/Collect the team’s runs first/)).toBeVisible();
});

const LONG_NAMES = ['Annemarie van der Heijden-Bos', 'Willemijn Groenewegen', 'Bartholomeus de Vries', 'Gerrit-Jan Schoonderwoerd', 'Maartje Verhoeven', 'Jeroen van Oosterhout', 'Fatima el Khattabi', 'Sjoerd Hoogendoorn', 'Esmeralda Kuipers-Janssen', 'Hendrikus Zwartjes', 'Noor van Leeuwenhoek', 'Pieter-Bas Wijnhoven'];
const SCREENS = [{ width: 1280, height: 800 }, { width: 1280, height: 720 }, { width: 1024, height: 768 }, { width: 1920, height: 1080 }];

/** The box's part that its scrolling parent (the roster's lists) shows: the whole box, or how many pixels are hidden. */
function hiddenPx(el: Locator): Promise<number> {
  return el.evaluate((e) => {
    const box = e.getBoundingClientRect();
    const list = e.closest('.lists')!.getBoundingClientRect();
    return Math.max(0, list.top - box.top) + Math.max(0, box.bottom - list.bottom);
  });
}

test('the projector keeps 12 players with long names, one not on the board, and the localhost note to one screen, in Dutch and English', async ({ page }, info) => {
  // Gerrit-Jan handed in a practice run: the roster says why he is not counted.
  await seedCrowdedRoom(page, info.outputPath('crowd.json'), LONG_NAMES.map((name, i) => ({ name, coaching: i === 3 })));
  for (const [lang, button, count, apart, reason] of [
    ['nl', 'Nederlands', '11 van 12 ingeleverd Nog 1 speler leverde een ronde in die niet meetelt voor de ranglijst.', 'Niet op de ranglijst', 'oefenronde'],
    ['en', 'English', '11 of 12 handed in 1 more player handed in a run that is not on the leaderboard.', 'Not on the leaderboard', 'practice run'],
  ]) {
    await page.goto('/#/results');
    await page.getByRole('button', { name: button }).click();
    await page.goto('/#/room?view=projector');
    for (const screen of SCREENS) {
      await page.setViewportSize(screen);
      const roster = page.getByRole('region', { name: lang === 'nl' ? 'Ingeleverd' : 'Handed in' });
      await expect(roster.getByRole('status')).toHaveText(count);
      await expect(roster.getByRole('list', { name: apart }).getByRole('listitem')).toHaveText([new RegExp(`^Gerrit-Jan Schoonderwoerd \\d{2}:\\d{2} · ${reason}$`)]);
      expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight), `page scroll at ${screen.width}×${screen.height} ${lang}`).toBe(0);
      // The code stays large enough to scan from the back: at least 40% of the screen's shorter side.
      const qr = (await page.getByRole('img', { name: /QR/ }).boundingBox())!;
      expect(qr.width).toBeGreaterThanOrEqual(0.4 * Math.min(screen.width, screen.height));
      await expectInView(page, page.getByRole('img', { name: /QR/ }));
      await expectInView(page, page.getByRole('note'));
      await expectInView(page, page.locator('.link code'));
      await expectInView(page, roster.getByRole('status'));
      // Names as large as the join steps take more room than is left beside the code: the lists
      // scroll in their box, the latest on the board and the player apart shown whole.
      for (const item of [roster.locator('ol').getByRole('listitem').last(), roster.getByRole('list', { name: apart }).getByRole('listitem')]) {
        await expectInView(page, item);
        expect(await hiddenPx(item), `${await item.innerText()} shown whole at ${screen.width}×${screen.height}`).toBe(0);
      }
      // Read from the back of the room (a projector's 1280 px or more): names, times, reasons and
      // the note as large as the join steps, and the trainer's buttons.
      if (screen.width >= 1280) for (const text of [roster.getByRole('listitem').first(), roster.locator('.left-out'), roster.locator('.not-counted'), roster.getByRole('heading', { name: apart })]) {
        expect(await text.evaluate((e) => parseFloat(getComputedStyle(e).fontSize)), `${await text.innerText()} at ${screen.width} px`).toBeGreaterThanOrEqual(22);
      }
      if (screen.width >= 1280) for (const button of await page.locator('.trainer .btn').all()) {
        expect(await button.evaluate((e) => parseFloat(getComputedStyle(e).fontSize)), `${await button.innerText()} at ${screen.width} px`).toBeGreaterThanOrEqual(22);
      }
      await shot(page, info, `room-projector-12-${lang}-${screen.width}x${screen.height}`);
      await expectInView(page, page.getByRole('button', { name: lang === 'nl' ? 'Beamer uit' : 'Projector off' }));
    }
  }
});

test('with 30 players handed in, the projector keeps to one screen: the count stays, the list scrolls with the latest in view', async ({ page }, info) => {
  const players = Array.from({ length: 30 }, (_, i) => ({ name: `${LONG_NAMES[i % 12]} ${i + 1}` }));
  await seedCrowdedRoom(page, info.outputPath('crowd.json'), players);
  for (const screen of SCREENS) {
    await page.setViewportSize(screen);
    await page.reload();
    const roster = page.getByRole('region', { name: 'Handed in' });
    await expect(roster.getByRole('status')).toHaveText('30 of 30 handed in');
    await expect(roster.getByRole('listitem')).toHaveCount(30);
    expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBe(0);
    await expectInView(page, roster.getByRole('status'));
    const latest = roster.getByRole('listitem').last();
    await expect(latest).toContainText(`${LONG_NAMES[29 % 12]} 30`);
    expect(await hiddenPx(latest)).toBe(0);
    // The list is a region of its own that the keyboard can scroll, back to the first player.
    const list = roster.getByRole('group', { name: 'Handed in' });
    await list.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => hiddenPx(roster.getByRole('listitem').first())).toBe(0);
    await shot(page, info, `room-projector-30-${screen.width}`);
  }
});

test('a typed short address joins the room’s team: the phone’s runs belong to the trainer’s team', async ({ browser }, info) => {
  const laptop = await device(browser, LAPTOP);
  await laptop.goto('/#/room');
  await laptop.getByLabel('Scenario').selectOption(TOY);
  await laptop.getByLabel('Or make a new team').fill('Winkelteam Utrecht-Centrum');
  await laptop.getByRole('button', { name: 'Show the code' }).click();
  const typed = (await laptop.locator('.link code').innerText()).trim();
  // The team's UUID as 26 letters and digits in groups: ~70 characters instead of ~150.
  expect(typed).toMatch(new RegExp(`^localhost:\\d+/play/${TOY}/\\?t=[0-9a-z]{5}(-[0-9a-z]{5}){3}-[0-9a-z]{6}$`));
  expect(typed.length).toBeLessThanOrEqual(80);
  const [team] = (await readDb(laptop)).teams;

  const phone = await device(browser, PHONE);
  // As typed into the address bar: no scheme, and in capitals where a phone's keyboard put them.
  await phone.goto(`http://${typed.replace(/t=(.*)$/, (_, code: string) => `t=${code.toUpperCase()}`)}`);
  await expect(phone.getByRole('heading', { level: 1, name: `You are about to play: ${TOY_TITLE}` })).toBeVisible();
  await expect(phone.getByText('Mode: Assessment · team Room')).toBeVisible();
  await phone.getByLabel('Your name').fill('Noor');
  await phone.getByRole('button', { name: /^start$/i }).click();
  await pressBegin(phone);
  await playToEnd(phone);
  const onPhone = await readDb(phone);
  expect(onPhone.profiles.find((p) => p.name === 'Noor')?.teamId).toBe(team.id);
  expect(onPhone.runs[0].mode).toBe('assessment');
  await shot(phone, info, 'typed-link-ending-360');
});

test('a typed address without the scenario’s dashes opens it; an unknown one says so before the name', async ({ browser }) => {
  const laptop = await device(browser, LAPTOP);
  await laptop.goto('/#/room');
  await laptop.getByLabel('Scenario').selectOption(TOY);
  await laptop.getByLabel('Or make a new team').fill('Avondploeg');
  await laptop.getByRole('button', { name: 'Show the code' }).click();
  const typed = (await laptop.locator('.link code').innerText()).trim();

  const phone = await device(browser, PHONE);
  // Typed from the projector in one go: the scenario's dashes dropped as well as the code's.
  await phone.goto(`http://${typed.replace(`/play/${TOY}/`, `/play/${TOY.replace(/-/g, '').toUpperCase()}/`).replace(/-/g, '')}`);
  await expect(phone.getByRole('heading', { level: 1, name: `You are about to play: ${TOY_TITLE}` })).toBeVisible();
  // It goes on to the scenario as written in the catalog, once the player has a name.
  expect(decodeURIComponent(phone.url())).toContain(`#/play/${TOY}?`);

  const lost = await device(browser, PHONE);
  await lost.goto(`http://${typed.replace(`/play/${TOY}/`, '/play/toyshopsunday/')}`);
  await expect(lost.getByText('There is no scenario “toyshopsunday” on this device.')).toBeVisible();
  await expect(lost.getByLabel('Your name')).toHaveCount(0);
});

test('the room form starts with the team made or used last; “No team” stays a choice', async ({ browser }) => {
  const laptop = await device(browser, LAPTOP);
  const team = laptop.getByLabel('Team to join');
  const makeTeam = async (name: string) => {
    await laptop.goto('/#/players');
    await laptop.getByLabel('Team name').fill(name);
    await laptop.getByRole('button', { name: 'Create team' }).click();
    await expect(laptop.getByRole('heading', { level: 2, name })).toBeVisible();
  };
  // Two teams made under Teams: the room starts with the one made last (before: "No team").
  await makeTeam('Morning shift');
  await makeTeam('Evening shift');
  await laptop.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Room' }).click();
  await expect(team.locator('option:checked')).toHaveText('Evening shift');
  // "No team" chosen for a room is what the next room starts with…
  await team.selectOption({ label: 'No team' });
  await laptop.getByRole('button', { name: 'Show the code' }).click();
  await laptop.getByRole('button', { name: 'Projector off' }).click();
  await laptop.getByRole('button', { name: 'Close the room' }).click();
  await laptop.reload();
  await expect(team.locator('option:checked')).toHaveText('No team');
  // …until a team is made after it.
  await makeTeam('Night shift');
  await laptop.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Room' }).click();
  await expect(team.locator('option:checked')).toHaveText('Night shift');
});

test('the room form lists the scenarios by their titles, in English and in Dutch', async ({ browser }) => {
  const laptop = await device(browser, LAPTOP);
  await laptop.goto('/#/room');
  const titles = () => laptop.getByLabel('Scenario').locator('option').allTextContents();
  await expect(laptop.getByLabel('Scenario').locator('option')).not.toHaveCount(0);
  const en = await titles();
  expect(en).toEqual([...en].sort((a, b) => a.localeCompare(b, 'en')));
  await laptop.getByRole('button', { name: 'Nederlands' }).click();
  await expect(laptop.getByRole('heading', { level: 1, name: 'Zaalmodus' })).toBeVisible();
  const nl = await titles();
  expect(nl).not.toEqual(en);
  expect(nl).toEqual([...nl].sort((a, b) => a.localeCompare(b, 'nl')));
});
