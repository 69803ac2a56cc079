/**
 * For `npm run bench`: Lighthouse 12 (node API, its default mobile config: Moto G Power
 * emulation, simulated Slow 4G, 4× CPU) on a URL of the served build. Launches its own headless
 * Chromium through chrome-launcher (CHROME_PATH=/usr/bin/chromium, the e2e suite's flags) and
 * kills exactly that instance afterwards.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumExecutable } from '../test-support/browser';

export interface LighthouseScores {
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Audits that cost points, for the report: id → title (score). */
  failing: { category: string; id: string; title: string; score: number | null; displayValue?: string }[];
  metrics: Record<string, number | undefined>;
  /**
   * Lighthouse's long main-thread tasks (its `long-tasks` audit, simulated on the slow phone:
   * ≥ 50 ms each), with the script each is attributed to: what makes the total blocking time.
   */
  longTasks: { url: string; startMs: number; durationMs: number }[];
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

export async function runLighthouse(url: string): Promise<LighthouseScores> {
  const chromePath = process.env.CHROME_PATH ?? chromiumExecutable() ?? '/usr/bin/chromium';
  const chrome = await launch({
    chromePath,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error('Lighthouse returned no result');
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const failing: LighthouseScores['failing'] = [];
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const a = lhr.audits[ref.id];
        if (!a || ref.weight === 0 || a.score === null || a.score >= 0.9) continue;
        failing.push({ category: c, id: a.id, title: a.title, score: a.score, displayValue: a.displayValue });
      }
    }
    const m = (id: string) => lhr.audits[id]?.numericValue;
    const items = ((lhr.audits['long-tasks']?.details as { items?: { url?: string; startTime?: number; duration?: number }[] } | undefined)?.items ?? []);
    const longTasks = items.map((i) => ({ url: i.url ?? '', startMs: Math.round(i.startTime ?? 0), durationMs: Math.round(i.duration ?? 0) }));
    return {
      url,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      failing,
      metrics: {
        fcpMs: m('first-contentful-paint'),
        lcpMs: m('largest-contentful-paint'),
        tbtMs: m('total-blocking-time'),
        cls: m('cumulative-layout-shift'),
        siMs: m('speed-index'),
      },
      longTasks,
    };
  } finally {
    chrome.kill();
  }
}
