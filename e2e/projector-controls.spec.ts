/**
 * A trainer runs the room from a projector at 1280×720: the leaderboard's projector mode fills
 * the screen as the debrief's does, and each has a visible way back (a button, and Escape). In
 * Dutch and English.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { seedRoom } from './persist-support';

const TOY = 'toy-shop-saturday';
const PROJECTOR = { width: 1280, height: 720 };

const WORDS = {
  en: { menu: 'Main', projector: 'Projector (large)', off: 'Projector off' },
  nl: { menu: 'Hoofdmenu', projector: 'Beamer (groot)', off: 'Beamer uit' },
} as const;

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

for (const lang of ['en', 'nl'] as const) {
  const w = WORDS[lang];

  test(`the leaderboard on the projector has no menu, and its button or Escape brings it back (${lang})`, async ({ page }, info) => {
    await seedRoom(page, info.outputPath('room.json'));
    if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.setViewportSize(PROJECTOR);
    await page.goto(`/#/teams?scenario=${TOY}`);
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
    const menu = page.getByRole('navigation', { name: w.menu });
    const projector = page.getByRole('checkbox', { name: w.projector });
    await expect(menu).toBeVisible();
    await expect(page.getByRole('button', { name: w.off })).toHaveCount(0);

    await projector.check();
    await expect(menu).toHaveCount(0);
    const off = page.getByRole('button', { name: w.off });
    await expect(off).toBeVisible();
    await expect(off).toBeInViewport({ ratio: 1 });
    await shot(page, info, `teams-projector-${lang}-1280x720`);

    // The button: the menu is back, the focus on the checkbox that turns projector mode on.
    await off.click();
    await expect(menu).toBeVisible();
    await expect(projector).not.toBeChecked();
    await expect(projector).toBeFocused();

    // Escape, wherever the focus is.
    await projector.check();
    await expect(menu).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Scenario' }).focus();
    await page.keyboard.press('Escape');
    await expect(menu).toBeVisible();
    await expect(projector).not.toBeChecked();
    await expect(projector).toBeFocused();

    // The debrief's projector mode has the same way back.
    await page.goto(`/#/debrief?scenario=${TOY}&projector=1`);
    await expect(menu).toHaveCount(0);
    await page.getByRole('button', { name: w.off }).click();
    await expect(menu).toBeVisible();
    await expect(projector).toBeFocused();
  });
}
