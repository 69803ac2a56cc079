/**
 * Untrusted text displays safely and readably (issue #17): names without bidi controls or
 * invisible characters, look-alike names noticed, avatars initialled by grapheme, and long
 * unbroken strings (a URL in an option, a long team name) never widen a page.
 */
import { beginIfShown, engineRun, writeResultsFile } from './persist-support';
import { expect, test } from '@playwright/test';
import { overflow } from './layout-support';

test.use({ locale: 'en-US' });

/** A realistic 95-character URL, as a manager pastes it into an option. */
const URL95 = 'https://www.voorbeeldwinkel.nl/klantenservice/opladers/compatibiliteit?merk=alle&model=alle&t=n';
/** A 60-character team name without a place to break. */
const TEAM60 = 'KlantenserviceEnKassaTeamVestigingAmsterdamCentraalOostZijde0123456789'.slice(0, 60);

function scenario(): Record<string, unknown> {
  const option = (id: string, next: string, good: boolean) => ({
    id,
    text: { nl: `Kijk op ${URL95}`, en: `Have a look at ${URL95}${id}` },
    effects: good ? { warmth: 1, initiative: 2, outcome: 2, mood: 1 } : { warmth: -1, initiative: 0, outcome: -1, mood: -1 },
    feedback: { nl: `Zie ${URL95}`, en: `See ${URL95}` },
    next,
  });
  return {
    formatVersion: 1,
    id: 'e2e-long',
    title: { nl: 'Lange adressen', en: 'Long addresses' },
    description: { nl: `Een klant wil ${URL95}.`, en: `A customer wants ${URL95}.` },
    setting: 'station',
    player: { nl: 'Je staat achter de kassa.', en: 'You work the till.' },
    customer: { name: 'Noor', initialMood: 0 },
    languages: ['nl', 'en'],
    start: 'greet',
    nodes: {
      greet: {
        situation: { nl: 'Een reiziger zoekt een adres.', en: 'A traveller wants an address.' },
        customer: { says: { nl: `Klopt ${URL95}?`, en: `Is ${URL95} right?` } },
        options: [option('a', 'pick', true), option('b', 'pick', false)],
      },
      pick: {
        situation: { nl: 'Nog een vraag.', en: 'One more question.' },
        options: [option('c', 'fan', true), option('d', 'fan', false)],
      },
    },
    endings: {
      fan: { title: { nl: 'Blij', en: 'Happy' }, text: { nl: `Noor gaat naar ${URL95}.`, en: `Noor goes to ${URL95}.` }, tone: 'fan' },
    },
  };
}

test('a 95-character URL in an option and a 60-character team name widen no page', async ({ page }) => {
  await page.goto('/#/author');
  await page.getByLabel('Choose a file…').first().setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario())) });
  await expect(page.locator('.verdict')).toContainText('is valid');

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/#/');
  await page.getByLabel('Your name').fill('Anna');
  await page.getByLabel('Team').selectOption({ label: 'New team…' });
  await page.getByLabel('Name of the new team').fill(TEAM60);
  await page.getByRole('button', { name: /^start$/i }).click();
  await expect(page).toHaveURL(/#\/scenarios/);
  expect(await overflow(page)).toBe(0); // the header shows the player

  await page.goto('/#/play/e2e-long?mode=assessment');
  await beginIfShown(page);
  for (const o of ['a', 'c']) {
    const button = page.locator(`button[data-option="${o}"]`);
    await expect(button).toBeVisible();
    expect(await overflow(page)).toBe(0);
    await button.click();
  }
  await expect(page.locator('#ending-heading')).toBeVisible();
  expect(await overflow(page)).toBe(0);
  for (const screen of ['#/scenarios', '#/history', '#/players', '#/author']) {
    await page.goto(`/${screen}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('main')).toContainText(/Long addresses|Anna/);
    expect(await overflow(page), screen).toBe(0);
  }

  await page.goto('/#/debrief?scenario=e2e-long');
  await page.getByLabel('Team').selectOption({ label: TEAM60 });
  await expect(page.getByText('Decision 1 of')).toBeVisible();
  await page.getByLabel('Show names').check();
  expect(await overflow(page)).toBe(0);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/teams?scenario=e2e-long');
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  await page.getByLabel('Projector (large)').click(); // (it gives way to its way out: not check())
  expect(await overflow(page)).toBe(0);
  // The full name stays readable.
  await expect(page.getByRole('table', { name: /^Leaderboard/ })).toContainText(TEAM60);
});

test('names: no bidi controls, look-alikes are pointed out, an emoji initial is whole', async ({ page }) => {
  await page.goto('/#/');
  await page.getByLabel('Your name').fill('Anna\u202E');
  await page.getByRole('button', { name: /^start$/i }).click();
  await expect(page).toHaveURL(/#\/scenarios/);
  await page.goto('/#/');
  await page.getByLabel('Your name').fill('🦊 Vos');
  await page.getByRole('button', { name: /^start$/i }).click();
  await expect(page).toHaveURL(/#\/scenarios/);

  await page.goto('/#/');
  const anna = page.getByRole('button', { name: 'Play as Anna', exact: true });
  await expect(anna).toBeVisible();
  await expect(anna.locator('.name')).toHaveText('Anna', { useInnerText: true });
  expect(await anna.locator('.name').evaluate((e) => e.textContent)).toBe('Anna');
  await expect(page.getByRole('button', { name: 'Play as 🦊 Vos' }).locator('.avatar')).toHaveText('🦊');

  await page.getByLabel('Your name').fill('anna\u200B');
  await expect(page.getByRole('status').filter({ hasText: 'There is already a player called “Anna” on this device.' })).toBeVisible();
  await page.getByLabel('Your name').fill('Annabel');
  await expect(page.getByText('There is already a player called')).toHaveCount(0);
});

test('look-alike teams and imported look-alike players and teams are pointed out; the import log keeps its order', async ({ page }, info) => {
  await page.goto('/#/');
  await page.getByLabel('Your name').fill('Anna');
  await page.getByLabel('Team').selectOption({ label: 'New team…' });
  await page.getByLabel('Name of the new team').fill('Kassa');
  await page.getByRole('button', { name: /^start$/i }).click();
  await expect(page).toHaveURL(/#\/scenarios/);

  await page.goto('/#/players');
  await page.getByLabel('Team name').fill('KASSA\u200B');
  await expect(page.getByRole('status').filter({ hasText: 'There is already a team called “Kassa”.' })).toBeVisible();

  // A results file from another device, with "Anna" plus a zero-width space and a right-to-left
  // override, and a run of hers (a player comes in only with a run).
  const path = info.outputPath('\u202Eanna.json');
  writeResultsFile(path, {
    teams: [{ id: 'kassa-elsewhere', name: 'Kassa\u200B' }],
    profiles: [{ id: 'anna-elsewhere', name: 'Anna\u200B\u202E', teamId: 'kassa-elsewhere' }],
    runs: [{ ...engineRun('toy-shop-saturday', 'anna-elsewhere-1', (available) => available[0].id), playerId: 'anna-elsewhere' }],
  });
  await page.goto('/#/results');
  await page.getByLabel('Results file (.json)').setInputFiles(path);
  const log = page.getByRole('log');
  await expect(log).toContainText('Two or more players now look alike: “Anna”.');
  // The other laptop's team of the same name comes in as a second team: said too (fresh eyes).
  await expect(log).toContainText('Two teams now have the same name: “Kassa”. If they are one team, put the players in one of them under Players and teams');
  const text = await log.evaluate((e) => e.textContent ?? '');
  expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
  await expect(log).toContainText('anna.json: ');
});
