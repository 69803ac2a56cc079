/**
 * The app's side of the pre-rendered first screen of `/` (src/boot/boot.ts, startHome): takes
 * over from the boot script and keeps the language the player picked there, the menu they opened
 * there and the sound they turned off or on there.
 */
import type { HomeCapture } from '../../boot/protocol';
import { app } from './app.svelte';
import { mainMenu } from './main-menu.svelte';

/**
 * Removes the pre-rendered first screen (if shown), showing the app, and says what the player did
 * on it. A language picked there becomes the app's setting once the store has been read (before,
 * the stored setting would replace it).
 */
export function takeOverHome(): HomeCapture | null {
  const capture = typeof window !== 'undefined' ? (window.__frontlijnHome?.takeOver() ?? null) : null;
  if (capture?.langChosen) void app.ready().then(() => app.setLang(capture.lang));
  if (capture?.menuOpen) mainMenu.set(true);
  if (capture?.soundChosen) app.setSound(capture.sound);
  return capture;
}
