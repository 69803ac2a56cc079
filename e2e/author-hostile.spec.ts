/**
 * Hostile scenario files imported through the authoring screen: nothing they contain runs (no
 * dialog, no CSP violation, no injected element), no prototype changes, and every refusal says why,
 * at a line:column. How long a verdict took is logged, not timed (speed lives in `npm run bench`).
 */
import { expect, test, type Page } from '@playwright/test';
import { writeCorpus } from '../test-support/hostile';

test.use({ locale: 'en-US' });

/** Generated at test time (the large files are never committed) and written to a temporary folder. */
const corpus = writeCorpus();
type CorpusFile = (typeof corpus)[number];

/** Installs the watchers before any page script runs. */
async function watch(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[]; __maxGap: number; __verdictAt: number; __changeAt: number };
    w.__csp = [];
    w.__maxGap = 0;
    w.__verdictAt = 0;
    w.__changeAt = 0;
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    document.addEventListener('change', () => (w.__changeAt = performance.now()), true);
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      // Only gaps that began after the file was chosen: the page's own work, not the picker's.
      if (w.__changeAt && last >= w.__changeAt) w.__maxGap = Math.max(w.__maxGap, now - last);
      last = now;
    }, 20);
    new MutationObserver(() => {
      if (!w.__verdictAt && w.__changeAt && document.querySelector('.verdict')) w.__verdictAt = performance.now();
    }).observe(document, { subtree: true, childList: true });
  });
  return dialogs;
}

async function pageState(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __csp: string[]; __maxGap: number; __verdictAt: number; __changeAt: number };
    const o = {} as Record<string, unknown>;
    return {
      csp: w.__csp,
      maxGap: w.__maxGap,
      refusalMs: w.__verdictAt - w.__changeAt,
      polluted: [o.polluted, (Object.prototype as Record<string, unknown>).polluted, ([] as unknown as Record<string, unknown>).polluted, Object.getOwnPropertyNames(Object.prototype).length],
      injected: document.querySelectorAll('main script, img[src="x"], iframe, [onerror], [onload], [onmouseover]').length,
      protoOk: Object.getPrototypeOf({}) === Object.prototype && typeof ({}).constructor === 'function' && typeof ({}).toString === 'function',
    };
  });
}

async function importFile(page: Page, f: CorpusFile) {
  await page.getByLabel('Choose a file…').first().setInputFiles(f.path);
}

test.describe('hostile scenario files', () => {
  for (const f of corpus) {
    test(`${f.name}: ${f.what}`, async ({ page }) => {
      const dialogs = await watch(page);
      await page.goto('/#/author');
      await expect(page.getByRole('heading', { name: 'Write scenarios', level: 1 })).toBeVisible();
      const protoNames = await page.evaluate(() => Object.getOwnPropertyNames(Object.prototype).length);

      await importFile(page, f);
      if (f.refused) {
        const verdict = page.locator('.verdict');
        await expect(verdict).toContainText('Not stored.');
        // The refusal explains itself: the problem list (or the verdict) names the cause.
        await expect(page.locator('.problems, .verdict').filter({ hasText: f.explains! }).first()).toBeVisible();
        if (f.wholeFile) {
          // A file refused as a whole (too large) names no place: "Whole file", no line marked.
          await expect(page.locator('.problem .where').first()).toHaveText('Whole file');
          await expect(page.locator('li[aria-current="location"]')).toHaveCount(0);
        } else {
          // Line and column are shown with the first problem, and the source view marks the place.
          await expect(page.locator('.problem .where').first()).toHaveText(/^\d+:\d+$/);
          await expect(page.locator('li[aria-current="location"]')).toHaveCount(1);
        }
      } else {
        await expect(page.locator('.verdict')).toContainText('is valid and stored');
        // The markup is shown as text, literally.
        await expect(page.getByRole('heading', { name: /XSS <b onmouseover/ })).toBeVisible();
        // Its map and node panel show the texts literally too.
        await page.getByRole('link', { name: 'Map', exact: true }).first().click();
        await expect(page.getByRole('application', { name: /Scenario map/ })).toBeVisible();
        await page.locator('[data-node="greet"]').press('Enter');
        const panel = page.getByRole('complementary');
        await expect(panel.getByText('<script>alert("xss-script")</script>', { exact: false }).first()).toBeVisible();
        await expect(panel.getByText(`<img src=x onerror="alert('xss-img')">`, { exact: false }).first()).toBeVisible();
        await page.getByRole('button', { name: 'List' }).click();
        await expect(page.getByText(/<img src=x onerror=/).first()).toBeVisible();
      }

      const s = await pageState(page);
      expect(dialogs, 'no dialog opened').toEqual([]);
      expect(s.csp, 'no CSP violation').toEqual([]);
      expect(s.injected, 'no element injected from the file').toBe(0);
      expect(s.protoOk).toBe(true);
      expect(s.polluted.slice(0, 3), 'no prototype pollution').toEqual([undefined, undefined, undefined]);
      expect(s.polluted[3]).toBe(protoNames);
      // How long the verdict took is reported, not judged: speed is measured by `npm run bench`
      // beside a floor, never by wall-clock limits in tests (they fail on a busy machine).
      const timing = `${f.name}: verdict after ${Math.round(s.refusalMs)} ms, longest main-thread gap ${Math.round(s.maxGap)} ms`;
      test.info().annotations.push({ type: 'timing', description: timing });
      console.log(timing);
    });
  }

  test('pasting a hostile text behaves like importing it', async ({ page }) => {
    const dialogs = await watch(page);
    await page.goto('/#/author');
    const proto = corpus.find((f) => f.name === 'proto-keys.json')!;
    await page.getByText('Or paste the text').click();
    await page.getByLabel('Scenario JSON').fill(proto.bytes.toString('utf8'));
    await page.getByRole('button', { name: 'Check this text' }).click();
    await expect(page.locator('.verdict')).toContainText('Not stored.');
    await expect(page.locator('.problems')).toContainText('__proto__');
    const s = await pageState(page);
    expect(dialogs).toEqual([]);
    expect(s.polluted.slice(0, 3)).toEqual([undefined, undefined, undefined]);
  });
});
