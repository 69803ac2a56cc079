/**
 * A link straight to a scenario plays at once, as a guest who can be named afterwards; "next
 * player" is one step; a storage problem is told in plain words and play goes on.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoCspViolations, plannedPaths, pressOption, readScenario, waitForOptions, watchCsp } from './helpers';

test.use({ locale: 'nl-NL' });

const id = 'tram-card-reader';

test('a direct link plays at once as a guest, who adds a name on the report', async ({ page }) => {
  await watchCsp(page);
  const plan = plannedPaths(readScenario(id))
    .filter((p) => !p.keys.includes(0))
    .sort((a, b) => a.keys.length - b.keys.length)[0];
  await page.goto(`/#/play/${id}`);
  await waitForOptions(page);
  // Once on screen: the header's menu holds a copy for phones, hidden at this width.
  await expect(page.getByText('Speler: Gast').filter({ visible: true })).toHaveCount(1);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Naam kiezen' })).toBeVisible();
  for (const option of plan.texts) {
    await waitForOptions(page);
    await pressOption(page, option!.nl);
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
  }
  await page.getByRole('link', { name: 'Naar het rapport' }).click();
  await expect(page.getByRole('heading', { name: 'Voeg je naam toe' })).toBeVisible();
  await page.getByLabel('Je naam', { exact: true }).fill('Noor');
  await page.getByRole('button', { name: 'Naam bewaren' }).click();
  await expect(page.getByText('Speler: Noor')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Voeg je naam toe' })).toHaveCount(0);

  // Next player: one step back to "who is playing", where Noor is listed with her run.
  await page.getByRole('link', { name: 'Volgende speler' }).click();
  await expect(page.getByRole('button', { name: 'Speel als Noor' })).toBeVisible();
  await page.getByRole('button', { name: 'Speel als Noor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kies een scenario' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Tram' }).getByText(/Jouw beste: \d+\/100/)).toBeVisible();
  await expectNoCspViolations(page);
});

// Nobody has chosen a name on a direct link: the header offers to choose one, not "Next player";
// on a phone the header is one row, and who is playing is said in its menu.
for (const [lang, words] of Object.entries({
  nl: { link: 'Naam kiezen', next: 'Volgende speler', who: 'Wie speelt er?', guest: 'Speler: Gast' },
  en: { link: 'Choose a name', next: 'Next player', who: 'Who is playing?', guest: 'Playing as Guest' },
})) {
  test(`a guest on a phone (${lang}) is told so in the menu and can choose a name`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/#/play/${id}`);
    if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
    await waitForOptions(page);
    const header = page.getByRole('banner');
    // The pre-rendered header carries it twice (bar and menu) until the app's takes over: one, in the menu.
    await expect(header.getByText(words.guest)).toHaveCount(1);
    await expect(header.getByText(words.guest)).toBeHidden();
    await header.getByRole('button', { name: 'Menu' }).click();
    await expect(header.getByText(words.guest)).toBeVisible();
    await expect(header.getByText(words.next)).toHaveCount(0);
    await header.getByRole('link', { name: words.link }).click();
    await expect(page.getByRole('heading', { level: 1, name: words.who })).toBeVisible();
    await expect(header.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
  });
}

test('without storage the player is told in plain words and plays on', async ({ page }, testInfo) => {
  await page.goto(`/?storage=memory#/play/${id}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Deze browser laat Frontlijn niets bewaren' })).toBeVisible();
  await waitForOptions(page);
  await page.keyboard.press('1');
  await expect(page.getByRole('region', { name: 'Wat dit deed' })).toBeVisible();
  await expectAccessible(page, testInfo, 'storage-banner');
});
