/**
 * Results between devices, in Chromium with the real IndexedDB: export then import gives the same
 * data; a handed-in run link imports once; tampered, corrupted, foreign and oversized files are
 * refused with a clear message and the database unchanged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { canonical, exportAll, playToEnd, readDb, seedRoom, startAs, unsigned } from './persist-support';
import { readScenario } from './helpers';

const TOY = 'toy-shop-saturday';

// Each device is its own browser context (its own IndexedDB); closed after each test.
const opened: BrowserContext[] = [];
async function device(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext();
  opened.push(ctx);
  return ctx.newPage();
}
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});
const CAFE = 'cafe-terrace-sun';

async function deviceWithResults(browser: Browser): Promise<Page> {
  const page = await device(browser);
  await startAs(page, 'Anna', TOY);
  await playToEnd(page);
  await page.goto('/#/players');
  await page.getByLabel('Team name').fill('Kassa');
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('status')).toHaveText('Team Kassa created.');
  await page.getByLabel('Team of Anna').selectOption({ label: 'Kassa' });
  await expect(page.getByRole('status')).toHaveText('Anna is now in team Kassa.');
  await startAs(page, 'Bram', CAFE);
  await playToEnd(page);
  return page;
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.goto('/#/results');
  await page.getByLabel('Results file (.json)').setInputFiles(path);
}

test('export then import on another device gives the same data, and again counts nothing twice', async ({ browser }, info) => {
  const a = await deviceWithResults(browser);
  const file = info.outputPath('all.json');
  const text = await exportAll(a, file);
  expect(JSON.parse(text)).toMatchObject({ format: 'frontlijn-results', formatVersion: 2 });

  const b = await device(browser);
  await importFile(b, file);
  await expect(b.getByRole('log')).toContainText('2 new runs');
  await expect(b.getByRole('log')).not.toContainText('signature');
  const dumpA = canonical(await readDb(a));
  expect(dumpA.runs).toHaveLength(2);
  expect(dumpA.results).toHaveLength(2);
  // B keeps the signatures A's runs came with (a re-export passes them on).
  const dumpB = canonical(await readDb(b));
  expect(dumpB.runs.every((r) => r.signature)).toBe(true);
  expect(unsigned(dumpB)).toEqual(dumpA);

  await b.getByLabel('Results file (.json)').setInputFiles(file);
  await expect(b.getByRole('log')).toContainText('2 already here');
  expect(canonical(await readDb(b))).toEqual(dumpB);

  // The team board on the second device shows both players.
  await b.goto(`/#/teams?scenario=${TOY}`);
  await expect(b.getByRole('row', { name: /Anna/ })).toContainText('Kassa');
});

test('tampered, corrupted, foreign and oversized files are refused and nothing changes', async ({ browser }, info) => {
  const a = await deviceWithResults(browser);
  const good = await exportAll(a, info.outputPath('good.json'));
  const data = JSON.parse(good);
  const before = canonical(await readDb(a));

  const cases: [string, string, RegExp][] = [
    ['truncated.json', good.slice(0, Math.floor(good.length * 0.6)), /cut off/],
    ['garbage.json', 'PK\u0003\u0004 this is a zip file', /not a Frontlijn results file/],
    ['foreign.json', JSON.stringify({ name: 'a different app', items: [] }), /not exported by Frontlijn/],
    ['newer.json', JSON.stringify({ ...data, formatVersion: 7 }), /newer version of Frontlijn/],
    ['newer-run.json', JSON.stringify({ ...data, runs: [{ ...data.runs[0], formatVersion: 2 }] }), /^newer-run\.json: Refused: run 1 in the file was made by a newer version of Frontlijn\. Update this device first\./],
    ['oversized.json', good.replace('{', '{' + ' '.repeat(16 * 1024 * 1024)), /larger than 15 MB/],
  ];
  const changedChoice = structuredClone(data);
  changedChoice.runs[0].events.find((e: { type: string }) => e.type === 'choice.select').option = 'give-everything-away';
  const signedChangedChoice = JSON.stringify(changedChoice);
  // With the signature removed: the replay refuses a choice the scenario does not have.
  delete changedChoice.runs[0].signature;
  cases.push(['changed-choice-unsigned.json', JSON.stringify(changedChoice), /does not fit its scenario/]);
  const changedScenario = structuredClone(data);
  // Make the worst option of the first decision look good, without touching the runs.
  const edited = JSON.parse(changedScenario.scenarios[0].source);
  const firstNode = edited.nodes[edited.start];
  firstNode.options[0].effects = { ...firstNode.options[0].effects, outcome: 2, warmth: 2 };
  firstNode.options[0].text = { nl: 'Aangepast', en: 'Edited' };
  changedScenario.scenarios[0].source = JSON.stringify(edited, null, 2);
  cases.push(['changed-scenario.json', JSON.stringify(changedScenario), /was changed after the runs were played/]);

  // A fresh device, so a refused file would have had something to add.
  const b = await device(browser);
  await b.goto('/#/results');
  const empty = canonical(await readDb(b));
  for (const [name, content, message] of cases) {
    const path = info.outputPath(name);
    writeFileSync(path, content);
    await b.getByLabel('Results file (.json)').setInputFiles(path);
    await expect(b.getByRole('log').locator('p').first()).toContainText(`${name}: Refused`);
    await expect(b.getByRole('log').locator('p').first()).toContainText(message);
    await expect(b.getByRole('log').locator('p').first()).toContainText(/Nothing was changed\./);
    expect(canonical(await readDb(b)), name).toEqual(empty);
  }

  // A choice changed in a signed run: that run is refused and named, the file's other run is taken.
  const log = b.getByRole('log').locator('p');
  writeFileSync(info.outputPath('changed-choice.json'), signedChangedChoice);
  await b.getByLabel('Results file (.json)').setInputFiles(info.outputPath('changed-choice.json'));
  await expect(log.first()).toContainText('changed-choice.json: 1 new run, none already here');
  await expect(log.nth(1)).toHaveText(
    /^changed-choice\.json: Not imported: the run of \S+ in “.+”\. It was changed after it was played \(the signature does not match\)\. The other run in the file was imported\. Ask for a fresh export from the device it was played on\.$/,
  );
  expect(canonical(await readDb(b)).runs.map((r) => r.id)).toEqual([data.runs[1].id]);

  // A score edited by hand is ignored: the import recomputes it from the choices, and says so.
  const inflated = structuredClone(data);
  for (const s of inflated.scores) s.scores = { warmth: 100, initiative: 100, outcome: 100, overall: 100 };
  writeFileSync(info.outputPath('inflated.json'), JSON.stringify(inflated));
  await b.getByLabel('Results file (.json)').setInputFiles(info.outputPath('inflated.json'));
  await expect(log.first()).toContainText('1 new run, 1 already here');
  await expect(log.nth(1)).toContainText(/^inflated\.json: For 2 runs \(.+ in “.+” and .+ in “.+”\) the scores or ending in the file did not match the choices: the recalculated result counts\./);
  expect(canonical(await readDb(b)).results).toEqual(before.results);
});

/** Cem plays the toy shop to the end on a phone of his own; his report's hand-in link (its path). */
async function handInLink(browser: Browser): Promise<{ runId: string; link: string }> {
  const phone = await device(browser);
  await startAs(phone, 'Cem', TOY);
  const runId = await playToEnd(phone);
  await phone.goto(`/#/report/${runId}`);
  const handIn = phone.locator('.hand-in-run');
  await expect(handIn.getByRole('img', { name: 'QR code with your run, to hand in' })).toBeVisible();
  await handIn.getByText('Show the link').click();
  const link = await handIn.getByLabel('Link to your run').inputValue();
  expect(link).toMatch(/#\/import-run\/[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(1200);
  return { runId, link: link.replace(/^https?:\/\/[^/]+/, '') };
}

test('a finished run handed in by link imports once on the facilitator’s laptop', async ({ browser }) => {
  const { runId, link } = await handInLink(browser);
  const laptop = await device(browser);
  await laptop.goto(link);
  await expect(laptop.getByRole('log')).toContainText(/Run of Cem in “.+” added\./);
  const once = canonical(await readDb(laptop));
  expect(once.runs.map((r) => r.id)).toEqual([runId]);
  expect(once.results).toHaveLength(1);
  expect(once.profiles.map((p) => p.name)).toEqual(['Cem']);

  await laptop.goto('/#/');
  await laptop.goto(link);
  await expect(laptop.getByRole('log')).toContainText('was already here: counted once');
  // Counted once is not a problem: drawn like an added run, not as an error in red.
  const again = laptop.getByRole('log').locator('p').filter({ hasText: 'was already here: counted once' });
  await expect(again).toHaveClass(/\bok\b/);
  await expect(again).not.toHaveClass(/\berror\b/);
  expect(canonical(await readDb(laptop))).toEqual(once);
});

test('after a hand-in link is imported the address is the results screen’s: a reload or Back does not import it again', async ({ browser }) => {
  const { link } = await handInLink(browser);
  const laptop = await device(browser);
  await laptop.goto(link);
  const log = laptop.getByRole('log');
  await expect(log).toContainText(/Run of Cem in “.+” added\./);
  // The address bar no longer shows the run's code (before: the link stayed, and a reload imported it again).
  await expect(laptop).toHaveURL(/\/#\/results$/);
  // The log's section is busy while a link is handled.
  const handled = laptop.locator('section[aria-busy="false"]').filter({ has: log });
  const once = async () => {
    await expect(log.locator('p').first()).toContainText(/Run of Cem in “.+” added\./);
    await expect(handled).toBeVisible();
    // Before, Back to the link added "Run of Cem … was already here: counted once." on top.
    await expect(log.locator('p')).toHaveCount(1);
  };
  await laptop.reload();
  await expect(laptop).toHaveURL(/\/#\/results$/);
  await once();
  await laptop.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
  await expect(laptop).toHaveURL(/\/#\/teams$/);
  await laptop.goBack();
  await expect(laptop).toHaveURL(/\/#\/results$/);
  await once();
  expect((await readDb(laptop)).runs).toHaveLength(1);
});

test('the Dutch CSV export names each ending by its Dutch title, not its id', async ({ page }, info) => {
  await seedRoom(page, info.outputPath('room.json'));
  const toy = readScenario(TOY);
  await page.getByRole('button', { name: 'Nederlands' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Scores voor een spreadsheet (CSV)' }).click();
  const path = info.outputPath('scores.csv');
  await (await download).saveAs(path);
  const [head, ...rows] = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  const einde = head.split(';').indexOf('Einde');
  expect(einde).toBeGreaterThan(0);
  expect(rows).toHaveLength(7);
  const titles = new Map(Object.entries(toy.endings).map(([id, e]) => [(e.title as { nl: string }).nl, id]));
  for (const row of rows) {
    // No cell of these rows holds the separator: a plain split is exact.
    const cell = row.split(';')[einde];
    expect(titles.has(cell), `“${cell}” is a Dutch ending title`).toBe(true);
  }
});

test('the Received log keeps what came in across a reload and in a new tab', async ({ page }, info) => {
  // seedRoom imports a results file on the results screen: "room.json: 7 new runs, …".
  await seedRoom(page, info.outputPath('room.json'));
  const log = page.getByRole('log');
  await page.reload();
  await expect(log.locator('p').first()).toContainText('room.json: 7 new runs');
  await expect(log).not.toContainText('Nothing received yet.');
  // The next hand-in link opened in a tab of its own shows it too, under what that tab adds.
  const tab = await page.context().newPage();
  await tab.goto('/#/results');
  await expect(tab.getByRole('log')).toContainText('room.json: 7 new runs');
  await tab.getByLabel('Results file (.json)').setInputFiles(info.outputPath('room.json'));
  await expect(tab.getByRole('log').locator('p').first()).toContainText('room.json: no new runs, 7 already here');
  const entries = await tab.getByRole('log').locator('p').allTextContents();
  expect(entries.findIndex((e) => e.includes('7 new runs'))).toBeGreaterThan(0);
  // … and the first tab, still open, shows the newer entry as well.
  await expect(log.locator('p').first()).toContainText('7 already here');
});

test('on a Dutch page a results file is picked with a Dutch button, by keyboard too', async ({ page }, info) => {
  await seedRoom(page, info.outputPath('room.json'));
  await page.getByRole('button', { name: 'Nederlands' }).click();
  const button = page.getByRole('button', { name: 'Kies een resultatenbestand…' });
  await expect(button).toBeVisible();
  expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  // The browser's own control ("Choose File" · "No file chosen", in the browser's language) is not
  // drawn: the input is there by its name, hidden.
  await expect(page.getByLabel('Resultatenbestand (.json)')).toBeHidden();
  // By keyboard: Tab from the camera's button reaches it, Enter opens the file chooser.
  await page.getByRole('button', { name: 'Camera aanzetten' }).focus();
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(info.outputPath('room.json'));
  await expect(page.getByRole('log').locator('p').first()).toContainText('room.json: geen nieuwe rondes, 7 waren er al');
});

test('in the Received log a counted entry is green text on green and a refused one red on red, both readable', async ({ page }, info) => {
  await seedRoom(page, info.outputPath('room.json'));
  writeFileSync(info.outputPath('broken.json'), '{"format": "frontlijn-results", ');
  await page.getByLabel('Results file (.json)').setInputFiles(info.outputPath('broken.json'));
  const entries = page.getByRole('log').locator('p');
  const refused = entries.filter({ hasText: 'broken.json' });
  await expect(refused).toHaveClass(/\berror\b/);
  const counted = entries.filter({ hasText: 'room.json: 7 new runs' });
  await expect(counted).toHaveClass(/\bok\b/);
  /** The colour a CSS value computes to here (e.g. a custom property of the theme). */
  const computed = (value: string) =>
    page.evaluate((v) => {
      const probe = document.createElement('span');
      probe.style.color = v;
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    }, value);
  // Before, a counted entry kept the notice's brown text (--warn-ink) on its green.
  await expect(counted).toHaveCSS('color', await computed('var(--ok)'));
  await expect(refused).toHaveCSS('color', await computed('var(--danger)'));
  const r = await new AxeBuilder({ page }).include('[role="log"]').withRules(['color-contrast']).analyze();
  expect(r.violations.map((v) => v.nodes.map((n) => n.target.join(' '))).flat()).toEqual([]);
  expect(r.passes.flatMap((p) => p.nodes).length).toBeGreaterThanOrEqual(2);
});

test('the export buttons stand apart from the “What to export” list, on a phone and a laptop', async ({ page }) => {
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(viewport);
    await page.goto('/#/results');
    const list = (await page.getByLabel('What to export').boundingBox())!;
    const button = (await page.getByRole('button', { name: 'Results file (JSON)' }).boundingBox())!;
    // Before, the button touched the list's border (0 px between them).
    expect(button.y - (list.y + list.height), `${viewport.width} px`).toBeGreaterThanOrEqual(12);
  }
});

test('the Received log is worded in the language shown, also what came in before the switch', async ({ page }, info) => {
  // seedRoom imports a results file with the page in English: "room.json: 7 new runs, …".
  await seedRoom(page, info.outputPath('room.json'));
  writeFileSync(info.outputPath('notes.json'), 'not json at all');
  await page.getByLabel('Results file (.json)').setInputFiles(info.outputPath('notes.json'));
  const entries = page.getByRole('log').locator('p');
  // No sentence for the scenario version already known here: before, every import added one.
  await expect(entries).toHaveText([
    'notes.json: Refused: this is not a Frontlijn results file (it is not readable JSON text). Nothing was changed.',
    'room.json: 7 new runs, none already here, 5 new players.',
  ]);
  // Before, every entry stayed in English after the switch, the scenario's title too.
  await page.getByRole('button', { name: 'Nederlands' }).click();
  const dutch = [
    'notes.json: Geweigerd: dit is geen resultatenbestand van Frontlijn (het is geen leesbare JSON-tekst). Er is niets veranderd.',
    'room.json: 7 nieuwe rondes, geen dubbele, 5 nieuwe spelers.',
  ];
  await expect(entries).toHaveText(dutch);
  await page.reload();
  await expect(entries).toHaveText(dutch);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(entries.nth(1)).toHaveText('room.json: 7 new runs, none already here, 5 new players.');
});
