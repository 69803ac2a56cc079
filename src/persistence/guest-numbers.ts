/**
 * A guest's number ("Gast 3"), so a trainer can tell two guests apart and name a row aloud. A
 * guest gets it once, on each device: when it is made there, or when it first arrives there (a
 * results file or a hand-in link); it is stored with the profile and never changed afterwards.
 * A number is the device's own: a guest from a phone brings the phone's number and keeps it here
 * when no guest here holds it; otherwise this device gives the next number, so a row already
 * named aloud never changes hands. Pure: the stores and the UI pass in what they hold.
 */
import type { Profile } from './api';

/** The highest number a guest shows ("Gast 9999"): more than a device ever holds. */
export const GUEST_NUMBER_MAX = 9999;

export const isGuestNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= GUEST_NUMBER_MAX;

/** The numbers the guests among `profiles` hold. */
function held(profiles: Iterable<Profile>): Set<number> {
  const out = new Set<number>();
  for (const p of profiles) if (p.guest && p.guestNumber !== undefined) out.add(p.guestNumber);
  return out;
}

/** One past the highest number held (1 for none): never a number a guest here has now. */
function after(numbers: Set<number>): number {
  let top = 0;
  for (const n of numbers) top = Math.max(top, n);
  return Math.min(top + 1, GUEST_NUMBER_MAX);
}

/** The number a guest made on this device now gets. */
export function nextGuestNumber(here: Iterable<Profile>): number {
  return after(held(here));
}

/**
 * The profiles an import adds, guests numbered: each keeps the number it brings when no guest
 * here (nor one added before it) holds it, else gets one past the highest. Named players carry
 * no number.
 */
export function numberArrivals(arriving: readonly Profile[], here: Iterable<Profile>): Profile[] {
  const taken = held(here);
  return arriving.map((p) => {
    const { guestNumber, ...rest } = p;
    if (!p.guest) return rest;
    const n = guestNumber !== undefined && !taken.has(guestNumber) ? guestNumber : after(taken);
    taken.add(n);
    return { ...rest, guestNumber: n };
  });
}

/**
 * Numbers for guests stored before guests had numbers (a database opened once after the update):
 * in the order they were made (by id where two were made at once), after any number held. Returns
 * only the profiles that got one.
 */
export function numberUnnumbered(profiles: readonly Profile[]): Profile[] {
  const bare = profiles.filter((p) => p.guest && p.guestNumber === undefined).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return numberArrivals(bare, profiles);
}
