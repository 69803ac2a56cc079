/**
 * A score from 0 to 100 reads the same on every screen that shows one: "74/100", as on the report,
 * not a bare 74 on the history and on the team boards (leaderboard, team averages, also on the
 * projector); a screen reader hears "74 van 100" / "74 out of 100". Dutch and English, at 360 and
 * 1280 px, with no score broken over two lines and nothing sticking out sideways.
 */
import { expect, test, type Locator } from '@playwright/test';
import { readDb, seedRoom } from './persist-support';
import { brokenWords, overflow } from './layout-support';

const WORDS = {
  en: { outOf: 'out of 100', leaderboard: /^Leaderboard/, averages: /^Average score/, best: 'Best', latest: 'Latest', bestRun: 'Best run', attempts: 'All 3 attempts', projector: 'Projector (large)', names: 'Show names' },
  nl: { outOf: 'van 100', leaderboard: /^Ranglijst/, averages: /^Gemiddelde score/, best: 'Beste', latest: 'Laatste', bestRun: 'Beste ronde', attempts: 'Alle 3 pogingen', projector: 'Beamer (groot)', names: 'Namen tonen' },
} as const;

/** The four score cells of a table row (warmth, initiative, outcome, overall) read as "n/100", and are heard as "n out of 100". */
async function expectScores(row: Locator, outOf: string, overall?: number): Promise<void> {
  const cells = row.getByRole('cell').filter({ hasText: /\d\/100/ });
  await expect(cells).toHaveCount(4);
  for (const cell of await cells.all()) await expect(cell).toHaveAccessibleName(new RegExp(`^\\d+ ${outOf}$`));
  if (overall !== undefined) await expect(cells.last()).toHaveAccessibleName(`${overall} ${outOf}`);
}

for (const lang of ['nl', 'en'] as const) {
  test(`scores read n/100 on the history and the team boards (${lang})`, async ({ page }, info) => {
    const w = WORDS[lang];
    await seedRoom(page, info.outputPath('room.json'));
    const overall = new Map((await readDb(page)).results.map((r) => [r.runId, r.scores.overall]));
    const annaBest = Math.max(...['r-anna-1', 'r-anna-2', 'r-anna-3'].map((id) => overall.get(id)!));
    if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();

    await page.goto('/#/teams?scenario=toy-shop-saturday');
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
    const board = page.getByRole('table', { name: w.leaderboard });
    const averages = page.getByRole('table', { name: w.averages });
    await page.getByLabel(w.bestRun).check();
    for (const projector of [false, true]) {
      // (The projector hides the names until asked: Anna's row is found by her name.)
      if (projector) {
        await page.getByLabel(w.projector).click(); // (it gives way to its way out: not check())
        await page.getByLabel(w.names).check();
      }
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const anna = board.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Anna' }) });
        await expectScores(anna, w.outOf, annaBest);
        await expect(anna).toContainText(`${annaBest}/100`);
        for (const team of ['Kassa', 'Bar']) await expectScores(averages.getByRole('row').filter({ has: page.getByRole('rowheader', { name: team }) }), w.outOf);
        expect(await brokenWords(board), `${width} px`).toEqual([]);
        expect(await brokenWords(averages), `${width} px`).toEqual([]);
        expect(await overflow(page), `${width} px`).toBe(0);
        await page.screenshot({ path: info.outputPath(`teams-${lang}-${projector ? 'projector-' : ''}${width}.png`), fullPage: true });
      }
    }

    await page.goto('/#/history?player=anna');
    const figures = page.locator('dl').filter({ hasText: w.latest });
    // Best and latest of each dimension, each as n/100.
    await expect(figures.getByRole('definition').filter({ hasText: /^\d+\/100/ })).toHaveCount(8);
    await expect(figures.getByRole('definition').filter({ hasText: `${annaBest}/100` }).first()).toBeVisible();
    await page.getByText(w.attempts).click();
    const attempts = page.getByRole('table');
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const rows = attempts.getByRole('row').filter({ has: page.getByRole('cell') });
      await expect(rows).toHaveCount(3);
      for (const row of await rows.all()) await expectScores(row, w.outOf);
      await expectScores(rows.first(), w.outOf, overall.get('r-anna-3'));
      expect(await brokenWords(attempts), `${width} px`).toEqual([]);
      expect(await brokenWords(figures), `${width} px`).toEqual([]);
      expect(await overflow(page), `${width} px`).toBe(0);
      await page.screenshot({ path: info.outputPath(`history-${lang}-${width}.png`), fullPage: true });
    }
  });
}
