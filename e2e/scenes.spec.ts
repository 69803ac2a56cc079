/**
 * The scenes of issue #16, each played from a small scenario of our own imported through "Write
 * scenarios": a clothing shop's till, a tram stop with a ramp and a customer in a wheelchair, and
 * a phone call (the caller is heard, not seen: no figure, no mood meter, the mood in words).
 * Each is axe-clean and screenshotted at 360 and 1280 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { attachScreens, expectAccessible, waitForOptions } from './helpers';

test.use({ locale: 'en-US' });

function scenario(id: string, setting: string, look: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    formatVersion: 1,
    id,
    title: { nl: `Scène ${setting}`, en: `Scene ${setting}` },
    description: { nl: 'Een klant met een vraag.', en: 'A customer with a question.' },
    setting,
    player: { nl: 'Je helpt klanten.', en: 'You help customers.' },
    customer: { name: 'Els', initialMood: -2, look },
    languages: ['nl', 'en'],
    start: 'ask',
    nodes: {
      ask: {
        situation: { nl: 'Els heeft een vraag.', en: 'Els has a question.' },
        customer: { says: { nl: 'Kunt u mij helpen?', en: 'Could you help me?' }, expression: 'annoyed' },
        options: [
          { id: 'yes', text: { nl: 'Natuurlijk, vertel.', en: 'Of course, tell me.' }, effects: { warmth: 2, initiative: 1, outcome: 1, mood: 2 }, feedback: { nl: 'Open.', en: 'Open.' }, next: 'fan' },
          { id: 'no', text: { nl: 'Straks.', en: 'Later.' }, effects: { warmth: -1, initiative: -1, outcome: -1, mood: -1 }, feedback: { nl: 'Kortaf.', en: 'Curt.' }, next: 'meh' },
        ],
      },
    },
    endings: {
      fan: { title: { nl: 'Geholpen', en: 'Helped' }, text: { nl: 'Els is geholpen.', en: 'Els got help.' }, tone: 'fan', effects: { outcome: 2 } },
      meh: { title: { nl: 'Twijfel', en: 'Doubt' }, text: { nl: 'Els twijfelt.', en: 'Els is unsure.' }, tone: 'neutral' },
    },
  };
}

async function importAndPlay(page: Page, value: Record<string, unknown>, mode: 'coaching' | 'assessment' = 'coaching') {
  await page.goto('/#/author');
  await page
    .getByLabel('Choose a file…')
    .first()
    .setInputFiles({ name: `${String(value.id)}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value, null, 2)) });
  await expect(page.locator('.verdict')).toContainText('is valid and stored as your own scenario.');
  await page.goto(`/#/play/${String(value.id)}?mode=${mode}`);
  await waitForOptions(page);
}

test('a clothing shop: the customer at the till, the mood meter beside', async ({ page }, testInfo) => {
  await importAndPlay(page, scenario('e2e-clothing', 'clothing', { hairStyle: 'long', clothes: '#7b2d26' }));
  // the annoyed face, in the meter's words beside it
  await expect(page.getByRole('img', { name: 'Clothing shop: Els, looking irritated' })).toBeVisible();
  await expect(page.getByRole('meter', { name: 'Mood of Els' })).toHaveAttribute('aria-valuetext', 'irritated');
  await expectAccessible(page, testInfo, 'scene-clothing');
  await attachScreens(page, testInfo, 'scene-clothing');
});

test('a tram stop: the customer in a wheelchair on the platform by the ramp', async ({ page }, testInfo) => {
  await importAndPlay(page, scenario('e2e-stop', 'stop', { wheelchair: true, age: 'senior' }));
  // the annoyed face, in the meter's words beside it
  await expect(page.getByRole('img', { name: 'Tram stop: Els, looking irritated' })).toBeVisible();
  await expect(page.getByRole('meter', { name: 'Mood of Els' })).toHaveAttribute('aria-valuetext', 'irritated');
  await expectAccessible(page, testInfo, 'scene-stop');
  await attachScreens(page, testInfo, 'scene-stop');
});

test('a phone call: no face and no meter; the scene says it is a call, the mood is heard', async ({ page }, testInfo) => {
  await importAndPlay(page, scenario('e2e-phone', 'phone'));
  await expect(page.getByRole('img', { name: /^A phone call: Els is on the line/ })).toBeVisible();
  await expect(page.getByRole('meter', { name: 'Mood of Els' })).toHaveCount(0);
  await expect(page.getByText('On the line: Els sounds irritated')).toBeVisible();
  await page.getByRole('button', { name: /Of course, tell me/ }).click();
  await expect(page.getByText('On the line: Els sounds neutral')).toBeVisible();
  await expectAccessible(page, testInfo, 'scene-phone');
  await attachScreens(page, testInfo, 'scene-phone');
});

test('an assessment shows no mood meter until the end', async ({ page }, testInfo) => {
  await importAndPlay(page, scenario('e2e-clothing-test', 'clothing'), 'assessment');
  await expect(page.getByRole('img', { name: 'Clothing shop: Els, looking annoyed' })).toBeVisible();
  await expect(page.getByRole('meter')).toHaveCount(0);
  await expect(page.getByText('Mood: shown at the end')).toBeVisible();
  await expectAccessible(page, testInfo, 'scene-assessment');
  await attachScreens(page, testInfo, 'scene-assessment');
  await page.getByRole('button', { name: /Of course, tell me/ }).click();
  await expect(page.getByRole('heading', { name: 'Helped' })).toBeVisible();
  await expect(page.getByRole('meter', { name: 'Mood of Els' })).toHaveAttribute('aria-valuetext', 'neutral');
});

test('a phone call in an assessment: the caller sounds as the story wrote it, not as the mood now', async ({ page }) => {
  // Els starts irritated (-2); the story has her sound annoyed.
  await importAndPlay(page, scenario('e2e-phone-test', 'phone'), 'assessment');
  await expect(page.getByText('On the line: Els sounds annoyed')).toBeVisible();
  await expect(page.getByText('On the line: Els sounds irritated')).toHaveCount(0);
  await page.getByRole('button', { name: /Of course, tell me/ }).click();
  await expect(page.getByRole('heading', { name: 'Helped' })).toBeVisible();
  await expect(page.getByText('On the line: Els sounds neutral')).toBeVisible();
});

test('the tram: a passenger sent off the tram is drawn on the platform, not inside', async ({ page }) => {
  // The built-in tram scenario, from the moment Noor stands in the doorway, one foot outside.
  await page.goto('/#/play/tram-card-reader?from=at-door-plead&mode=coaching');
  await waitForOptions(page);
  await expect(page.getByRole('img', { name: /^Public transport: Noor, looking / })).toBeVisible();
  await page.getByRole('button', { name: /rules are rules/ }).click();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Left behind on the platform' })).toBeVisible();
  // A tram ride is not a visit: the words above the ending's title are true in every setting.
  await expect(page.getByText('How it turned out', { exact: true })).toBeVisible();
  await expect(page.getByText(/visit/i)).toHaveCount(0);
  await expect(page.getByText('Noor stands at the stop, card in hand, watching the tram go.', { exact: false })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Tram stop: Noor, looking / })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Public transport: / })).toHaveCount(0);
});
