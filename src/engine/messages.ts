/**
 * Words for validation messages: how to name a place in a scenario ("option "b" of node
 * "greet""), how to describe a value, and "did you mean" suggestions. Pure.
 */
import type { JsonPath } from './contract';
import type { Lang } from './types';

/** English names of the languages a Text can provide. */
export const LANG_NAMES: Record<Lang, string> = { nl: 'Dutch', en: 'English' };

/** The name of a language code for messages ("English", or the code itself). */
export function langName(code: string): string {
  return (LANG_NAMES as Record<string, string>)[code] ?? `"${code}"`;
}

/** Quotes an id or value for a message. */
export function q(value: unknown): string {
  return `"${String(value)}"`;
}

/** A list for a sentence: "a, b and c" (or "or"). */
export function listOf(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** Edit distance between two strings (Levenshtein), for "did you mean". */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The closest candidate to a misspelt name, or null when none is close enough (at most a third of
 * the letters differ, or one is the other with a prefix/suffix, ignoring case).
 */
export function closest(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const limit = Math.max(1, Math.floor(Math.max(lower.length, cl.length) / 3));
    const prefix = cl.startsWith(lower) || lower.startsWith(cl);
    // The edit distance is at least the difference in length: skip hopeless candidates cheaply.
    if (!prefix && Math.abs(cl.length - lower.length) > limit) continue;
    let d = levenshtein(lower, cl);
    if (d > 0 && prefix) d = Math.min(d, 1.5);
    if (d <= limit && d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  return best;
}

/** " — did you mean "x"?" or "". */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const c = closest(name, candidates);
  return c !== null && c !== name ? ` — did you mean ${q(c)}?` : '';
}

/** Describes a JSON value for "but it is ...". */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? `a list of ${value.length}` : 'an empty list';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `the text "${value.slice(0, 37)}…"` : `the text "${value}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object { … }';
    default:
      return 'nothing';
  }
}

function get(root: unknown, path: JsonPath): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
}

/** How many leading path segments form the "owner" (node, option, ending, ...) and its name. */
function ownerOf(root: unknown, path: JsonPath): { length: number; name: string } {
  const [a, b, c, d, e, f] = path;
  if (a === 'nodes' && b !== undefined) {
    const node = `node ${q(b)}`;
    if (c === 'options' && typeof d === 'number') {
      const id = get(root, ['nodes', b, 'options', d, 'id']);
      const option = typeof id === 'string' ? `option ${q(id)} of ${node}` : `the ${ordinal(d + 1)} option of ${node}`;
      if (e === 'next' && typeof f === 'number') return { length: 6, name: `route ${f + 1} of ${option}` };
      return { length: 4, name: option };
    }
    if (c === 'timeLimit') {
      if (d === 'next' && typeof e === 'number') return { length: 5, name: `route ${e + 1} of the time limit of ${node}` };
      return { length: 3, name: `the time limit of ${node}` };
    }
    return { length: 2, name: node };
  }
  if (a === 'endings' && b !== undefined) return { length: 2, name: `ending ${q(b)}` };
  if (a === 'nodes') return { length: 1, name: 'the nodes' };
  if (a === 'endings') return { length: 1, name: 'the endings' };
  if (a === 'customer') return { length: 1, name: 'the customer' };
  if (a === 'scoring') return { length: 1, name: 'the scoring settings' };
  return { length: 0, name: 'the scenario' };
}

/** The dotted field path below an owner, e.g. "effects.warmth" or "options[2]". */
export function fieldPath(path: JsonPath): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

/** Names the thing a path points at: `option "b" of node "greet"`, `"effects.warmth" of option "b" of node "greet"`. */
export function describePath(root: unknown, path: JsonPath): string {
  const owner = ownerOf(root, path);
  const rest = path.slice(owner.length);
  return rest.length ? `${q(fieldPath(rest))} of ${owner.name}` : owner.name;
}

/** Names the owner of a path and the field below it separately. */
export function splitPath(root: unknown, path: JsonPath): { owner: string; field: string } {
  const owner = ownerOf(root, path);
  return { owner: owner.name, field: fieldPath(path.slice(owner.length)) };
}

/** Capitalises the first letter of a message. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
