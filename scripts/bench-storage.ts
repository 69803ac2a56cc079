/**
 * Storage figures for `npm run bench` (called by scripts/bench.ts with a fresh Chromium page on
 * the production build), measured inside the page with the real IndexedDB:
 *
 * - saveP95Ms: the per-choice write (store.appendEvent, measured by the store itself as
 *   'frontlijn:save' with detail.op 'append', from the call until the transaction's `complete`)
 *   while a player plays the built-in scenarios. The options are chosen with the button's own
 *   `click()` in the page: the same handler, run state and store as a tap, without an OS input
 *   event.
 * - saveAfterMouseP95Ms (a second, shorter play-through with real mouse clicks): the same
 *   measure when the choice comes from a real input event. Chromium holds EVERY task after a
 *   discrete input (IndexedDB replies, setTimeout 0, postMessage, fetch) until the next frame
 *   has been produced (the scheduler's DeferRendererTasksAfterInput), so this figure is mostly
 *   that wait: frameHoldMs measures it beside the saves, as a bare setTimeout(0) started by the
 *   same clicks. The player sees it in choice → next situation painted (bench part e).
 * - leaderboardMs: opening the team scores of a scenario with 10,000 runs stored (load the
 *   result rows + rank + draw: the screen's 'frontlijn:leaderboard' measure).
 * - teamCompareMs: picking another team for "two teams side by side" ('frontlijn:team-compare').
 *
 * The 10,000 runs are written straight into the database (runs and their result rows, as the
 * store keeps them), the way a facilitator's laptop holds them after a season of sessions.
 *
 *   npx tsx scripts/bench-storage.ts [baseUrl]   (standalone; default http://localhost:4173)
 */
import type { Page } from '@playwright/test';

export interface StorageBenchResult {
  saveP95Ms: number;
  /** The per-choice save when the choice is a real mouse click (includes the wait for the next frame). */
  saveAfterMouseP95Ms: number;
  /** A bare setTimeout(0) started by the same mouse clicks: how long the browser holds tasks after input. */
  frameHoldMs: { median: number; p95: number };
  leaderboardMs: number;
  teamCompareMs: number;
  notes?: string[];
}

const SCENARIOS = ['toy-shop-saturday', 'fuel-station-evening', 'cafe-terrace-sun', 'tram-card-reader'];
const RUNS = 10_000;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

const SAVES = `performance.getEntriesByName('frontlijn:save').filter((e) => e.detail && e.detail.op === 'append').map((e) => e.duration)`;

/** How an option is chosen: the button's click() in the page, or a real mouse click (OS input). */
type Press = 'dom' | 'mouse';

async function playThrough(page: Page, baseUrl: string, scenarioId: string, press: Press): Promise<void> {
  await page.goto(`${baseUrl}/#/play/${scenarioId}?mode=assessment`);
  // A new run opens with its intro: "Begin" first, then the situation.
  await page.locator('#begin-button, #situation-heading, #ending-heading, .notice.error').first().waitFor({ timeout: 15_000 });
  if (await page.locator('#begin-button').isVisible()) await page.locator('#begin-button').click();
  await page.locator('#situation-heading, #ending-heading, .notice.error').first().waitFor({ timeout: 15_000 });
  const ended = async () => (await page.locator('#ending-heading').count()) > 0;
  for (let i = 0; i < 40; i++) {
    if (await ended()) return;
    const button = page.locator('button[data-option]:enabled').first();
    try {
      if (press === 'mouse') {
        await button.click({ timeout: 5000 });
        continue;
      }
      await button.waitFor({ timeout: 5000 });
      const before = await page.evaluate(() => performance.getEntriesByName('frontlijn:save').length);
      await button.evaluate((el) => (el as HTMLButtonElement).click());
      // The choice is made once its save resolved (the UI shows nothing before).
      await page.waitForFunction((n) => performance.getEntriesByName('frontlijn:save').length > n, before, { timeout: 5000 });
    } catch (e) {
      if (await ended()) return;
      throw new Error(`could not play ${scenarioId}: ${String(e).slice(0, 300)}`);
    }
  }
}

/**
 * Records, for every real click, how long a bare setTimeout(0) started in that click waits: the
 * time Chromium holds ordinary tasks after an input event, with no storage involved.
 */
const FRAME_HOLD_PROBE = `(() => {
  if (window.__frontlijnHold) return;
  window.__frontlijnHold = [];
  document.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    const t = performance.now();
    setTimeout(() => window.__frontlijnHold.push(performance.now() - t), 0);
  }, true);
})()`;

/**
 * Writes `RUNS` finished runs with their result rows, 240 players in 12 teams. Plain JavaScript
 * in a string: tsx would otherwise wrap the function's helpers in names the page does not know.
 */
const SEED = `async ({ runs, scenarios }) => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('frontlijn');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = db.transaction(['teams', 'profiles', 'runs', 'results'], 'readwrite');
  const t0 = Date.UTC(2026, 0, 5);
  for (let t = 0; t < 12; t++) tx.objectStore('teams').put({ id: 'bench-team-' + t, name: 'Team ' + (t + 1), createdAt: t0 });
  for (let p = 0; p < 240; p++) tx.objectStore('profiles').put({ id: 'bench-p-' + p, name: 'Speler ' + (p + 1), teamId: 'bench-team-' + (p % 12), createdAt: t0 });
  let seed = 7;
  function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647; }
  for (let i = 0; i < runs; i++) {
    const scenarioId = scenarios[i % scenarios.length];
    const playerId = 'bench-p-' + Math.floor(rnd() * 240);
    const startedAt = t0 + i * 60000;
    const steps = [];
    const n = 8 + Math.floor(rnd() * 6);
    for (let k = 0; k < n; k++) steps.push({ node: 'n' + k, option: ['a', 'b', 'c'][Math.floor(rnd() * 3)] });
    const events = steps.map((s, k) => ({ type: 'choice.select', node: s.node, option: s.option, at: startedAt + (k + 1) * 4000 }));
    const finishedAt = startedAt + n * 4000;
    const id = 'bench-run-' + i;
    const scores = { warmth: Math.floor(rnd() * 101), initiative: Math.floor(rnd() * 101), outcome: Math.floor(rnd() * 101), overall: 0 };
    scores.overall = Math.round((scores.warmth + scores.initiative + scores.outcome) / 3);
    const mode = rnd() < 0.8 ? 'assessment' : 'coaching';
    const scenarioHash = 'bench' + scenarioId.length + 'hash';
    tx.objectStore('runs').put({ formatVersion: 1, id, scenarioId, scenarioHash, playerId, mode, timerScale: 1, startedAt, events, finishedAt });
    tx.objectStore('results').put({ runId: id, playerId, scenarioId, scenarioHash, mode, startedAt, finishedAt, ending: 'end', tone: 'neutral', scores, steps });
  }
  await new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}`;

async function seed(page: Page): Promise<void> {
  await page.evaluate(`(${SEED})(${JSON.stringify({ runs: RUNS, scenarios: SCENARIOS })})`);
}

async function lastMeasure(page: Page, name: string, timeout = 30_000): Promise<number> {
  const handle = await page.waitForFunction(
    `(() => { const e = performance.getEntriesByName(${JSON.stringify(name)}); return e.length > 0 ? e[e.length - 1].duration : null; })()`,
    undefined,
    { timeout },
  );
  return (await handle.jsonValue()) as number;
}

export async function runStorageBench(ctx: { page: Page; baseUrl: string }): Promise<StorageBenchResult> {
  const { page, baseUrl } = ctx;
  const notes: string[] = [];

  // 1. A player makes choices: every choice is one appendEvent, measured by the store.
  await page.goto(`${baseUrl}/#/`);
  await page.locator('#who-name').fill('Bench');
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(/#\/scenarios/);
  for (const id of [...SCENARIOS, ...SCENARIOS]) await playThrough(page, baseUrl, id, 'dom');
  const saves = (await page.evaluate(SAVES)) as number[];
  const saveP95Ms = percentile(saves, 95);
  notes.push(`save: ${saves.length} choices, median ${percentile(saves, 50).toFixed(2)} ms, max ${Math.max(...saves).toFixed(2)} ms`);

  // 1b. The same with real mouse clicks, beside a bare setTimeout(0) per click.
  // (The play links differ only in their hash: the window, its probe and its measures stay.)
  await page.evaluate(FRAME_HOLD_PROBE);
  for (const id of SCENARIOS) await playThrough(page, baseUrl, id, 'mouse');
  const mouse = ((await page.evaluate(SAVES)) as number[]).slice(saves.length);
  const hold = (await page.evaluate('window.__frontlijnHold ?? []')) as number[];
  const saveAfterMouseP95Ms = percentile(mouse, 95);
  const frameHoldMs = { median: percentile(hold, 50), p95: percentile(hold, 95) };
  notes.push(
    `save after a real mouse click: ${mouse.length} choices, median ${percentile(mouse, 50).toFixed(2)} ms, p95 ${saveAfterMouseP95Ms.toFixed(2)} ms; ` +
      `a bare setTimeout(0) after such clicks: median ${frameHoldMs.median.toFixed(2)} ms, p95 ${frameHoldMs.p95.toFixed(2)} ms ` +
      '(Chromium holds every task after an input until the next frame)',
  );

  // 2. 10,000 runs on the facilitator's laptop; open the team scores.
  const t = Date.now();
  await seed(page);
  notes.push(`seeded ${RUNS} runs in ${Date.now() - t} ms`);
  await page.goto(`${baseUrl}/#/scenarios`);
  await page.reload();
  await page.goto(`${baseUrl}/#/teams?scenario=${SCENARIOS[0]}`);
  await page.locator('[data-ready="true"]').waitFor({ timeout: 30_000 });
  const leaderboardMs = await lastMeasure(page, 'frontlijn:leaderboard');
  const rows = await page.locator('table[aria-labelledby="board-h"] tbody tr').count();
  notes.push(`leaderboard: ${rows} players ranked`);

  // 3. Two teams side by side: pick another second team.
  const options = await page.locator('#team-b option').allInnerTexts();
  const current = await page.locator('#team-b').inputValue();
  const currentLabel = await page.locator(`#team-b option[value="${current}"]`).innerText();
  await page.locator('#team-b').selectOption({ label: options.find((v) => v !== currentLabel) ?? currentLabel });
  const teamCompareMs = await lastMeasure(page, 'frontlijn:team-compare');

  for (const n of notes) console.log(`  storage: ${n}`);
  return { saveP95Ms, saveAfterMouseP95Ms, frameHoldMs, leaderboardMs, teamCompareMs, notes };
}

if (process.argv[1] && /bench-storage\.ts$/.test(process.argv[1])) {
  const baseUrl = process.argv[2] ?? 'http://localhost:4173';
  const { chromium } = await import('@playwright/test');
  const { chromiumExecutable, CHROMIUM_ARGS } = await import('../test-support/browser');
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext()).newPage();
    console.log(await runStorageBench({ page, baseUrl }));
  } finally {
    await browser.close();
  }
}
