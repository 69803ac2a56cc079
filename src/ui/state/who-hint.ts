/**
 * What the boot script's pages show of this device's players before the store is read, kept in
 * localStorage for the next visit: how many players the who-screen lists (until the device's
 * players are read, `/` — the boot script's page and WhoScreen alike — shows that many
 * placeholder rows, so that nothing below moves when the names come), and who is playing (the
 * pre-rendered header names them, as the app's will).
 */
import { PLAYER_KEY, WHO_KEY, noteStored, type PlayerHint } from '../../boot/protocol';
import type { Profile } from '../../persistence/api';
import { isolate } from '../../i18n/untrusted';
import { isGuestNumber } from '../../persistence/guest-numbers';

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
    noteStored();
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

let lastPlayer: string | null = null;

/** The current player as the boot script reads it (PLAYER_KEY), or null for nobody. */
export function playerHint(player: Profile | null): PlayerHint | null {
  if (!player) return null;
  const hint: PlayerHint = { name: isolate(player.name), guest: player.guest === true };
  if (player.guest && player.guestNumber !== undefined) hint.guestNumber = player.guestNumber;
  return hint;
}

/** Who was playing, from the stored text (null for nobody and for anything odd). */
export function parsePlayerHint(raw: string | null): PlayerHint | null {
  try {
    const p = JSON.parse(raw ?? 'null') as { name?: unknown; guest?: unknown; guestNumber?: unknown } | null;
    if (typeof p?.name !== 'string') return null;
    const hint: PlayerHint = { name: p.name, guest: p.guest === true };
    if (hint.guest && isGuestNumber(p.guestNumber)) hint.guestNumber = p.guestNumber;
    return hint;
  } catch {
    return null;
  }
}

/** Who was playing when the app last knew. */
export function readPlayerHint(): PlayerHint | null {
  try {
    return parsePlayerHint(localStorage.getItem(PLAYER_KEY));
  } catch {
    return null;
  }
}

/** Saves who is playing (nobody: the key goes); silently does nothing without localStorage. */
export function writePlayerHint(player: Profile | null): void {
  const hint = playerHint(player);
  const text = hint ? JSON.stringify(hint) : '';
  if (text === lastPlayer) return;
  lastPlayer = text;
  try {
    if (hint) localStorage.setItem(PLAYER_KEY, text);
    else localStorage.removeItem(PLAYER_KEY);
    noteStored();
  } catch {
    /* private mode or a full disk: the header says "Guest" until the app names the player */
  }
}
