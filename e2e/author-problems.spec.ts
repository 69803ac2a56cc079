/**
 * What a manager reads in the authoring screen's list of problems, and how she fixes a pasted
 * text and checks it again: the paste box stays open with her text.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

test.use({ locale: 'nl-NL' });

/**
 * A valid scenario whose only problem is about the file as a whole: no path scores differently
 * on initiative (a warning). `id` keeps each test's stored copy apart.
 */
async function flatText(id: string): Promise<string> {
  const text = await readFile(new URL('../src/engine/fixtures/flat-dimension.json', import.meta.url), 'utf8');
  return text.replace('"id": "bakery-morning"', `"id": "${id}"`);
}

async function paste(page: Page, text: string) {
  await page.getByText('Of plak de tekst').click();
  await page.getByLabel('Scenario-JSON').fill(text);
  await page.getByRole('button', { name: 'Controleer deze tekst' }).click();
}

test('after "Controleer deze tekst" the pasted text stays open to mend and check again', async ({ page }) => {
  await page.goto('/#/author');
  const fixed = await flatText('e2e-paste-again');
  const text = fixed.replace('"next": "happy"', '"next": "hapy"');
  await paste(page, text);
  await expect(page.getByRole('alert')).toContainText('Verbeter de fouten in de geplakte tekst');
  // Keyboard users land on the report; the text they pasted is still open right above it.
  await expect(page.getByRole('heading', { name: 'Resultaat van de controle' })).toBeFocused();
  const box = page.getByRole('textbox', { name: 'Scenario-JSON' });
  await expect(box).toBeVisible();
  await expect(box).toHaveValue(text);
  await box.fill(fixed);
  await page.getByRole('button', { name: 'Controleer deze tekst' }).click();
  await expect(page.locator('.verdict')).toContainText('is geldig en bewaard');
  await expect(box).toBeVisible();
});

test('a warning about the whole file names no line, and choosing it leaves the file where it was', async ({ page }) => {
  await page.goto('/#/author');
  // One warning at a place near the end (an unknown field), one about the scenario as a whole.
  await paste(page, (await flatText('e2e-whole-file')).replace('"next": "happy"', '"notez": "x", "next": "happy"'));
  await expect(page.locator('.verdict')).toContainText('is geldig en bewaard');
  const flat = page.getByRole('button', { name: /Geen enkele weg scoort anders op initiatief/ });
  await expect(flat).toContainText('Hele bestand');
  await expect(flat).not.toContainText('1:1');

  await page.getByRole('button', { name: /Onbekend veld "notez"/ }).click();
  await expect(page.getByText(/^Regel \d{3}, kolom \d+:$/)).toBeVisible();
  const text = page.getByRole('region', { name: 'De tekst van het bestand, met het gekozen probleem gemarkeerd' });
  await expect(text.locator('[aria-current="location"]')).toHaveCount(1);
  await expect.poll(() => text.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  const scrolled = await text.evaluate((el) => el.scrollTop);

  await flat.click();
  await expect(page.getByText('Over het hele bestand:')).toBeVisible();
  await expect(page.getByText(/Regel 1, kolom 1/)).toHaveCount(0);
  await expect(text.locator('[aria-current="location"]')).toHaveCount(0);
  expect(await text.evaluate((el) => el.scrollTop)).toBe(scrolled);
});

test('a problem reads as a sentence; its code and JSON path are folded under "Technische gegevens"', async ({ page }) => {
  await page.goto('/#/author');
  await paste(page, (await flatText('e2e-tech-details')).replace('"next": "happy"', '"notez": "x", "next": "happy"'));
  const field = page.getByRole('button', { name: /Onbekend veld "notez"/ });
  await expect(field).toBeVisible();
  await expect(field).not.toContainText('unknown-field');
  await expect(field).not.toContainText('nodes.advice');
  await expect(page.getByRole('button', { name: /Geen enkele weg scoort anders/ })).not.toContainText('flat-dimension');

  await field.click();
  const details = page.getByText('Technische gegevens');
  await expect(page.getByText('nodes.advice.options.0.notez')).toBeHidden();
  await details.click();
  await expect(page.getByRole('definition').filter({ hasText: 'unknown-field' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'nodes.advice.options.0.notez' })).toBeVisible();
});

test('a score warning points at the guide on this screen, named as the screen names it, not at a repository file', async ({ page }) => {
  await page.goto('/#/author');
  await paste(page, await flatText('e2e-guide-pointer'));
  const flat = page.getByRole('button', { name: /Geen enkele weg scoort anders op initiatief/ });
  await expect(flat).toContainText('(zie "De scoringsregels" in de volledige handleiding, die je downloadt bij ‘Handleiding: zo schrijf je een scenario’ bovenaan ‘Scenario’s schrijven’).');
  await expect(flat).not.toContainText('README');
  // What it names is there to open.
  await expect(page.getByRole('heading', { name: 'Handleiding: zo schrijf je een scenario' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Scenario’s schrijven', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: /No path scores differently on initiative/ })).toContainText(
    '(see the scoring rubric in the complete guide, which you download under “Guide: how to write a scenario” at the top of “Write scenarios”).',
  );
  await expect(page.getByRole('heading', { name: 'Guide: how to write a scenario' })).toBeVisible();
});

test('an empty file is a problem with the whole file: "Hele bestand", not "Regel 1, kolom 1"', async ({ page }) => {
  await page.goto('/#/author');
  await page.getByLabel('Kies een bestand…').first().setInputFiles({ name: 'leeg.json', mimeType: 'application/json', buffer: Buffer.from('') });
  const empty = page.getByRole('button', { name: /Het bestand is leeg/ });
  await expect(empty).toContainText('Hele bestand');
  await expect(empty).not.toContainText('1:1');
  await empty.click();
  await expect(page.getByText('Over het hele bestand:')).toBeVisible();
  await expect(page.getByText(/Regel 1, kolom 1/)).toHaveCount(0);
});
