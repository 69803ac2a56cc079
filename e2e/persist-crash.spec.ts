/**
 * The browser is killed (SIGKILL on its main process, a persistent profile on disk) in the middle
 * of writes, over and over. After every relaunch the database holds at least every choice the game
 * had shown as made, the run replays cleanly (nothing doubled), and the game resumes there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { seededRandom } from '../src/engine/option-order';
import { replayRun } from '../src/engine/replay';
import { chromiumExecutable, CHROMIUM_ARGS } from '../test-support/browser';
import { beginIfShown, loadScenario, readDb, shownStep } from './persist-support';

const TOY = 'toy-shop-saturday';
const ROUNDS = 10;
/**
 * How long after a click each kill comes is random but seeded, so a failure can be replayed:
 * the seed is in the test's title; CRASH_SEED=<seed> runs that sequence again.
 */
const SEED = Number(process.env.CRASH_SEED ?? 20261205) >>> 0;

/** The main browser process of this profile (the one without --type=), by its user-data-dir. */
function browserPid(dir: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const main = lines.find((l) => l.includes(`--user-data-dir=${dir}`) && !l.includes('--type='));
  if (!main) throw new Error('browser process not found');
  return Number(main.trim().split(/\s+/)[0]);
}

async function stepsShown(page: Page): Promise<number | 'ended'> {
  if ((await page.locator('#ending-heading').count()) > 0) return 'ended';
  const n = await shownStep(page);
  return n === null ? 0 : n - 1;
}

// (a timed decision's countdown start, logged when its options come into view, is no step either)
const isStep = (e: { type: string }) => e.type !== 'timer.scale' && e.type !== 'timer.start';

test(`killing the browser mid-write, many times over, loses no choice shown as made (seed ${SEED})`, async ({ baseURL }) => {
  test.setTimeout(240_000);
  const scenario = loadScenario(TOY);
  const dir = mkdtempSync(join(tmpdir(), 'frontlijn-crash-'));
  let shown = 0;
  let runId: string | null = null;
  let kills = 0;
  const random = seededRandom(SEED);
  test.info().annotations.push({ type: 'seed', description: `CRASH_SEED=${SEED}` });
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const ctx: BrowserContext = await chromium.launchPersistentContext(dir, { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, baseURL });
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      if (round === 0) {
        await page.goto('/#/');
        await page.getByLabel('Your name').fill('Crash Test');
        await page.getByRole('button', { name: /^start$/i }).click();
        // The who-screen moves on by itself: let it, before going anywhere else.
        await expect(page).toHaveURL(/#\/scenarios/);
      }
      await page.goto(`/#/play/${TOY}?mode=assessment`);
      // A kill can cut off the app's last write to localStorage (the boot hint, src/ui/state/boot-hint.ts):
      // the page may then show a new run's first decision until the app takes over with the run it
      // resumes. What is stored is the app's to show: act on its screen.
      await expect(page.locator('#boot')).toHaveCount(0);
      await beginIfShown(page);

      // What survived the last kill.
      const db = await readDb(page);
      if (runId) {
        const run = db.runs.find((r) => r.id === runId)!;
        expect(run, 'the run survived').toBeTruthy();
        expect(run.events.filter(isStep).length, `round ${round}: every choice shown as made is stored`).toBeGreaterThanOrEqual(shown);
        expect(() => replayRun(scenario, run)).not.toThrow();
      }
      const open = db.runs.filter((r) => r.finishedAt === undefined);
      expect(open.length, 'one open run at most').toBeLessThanOrEqual(1);
      const current = await stepsShown(page);
      if (current === 'ended') {
        // Finished: the next round plays a new run.
        runId = null;
        shown = 0;
        await ctx.close();
        continue;
      }
      // A new run is stored with its first event: until then none is open.
      runId = open[0]?.id ?? (await page.locator('[data-run-id]').getAttribute('data-run-id'));
      // The screen shows exactly what is stored.
      expect(current).toBe(open[0]?.events.filter(isStep).length ?? 0);
      shown = current;

      // One choice all the way to "shown as made".
      await page.locator('button[data-option]:enabled').first().click();
      await expect.poll(() => stepsShown(page)).not.toBe(current);
      const after = await stepsShown(page);
      if (after !== 'ended') {
        shown = after;
        // Another choice, killed somewhere in the middle of its write.
        const button = page.locator('button[data-option]:enabled').first();
        await button.waitFor();
        // 0-24 ms after the click: the kill lands before, during or after the write.
        const delay = Math.floor(random() * 25);
        await button.click({ noWaitAfter: true });
        await new Promise((r) => setTimeout(r, delay));
        // Count it only if the game had already shown it as made before the kill.
        const seen = await stepsShown(page).catch(() => shown);
        if (typeof seen === 'number') shown = Math.max(shown, seen);
      } else {
        shown = Number.MAX_SAFE_INTEGER; // ended: checked through finishedAt below
      }
      process.kill(browserPid(dir), 'SIGKILL');
      kills++;
      await ctx.close().catch(() => undefined);
      if (shown === Number.MAX_SAFE_INTEGER) {
        const check = await chromium.launchPersistentContext(dir, { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, baseURL });
        const p = check.pages()[0] ?? (await check.newPage());
        await p.goto('/#/players');
        const run = (await readDb(p)).runs.find((r) => r.id === runId)!;
        expect(run.finishedAt, 'a run shown as finished is stored as finished').toBeDefined();
        await check.close();
        runId = null;
        shown = 0;
      }
    }
    expect(kills).toBeGreaterThanOrEqual(ROUNDS / 2);
  } finally {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      // A killed browser's children may still be writing their cache: the temporary folder is left
      // to the system's clean-up (it holds nothing the test checks).
    }
  }
});
