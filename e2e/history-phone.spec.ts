/**
 * A player's attempts read on a phone: at 360 px each attempt is a card (date, mode, the three
 * scores and overall under their names) with no word broken and nothing scrolling sideways, even
 * with a 60-character scenario title and a 40-character name; on a laptop it is a table with headings.
 */
import { expect, test } from '@playwright/test';
import { beginIfShown, engineRun, writeResultsFile } from './persist-support';
import { brokenWords, overflow } from './layout-support';

test.use({ locale: 'en-GB' });

/** A 60-character title and a name as long as the who-screen takes (40), neither with a place to break. */
const TITLE60 = 'KassaTrainingZaterdagdrukteBijDeZelfscanKassaInDeBinnenstad'.padEnd(60, 'X');
const NAME40 = 'AnnaMariaJohannaVanDerHeijdenTotHeemsted'.padEnd(40, 'Y');

function scenario(): Record<string, unknown> {
  const option = (id: string, next: string, good: boolean) => ({
    id,
    text: { nl: `Optie ${id}`, en: `Option ${id}` },
    effects: good ? { warmth: 2, initiative: 1, outcome: 2, mood: 1 } : { warmth: -1, initiative: 0, outcome: -1, mood: -1 },
    next,
  });
  return {
    formatVersion: 1,
    id: 'e2e-long-title',
    title: { nl: TITLE60, en: TITLE60 },
    description: { nl: 'Een drukke zaterdag.', en: 'A busy Saturday.' },
    setting: 'shop',
    player: { nl: 'Je staat achter de kassa.', en: 'You work the till.' },
    customer: { name: 'Noor', initialMood: 0 },
    languages: ['nl', 'en'],
    start: 'greet',
    nodes: {
      greet: {
        situation: { nl: 'Een klant komt binnen.', en: 'A customer comes in.' },
        options: [option('a', 'pick', true), option('b', 'pick', false)],
      },
      pick: {
        situation: { nl: 'Nog een vraag.', en: 'One more question.' },
        options: [option('c', 'fan', true), option('d', 'fan', false)],
      },
    },
    endings: {
      fan: { title: { nl: 'Blij', en: 'Happy' }, text: { nl: 'Noor gaat blij weg.', en: 'Noor leaves happy.' }, tone: 'fan' },
    },
  };
}

test('a player’s attempts are cards on a phone and a table on a laptop', async ({ page }) => {
  await page.goto('/#/author');
  await page.getByLabel('Choose a file…').first().setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario())) });
  await expect(page.locator('.verdict')).toContainText('is valid');
  await page.goto('/#/');
  await page.getByLabel('Your name').fill(NAME40);
  await page.getByRole('button', { name: /^start$/i }).click();
  await expect(page).toHaveURL(/#\/scenarios/);
  for (const picks of [['a', 'c'], ['b', 'd']]) {
    await page.goto('/#/play/e2e-long-title?mode=assessment');
    await beginIfShown(page);
    for (const o of picks) {
      const button = page.locator(`button[data-option="${o}"]`);
      await expect(button).toBeEnabled();
      await button.click();
    }
    await expect(page.locator('#ending-heading')).toBeVisible();
    // Once the ending is on disk the address names the run; only then is the next attempt opened
    // (opened before, the old run's address would land on the new one).
    await expect(page).toHaveURL(/[?&]run=/);
  }

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/#/history');
  await expect(page.getByRole('heading', { level: 2, name: TITLE60 })).toBeVisible();
  await page.getByText('Both attempts').click();
  const attempts = page.getByRole('table');
  const rows = attempts.getByRole('row');
  await expect(rows).toHaveCount(3); // the headings and two attempts, for a screen reader too
  await expect(attempts.getByRole('columnheader')).toHaveCount(7);
  // Each attempt names its scores where it shows them, and no word or score breaks over two lines.
  const latest = rows.nth(1);
  for (const label of ['Finished', 'Mode', 'Warmth', 'Initiative', 'Outcome', 'Overall']) await expect(latest.getByText(label, { exact: true })).toBeVisible();
  await expect(latest.getByRole('link', { name: 'Report' })).toBeVisible();
  expect(await brokenWords(attempts)).toEqual([]);
  expect(await overflow(page)).toBe(0);

  // On a laptop: a table, its headings above the columns, no labels repeated in the cells.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(attempts.getByRole('columnheader', { name: 'Warmth' })).toBeVisible();
  await expect(latest.getByText('Warmth', { exact: true })).toBeHidden();
  const [head, cell] = await Promise.all([attempts.getByRole('columnheader', { name: 'Overall' }).boundingBox(), latest.getByRole('cell').nth(5).boundingBox()]);
  expect(Math.abs(head!.x - cell!.x)).toBeLessThan(2); // the overall score sits under its heading
  expect(await overflow(page)).toBe(0);
});

test('on a laptop with players but nobody playing (after an import), My results offers them, not "nobody"', async ({ page }, info) => {
  const path = info.outputPath('two-players.json');
  writeResultsFile(path, {
    profiles: [
      { id: 'anna-x', name: 'Anna' },
      { id: 'bram-x', name: 'Bram' },
    ],
    runs: ['anna-x', 'bram-x'].map((id) => ({ ...engineRun('toy-shop-saturday', `${id}-1`, (available) => available[0].id), playerId: id })),
  });
  await page.goto('/#/results');
  await page.getByLabel('Results file (.json)').setInputFiles(path);
  await expect(page.getByRole('log')).toContainText('2 new players');

  await page.goto('/#/history');
  await expect(page.getByText('Choose a player to see their results.')).toBeVisible();
  await expect(page.getByText('Nobody is playing on this device yet.')).toHaveCount(0);
  await page.getByLabel('Player').selectOption({ label: 'Bram' });
  await expect(page.getByText('Bram: 1 finished run in 1 scenario.')).toBeVisible();
});
