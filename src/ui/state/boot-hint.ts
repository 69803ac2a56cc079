/**
 * The app's side of the pre-rendered first decision (src/boot/boot.ts): keeps the hint the boot
 * script reads (which scenario has an unfinished run to resume, the timer speed) in
 * localStorage, and takes over from the boot script.
 */
import { HINT_KEY, noteStored, type BootCapture, type BootHandle, type BootHint } from '../../boot/protocol';
import { mainMenu } from './main-menu.svelte';

let last = '';

/** Saves what the boot script must know; silently does nothing without localStorage. */
export function writeBootHint(hint: BootHint): void {
  const text = JSON.stringify(hint);
  if (text === last) return;
  last = text;
  try {
    localStorage.setItem(HINT_KEY, text);
    noteStored();
  } catch {
    /* private mode or a full disk: the boot script then shows the first decision, and the app
       replaces it if it resumes a run instead */
  }
}

/** The boot script's handle while its pre-rendered first decision is shown. */
export function bootShown(): BootHandle | null {
  return typeof window !== 'undefined' ? (window.__frontlijnBoot ?? null) : null;
}

/**
 * Removes the pre-rendered first decision (if shown) and says what the player did on it; the
 * header's menu opened there stays open.
 */
export function takeOverBoot(): BootCapture | null {
  const capture = bootShown()?.takeOver() ?? null;
  if (capture?.menuOpen) mainMenu.set(true);
  return capture;
}
