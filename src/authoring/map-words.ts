/** The words the map puts on nodes and flags (shape and icon never carry meaning alone). */
import { t } from '../i18n';
import type { FlagKind, MapNode } from './graph';

/** Cuts a text to n characters with an ellipsis, on one line. */
export function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** "Decision", "Timed decision · 20 s", "Ending · fan". */
export function kindWords(n: MapNode): string {
  if (n.kind === 'decision') return t('author.map.kind_decision');
  if (n.kind === 'timed') return t('author.map.kind_timed', { seconds: n.seconds ?? '?' });
  return t('author.map.kind_ending', { tone: n.tone ? t(`author.map.tone_${n.tone}`) : '?' });
}

export function flagWords(f: FlagKind): string {
  return t(`author.map.flag_${f.replace('-', '_')}`);
}
