/**
 * How every screen names a player: their name, or for a guest "Gast 3" / "Guest 3" (their number
 * on this device, persistence/guest-numbers.ts), so a trainer can tell two guests apart and a
 * player recognises themselves. A guest from before numbers, not yet numbered, is "Gast".
 */
import { t } from '../../i18n';
import type { Profile } from '../../persistence/api';

/**
 * A guest who is not a player here, as read from an LRS (their statements carry no name, only an
 * account): "Gast (K7Q2)", the end of their player id, the same on every device that reads it.
 */
export function lrsGuestLabel(playerId: string): string {
  return t('app.guest_code', { code: playerId.replace(/[^0-9a-z]/gi, '').slice(-4).toUpperCase() });
}

export function playerLabel(p: Pick<Profile, 'name' | 'guest' | 'guestNumber'>): string {
  if (!p.guest) return p.name;
  return p.guestNumber === undefined ? t('app.guest') : t('app.guest_n', { n: p.guestNumber });
}
