/**
 * No dead ends when storage fails, in Chromium with its real IndexedDB, each failure made the way
 * the browser reports it: a full disk (the transaction aborts with QuotaExceededError, its
 * request with AbortError, as in Chrome), a database that never answers (an open
 * request that never fires, as Safari does), and site data cleared mid-run (DevTools' "clear
 * site data": the connection is closed under the page).
 */
import { expect, test, type Page } from '@playwright/test';
import { beginIfShown, choose, readDb, shownStep, startAs } from './persist-support';
import { readScenario } from './helpers';

/**
 * A full disk as Chrome reports it, while `window.diskFull` is true: a write's transaction aborts
 * with QuotaExceededError, its request with AbortError. (DevTools' quota override only takes
 * effect once Chrome next looks at the space left, which small writes do not make it do.)
 */
async function canFillDisk(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { diskFull?: boolean };
    const put = IDBObjectStore.prototype.put;
    const txError = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'error')!.get!;
    const full = new WeakMap<IDBTransaction, DOMException>();
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const req = put.apply(this, args);
      if (w.diskFull && !full.has(this.transaction)) {
        full.set(this.transaction, new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
        this.transaction.abort();
      }
      return req;
    } as IDBObjectStore['put'];
    Object.defineProperty(IDBTransaction.prototype, 'error', {
      configurable: true,
      get(this: IDBTransaction) {
        return full.get(this) ?? txError.call(this);
      },
    });
  });
}

const diskFull = (page: Page, full: boolean) => page.evaluate((f) => ((window as unknown as { diskFull?: boolean }).diskFull = f), full);

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
  await canFillDisk(page);
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
  await canFillDisk(page);
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

/** IndexedDB that never answers: every open request stays pending forever (as Safari is known to do). */
async function hangIdb(page: Page): Promise<void> {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      return Object.setPrototypeOf(new EventTarget(), IDBOpenDBRequest.prototype) as IDBOpenDBRequest;
    };
  });
}

test('a database that never answers: Start, "Play as a guest" and a direct link play in memory, and say so', async ({ page }) => {
  await hangIdb(page);
  await page.goto('/#/');
  await page.getByLabel('Your name').fill('Anna');
  await page.getByRole('button', { name: /^start$/i }).click();
  await expect(page).toHaveURL(/#\/scenarios/, { timeout: 15_000 });
  await expect(page.getByText("The browser's storage does not answer.", { exact: false })).toBeVisible();

  await page.goto('/#/');
  await page.reload();
  await page.getByRole('button', { name: 'Play as a guest' }).click();
  await expect(page).toHaveURL(/#\/scenarios/, { timeout: 15_000 });

  await page.goto('/#/play/toy-shop-saturday');
  await page.reload();
  await beginIfShown(page);
  const o = await firstOption(page);
  await page.locator(`button[data-option="${o}"]`).click();
  // Coaching: the choice is made, its feedback shown (about step 1, the decision just made).
  await expect(page.getByRole('heading', { name: 'What this did' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Step 1', { exact: true })).toBeVisible();
  await expect(page.getByText("The browser's storage does not answer.", { exact: false })).toBeVisible();
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
