/**
 * The scenario list groups scenarios by role and shows what each trains, so a trainer can put
 * a session together: on a phone (360 px), in both languages.
 */
import { expect, test } from '@playwright/test';
import { t as text } from '../src/engine/text';
import { attachScreens, builtinIds, expectAccessible, readScenario } from './helpers';

test.use({ viewport: { width: 360, height: 800 } });

const ROLE_HEADINGS = {
  nl: { 'shop-floor': 'Winkelvloer', counter: 'Balie en kassa', hospitality: 'Horeca', transport: 'Openbaar vervoer', phone: 'Aan de telefoon' },
  en: { 'shop-floor': 'Shop floor', counter: 'Counter and till', hospitality: 'Hospitality', transport: 'Public transport', phone: 'On the phone' },
} as const;

for (const lang of ['nl', 'en'] as const) {
  test.describe(lang, () => {
    test.use({ locale: lang === 'nl' ? 'nl-NL' : 'en-US' });

    test(`each built-in sits under its role's heading and says what it trains (${lang})`, async ({ page }, testInfo) => {
      await page.goto('/#/scenarios');
      for (const id of builtinIds()) {
        const s = readScenario(id);
        if (!s.role) continue;
        const section = page.getByRole('region', { name: ROLE_HEADINGS[lang][s.role], exact: true });
        await expect(section.getByRole('heading', { level: 2, name: ROLE_HEADINGS[lang][s.role], exact: true })).toBeVisible();
        const card = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: text(s.title, lang), exact: true }) });
        await expect(card).toBeVisible();
        const trains = card.getByText(lang === 'nl' ? 'Traint:' : 'Trains:');
        await expect(trains).toBeVisible();
        for (const b of s.trains ?? []) await expect(card).toContainText(text(b, lang));
      }
      await expectAccessible(page, testInfo, `scenarios-list-${lang}`);
      await attachScreens(page, testInfo, `scenarios-list-${lang}`);
    });
  });
}

test.describe('custom scenarios', () => {
  test.use({ locale: 'en-US' });

  test('a scenario without a role is listed under Other, after the roles', async ({ page }) => {
    await page.goto('/#/author');
    const value = {
      formatVersion: 1,
      id: 'e2e-norole',
      title: { nl: 'Zonder rol', en: 'Without a role' },
      description: { nl: 'Een vraag.', en: 'A question.' },
      setting: 'other',
      player: { nl: 'Je helpt.', en: 'You help.' },
      customer: { name: 'Jo' },
      languages: ['nl', 'en'],
      start: 'a',
      nodes: {
        a: {
          situation: { nl: 'Jo vraagt iets.', en: 'Jo asks something.' },
          options: [
            { id: 'y', text: { nl: 'Ja.', en: 'Yes.' }, effects: { warmth: 1, initiative: 1, outcome: 1, mood: 1 }, feedback: { nl: 'Goed.', en: 'Good.' }, next: 'end' },
            { id: 'n', text: { nl: 'Nee.', en: 'No.' }, effects: { warmth: -1, initiative: -1, outcome: -1, mood: -1 }, feedback: { nl: 'Jammer.', en: 'A pity.' }, next: 'end' },
          ],
        },
      },
      endings: { end: { title: { nl: 'Klaar', en: 'Done' }, text: { nl: 'Klaar.', en: 'Done.' }, tone: 'neutral' } },
    };
    await page.getByLabel('Choose a file…').first().setInputFiles({ name: 'norole.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });
    await expect(page.locator('.verdict')).toContainText('is valid and stored as your own scenario.');
    await page.goto('/#/scenarios');
    const other = page.getByRole('region', { name: 'Other', exact: true });
    await expect(other.getByRole('heading', { level: 3, name: 'Without a role' })).toBeVisible();
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.at(-1)).toBe('Other');
  });
});
