import { expect, test, type Page } from '@playwright/test';

/**
 * Behind a pre-rendered page (src/boot/boot.ts: a direct link's first decision, `/`'s first
 * screen) the app builds itself out of sight in steps, so that none of them holds the main thread
 * long while the player reads the page: the header's bar, then its menu, then the screen.
 * Each MutationObserver delivery below is the end of one task's changes.
 */
test.use({ locale: 'en-GB' });

type Step = { bar: boolean; nav: boolean; main: boolean };

async function watchSteps(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: { bar: boolean; nav: boolean; main: boolean }[] = [];
    (window as unknown as { __steps: typeof seen }).__steps = seen;
    new MutationObserver(() => {
      const app = document.getElementById('app');
      if (!app) return;
      seen.push({ bar: !!app.querySelector('header .bar'), nav: !!app.querySelector('header nav'), main: !!app.querySelector('#main') });
    }).observe(document, { childList: true, subtree: true });
  });
}

async function steps(page: Page): Promise<Step[]> {
  return page.evaluate(() => (window as unknown as { __steps: Step[] }).__steps);
}

for (const address of ['/', '/play/toy-shop-saturday/']) {
  test(`at ${address} the app draws the header's bar, then its menu, then the screen, then takes over`, async ({ page }) => {
    await watchSteps(page);
    await page.goto(address);
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    const seen = await steps(page);
    expect(seen.find((s) => s.bar)).toEqual({ bar: true, nav: false, main: false });
    expect(seen.find((s) => s.main)).toEqual({ bar: true, nav: true, main: true });
  });
}
