import { expect, test } from '@playwright/test';
import { watchAppBuild } from './helpers';

/**
 * Behind a direct link's page (src/boot/boot.ts) the app builds the play screen out of sight, in
 * steps, so that none of them holds the main thread long while the player reads the page's first
 * decision: the board, then its scene, then its mood meter (PlayBoard's sceneLater, moodLater).
 * Each MutationObserver delivery below is the end of one task's changes.
 */
test.use({ locale: 'en-GB' });

test('the app builds the board, its scene and its mood meter in separate tasks, then takes over', async ({ page }) => {
  const read = await watchAppBuild(page, { stage: '.stage', scene: '.scene-frame svg', mood: '.mood' });
  await page.goto('/play/toy-shop-saturday/');
  // The app took over: its screen, with the mood meter, is the one in view.
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByRole('meter')).toBeVisible();
  const steps = await read();
  const board = steps.find((s) => s.stage);
  expect(board, 'the board was built').toBeDefined();
  expect(board).toEqual({ stage: true, scene: false, mood: false });
  const scene = steps.find((s) => s.scene);
  expect(scene).toEqual({ stage: true, scene: true, mood: false });
});
