/**
 * Helpers for the game's e2e specs (play, a11y, i18n): a guard that fails a test on any
 * Content-Security-Policy violation, axe with the WCAG 2.2 AA tags, screenshots at 360 and
 * 1280 px attached to the report, and the engine's own view of a built-in scenario (its paths
 * to every ending and the scores each path must get) so the specs check the UI against it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import { analyseScenario, pathsToEndings } from '../src/engine/analyse';
import { replayRun, initialPlayState, applyEvent } from '../src/engine/replay';
import { scoreState } from '../src/engine/score';
import type { Scores, ScenarioPath } from '../src/engine/contract';
import type { Run, RunEvent, Scenario } from '../src/engine/types';
import { t as text } from '../src/engine/text';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The built-in scenario ids, from the files in scenarios/. */
export function builtinIds(): string[] {
  const dir = new URL('../scenarios/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export function readScenario(id: string): Scenario {
  return JSON.parse(readFileSync(new URL(`../scenarios/${id}.json`, import.meta.url), 'utf8')) as Scenario;
}

export interface PlannedPath {
  ending: string;
  /** For each decision: 1 to choose an option, 0 to wait for the time-out (kept for `includes(0)`). */
  keys: number[];
  /** For each decision: the chosen option's text per language (null: the time ran out). */
  texts: ({ nl: string; en: string } | null)[];
  /** The option ids chosen (null: the time ran out). */
  options: (string | null)[];
  scores: Scores;
  tone: string;
}

/**
 * A path to each ending (the engine's pathsToEndings), with the key to press at each step (the
 * option's place among the options shown then) and the scores the report must show.
 */
export function plannedPaths(scenario: Scenario): PlannedPath[] {
  const analysis = analyseScenario(scenario);
  const paths: Record<string, ScenarioPath> = pathsToEndings(scenario);
  return Object.values(paths).map((path) => {
    const run: Run = {
      formatVersion: 1,
      id: 'plan',
      scenarioId: scenario.id,
      scenarioHash: 'plan',
      playerId: null,
      mode: 'assessment',
      timerScale: 1,
      startedAt: 1_000_000,
      events: [],
    };
    let state = initialPlayState(scenario, run);
    const keys: number[] = [];
    const texts: PlannedPath['texts'] = [];
    let at = run.startedAt;
    for (const step of path.steps) {
      at = step.option === null && state.deadline !== null ? state.deadline : at + 1000;
      const event: RunEvent =
        step.option === null ? { type: 'timer.expire', node: step.node, at } : { type: 'choice.select', node: step.node, option: step.option, at };
      keys.push(step.option === null ? 0 : 1);
      const option = state.available.find((o) => o.id === step.option);
      texts.push(option ? { nl: text(option.text, 'nl'), en: text(option.text, 'en') } : null);
      state = applyEvent(scenario, state, event, run.events.length);
      run.events.push(event);
    }
    const final = replayRun(scenario, run);
    expect(final.ending).toBe(path.ending);
    return {
      ending: path.ending,
      keys,
      texts,
      options: path.steps.map((s) => s.option),
      scores: scoreState(analysis, final, scenario.scoring?.weights),
      tone: scenario.endings[path.ending].tone,
    };
  });
}

/** Holds the opening of the device's database (its players) until `releaseDb()` in the page. */
export async function holdDb(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { releaseDb: () => void };
    const gate = new Promise<void>((resolve) => (w.releaseDb = resolve));
    const add = IDBRequest.prototype.addEventListener;
    IDBRequest.prototype.addEventListener = function (this: IDBRequest, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
      if (this instanceof IDBOpenDBRequest && type === 'success' && typeof listener === 'function') {
        return add.call(this, type, (e: Event) => void gate.then(() => listener.call(this, e)), options);
      }
      return add.call(this, type, listener, options);
    } as typeof IDBRequest.prototype.addEventListener;
  });
}

/** Records CSP violations in the page; call before the first navigation. */
export async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

/** Fails when any CSP violation was recorded. */
export async function expectNoCspViolations(page: Page): Promise<void> {
  const found = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  expect(found, 'Content-Security-Policy violations').toEqual([]);
}

/** Runs axe (WCAG 2.2 AA) on the page and fails on any violation, attaching the details. */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length > 0) {
    await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  }
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe violations on ${name}`,
  ).toEqual([]);
}

/** Screenshots at 360 and 1280 px wide, attached to the test as artefacts. */
export async function attachScreens(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    // The new width is laid out and painted by the next frame (no screen listens for resizes).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // Written to the test's output folder (kept after the run, to be looked at) and attached.
    const path = testInfo.outputPath(`${name}-${width}.png`);
    await page.screenshot({ fullPage: true, path });
    await testInfo.attach(`${name}-${width}.png`, { path, contentType: 'image/png' });
  }
  await page.setViewportSize(size);
}

/** The dimension labels of the report, per UI language. */
export const DIMENSION_LABELS = {
  nl: { warmth: 'Warmte', initiative: 'Initiatief', outcome: 'Resultaat', overall: 'Totaal' },
  en: { warmth: 'Warmth', initiative: 'Initiative', outcome: 'Outcome', overall: 'Overall' },
} as const;

/** Checks the report's four scores (each a labelled meter with its number). */
export async function expectReportScores(page: Page, scores: Scores, lang: 'nl' | 'en'): Promise<void> {
  for (const dim of ['warmth', 'initiative', 'outcome', 'overall'] as const) {
    const meter = page.getByRole('meter', { name: DIMENSION_LABELS[lang][dim], exact: true });
    await expect(meter).toHaveAttribute('aria-valuenow', String(scores[dim]));
    await expect(meter.locator('xpath=..')).toContainText(String(scores[dim]));
  }
}

/**
 * Chooses the option with this text by its key, as a keyboard player would: the options are
 * shuffled per run, so the key is read off the screen (its number must match its place). Waits
 * until the option is on screen: right after the previous choice the old options may still show.
 */
export async function pressOption(page: Page, optionText: string): Promise<void> {
  const buttons = page.locator('button[data-option]');
  const names = async () => (await buttons.allTextContents()).map((t) => t.replace(/^\s*\d\s*/, '').trim());
  await expect
    .poll(async () => (await names()).indexOf(optionText.trim()), { message: `option "${optionText}" on screen` })
    .toBeGreaterThanOrEqual(0);
  const shown = await names();
  const place = shown.indexOf(optionText.trim());
  expect(place, `option "${optionText}" among ${JSON.stringify(shown)}`).toBeGreaterThanOrEqual(0);
  await expect(buttons.nth(place)).toHaveAttribute('aria-keyshortcuts', String(place + 1));
  await page.keyboard.press(String(place + 1));
}

/** Presses "Begin" on a new run's intro (who you are, the scene), which comes before the first decision. */
export async function begin(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Beginnen|Begin)$/ }).click();
}

/**
 * Waits until the options of the current decision can be chosen; on a new run's intro, presses
 * "Begin" first (as a player must).
 */
export async function waitForOptions(page: Page): Promise<void> {
  const option = page.locator('button[data-option]').first();
  const beginButton = page.getByRole('button', { name: /^(Beginnen|Begin)$/ });
  await expect(beginButton.or(option).first()).toBeVisible();
  if (await beginButton.isVisible()) await beginButton.press('Enter');
  await expect(option).toBeEnabled();
}

/**
 * Reads a QR code drawn by QrCode.svelte, as a camera would: rasterises the SVG path's modules and
 * decodes them with jsQR. Returns the text and the code's size in modules (without the quiet zone).
 */
export async function readQr(svg: Locator): Promise<{ text: string; modules: number }> {
  const [viewBox, d] = await Promise.all([svg.getAttribute('viewBox'), svg.locator('path').getAttribute('d')]);
  const n = Number(viewBox!.split(' ')[2]);
  const scale = 6;
  const size = n * scale;
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
  for (const m of d!.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + w) * scale; px++) {
        const i = (py * size + px) * 4;
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
      }
    }
  }
  const decoded = jsQR(pixels, size, size);
  expect(decoded, 'the QR code reads').not.toBeNull();
  return { text: decoded!.data, modules: n - 8 };
}

/**
 * A run's first timed decision gives the time to read its situation before its countdown starts
 * (src/ui/state/reading-time.ts): moves the page's clock (Playwright's, installed) on a second at a
 * time until the countdown shows a figure (while reading, it says the clock starts soon).
 */
export async function untilCountdownRuns(page: Page): Promise<void> {
  // (while the situation is read, the box says so, with no figure; then it counts)
  const timer = page.getByRole('timer');
  await expect
    .poll(async () => {
      await page.clock.fastForward(1000);
      return /\d/.test((await timer.textContent()) ?? '');
    }, { intervals: [100], timeout: 30_000 })
    .toBe(true);
}

/**
 * Records, for every frame, how many headings are visible, and the page's layout shifts: the
 * pre-rendered screen must give way to the app's in one frame, with nothing blank or doubled.
 */
export async function watchFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __frames: number[]; __shift: number };
    w.__frames = [];
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    const frame = () => {
      w.__frames.push([...document.querySelectorAll('h1')].filter((h) => h.checkVisibility()).length);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** The frames since the first heading showed, and the layout shift so far. */
export async function frames(page: Page): Promise<{ headings: number[]; shift: number }> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { list, shift } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __shift: number };
    return { list: w.__frames, shift: w.__shift };
  });
  return { headings: list.slice(list.findIndex((n) => n > 0)), shift };
}

/**
 * Records each write to `<html lang>` once a frame has shown the pre-rendered page (`#boot >
 * .shown`). The page is to be in the player's language from its first frame: every later write,
 * even of the same language, makes the browser restyle the whole page (a long task on a slow phone).
 */
export async function watchLangWrites(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __lateLangWrites: string[] };
    w.__lateLangWrites = [];
    let shown = false;
    const frame = () => {
      if (document.querySelector('#boot > .shown')) shown = true;
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    new MutationObserver((records) => {
      for (const r of records) if (shown && r.target === document.documentElement) w.__lateLangWrites.push(`${r.oldValue} → ${document.documentElement.lang}`);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['lang'], attributeOldValue: true });
  });
}

/** The writes to `<html lang>` since the pre-rendered page was first shown (watchLangWrites). */
export async function lateLangWrites(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __lateLangWrites: string[] }).__lateLangWrites);
}

/**
 * Watches what the app has built behind a pre-rendered page, task by task: from before the page
 * loads, each MutationObserver delivery (the end of one task's changes) records, for each name,
 * whether its selector matches inside #app. Returns a reader of the records, oldest first.
 */
export async function watchAppBuild<K extends string>(page: Page, selectors: Record<K, string>): Promise<() => Promise<Record<K, boolean>[]>> {
  await page.addInitScript((sel: Record<string, string>) => {
    const seen: Record<string, boolean>[] = [];
    (window as unknown as { __appBuild: typeof seen }).__appBuild = seen;
    new MutationObserver(() => {
      const app = document.getElementById('app');
      if (app) seen.push(Object.fromEntries(Object.entries(sel).map(([k, s]) => [k, !!app.querySelector(s)])));
    }).observe(document, { childList: true, subtree: true });
  }, selectors as Record<string, string>);
  return () => page.evaluate(() => (window as unknown as { __appBuild: Record<K, boolean>[] }).__appBuild);
}

/**
 * Holds the app's entry script until the returned function is called: a slow phone network, so
 * the direct-link page (src/boot/boot.ts) is what the player uses meanwhile.
 */
export async function holdApp(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}
