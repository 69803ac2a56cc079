/**
 * The teams, results and room screens pass axe (WCAG 2.2 AA rules) with real data, in both
 * languages, on a phone and on a projector-sized screen.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { seedRoom } from './persist-support';

const SCREENS = [
  '#/teams?scenario=toy-shop-saturday',
  '#/teams?scenario=toy-shop-saturday&projector=1',
  '#/players',
  '#/history?player=anna',
  '#/debrief?scenario=toy-shop-saturday&projector=1',
  '#/room',
  '#/room?view=projector',
  '#/results',
  // A phone joining the room: the join page names the scenario and mode.
  `#/?next=${encodeURIComponent('#/play/toy-shop-saturday?mode=assessment&team=bar&teamName=Bar&room=1')}&team=bar`,
];
/** An open room with two runs handed in: the projector view and the roster have something to show. */
const ROOM = { scenarioId: 'toy-shop-saturday', teamId: 'bar', mode: 'assessment', expected: 12, since: 0, runIds: ['r-dewi-1', 'r-eva-1'] };

for (const lang of ['en', 'nl'] as const) {
  test(`teams screens have no axe violations (${lang})`, async ({ page }, info) => {
    test.slow(); // ten screens at two widths
    await seedRoom(page, info.outputPath('room.json'));
    await page.evaluate((room) => localStorage.setItem('frontlijn-room', JSON.stringify(room)), ROOM);
    if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const hash of SCREENS) {
        await page.goto(`/${hash}`);
        await expect(page.locator('#main h1')).toBeVisible();
        if (hash.startsWith('#/room?view')) await expect(page.getByRole('status').filter({ hasText: '2' })).toBeVisible();
        await page.waitForTimeout(300);
        const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        const found = r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        expect(found, `${hash} at ${width}px`).toEqual([]);
      }
    }
  });
}
