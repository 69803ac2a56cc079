/**
 * No dead ends when storage fails, in Chromium with its real IndexedDB, each failure made the way
 * the browser reports it: a full disk (the transaction aborts with QuotaExceededError, its
 * request with AbortError, as in Chrome), a write the browser fails for another reason (Chrome's
 * "Internal error": a failing disk), a database that never answers (an open request that never
 * fires, as Safari does), and site data cleared mid-run (DevTools' "clear site data": the
 * connection is closed under the page).
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { encodeRunLink } from '../src/persistence/run-link';
import { beginIfShown, choose, engineRun, loadScenario, readDb, shownStep, signedElsewhere, startAs } from './persist-support';
import { plannedPaths, readScenario } from './helpers';

interface WriteFault {
  name: string;
  message: string;
  /** Only writes to this object store fail (all when absent). */
  store?: string;
}

/**
 * Failing writes as Chrome reports them, while `window.writeFault` names the error: a write's
 * transaction aborts with it, its request with AbortError. (DevTools' quota override only takes
 * effect once Chrome next looks at the space left, which small writes do not make it do.)
 */
async function canBreakWrites(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { writeFault?: WriteFault | null };
    const put = IDBObjectStore.prototype.put;
    const txError = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'error')!.get!;
    const failed = new WeakMap<IDBTransaction, DOMException>();
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const req = put.apply(this, args);
      const fault = w.writeFault;
      if (fault && (!fault.store || fault.store === this.name) && !failed.has(this.transaction)) {
        failed.set(this.transaction, new DOMException(fault.message, fault.name));
        this.transaction.abort();
      }
      return req;
    } as IDBObjectStore['put'];
    Object.defineProperty(IDBTransaction.prototype, 'error', {
      configurable: true,
      get(this: IDBTransaction) {
        return failed.get(this) ?? txError.call(this);
      },
    });
  });
}

const breakWrites = (page: Page, fault: WriteFault | null) => page.evaluate((f) => ((window as unknown as { writeFault?: WriteFault | null }).writeFault = f), fault);
const diskFull = (page: Page, full: boolean) => breakWrites(page, full ? { name: 'QuotaExceededError', message: 'The quota has been exceeded.' } : null);

// The toy shop's options in the file's order: its first options make its longest path (8
// decisions), which these tests need; the screen shows them shuffled, so pick by the file's order.
const FILE_ORDER = Object.values(readScenario('toy-shop-saturday').nodes).flatMap((n) => n.options.map((o) => o.id));

async function firstOption(page: Page): Promise<string> {
  const buttons = page.locator('button[data-option]:enabled');
  await expect(buttons.first()).toBeVisible();
  const shown = await buttons.evaluateAll((els) => els.map((e) => e.getAttribute('data-option') ?? ''));
  return FILE_ORDER.find((id) => shown.includes(id)) ?? shown[0];
}

// The choices of a run, in order (a countdown's start is no choice).
const options = (run: { events: { type: string; option?: string }[] }) => run.events.filter((e) => e.type !== 'timer.start').map((e) => e.option ?? e.type);

test('a full disk mid-run: every choice is made once, in memory, with a banner; the whole run is written when there is room', async ({ page }) => {
  await canBreakWrites(page);
  await startAs(page, 'Anna', 'toy-shop-saturday');
  const made: string[] = [];
  const step = async () => {
    const o = await firstOption(page);
    await choose(page, o);
    made.push(o);
  };
  await step();
  await diskFull(page, true);
  await step();
  await expect(page.getByText(/The device is full/)).toBeVisible();
  await step();
  await step();
  await expect(page.getByText(/could not be saved/)).toHaveCount(0);
  expect(await shownStep(page)).toBe(5);
  // The database still holds the run as it was before the disk filled up.
  const before = (await readDb(page)).runs;
  expect(before.map(options)).toEqual([made.slice(0, 1)]);

  await diskFull(page, false);
  await step();
  await expect.poll(async () => (await readDb(page)).runs.map(options)).toEqual([made]);
  // It replays: a reload resumes at the step where the player was.
  await page.reload();
  await beginIfShown(page);
  expect(await shownStep(page)).toBe(6);
});

test('a full disk at the start: "Start" plays on in memory, with a banner', async ({ page }) => {
  await canBreakWrites(page);
  await page.goto('/#/');
  await expect(page.getByLabel('Your name')).toBeVisible();
  await diskFull(page, true);
  await page.getByLabel('Your name').fill('Anna');
  await page.getByRole('button', { name: /^start$/i }).click();
  await expect(page).toHaveURL(/#\/scenarios/);
  await expect(page.getByText(/The device is full/)).toBeVisible();
  await page.goto('/#/play/toy-shop-saturday?mode=assessment');
  await beginIfShown(page);
  await choose(page, await firstOption(page));
  await choose(page, await firstOption(page));
  expect(await shownStep(page)).toBe(3);
  // Nothing of it reached the disk.
  expect((await readDb(page)).profiles).toEqual([]);
});

test('a results file imported on a full disk: the log says the storage is full and what to do, and nothing is written', async ({ page }, info) => {
  await canBreakWrites(page);
  const runs = await signedElsewhere([0, 1].map((i) => engineRun('toy-shop-saturday', `run-${i}`, (available) => available[i % available.length].id)));
  const path = info.outputPath('room.json');
  const profiles = [{ id: 'p-dewi', name: 'Dewi', teamId: null, createdAt: 1 }];
  writeFileSync(path, JSON.stringify({ format: 'frontlijn-results', formatVersion: 2, exportedAt: Date.now(), scope: { kind: 'all' }, teams: [], profiles, scenarios: [], runs, scores: [] }));
  await page.goto('/#/results');
  const picker = page.getByLabel('Results file (.json)');
  await expect(picker).toBeEnabled();
  await diskFull(page, true);
  await picker.setInputFiles(path);
  const entry = page.getByRole('log').locator('p').first();
  await expect(entry).toHaveText(
    'room.json: Refused: this device’s storage is full. Free some space on it (files or apps you no longer need), then try again. Nothing was changed.',
  );
  await expect(entry, 'shown as a problem').toHaveClass(/\berror\b/);
  // The banner says what the log says: nothing of the import is kept, nothing was changed.
  const banner = page.getByRole('alert').filter({ hasText: 'The device is full' });
  await expect(banner).toHaveText(
    /^The device is full: the import was refused\. Nothing was changed\. Free some space on it \(files or apps you no longer need\), then import again\./,
  );
  await expect(banner).not.toContainText('kept');
  expect((await readDb(page)).runs).toEqual([]);
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(entry).toHaveText(
    'room.json: Geweigerd: de opslag van dit apparaat is vol. Maak er ruimte vrij (bestanden of apps die je niet meer nodig hebt) en probeer het dan opnieuw. Er is niets veranderd.',
  );
  // The language chosen on the full disk is kept in this tab: the banner of a second refused
  // import says so, beside what it says of the import.
  await page.getByLabel('Resultatenbestand (.json)').setInputFiles(path);
  await expect(page.getByRole('log').locator('p')).toHaveCount(2);
  await expect(page.getByRole('alert').filter({ hasText: 'Het apparaat is vol' })).toHaveText(
    /^Het apparaat is vol: de import is geweigerd, en daarvan is niets veranderd\. Wat je hier deed sinds het apparaat vol raakte, blijft in dit tabblad bewaard/,
  );

  // With room again, the same file comes in whole.
  await diskFull(page, false);
  await page.getByLabel('Resultatenbestand (.json)').setInputFiles(path);
  await expect(entry).toContainText('room.json: 2 nieuwe rondes');
  expect((await readDb(page)).runs).toHaveLength(2);
});

test('a hand-in link opened on a full disk keeps its address: with room again, a reload imports it', async ({ page }) => {
  await canBreakWrites(page);
  const [run] = await signedElsewhere([engineRun('toy-shop-saturday', 'run-dewi', (available) => available[0].id)]);
  const data = await encodeRunLink({ run, player: { id: 'p-dewi', name: 'Dewi', teamId: null, createdAt: 1 }, team: null }, loadScenario('toy-shop-saturday'));
  await page.goto('/#/results');
  await expect(page.getByLabel('Results file (.json)')).toBeEnabled();
  await diskFull(page, true);
  await page.goto(`/#/import-run/${data}`);
  const log = page.getByRole('log');
  await expect(log.locator('p').first()).toHaveText(/^Refused: this device’s storage is full\. Free some space on it .+, then try again\./);
  // Not imported: the address keeps the link, so trying again is a reload.
  await expect(page.locator('section[aria-busy="false"]').filter({ has: log })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/#/import-run/${data}$`));
  expect((await readDb(page)).runs).toEqual([]);

  await page.reload();
  await expect(log.locator('p').first()).toHaveText('Run of Dewi in “Toy shop on a Saturday” added.');
  // Taken: now the address is the results screen's own.
  await expect(page).toHaveURL(/\/#\/results$/);
  expect((await readDb(page)).runs.map((r) => r.id)).toEqual(['run-dewi']);
});

test('a write that fails: the step stays shown, it says so, nothing more is taken, and "Save again" writes the whole run', async ({ page }) => {
  await canBreakWrites(page);
  // Chrome's error for a write its disk could not make, on the run's writes only (the language
  // setting below is written as usual).
  const failing = { name: 'UnknownError', message: 'Internal error.', store: 'runs' };
  const plan = plannedPaths(readScenario('toy-shop-saturday')).find((p) => p.ending === 'fan')!;
  const path = plan.options as string[];
  const options = page.locator('button[data-option]');
  const saveAgain = page.getByRole('button', { name: 'Save again' });
  const notSaved = page.getByRole('alert').filter({ hasText: 'Your choice was not saved. Save it again to play on. Reason: Internal error.' });
  await startAs(page, 'Anna', 'toy-shop-saturday');
  for (const o of path.slice(0, 2)) await choose(page, o);

  // The third choice's write fails: its next situation (a timed decision) is shown all the same.
  await breakWrites(page, failing);
  await choose(page, path[2]);
  expect(await shownStep(page)).toBe(4);
  await expect(notSaved).toBeVisible();
  await expect(saveAgain).toBeFocused();
  // Until it is written nothing can be chosen, and no "more time" asked: the log on disk skips nothing.
  for (const option of await options.all()) await expect(option).toBeDisabled();
  await expect(page.getByRole('button', { name: 'More time' })).toHaveCount(0);
  await page.keyboard.press('1');
  expect(await shownStep(page)).toBe(4);
  expect((await readDb(page)).runs.map((r) => r.events.filter((e) => e.type === 'choice.select').length)).toEqual([2]);
  // In Dutch too.
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Je keuze is niet bewaard. Bewaar ze opnieuw om verder te spelen. Oorzaak: Internal error.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Opnieuw bewaren' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();

  // The disk works again: "Save again" writes the choice, and play goes on.
  await breakWrites(page, null);
  await saveAgain.click();
  await expect(notSaved).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'More time' })).toBeVisible();
  await expect.poll(async () => (await readDb(page)).runs.map((r) => r.events.filter((e) => e.type === 'choice.select').length)).toEqual([3]);
  for (const o of path.slice(3, -1)) await choose(page, o);

  // The last choice's write fails: the ending is shown, but it has not ended on disk, so no report yet.
  await breakWrites(page, failing);
  await choose(page, path.at(-1)!);
  await expect(page.getByRole('alert').filter({ hasText: 'The end of this run was not saved. Save it again to see your report. Reason: Internal error.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'See the report' })).toHaveCount(0);
  expect((await readDb(page)).runs.map((r) => r.finishedAt)).toEqual([undefined]);
  await breakWrites(page, null);
  await saveAgain.click();
  await expect(page.getByRole('link', { name: 'See the report' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The history has the run, finished, with the scores of the path played.
  await page.goto('/#/history');
  await expect(page.getByText('Anna: 1 finished run in 1 scenario.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Not finished yet' })).toHaveCount(0);
  for (const [label, dim] of [['Warmth', 'warmth'], ['Initiative', 'initiative'], ['Outcome', 'outcome'], ['Overall', 'overall']] as const) {
    const shown = new RegExp(`^${plan.scores[dim]}/100`);
    await expect(page.locator('dl.scores div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd')).toHaveText([shown, shown]);
  }
  const [run] = (await readDb(page)).runs;
  expect(run.events.filter((e) => e.type === 'choice.select').map((e) => e.option)).toEqual(path);
});

test('the last choice not saved, then a reload: the decision before the ending again, in the same run', async ({ page }) => {
  await canBreakWrites(page);
  const path = plannedPaths(readScenario('toy-shop-saturday')).find((p) => p.ending === 'fan')!.options as string[];
  await startAs(page, 'Anna', 'toy-shop-saturday');
  const runId = await page.locator('[data-run-id]').getAttribute('data-run-id');
  for (const o of path.slice(0, -1)) await choose(page, o);
  const last = await shownStep(page);

  // The ending is shown, and the address names the run, but its write fails: on disk the run
  // still waits at its last decision.
  await diskFull(page, true);
  await choose(page, path.at(-1)!);
  await expect(page.getByText(/The device is full/)).toBeVisible();
  // The browser asks before a page with a step not on disk is left: the player reloads anyway.
  page.on('dialog', (d) => void d.accept());
  await page.reload();
  await beginIfShown(page);
  expect(await shownStep(page)).toBe(last);
  await expect(page.locator('[data-run-id]')).toHaveAttribute('data-run-id', runId!);
  await expect(page.locator(`button[data-option="${path.at(-1)!}"]`)).toBeEnabled();

  // The disk has room again: the same choice ends the run, on disk this time.
  await choose(page, path.at(-1)!);
  await expect(page.getByRole('link', { name: 'See the report' })).toBeVisible();
  await expect.poll(async () => (await readDb(page)).runs.map((r) => [r.id, r.finishedAt !== undefined])).toEqual([[runId, true]]);
});

/** IndexedDB that never answers: every open request stays pending forever (as Safari is known to do). */
async function hangIdb(page: Page): Promise<void> {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      return Object.setPrototypeOf(new EventTarget(), IDBOpenDBRequest.prototype) as IDBOpenDBRequest;
    };
  });
}

test('a database that never answers: Start, "Play as Guest" and a direct link play in memory, and say so', async ({ page }) => {
  await hangIdb(page);
  await page.goto('/#/');
  await page.getByLabel('Your name').fill('Anna');
  await page.getByRole('button', { name: /^start$/i }).click();
  await expect(page).toHaveURL(/#\/scenarios/, { timeout: 15_000 });
  await expect(page.getByText("The browser’s storage does not answer.", { exact: false })).toBeVisible();

  await page.goto('/#/');
  await page.reload();
  await page.getByRole('button', { name: 'Play as Guest' }).click();
  await expect(page).toHaveURL(/#\/scenarios/, { timeout: 15_000 });

  await page.goto('/#/play/toy-shop-saturday');
  await page.reload();
  await beginIfShown(page);
  const o = await firstOption(page);
  await page.locator(`button[data-option="${o}"]`).click();
  // Coaching: the choice is made, its feedback shown (about step 1, the decision just made).
  await expect(page.getByRole('heading', { name: 'What this did' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Decision 1', { exact: true })).toBeVisible();
  await expect(page.getByText("The browser’s storage does not answer.", { exact: false })).toBeVisible();
});

test('site data cleared mid-run: play goes on, the run and its player are kept and written again', async ({ page }) => {
  await startAs(page, 'Anna', 'toy-shop-saturday');
  const made: string[] = [];
  for (let i = 0; i < 2; i++) {
    made.push(await firstOption(page));
    await choose(page, made.at(-1)!);
  }
  // DevTools' "Clear site data" for IndexedDB: Chrome closes the page's connection and deletes the database.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'indexeddb' });
  await cdp.detach();
  for (let i = 0; i < 2; i++) {
    made.push(await firstOption(page));
    await choose(page, made.at(-1)!);
  }
  await expect(page.getByText(/could not be saved/)).toHaveCount(0);
  expect(await shownStep(page)).toBe(5);
  await expect.poll(async () => (await readDb(page)).runs.map(options)).toEqual([made]);
  // Written again with the run: the player (still the current one) and the scenario version.
  expect((await readDb(page)).profiles.map((p) => p.name)).toEqual(['Anna']);
  await page.reload();
  await beginIfShown(page);
  expect(await shownStep(page)).toBe(5);
  await expect(page.getByText('Playing as Anna')).toBeVisible();
});
