/**
 * `npx tsx scripts/trace-choices.ts [--out DIR] [--choices N] [--mode assessment|coaching]`:
 * where a choice's time goes on a slow phone. Serves a build (default dist/, built beforehand with
 * `npx vite build`), plays the bench's scenario by its direct link with the CPU slowed 4× under
 * a Chrome trace, and prints each choice's main-thread THREAD time per phase (script, style,
 * layout, paint, other; scripts/choice-phases.ts) beside its wall time, then medians and means.
 * Thread time is what to compare between two builds on a shared machine: wall time also counts
 * the moments other processes held the core. Not a verdict: `npm run bench` judges (part e).
 * Owns only the browser and the preview server it starts, and stops them.
 */
import { resolve } from 'node:path';
import { launchChromium, serve } from './bench-serve';
import { BEGIN_SELECTOR, CPU_SLOWDOWN, OPTION_SELECTOR } from './bench-page';
import { choicePhases, PHASES, type ChoicePhases, type TraceEvent } from './choice-phases';

const SCENARIO = 'toy-shop-saturday';
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel', 'v8.execute'];

function args() {
  const a = process.argv.slice(2);
  const val = (name: string, def: string) => (a.includes(name) && a[a.indexOf(name) + 1]) || def;
  return { out: resolve(val('--out', 'dist')), choices: Math.max(1, Number(val('--choices', '12')) || 12), mode: val('--mode', 'assessment') };
}

async function main() {
  const opt = args();
  const served = await serve(opt.out);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
    let taken = 0;
    for (let run = 0; taken < opt.choices && run < 10; run++) {
      // Loading at full speed; the choices slowed (the page is read meanwhile: idle work done).
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await page.goto('about:blank');
      await page.goto(`${served.baseUrl}/play/${SCENARIO}/?mode=${opt.mode}`);
      await page.waitForFunction((sel) => !document.getElementById('boot') && !!document.querySelector(sel), `${BEGIN_SELECTOR}, ${OPTION_SELECTOR}`);
      const begin = page.locator(BEGIN_SELECTOR).filter({ visible: true });
      if (await begin.count()) await begin.click();
      await page.locator(OPTION_SELECTOR).filter({ visible: true }).first().waitFor();
      await page.evaluate(() => new Promise((ok) => requestIdleCallback(ok, { timeout: 2000 })));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      for (let step = 0; taken < opt.choices; step++) {
        const more = page.getByRole('button', { name: /^(verder|continue)$/i });
        if (await more.count()) await more.click();
        const options = page.locator(`${OPTION_SELECTOR}:enabled`).filter({ visible: true });
        const n = await options.count();
        if (n === 0) break;
        const before = await page.evaluate(() => performance.getEntriesByName('frontlijn:situation-painted').length);
        await options.nth((step + run) % n).click();
        await page.waitForFunction((b) => performance.getEntriesByName('frontlijn:situation-painted').length > b, before);
        // Let the step's write and idle work finish before the next choice, as a reading player does.
        await page.evaluate(() => new Promise((ok) => requestIdleCallback(ok, { timeout: 2000 })));
        taken++;
      }
    }
    await cdp.send('Tracing.end');
    await complete;
    print(choicePhases(events));
  } finally {
    await browser.close();
    await served.close();
  }
}

function print(rows: ChoicePhases[]) {
  const cols = ['wall', ...PHASES, 'thread'] as const;
  const cells = (r: ChoicePhases) => {
    const thread = PHASES.reduce((s, p) => s + r.threadMs[p], 0);
    return [r.wallMs, ...PHASES.map((p) => r.threadMs[p]), thread];
  };
  const line = (v: number[]) => v.map((n) => n.toFixed(1).padStart(8)).join('');
  console.log(`${rows.length} choices, ms at ${CPU_SLOWDOWN}× CPU (phases and thread: main-thread thread time)`);
  console.log(cols.map((c) => c.padStart(8)).join(''));
  const all = rows.map(cells);
  for (const r of all) console.log(line(r));
  const column = (i: number) => all.map((r) => r[i]).sort((a, b) => a - b);
  console.log(`${line(cols.map((_, i) => column(i)[Math.floor(all.length / 2)]))}  median`);
  console.log(`${line(cols.map((_, i) => column(i).reduce((s, n) => s + n, 0) / all.length))}  mean`);
}

void main();
