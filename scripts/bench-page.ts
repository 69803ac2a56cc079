/**
 * For `npm run bench`: what a player's browser does with a direct link, measured in Chromium over
 * the DevTools protocol. Owns no files; reads the page's performance marks (agreed with GAME-UI):
 * `frontlijn:first-choice-ready`, `frontlijn:choice`, `frontlijn:situation-painted`.
 *
 * - loadOnce(): one cold visit (fresh context, cache disabled), optionally under the Lighthouse /
 *   DevTools "Slow 4G" + 4× CPU throttling; returns the time to the first choice (mark and a real
 *   DOM check that an option button is visible and enabled) and every request with its initiator,
 *   wave (HTML = 0, what the HTML discovers = 1, …) and gzipped size. The first move is "Begin"
 *   where a new run opens with an intro, else an option: on the game's pages and on the floor's
 *   alike (scripts/bench-floor.ts has the same intro step).
 * - choiceLatencies(): choice → next situation painted, over many choices with the CPU slowed.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Page } from '@playwright/test';

/** Lighthouse's mobileSlow4G as DevTools applies it (lighthouse/core/lib/lantern constants). */
export const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75, // 562.5 ms per request
  downloadThroughput: (1.6 * 1024 * 0.9 * 1024) / 8, // 1474.56 Kbit/s = 188,743.68 bytes/s
  uploadThroughput: (750 * 0.9 * 1024) / 8, // 675 Kbit/s
  connectionType: 'cellular4g' as const,
};
export const CPU_SLOWDOWN = 4;

/** Option buttons: GAME-UI puts data-option="<option id>" on each. */
export const OPTION_SELECTOR = 'button[data-option]';
/** "Begin" on a new run's intro, which comes before the first decision. */
export const BEGIN_SELECTOR = '#begin-button';
/** The player's first move: "Begin" on the intro, or an option where a run opens at its decision. */
export const FIRST_MOVE_SELECTOR = `${BEGIN_SELECTOR}, ${OPTION_SELECTOR}`;

/** Presses "Begin" when the intro is shown, so the first decision's options are on screen. */
async function beginIfShown(page: Page): Promise<void> {
  const begin = page.locator(BEGIN_SELECTOR).filter({ visible: true });
  if (await begin.count()) {
    await begin.first().click();
    await page.locator(OPTION_SELECTOR).filter({ visible: true }).first().waitFor({ timeout: 5_000 });
  }
}

export interface RequestRecord {
  url: string;
  path: string;
  type: string;
  status: number;
  initiator: string;
  parent: string | null;
  wave: number;
  startMs: number;
  endMs: number | null;
  transferBytes: number;
  gzipBytes: number;
  /** Requested before the first choice was ready. */
  beforeFirstChoice: boolean;
  /** Arrived whole before the first choice was ready (what it may have waited for). */
  doneBeforeFirstChoice: boolean;
}

export interface LoadResult {
  url: string;
  /** performance.mark('frontlijn:first-choice-ready').startTime, ms since navigation start. */
  markMs: number | null;
  /**
   * ms from the start of the first navigation to that of the document that set the mark: 0 for
   * one page, the first page's time for one that sent the browser on (`location.replace`).
   */
  beforeMs: number;
  /** When the DOM check first saw the first move's button (Begin, or an option) visible, enabled and hit-testable. */
  domMs: number | null;
  /** Whether an option button was visible and enabled when the mark was set. */
  buttonAtMark: boolean | null;
  requests: RequestRecord[];
  error?: string;
}

/**
 * Runs in the page before any of its scripts: watches the marks and the option buttons. Kept as
 * plain JavaScript text: tsx would wrap a TypeScript function with helpers the page lacks.
 */
const PAGE_PROBE = String.raw`(selector) => {
  const probe = (window.__flbench = { markMs: null, domMs: null, buttonAtMark: null, origin: performance.timeOrigin });
  // Each document says when its navigation started: a page that moves on to another address
  // (location.replace) starts a new clock there, and the wait counts from the first one.
  console.debug('flbench:origin ' + performance.timeOrigin);
  const ready = () => {
    for (const b of document.querySelectorAll(selector)) {
      if (b.disabled || b.getAttribute('aria-disabled') === 'true') continue;
      const cs = getComputedStyle(b);
      if (cs.visibility === 'hidden' || cs.display === 'none' || Number(cs.opacity) === 0) continue;
      const r = b.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      // hit-testable: a tap on its middle reaches it (nothing laid over it). Below the first
      // screen (the game's Begin on a phone, under the scene and the intro) it is reached by
      // scrolling, which this check does not do.
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (x >= 0 && y >= 0 && x < innerWidth && y < innerHeight) {
        const hit = document.elementFromPoint(x, y);
        if (!hit || !b.contains(hit)) continue;
      }
      return true;
    }
    return false;
  };
  // Tells the bench without it having to run anything in the page while it loads.
  const done = () => console.debug('flbench:ready');
  // Nothing is checked before the page says its first choice is ready (checking forces style and
  // layout, which would slow the page down while it loads); from then on, until it really is.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name !== 'frontlijn:first-choice-ready' || probe.markMs !== null) continue;
      probe.markMs = e.startTime;
      probe.buttonAtMark = ready();
      if (probe.buttonAtMark) {
        probe.domMs = performance.now();
        done();
        continue;
      }
      const mo = new MutationObserver(() => {
        if (probe.domMs === null && ready()) {
          probe.domMs = performance.now();
          mo.disconnect();
          done();
        }
      });
      mo.observe(document, { subtree: true, childList: true, attributes: true,
        attributeFilter: ['disabled', 'hidden', 'class', 'style', 'aria-disabled'] });
    }
  }).observe({ type: 'mark', buffered: true });
}`;

interface Raw {
  id: string;
  url: string;
  type: string;
  initiator: string;
  parent: string | null;
  start: number;
  end: number | null;
  status: number;
  transfer: number;
  body?: Buffer;
  before: boolean;
  doneBefore: boolean;
}

/** Records every request of a page over CDP, with its initiator. */
class NetLog {
  raw = new Map<string, Raw>();
  t0 = 0;
  frozen = false;
  constructor(private cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.request.url.startsWith('data:')) return;
      if (this.t0 === 0) this.t0 = e.timestamp;
      const init = e.initiator;
      let parent: string | null = init.url ?? null;
      let frames = init.stack;
      while (!parent && frames) {
        parent = frames.callFrames.find((f) => f.url)?.url ?? null;
        frames = frames.parent;
      }
      this.raw.set(e.requestId, {
        id: e.requestId,
        url: e.request.url,
        type: e.type ?? 'Other',
        initiator: init.type,
        parent,
        start: (e.timestamp - this.t0) * 1000,
        end: null,
        status: 0,
        transfer: 0,
        before: !this.frozen,
        doneBefore: false,
      });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = this.raw.get(e.requestId);
      if (r) r.status = e.response.status;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = this.raw.get(e.requestId);
      if (!r) return;
      r.end = (e.timestamp - this.t0) * 1000;
      r.doneBefore = !this.frozen;
      r.transfer = e.encodedDataLength;
      void cdp
        .send('Network.getResponseBody', { requestId: e.requestId })
        .then((b) => (r.body = Buffer.from(b.body, b.base64Encoded ? 'base64' : 'utf8')))
        .catch(() => undefined);
    });
  }

  /** Requests with their wave: the document is 0; each request is one more than its initiator. */
  records(origin: string): RequestRecord[] {
    const list = [...this.raw.values()].sort((a, b) => a.start - b.start);
    const waveOf = new Map<string, number>();
    const out: RequestRecord[] = [];
    for (const r of list) {
      let wave: number;
      if (r.type === 'Document' && waveOf.size === 0) wave = 0;
      else if (isBrowserChrome(r.url)) wave = 1; // the tab's icon: fetched by the browser, never awaited
      else if (r.parent && waveOf.has(stripHash(r.parent))) wave = waveOf.get(stripHash(r.parent))! + 1;
      else {
        // no attributable initiator: one more than the latest wave finished before it started
        wave = 1 + Math.max(0, ...list.filter((q) => q.end !== null && q.end <= r.start && waveOf.has(stripHash(q.url))).map((q) => waveOf.get(stripHash(q.url))!));
      }
      if (!waveOf.has(stripHash(r.url))) waveOf.set(stripHash(r.url), wave);
      out.push({
        url: r.url,
        path: r.url.startsWith(origin) ? r.url.slice(origin.length) : r.url,
        type: r.type,
        status: r.status,
        initiator: r.initiator,
        parent: r.parent,
        wave,
        startMs: round(r.start),
        endMs: r.end === null ? null : round(r.end),
        transferBytes: r.transfer,
        gzipBytes: r.body ? gzipSync(r.body, { level: 9 }).length : 0,
        beforeFirstChoice: r.before,
        doneBeforeFirstChoice: r.doneBefore,
      });
    }
    return out;
  }
}

function isBrowserChrome(u: string): boolean {
  return /\/favicon\.(ico|svg|png)$/.test(new URL(u).pathname);
}

function stripHash(u: string): string {
  const i = u.indexOf('#');
  return i < 0 ? u : u.slice(0, i);
}
function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export async function throttle(cdp: CDPSession, network: boolean, cpu: boolean): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  if (cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

/** One cold visit of `url`; resolves once the first choice is ready (or after timeoutMs). */
export async function loadOnce(
  browser: Browser,
  url: string,
  opts: {
    throttled: boolean;
    timeoutMs?: number;
    /** Click the first option and wait until the next situation is painted. */
    playFirst?: boolean;
    /** Click the first option and wait until it shows as chosen (aria-pressed), nothing more. */
    takeFirst?: boolean;
    /** Refuse these requests (by path): what the first decision must do without. */
    refuse?: (path: string) => boolean;
    /** A page without a decision (e.g. `/`): ready when this is visible and the network is idle. */
    readySelector?: string;
  },
): Promise<LoadResult> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const log = new NetLog(cdp);
    await throttle(cdp, opts.throttled, opts.throttled);
    await page.addInitScript({ content: `(${PAGE_PROBE})(${JSON.stringify(FIRST_MOVE_SELECTOR)});` });
    const origin = new URL(url).origin;
    const refuse = opts.refuse;
    if (refuse) await page.route('**/*', (r) => (refuse(new URL(r.request().url()).pathname) ? r.abort() : r.continue()));
    let error: string | undefined;
    // Listening before the page loads: the probe's message can come very soon.
    let readySignal: Promise<unknown> = Promise.resolve();
    if (!opts.readySelector) {
      readySignal = page.waitForEvent('console', { predicate: (m) => m.text() === 'flbench:ready', timeout: opts.timeoutMs ?? 30_000 });
      readySignal.catch(() => undefined);
    }
    let firstOrigin: number | null = null;
    page.on('console', (m) => {
      const at = /^flbench:origin (\d+(?:\.\d+)?)$/.exec(m.text());
      if (at && firstOrigin === null) firstOrigin = Number(at[1]);
    });
    await page.goto(url, { waitUntil: 'commit' });
    if (opts.readySelector) {
      try {
        await page.locator(opts.readySelector).first().waitFor({ state: 'visible', timeout: opts.timeoutMs ?? 30_000 });
        await page.waitForLoadState('networkidle');
      } catch {
        error = `${opts.readySelector} never became visible`;
      }
      log.frozen = true;
      await page.waitForTimeout(300);
      return { url, markMs: null, domMs: null, beforeMs: 0, buttonAtMark: null, requests: log.records(origin), error };
    }
    try {
      // A console message from the probe: polling from here would run Playwright's own script in
      // the page while it loads, which costs the page tens of milliseconds.
      await readySignal;
    } catch {
      error = 'the first choice never became ready (no mark or no visible, enabled option button)';
    }
    log.frozen = true;
    const probe = await page.evaluate(() => (window as unknown as { __flbench: { markMs: number | null; domMs: number | null; buttonAtMark: boolean | null; origin: number } }).__flbench);
    const beforeMs = firstOrigin === null ? 0 : Math.max(0, probe.origin - firstOrigin);
    if ((opts.takeFirst || opts.playFirst) && !error) await beginIfShown(page);
    if (opts.takeFirst && !error) {
      const first = page.locator(OPTION_SELECTOR).first();
      await first.click();
      await page
        .waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-pressed') === 'true', OPTION_SELECTOR, { timeout: 5_000 })
        .catch(() => (error = 'the first choice was not taken (the option never showed as chosen)'));
    }
    if (opts.playFirst && !error) {
      // play the first decision: whatever it fetches counts as "needed to play the first decision"
      log.frozen = false;
      const before = await page.evaluate(() => performance.getEntriesByName('frontlijn:situation-painted').length);
      await page.locator(OPTION_SELECTOR).first().click();
      await page
        .waitForFunction((n) => performance.getEntriesByName('frontlijn:situation-painted').length > n || location.hash.startsWith('#/report'), before, { timeout: 15_000 })
        .catch(() => (error = 'the first choice did not lead to a painted situation'));
      log.frozen = true;
    }
    await page.waitForTimeout(300); // let response bodies arrive
    return { url, markMs: probe.markMs, domMs: probe.domMs, beforeMs, buttonAtMark: probe.buttonAtMark, requests: log.records(origin), error };
  } finally {
    await context.close();
  }
}

/** p-th percentile (nearest rank) of the numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
export const median = (v: number[]): number => percentile(v, 50);

/** Choice → next situation painted, in ms, for about `count` choices with the CPU slowed 4×. */
export async function choiceLatencies(browser: Browser, url: string, count: number): Promise<{ samples: number[]; saves: number[]; error?: string }> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const samples: number[] = [];
  const saves: number[] = [];
  const collectSaves = async (page: Page) => {
    saves.push(...(await page.evaluate(() => performance.getEntriesByName('frontlijn:save').map((e) => e.duration))));
  };
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttle(cdp, false, true);
    let runs = 0;
    while (samples.length < count && runs < 30) {
      runs++;
      // By way of a blank page: a second goto to a URL that differs only in its #fragment (the
      // floor's play.html#/play/floor) would not load it again, and the floor page would give one
      // run's choices (9) where the game gives 40.
      await page.goto('about:blank');
      await page.goto(url);
      // The app's own choices: wait until it has taken over from a pre-rendered first decision
      // (a choice made there is played when the app arrives; part c measures that page).
      const ok = await page
        .waitForFunction((sel) => !document.getElementById('boot') && !!document.querySelector(sel), FIRST_MOVE_SELECTOR, { timeout: 20_000 })
        .then(() => true, () => false);
      if (!ok) return { samples, saves, error: 'no option button appeared' };
      await beginIfShown(page);
      for (let step = 0; step < 40 && samples.length < count; step++) {
        const got = await oneChoice(page, step + runs);
        if (got === 'ended') break;
        if (got === 'stuck') return { samples, saves, error: 'a choice did not lead to a painted situation' };
        samples.push(got);
      }
      await collectSaves(page);
    }
    return { samples, saves };
  } finally {
    await context.close();
  }
}

async function oneChoice(page: Page, salt: number): Promise<number | 'ended' | 'stuck'> {
  const buttons = page.locator(`${OPTION_SELECTOR}`).filter({ visible: true });
  const n = await buttons.count();
  if (n === 0) return 'ended';
  const before = await page.evaluate(() => performance.getEntriesByName('frontlijn:situation-painted').length);
  const enabled: number[] = [];
  for (let i = 0; i < n; i++) if (await buttons.nth(i).isEnabled()) enabled.push(i);
  if (enabled.length === 0) return 'ended';
  await buttons.nth(enabled[salt % enabled.length]).click();
  const painted = await page
    .waitForFunction(
      (b) => performance.getEntriesByName('frontlijn:situation-painted').length > b || !location.hash.startsWith('#/play'),
      before,
      { timeout: 15_000 },
    )
    .then(() => true, () => false);
  if (!painted) return 'stuck';
  return page.evaluate((b) => {
    const paints = performance.getEntriesByName('frontlijn:situation-painted');
    if (paints.length <= b) return 'ended' as const;
    const paint = paints[paints.length - 1];
    const choices = performance.getEntriesByName('frontlijn:choice').filter((c) => c.startTime <= paint.startTime);
    const choice = choices[choices.length - 1];
    return choice ? paint.startTime - choice.startTime : ('ended' as const);
  }, before);
}
