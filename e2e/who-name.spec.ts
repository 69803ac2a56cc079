/**
 * A player's name is at most 40 characters: the field takes no more while typing (on "Who is
 * playing?" and on a phone joining a room), says how many are used once a name comes near the
 * limit ("23/40"), and a longer name put in past the field (not cut by the browser) is still
 * refused with the reason on "Start". In Dutch and English.
 */
import { expect, test } from '@playwright/test';

const JOIN = `/#/?next=${encodeURIComponent('#/play/toy-shop-saturday?mode=assessment&team=bar&teamName=Bar&room=1')}`;
const WORDS = {
  en: { button: 'English', name: 'Your name', start: /^start$/i, said: (n: number) => `${n} of 40 characters`, refused: 'A name can be at most 40 characters.' },
  nl: { button: 'Nederlands', name: 'Je naam', start: 'Beginnen', said: (n: number) => `${n} van 40 tekens`, refused: 'Een naam mag hoogstens 40 tekens lang zijn.' },
} as const;
const LONG = 'Anne-Marie Wilhelmina van den Berghe-Oosterhout'; // 47 characters

for (const lang of ['en', 'nl'] as const) {
  const w = WORDS[lang];
  for (const [where, hash] of [['who is playing', '/#/'], ['joining a room', JOIN]] as const) {
    test(`${where}: the name stops at 40 characters and counts them near the limit (${lang})`, async ({ page }, info) => {
      // The app's own screen (not the page's pre-rendered first one).
      await page.goto('/#/results');
      await page.getByRole('button', { name: w.button }).click();
      await page.goto(hash);
      const field = page.getByLabel(w.name);
      const count = page.getByText(/^\d+\/40$/);
      const said = page.getByRole('status').filter({ hasText: /\d+ (of|van) 40/ });

      await field.pressSequentially(LONG.slice(0, 19));
      await expect(field).toHaveValue(LONG.slice(0, 19));
      await expect(count).toHaveCount(0);
      await field.pressSequentially(LONG.slice(19, 23));
      await expect(count).toHaveText('23/40');
      await expect(said).toHaveText(w.said(23));
      await expect(field).toHaveAccessibleDescription(w.said(23));
      await page.setViewportSize({ width: 360, height: 740 });
      await page.screenshot({ path: info.outputPath(`name-23-${lang}-360.png`), fullPage: true });
      await field.pressSequentially(LONG.slice(23));
      await expect(field).toHaveValue(LONG.slice(0, 40));
      await expect(count).toHaveText('40/40');
      await expect(said).toHaveText(w.said(40));
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: info.outputPath(`name-40-${lang}-1280.png`), fullPage: true });

      // A name the browser does not cut (put in by a script, a form filler, an older page).
      await field.evaluate((el: HTMLInputElement, text) => {
        el.value = text;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, LONG);
      await page.getByRole('button', { name: w.start }).click();
      await expect(page.getByRole('alert')).toHaveText(w.refused);
      await expect(field).toBeFocused();
    });
  }
}
