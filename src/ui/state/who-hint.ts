/**
 * How many players the who-screen lists, kept in localStorage for the next visit: until the
 * device's players are read, `/` (the boot script's page and WhoScreen alike) shows that many
 * placeholder rows, so that nothing below moves when the names come.
 */
import { WHO_KEY } from '../../boot/protocol';
import type { Profile } from '../../persistence/api';

/** More rows than this are not reserved (a list that long scrolls anyway). */
export const MAX_RESERVED = 20;

/** The players the who-screen lists, by name: everyone but the guests other than the current one. */
export function listedOnWho(profiles: readonly Profile[], currentPlayerId: string | null): Profile[] {
  return profiles.filter((p) => !p.guest || p.id === currentPlayerId).sort((a, b) => a.name.localeCompare(b.name));
}

/** The number of rows to reserve, from the stored text (0 for anything odd). */
export function parseWhoHint(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_RESERVED) : 0;
}

let last: string | null = null;

/** Saves how many players are listed; silently does nothing without localStorage. */
export function writeWhoHint(count: number): void {
  const text = String(count);
  if (text === last) return;
  last = text;
  try {
    localStorage.setItem(WHO_KEY, text);
  } catch {
    /* private mode or a full disk: `/` then reserves no rows, and the list moves what is below */
  }
}

/** The rows to reserve on this visit. */
export function readWhoHint(): number {
  try {
    return parseWhoHint(localStorage.getItem(WHO_KEY));
  } catch {
    return 0;
  }
}
