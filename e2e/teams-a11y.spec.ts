/**
 * The teams, results and room screens pass axe (WCAG 2.2 AA rules) with real data, in both
 * languages, on a phone and on a projector-sized screen.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seedRoom } from './persist-support';
import { brokenWords } from './layout-support';

/**
 * Each screen with what it shows once its data has loaded (from IndexedDB, after the heading):
 * axe runs on the finished screen, not on a "Loading…" in between.
 */
const SCREENS: { hash: string; ready: (page: Page) => Locator }[] = [
  { hash: '#/teams?scenario=toy-shop-saturday', ready: (page) => page.locator('[data-ready="true"]') },
  { hash: '#/teams?scenario=toy-shop-saturday&projector=1', ready: (page) => page.locator('[data-ready="true"]') },
  // Anna's three runs are counted beside her name.
  { hash: '#/players', ready: (page) => page.locator('.runs').filter({ hasText: /\b3\b/ }) },
  // "Anna: 3 runs of 1 scenario"
  { hash: '#/history?player=anna', ready: (page) => page.locator('#main .lede').filter({ hasText: 'Anna' }).filter({ hasText: /\b3\b/ }) },
  { hash: '#/debrief?scenario=toy-shop-saturday&projector=1', ready: (page) => page.locator('nav.stepper') },
  // The roster lists the two runs handed in (Dewi's and Eva's).
  { hash: '#/room', ready: (page) => page.locator('.roster .runs li').nth(1) },
  { hash: '#/room?view=projector', ready: (page) => page.locator('.roster .runs li').nth(1) },
  { hash: '#/results', ready: (page) => page.locator('#main h1') },
  // A phone joining the room: the join page names the scenario (its title, once the list is
  // loaded) and mode, above the players of this device.
  {
    hash: `#/?next=${encodeURIComponent('#/play/toy-shop-saturday?mode=assessment&team=bar&teamName=Bar&room=1')}&team=bar`,
    ready: (page) => page.locator('#main h1').filter({ hasText: /Toy shop on a Saturday|Speelgoedwinkel op zaterdag/ }),
  },
];
const LOADING = { en: 'Loading…', nl: 'Laden…' };
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
      for (const { hash, ready } of SCREENS) {
        await page.goto(`/${hash}`);
        await expect(page.locator('#main h1')).toBeVisible();
        await expect(ready(page)).toBeVisible();
        await expect(page.locator('#main').getByText(LOADING[lang])).toHaveCount(0);
        const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        const found = r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        expect(found, `${hash} at ${width}px`).toEqual([]);
      }
    }
  });
}

test('on a 360 px phone the leaderboard and team averages are cards: nothing breaks mid-word', async ({ page }, info) => {
  await seedRoom(page, info.outputPath('room.json'));
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/#/teams?scenario=toy-shop-saturday');
  const board = page.getByRole('table', { name: /^Leaderboard/ });
  await expect(board.getByRole('rowheader', { name: 'Anna' })).toBeVisible();
  // Still a table for a screen reader: a heading row and one row per player.
  await expect(board.getByRole('columnheader')).toHaveCount(8);
  // Each card names its scores ("An/ou/k" and "War/mth" broke over lines in columns 35 px wide).
  const anna = board.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Anna' }) });
  for (const label of ['Team', 'Warmth', 'Initiative', 'Outcome', 'Overall', 'Attempts']) await expect(anna.getByText(label, { exact: true })).toBeVisible();
  const averages = page.getByRole('table', { name: /average/i });
  expect(await brokenWords(board)).toEqual([]);
  expect(await brokenWords(averages)).toEqual([]);
  for (const t of [board, averages]) expect(await t.evaluate((el) => el.scrollWidth <= el.parentElement!.clientWidth)).toBe(true);
  // A team's card: its scores two to a line in two equal halves, the player count across the card
  // (before, Initiative and Overall fell into a third column at the right edge, with an empty
  // one between them and Warmth, and "Players" spanned only the left two).
  const kassa = averages.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Kassa' }) });
  const cell = async (label: string) => (await kassa.getByRole('cell').filter({ hasText: label }).boundingBox())!;
  const [warmth, initiative, outcome, overall, players] = await Promise.all(['Warmth', 'Initiative', 'Outcome', 'Overall', 'Players'].map(cell));
  const card = (await kassa.boundingBox())!;
  expect(Math.abs(warmth.width - initiative.width)).toBeLessThanOrEqual(1);
  expect(warmth.width).toBeGreaterThan(card.width / 3);
  expect(initiative.x).toBeCloseTo(overall.x, 0);
  expect(warmth.x).toBeCloseTo(outcome.x, 0);
  expect(players.x).toBeCloseTo(warmth.x, 0);
  expect(players.x + players.width).toBeCloseTo(initiative.x + initiative.width, 0);

  // Each comparison chart's title stands apart from the select above it (before: 6 px below it,
  // read as the select's own caption).
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [select, chart] of [
      [page.getByLabel('Second team'), page.getByRole('figure').filter({ hasText: /(Kassa and Bar|Bar and Kassa), per dimension/ })],
      [page.getByLabel('Player', { exact: true }), page.getByRole('figure').filter({ hasText: /and the average of/ })],
    ] as const) {
      const below = (await chart.boundingBox())!.y - ((await select.boundingBox())!.y + (await select.boundingBox())!.height);
      expect(below, `${width} px`).toBeGreaterThanOrEqual(12);
    }
  }

  // The links on to the other trainer pages: no separator left at the start or end of a line
  // (before: "· Players and teams" on a line of its own at 360 px).
  const footer = page.getByRole('link', { name: 'Players and teams' }).locator('xpath=..');
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    // What each drawn line of the footer begins and ends with.
    const ends = await footer.evaluate((el) => {
      const rows = new Map<number, { x: number; text: string }[]>();
      for (const c of el.children) {
        const r = c.getBoundingClientRect();
        const row = Math.round(r.top + r.height / 2);
        rows.set(row, [...(rows.get(row) ?? []), { x: r.left, text: (c.textContent ?? '').trim() }]);
      }
      return [...rows.values()].map((items) => items.sort((a, b) => a.x - b.x)).map((items) => [items[0].text, items[items.length - 1].text]);
    });
    for (const [first, last] of ends) {
      expect(first, `${width} px`).not.toBe('·');
      expect(last, `${width} px`).not.toBe('·');
    }
  }

  // On a laptop the columns have their headings and the cells no labels.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(board.getByRole('columnheader', { name: 'Warmth' })).toBeVisible();
  await expect(anna.getByText('Warmth', { exact: true })).toBeHidden();
});

/** Each text of a chart: its rendered height, and how far it sticks out of the drawing (0: not at all). */
function chartTexts(chart: Locator): Promise<{ text: string; height: number; outside: number }[]> {
  return chart.evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? '', height: r.height, outside: Math.max(0, box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom) };
    });
  });
}

test('on a 360 px phone the comparison charts have labels a person can read, inside the chart, and the page does not scroll sideways', async ({ page }, info) => {
  await seedRoom(page, info.outputPath('room.json'));
  // The two teams side by side, and the first player on the board against their team.
  const charts = page.getByRole('img', { name: /^(Bar and Kassa, per dimension|.+ and the average of (Kassa|Bar))/ });
  for (const projector of [false, true]) {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/#/teams?scenario=toy-shop-saturday${projector ? '&projector=1' : ''}`);
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
    await expect(charts).toHaveCount(2);
    for (const chart of await charts.all()) {
      // Every row's name ("Warmth" … "Overall") and each bar's number with its series name.
      await expect.poll(async () => (await chartTexts(chart)).map((t) => t.text)).toContain('Warmth');
      const texts = await chartTexts(chart);
      expect(texts.length).toBeGreaterThanOrEqual(4 + 8);
      // Before, the 1000-unit drawing scaled down to 330 px drew them 5–7 px high.
      for (const t of texts) {
        expect(t.height, `“${t.text}” (projector: ${projector})`).toBeGreaterThanOrEqual(11);
        expect(t.outside, `“${t.text}” cut off (projector: ${projector})`).toBe(0);
      }
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  }

  // A laptop keeps its drawing: the names of the rows left of their bars, in one scaled drawing.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/teams?scenario=toy-shop-saturday');
  const chart = charts.first();
  await expect(chart).toHaveAttribute('viewBox', /^0 0 1000 /);
  const warmth = chart.locator('text', { hasText: 'Warmth' });
  const bar = chart.locator(':scope > rect').first();
  expect((await warmth.boundingBox())!.x + (await warmth.boundingBox())!.width).toBeLessThan((await bar.boundingBox())!.x);
});
