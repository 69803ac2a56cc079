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
