/**
 * On a shared laptop the last player stays chosen: before a run the mode screen says whose run it
 * will be, with a way to switch right there that comes back to the same scenario, and the report
 * names whose run it was.
 */
import { expect, test, type Page } from '@playwright/test';
import { plannedPaths, pressOption, readScenario, waitForOptions } from './helpers';

test.use({ locale: 'nl-NL' });

const ID = 'toy-shop-saturday';
const plan = plannedPaths(readScenario(ID))[0]!;

async function newPlayer(page: Page, name: string) {
  await page.getByLabel('Je naam').fill(name);
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await expect(page.getByLabel('Je naam')).toHaveCount(0);
}

test('the mode screen names who plays, switching comes back to it, and the report names the player', async ({ page }) => {
  test.slow(); // a run played to its end
  // Anouk plays, then Bram: Bram is still the chosen player when Carla sits down.
  await page.goto('/#/results');
  await page.goto('/#/');
  await newPlayer(page, 'Anouk');
  await page.goto('/#/');
  await newPlayer(page, 'Bram');

  await page.goto(`/#/mode/${ID}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Hoe wil je spelen?' })).toBeVisible();
  await expect(page.getByText('Je speelt als Bram ·')).toBeVisible();
  const change = page.getByRole('link', { name: 'Niet jij? Wissel van speler' });
  // A tap target of at least 44 px high.
  expect((await change.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  // By keyboard, as the other links.
  await change.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Je naam')).toBeVisible();
  await newPlayer(page, 'Carla');
  // Back on this scenario's mode screen, now as Carla.
  await expect(page.getByRole('heading', { level: 1, name: 'Hoe wil je spelen?' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/mode/${ID}$`));
  await expect(page.getByText('Je speelt als Carla ·')).toBeVisible();

  await page.getByRole('radio', { name: /^Toets/ }).check();
  await page.getByRole('button', { name: /^Start/ }).click();
  for (const text of plan.texts) {
    await waitForOptions(page);
    await pressOption(page, text!.nl);
  }
  await page.getByRole('link', { name: 'Naar het rapport' }).click();
  await expect(page.getByText(/^Gespeeld door Carla · .+ · Soort ronde: Toets$/)).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText(/^Played by Carla · .+ · Mode: Assessment$/)).toBeVisible();
});

test('a guest reads their number on the mode screen', async ({ page }) => {
  await page.goto('/#/');
  await page.getByRole('button', { name: 'Speel als Gast' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kies een scenario' })).toBeVisible();
  await page.goto(`/#/mode/${ID}`);
  await expect(page.getByText(/^Je speelt als Gast \d+ · Niet jij\? Wissel van speler$/)).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText(/^You’re playing as Guest \d+ · Not you\? Switch player$/)).toBeVisible();
});
