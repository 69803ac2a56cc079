import { expect, test } from '@playwright/test';
import { watchAppBuild } from './helpers';

/**
 * Behind a pre-rendered page (src/boot/boot.ts: a direct link's first decision, `/`'s first
 * screen) the app builds itself out of sight in steps, so that none of them holds the main thread
 * long while the player reads the page: the header's bar, then its menu, then the screen.
 * Each MutationObserver delivery below is the end of one task's changes.
 */
test.use({ locale: 'en-GB' });

for (const address of ['/', '/play/toy-shop-saturday/']) {
  test(`at ${address} the app draws the header's bar, then its menu, then the screen, then takes over`, async ({ page }) => {
    const steps = await watchAppBuild(page, { bar: 'header .bar', nav: 'header nav', main: '#main' });
    await page.goto(address);
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    const seen = await steps();
    expect(seen.find((s) => s.bar)).toEqual({ bar: true, nav: false, main: false });
    expect(seen.find((s) => s.main)).toEqual({ bar: true, nav: true, main: true });
  });
}
