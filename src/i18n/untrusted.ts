/**
 * Untrusted text (player and team names, imported files, authored scenarios) shown safely and
 * readably: no bidi controls that turn the sentence around it, no invisible characters that make
 * two names look the same, user text isolated from the sentence it is put into, and names cut
 * and initialled by what a reader sees as one character (a grapheme), not by UTF-16 unit.
 * Pure functions: used by the message formatter, the stored-record checks and the screens.
 */

/** Bidi embeddings, overrides, isolates and marks (U+202E turns everything after it around). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Zero-width and invisible characters (not ZWJ/ZWNJ, which emoji and some scripts need inside a word). */
// eslint-disable-next-line no-misleading-character-class -- each is listed to be removed on its own, not as a sequence
const INVISIBLE = /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B\u2060-\u2064\u3164\uFEFF\uFFA0]/g;
const JOINERS = /[\u200C\u200D]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** A strong right-to-left character: Hebrew, Arabic, Syriac, Thaana, NKo, ..., their presentation forms. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]/;

const FSI = '\u2068';
const PDI = '\u2069';

/** The text without bidi controls and invisible characters (what is shown is what is there). */
export function visibleText(s: string): string {
  return s.replace(BIDI_CONTROLS, '').replace(INVISIBLE, '');
}

/**
 * Text to put into a sentence: without bidi controls, and isolated (FSI…PDI, as Fluent does)
 * when it has right-to-left letters, so it cannot reorder the words and numbers around it.
 */
export function isolate(s: string): string {
  const clean = visibleText(s);
  return RTL.test(clean) ? FSI + clean + PDI : clean;
}

let segmenter: Intl.Segmenter | null | undefined;
function graphemes(s: string): string[] {
  if (segmenter === undefined) segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  // Without Intl.Segmenter: by code point, which at least never splits a surrogate pair.
  return segmenter ? Array.from(segmenter.segment(s), (g) => g.segment) : Array.from(s);
}

/** At most `max` graphemes (an emoji, a letter with its accents, a flag count as one). */
export function cutGraphemes(s: string, max: number): string {
  if (s.length <= max) return s;
  const g = graphemes(s);
  return g.length <= max ? s : g.slice(0, max).join('');
}

/** A player's name is at most this many characters where one is typed (who is playing, renaming). */
export const PLAYER_NAME_MAX = 40;

/**
 * A name as it is kept: visible characters only, control characters as spaces, runs of spaces as
 * one, trimmed, at most `max` graphemes. Null when nothing is left.
 */
export function cleanName(v: unknown, max = 60): string | null {
  if (typeof v !== 'string') return null;
  const s = cutGraphemes(
    visibleText(v.normalize('NFC'))
      .replace(CONTROL, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s\u200C\u200D]+|[\s\u200C\u200D]+$/g, ''),
    max,
  ).trim();
  return s.length > 0 ? s : null;
}

/** What two names are compared by: NFC, no invisible characters or joiners, case-insensitive. */
export function nameKey(name: string): string {
  return (cleanName(name) ?? '').replace(JOINERS, '').toLocaleLowerCase('und');
}

/** The first of `names` that looks the same as `name` (an exact repeat included), if any. */
export function lookAlike(name: string, names: Iterable<string>): string | undefined {
  const key = nameKey(name);
  if (!key) return undefined;
  for (const other of names) if (nameKey(other) === key) return other;
  return undefined;
}

/** The initial of a name for an avatar: its first grapheme (a whole emoji), upper case. */
export function initial(name: string): string {
  const first = graphemes(cleanName(name) ?? '')[0] ?? '?';
  return first.toLocaleUpperCase();
}
