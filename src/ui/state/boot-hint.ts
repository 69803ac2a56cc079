/**
 * What the boot script (src/boot/boot.ts) knows of the settings before the app: keeps the hint it
 * reads (which scenario has an unfinished run to resume, the timer speed, whether sound is off) in
 * localStorage.
 */
import { HINT_KEY, noteStored, type BootHint } from '../../boot/protocol';

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

/** Whether sound was on when the app last knew (on where nothing says otherwise). */
export function parseSoundHint(raw: string | null): boolean {
  try {
    return (JSON.parse(raw ?? 'null') as { sound?: unknown } | null)?.sound !== false;
  } catch {
    return true;
  }
}

/** Whether sound was on when the app last knew: until the store is read, the header shows that. */
export function readSoundHint(): boolean {
  try {
    return parseSoundHint(localStorage.getItem(HINT_KEY));
  } catch {
    return true;
  }
}
