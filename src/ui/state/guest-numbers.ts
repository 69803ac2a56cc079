/**
 * Guests have no name: in a room with two of them, "Guest" on the board says nothing. Each guest
 * on a device gets a number, in the order they came (a guest is made as they start their first
 * run), so the trainer's screens say "Guest 1" and "Guest 2", the same number on each.
 */
import type { Profile } from '../../persistence/api';

/** Each guest's number, from 1, by when they were made (by id where two were made at once); named players have none. */
export function numberGuests(profiles: readonly Profile[]): Map<string, number> {
  const guests = profiles.filter((p) => p.guest).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return new Map(guests.map((p, i) => [p.id, i + 1]));
}
