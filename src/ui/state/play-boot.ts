/**
 * The app's side of the pre-rendered first decision of a direct link (src/boot/boot.ts): takes
 * over from the boot script, keeping the header's menu and sound as the player left them there.
 */
import type { BootCapture, BootHandle } from '../../boot/protocol';
import { app } from './app.svelte';
import { mainMenu } from './main-menu.svelte';

/** The boot script's handle while its pre-rendered first decision is shown. */
export function bootShown(): BootHandle | null {
  return typeof window !== 'undefined' ? (window.__frontlijnBoot ?? null) : null;
}

/**
 * Removes the pre-rendered first decision (if shown) and says what the player did on it; the
 * header's menu opened there stays open, and sound turned off or on there stays so (and is saved).
 */
export function takeOverBoot(): BootCapture | null {
  const capture = bootShown()?.takeOver() ?? null;
  if (capture?.menuOpen) mainMenu.set(true);
  if (capture?.soundChosen) app.setSound(capture.sound);
  return capture;
}
