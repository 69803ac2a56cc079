/** The short effects notation on map edges, e.g. "W+2 I+1 O0 ☺+1". */
import type { Effects } from '../engine/types';

/** One-letter names of warmth, initiative and outcome in the UI language. */
export interface EffectLetters {
  warmth: string;
  initiative: string;
  outcome: string;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0';
}

/** "W+2 I+1 O0 ☺+1"; the mood part is left out when the mood does not change. */
export function effectsLabel(e: Effects | undefined, letters: EffectLetters): string {
  const parts = [
    `${letters.warmth}${signed(e?.warmth ?? 0)}`,
    `${letters.initiative}${signed(e?.initiative ?? 0)}`,
    `${letters.outcome}${signed(e?.outcome ?? 0)}`,
  ];
  if (e?.mood) parts.push(`\u263A${signed(e.mood)}`);
  return parts.join(' ');
}
