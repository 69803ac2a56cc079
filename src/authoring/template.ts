/**
 * A new scenario from a built-in one: the same text with a fresh id (and "(copy)" titles), so a
 * manager can download it, edit it and import it without clashing with the original.
 */
import { own, rec } from './loose';

/** A fresh id based on the original, e.g. "toy-shop-saturday-mine-4f2a". */
export function freshId(base: string, random: () => number = Math.random): string {
  const suffix = Math.floor(random() * 0x10000).toString(16).padStart(4, '0');
  return `${base.replace(/-mine-[0-9a-f]{4}$/, '')}-mine-${suffix}`.slice(0, 64);
}

/** The template text: the built-in's JSON with the new id and copy-marked titles, 2-space indented. */
export function makeTemplate(builtInText: string, newId: string, copyMark: { nl: string; en: string }): string {
  const data = rec(JSON.parse(builtInText));
  if (!data) throw new Error('not a scenario object');
  data.id = newId;
  const title = own(data, 'title');
  if (typeof title === 'string') data.title = `${title} (${copyMark.en})`;
  else {
    const t = rec(title);
    if (t) for (const lang of ['nl', 'en'] as const) if (typeof own(t, lang) === 'string') t[lang] = `${t[lang] as string} (${copyMark[lang]})`;
  }
  return JSON.stringify(data, null, 2) + '\n';
}
