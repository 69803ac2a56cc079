/**
 * A results file is parsed and checked off the main thread (issue #17: 10,000 runs froze the page
 * for 4 s, 14 MB of nested brackets too): the page hands the bytes to a worker and never parses
 * the file itself, and the import still adds every run, or refuses the file with its reason.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seedRoom } from './persist-support';

test.use({ locale: 'en-US' });

/** Counts the results files (texts with their format marker) the page's own thread hands to JSON.parse. */
async function watchParses(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const w = window as unknown as { resultsParsed: number };
    w.resultsParsed = 0;
    const parse = JSON.parse;
    JSON.parse = function (text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) {
      if (String(text).slice(0, 200).includes('frontlijn-results')) w.resultsParsed++;
      return parse(text, reviver);
    } as typeof JSON.parse;
  });
  return () => page.evaluate(() => (window as unknown as { resultsParsed: number }).resultsParsed);
}

test('a results file is parsed and checked in a worker, not on the page', async ({ page }, info) => {
  const parsed = await watchParses(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const path = info.outputPath('room.json');
  await seedRoom(page, path); // imports 7 runs: "7 new runs"
  expect(workers.some((u) => /results-import/.test(u))).toBe(true);
  expect(await parsed()).toBe(0);
});

test('megabytes of nested brackets are refused by the worker, and the page stays usable', async ({ page }, info) => {
  const parsed = await watchParses(page);
  const path = info.outputPath('brackets.json');
  const depth = 1_000_000;
  writeFileSync(path, '{"format":"frontlijn-results","formatVersion":1,"teams":' + '['.repeat(depth) + ']'.repeat(depth) + '}');
  await page.goto('/#/results');
  await page.getByLabel('Results file (.json)').setInputFiles(path);
  await expect(page.getByRole('log')).toContainText(/brackets\.json/, { timeout: 20_000 });
  expect(await parsed()).toBe(0);
  await page.getByRole('link', { name: 'Scenarios', exact: true }).click();
  await expect(page).toHaveURL(/#\/scenarios/);
});
