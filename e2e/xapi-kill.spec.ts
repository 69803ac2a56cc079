/**
 * Delivery that loses nothing: between the game and the real test LRS, a fault-injecting proxy
 * drops connections, answers 503 after the LRS stored, answers 401, and holds answers back while
 * the browser is killed (SIGKILL, persistent profile). After 20 kills in the middle of a send,
 * the LRS holds exactly the statements of the runs on the device: none lost, none twice.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { analyseScenario } from '../src/engine/analyse';
import { buildStatements, playerAgent } from '../src/xapi/statements';
import { chromiumExecutable, CHROMIUM_ARGS } from '../test-support/browser';
import { FaultProxy } from './fault-proxy';
import { LRS_PORT, VERB, connectInSettings, statementsOf } from './lrs-support';
import { loadScenario, readDb } from './persist-support';

const TOY = 'toy-shop-saturday';
const KILLS = 20;

function browserPid(dir: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const main = lines.find((l) => l.includes(`--user-data-dir=${dir}`) && !l.includes('--type='));
  if (!main) throw new Error('browser process not found');
  return Number(main.trim().split(/\s+/)[0]);
}

/** Statements waiting in the device's outbox (the real database). */
function outboxCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('frontlijn');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (!db.objectStoreNames.contains('outbox')) return -1;
    const n = await new Promise<number>((resolve, reject) => {
      const req = db.transaction('outbox').objectStore('outbox').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return n;
  });
}

const STATUS = { name: 'Learning Record Store (xAPI)' };
test.use({ locale: 'en-GB' });

/** Waits for the run's step or ending; a new run first shows its intro, whose "Begin" is pressed. */
async function arrive(page: Page): Promise<void> {
  // A kill can cut off the app's last write to localStorage (the boot hint): the page may then show
  // a new run's first decision until the app takes over with the run it resumes. Act on the app's.
  await expect(page.locator('#boot')).toHaveCount(0);
  const beginButton = page.getByRole('button', { name: /^(Beginnen|Begin)$/ });
  const there = page.locator('#situation-heading, #ending-heading').first();
  await expect(beginButton.or(there).first()).toBeVisible();
  if (await beginButton.isVisible()) await beginButton.press('Enter');
  await expect(there).toBeVisible();
}

test(`${KILLS} browser kills in the middle of sending: 0 statements lost, 0 duplicated`, async ({ baseURL }, info) => {
  test.setTimeout(420_000);
  const proxy = new FaultProxy(LRS_PORT);
  const endpoint = `http://127.0.0.1:${await proxy.start()}/xAPI/`;
  // One name per attempt and per repeat: the LRS keeps every earlier one's statements.
  const name = `Kill ${info.testId.slice(0, 8)}-${info.repeatEachIndex}-${info.retry}`;
  const dir = mkdtempSync(join(tmpdir(), 'frontlijn-xapi-kill-'));
  let kills = 0;
  let sawStopped = false;
  try {
    for (let round = 0; kills < KILLS && round < KILLS * 3; round++) {
      const ctx = await chromium.launchPersistentContext(dir, { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, baseURL });
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      if (round === 0) {
        await page.goto('/#/');
        await page.getByLabel('Your name').fill(name);
        await page.getByRole('button', { name: /^start$/i }).click();
        // The who-screen moves on by itself: let it, before going anywhere else.
        await expect(page).toHaveURL(/#\/scenarios/);
        await connectInSettings(page, endpoint);
      }
      await page.goto(`/#/play/${TOY}?mode=assessment`);
      await arrive(page);
      // What the last kill cut off is sent again at start, and counts as delivered.
      await expect.poll(() => outboxCount(page), { timeout: 60_000 }).toBe(0);
      if ((await page.locator('#ending-heading').count()) > 0) {
        await ctx.close(); // finished: the next round plays a new run
        continue;
      }

      if (round === 3) {
        // 401: sending stops and the device says so; a new key starts it again.
        proxy.arm(['401']);
        await page.locator('button[data-option]:enabled').first().click();
        await page.goto('/#/settings');
        await expect(page.getByRole('status', STATUS)).toContainText('Sending stopped');
        sawStopped = true;
        expect(await outboxCount(page)).toBeGreaterThan(0);
        await connectInSettings(page, endpoint);
        await expect.poll(() => outboxCount(page), { timeout: 60_000 }).toBe(0);
        await page.goto(`/#/play/${TOY}?mode=assessment`);
        await arrive(page);
        if ((await page.locator('#ending-heading').count()) > 0) {
          await ctx.close();
          continue;
        }
      }
      // Every third round the send meets a 503 (after the LRS stored) and a dropped connection first.
      proxy.arm(round % 3 === 1 ? ['store-then-503', 'drop', 'hold'] : ['hold']);
      await page.locator('button[data-option]:enabled').first().click();
      await proxy.whenHeld();
      process.kill(browserPid(dir), 'SIGKILL');
      kills++;
      proxy.release();
      await ctx.close().catch(() => undefined);
    }
    expect(kills).toBe(KILLS);
    expect(sawStopped).toBe(true);

    // A last start delivers what the last kill cut off.
    const ctx = await chromium.launchPersistentContext(dir, { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, baseURL });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto('/#/settings');
    await expect.poll(() => outboxCount(page), { timeout: 60_000 }).toBe(0);
    await expect(page.getByRole('status', STATUS)).toHaveText(/ sent · 0 waiting$/);
    const db = await readDb(page);
    await ctx.close();

    // What the device played, as statements (the same pure builder, the same ids) ...
    const scenario = loadScenario(TOY);
    const analysis = analyseScenario(scenario);
    const home = new URL(baseURL!).origin;
    const player = db.profiles.find((p) => p.name === name)!;
    const expected = db.runs.flatMap((run) =>
      buildStatements(scenario, run, { base: `${home}/xapi`, actor: playerAgent(home, player.id, name), lang: 'en', analysis }),
    );
    // ... is exactly what the LRS holds for this player: none lost, none twice.
    const stored = await statementsOf(name);
    expect(stored.length).toBe(expected.length);
    expect(new Set(stored.map((s) => s.id))).toEqual(new Set(expected.map((s) => s.id)));
    const decisions = db.runs.reduce((n, r) => n + r.events.filter((e) => e.type === 'choice.select').length, 0);
    expect(stored.filter((s) => s.verb.id === VERB.answered)).toHaveLength(decisions);
    // The kills did cut sends off: the proxy forwarded some statements more than once.
    expect(proxy.forwarded.length).toBeGreaterThan(new Set(proxy.forwarded).size);
    expect(proxy.applied.filter((f) => f === 'hold')).toHaveLength(KILLS);
  } finally {
    await proxy.stop();
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); // a killed browser's children may still be writing
  }
});
