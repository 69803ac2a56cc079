/**
 * A guest's number ("Gast 3"), so a trainer can tell two guests apart and name a row aloud. A
 * guest gets it once, on each device: when it is made there, or when it first arrives there (a
 * results file or a hand-in link); it is stored with the profile and never changed afterwards.
 * A number is the device's own: a guest from a phone brings the phone's number and keeps it here
 * when no guest here holds it; otherwise this device gives the next number, so a row already
 * named aloud never changes hands. A number is never given twice on a device: the stores keep
 * the highest number a guest gave up (deleted, or named: `retiredBy`), and no guest gets that
 * number or a lower one unless it holds it now. Pure: the stores and the UI pass in what they hold.
 */
import type { Profile } from './api';

/** The highest number a guest shows ("Gast 9999"): more than a device ever holds. */
export const GUEST_NUMBER_MAX = 9999;

/** Where a store keeps the highest number a guest here gave up (its settings, beside the settings' own key). */
export const RETIRED_KEY = 'guest-numbers-retired';

/** The stored mark as a number (0: none, or not one a guest can hold). */
export const restoreRetired = (v: unknown): number => (isGuestNumber(v) ? v : 0);

export const isGuestNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= GUEST_NUMBER_MAX;

/** The numbers the guests among `profiles` hold. */
function held(profiles: Iterable<Profile>): Set<number> {
  const out = new Set<number>();
  for (const p of profiles) if (p.guest && p.guestNumber !== undefined) out.add(p.guestNumber);
  return out;
}

/**
 * One past the highest number held or given up (`retired`; 1 for none): never a number a guest
 * here has or had.
 */
function after(numbers: Set<number>, retired: number): number {
  let top = retired;
  for (const n of numbers) top = Math.max(top, n);
  return Math.min(top + 1, GUEST_NUMBER_MAX);
}

/** The number a guest made on this device now gets (`retired`: the store's, see retiredBy). */
export function nextGuestNumber(here: Iterable<Profile>, retired = 0): number {
  return after(held(here), retired);
}

/**
 * The number a change to a profile gives up, to raise the store's mark with: a guest's number
 * when the guest is deleted (`now` undefined) or named; else 0.
 */
export function retiredBy(before: Profile | undefined, now: Profile | undefined): number {
  if (!before?.guest || before.guestNumber === undefined) return 0;
  return now?.guest && now.guestNumber === before.guestNumber ? 0 : before.guestNumber;
}

/**
 * The profiles an import adds, guests numbered: each keeps the number it brings when no guest
 * here (nor one added before it) holds it and it is above every number given up here
 * (`retired`), else gets one past the highest. Named players carry no number.
 */
export function numberArrivals(arriving: readonly Profile[], here: Iterable<Profile>, retired = 0): Profile[] {
  const taken = held(here);
  return arriving.map((p) => {
    const { guestNumber, ...rest } = p;
    if (!p.guest) return rest;
    const n = guestNumber !== undefined && guestNumber > retired && !taken.has(guestNumber) ? guestNumber : after(taken, retired);
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
