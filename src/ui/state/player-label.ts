/**
 * How every screen names a player: their name, or for a guest "Gast 3" / "Guest 3" (their number
 * on this device, persistence/guest-numbers.ts), so a trainer can tell two guests apart and a
 * player recognises themselves. A guest from before numbers, not yet numbered, is "Gast".
 */
import { t } from '../../i18n';
import type { Profile } from '../../persistence/api';

export function playerLabel(p: Pick<Profile, 'name' | 'guest' | 'guestNumber'>): string {
  if (!p.guest) return p.name;
  return p.guestNumber === undefined ? t('app.guest') : t('app.guest_n', { n: p.guestNumber });
}
