/**
 * How validation messages are put together in any language, from the words of words-en.ts or
 * words-nl.ts: naming a place in a scenario ("option "b" of node "greet""), describing a value,
 * what a field should be and how to fix it, lists, and "did you mean" suggestions. Pure.
 */
import type { JsonPath } from './contract';
import type { Expected } from './message-args';
import { EN_WORDS, type Words } from './words-en';

/** Quotes an id or value for a message. */
export function q(value: unknown): string {
  return `"${String(value)}"`;
}

/** A list for a sentence: "a, b and c"; `last` is the word before the last item ("or", "en", "of"). */
export function listOf(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** A Text written per language, as JSON to copy: {"nl": "…", "en": "…"}. */
export function perLanguage(langs: readonly string[]): string {
  return `{${langs.map((l) => `${q(l)}: "…"`).join(', ')}}`;
}

/** Edit distance between two strings (Levenshtein), for "did you mean". */
function levenshtein(a: string, b: string): number {
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
 * The closest other name for "did you mean", or null when none is close enough (at most a third
 * of the letters differ, or one is the other with a prefix/suffix, ignoring case).
 */
export function suggest(name: string, candidates: Iterable<string>): string | null {
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
  return best === name ? null : best;
}

/** " — did you mean "x"?" (`ask`: the question in another language) or "". */
export function didYouMean(name: string, candidates: Iterable<string>, ask = 'did you mean'): string {
  const c = suggest(name, candidates);
  return c === null ? '' : ` — ${ask} ${q(c)}?`;
}

/** Quoted ids for a sentence: at most 6, then `more(n)` ("3 more"); `last` as in listOf. */
export function idList(items: string[], more: (n: number) => string, last = 'and'): string {
  const quoted = items.map(q);
  return listOf(quoted.length > 6 ? [...quoted.slice(0, 6), more(quoted.length - 6)] : quoted, last);
}

/** A byte count as "6.2 MB" or "812 kB". */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/** A byte as 0x hex ("0xE9"). */
export function hex(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** A text cut to 40 characters for a message. */
export function short(text: string): string {
  return text.length > 40 ? text.slice(0, 39) + '…' : text;
}

/** Describes a JSON value for "but it is ...". */
export function describeValue(value: unknown, w: Words = EN_WORDS): string {
  if (value === null) return w.null;
  if (Array.isArray(value)) return value.length ? w.list(value.length) : w.emptyList;
  switch (typeof value) {
    case 'string':
      return w.text(value.length > 40 ? `"${value.slice(0, 37)}…"` : `"${value}"`);
    case 'number':
      return w.number(value);
    case 'boolean':
      return `${value}`;
    case 'object':
      return w.object;
    default:
      return w.nothing;
  }
}

function get(root: unknown, path: JsonPath): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** How many leading path segments form the "owner" (node, option, ending, ...) and its name. */
function ownerOf(root: unknown, path: JsonPath, w: Words): { length: number; name: string } {
  const [a, b, c, d, e, f] = path;
  if (a === 'nodes' && b !== undefined) {
    const node = w.node(q(b));
    if (c === 'options' && typeof d === 'number') {
      const id = get(root, ['nodes', b, 'options', d, 'id']);
      const option = typeof id === 'string' ? w.option(q(id), node) : w.nthOption(d + 1, node);
      if (e === 'next' && typeof f === 'number') return { length: 6, name: w.route(f + 1, option) };
      return { length: 4, name: option };
    }
    if (c === 'timeLimit') {
      if (d === 'next' && typeof e === 'number') return { length: 5, name: w.route(e + 1, w.timeLimit(node)) };
      return { length: 3, name: w.timeLimit(node) };
    }
    return { length: 2, name: node };
  }
  if (a === 'endings' && b !== undefined) return { length: 2, name: w.ending(q(b)) };
  if (a === 'nodes') return { length: 1, name: w.nodes };
  if (a === 'endings') return { length: 1, name: w.endings };
  if (a === 'customer') return { length: 1, name: w.customer };
  if (a === 'scoring') return { length: 1, name: w.scoring };
  return { length: 0, name: w.scenario };
}

/** Names the thing a path points at: `option "b" of node "greet"`, `"effects.warmth" of option "b" of node "greet"`. */
export function describePath(root: unknown, path: JsonPath, w: Words = EN_WORDS): string {
  const owner = ownerOf(root, path, w);
  if (path.length === owner.length) return owner.name;
  // The field below the owner, dotted: "effects.warmth", "options[2]".
  let field = '';
  for (const seg of path.slice(owner.length)) field += typeof seg === 'number' ? `[${seg}]` : field ? `.${seg}` : seg;
  return w.field(q(field), owner.name);
}

/** Names a Text: "text of option "b" of node "greet"", or ""situation" of node "greet"". */
export function textName(root: unknown, path: JsonPath, w: Words = EN_WORDS): string {
  const last = path[path.length - 1];
  if (last === 'text' && (path[2] === 'options' || path[0] === 'endings')) return w.textOf(describePath(root, path.slice(0, -1), w));
  return describePath(root, path, w);
}

/** What a field should be, for "should be …": a definition's noun, a type's noun, a list of them, or a scenario. */
export function expected(e: Expected, w: Words = EN_WORDS): string {
  const types: Record<string, string> = w.types;
  const refs: Record<string, string> = w.refs;
  if ('ref' in e) return refs[e.ref];
  if ('type' in e) return types[e.type] ?? e.type;
  if ('anyOf' in e) return listOf(e.anyOf.map((t) => types[t ?? ''] ?? w.otherType), w.or);
  return w.scenarioObject;
}

/** Explains an id pattern in words ("may only contain ..."). */
export function patternHint(pattern: string, w: Words = EN_WORDS): string {
  const patterns: Record<string, string> = w.patterns;
  return patterns[pattern] ?? w.otherPattern(pattern);
}

/** A short fix for a value of the wrong type, e.g. a number written in quotes, or "". */
export function typeFix(expected: string, value: unknown, w: Words = EN_WORDS): string {
  if ((expected === 'number' || expected === 'integer') && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return w.unquote(Number(value));
  }
  if (expected === 'boolean' && (value === 'true' || value === 'false')) return w.unquote(value);
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return w.quote(value);
  if (expected === 'array' && value !== null && typeof value === 'object') return w.brackets;
  return '';
}

/** Capitalises the first letter of a message. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
