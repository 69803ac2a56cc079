/**
 * The checks a JSON Schema cannot express: the format version, the size limits, that every Text
 * provides every declared language, unique option ids, node and ending ids sharing one name
 * space, and that the start and every `next`/`to` points at something that exists (with "did you
 * mean"). Defensive: runs on a scenario that may still have structural errors. Pure.
 */
import type { JsonPath } from './contract';
import { closest } from './messages';
import { messageText, msg } from './message-catalog';
import type { MessageRef } from './message-args';
import type { Issue, RefMatch } from './schema-check';
import { isBlank } from './text';
import { keysOf } from './shared-keys';
import { MAX_ID_LENGTH } from './limits';
import { DIMENSIONS, LANGS, MIN_SCENARIO_FORMAT_VERSION, SCENARIO_FORMAT_VERSION } from './types';

/** The most decision nodes (and, separately, endings) a scenario may have. */
export const MAX_NODES = 10_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** An issue with its message recorded (and its English sentence, for callers of the checks). */
function issue(severity: Issue['severity'], ref: MessageRef, path: JsonPath, root: unknown, atKey = false): Issue {
  return { severity, code: ref.key, message: messageText('en', ref, root), ref, path, ...(atKey ? { atKey } : {}) };
}

/** The closest other id for "did you mean", or null. */
function suggest(name: string, candidates: Iterable<string>): string | null {
  const c = closest(name, candidates);
  return c !== null && c !== name ? c : null;
}

/**
 * Checks that must pass before anything else is worth doing: a supported format version and the
 * node limits. Returns the issues; when any is returned, validation stops there.
 */
export function checkPreconditions(value: unknown): Issue[] {
  if (!isObj(value)) {
    return [issue('error', msg('not-a-scenario', { list: Array.isArray(value) }), [], value)];
  }
  const v = value.formatVersion;
  if (typeof v === 'number' && Number.isInteger(v) && v > SCENARIO_FORMAT_VERSION) {
    return [issue('error', msg('format-too-new', { version: v, current: SCENARIO_FORMAT_VERSION }), ['formatVersion'], value)];
  }
  if (typeof v === 'number' && Number.isInteger(v) && v < MIN_SCENARIO_FORMAT_VERSION) {
    return [issue('error', msg('format-too-old', { version: v, min: MIN_SCENARIO_FORMAT_VERSION, current: SCENARIO_FORMAT_VERSION }), ['formatVersion'], value)];
  }
  const issues: Issue[] = [];
  for (const field of ['nodes', 'endings'] as const) {
    const map = value[field];
    if (!isObj(map)) continue;
    const n = keysOf(map).length;
    if (n > MAX_NODES) {
      issues.push(issue('error', msg('too-many-nodes', { count: n, endings: field === 'endings', max: MAX_NODES }), [field], value));
    }
  }
  return issues;
}

function checkTexts(root: Obj, texts: RefMatch[], out: Issue[]): void {
  const declared = Array.isArray(root.languages) ? root.languages.filter((l): l is string => typeof l === 'string' && (LANGS as readonly string[]).includes(l)) : [];
  for (const { value, path } of texts) {
    if (typeof value === 'string') {
      if (isBlank(value)) out.push(issue('warning', msg('empty-text', { at: path, lang: null }), path, root));
      continue;
    }
    if (!isObj(value)) continue;
    for (const lang of declared) {
      if (!has(value, lang)) {
        out.push(issue('error', msg('missing-language', { at: path, lang, declared }), path, root));
      } else if (typeof value[lang] === 'string' && isBlank(value[lang] as string)) {
        out.push(issue('warning', msg('empty-text', { at: [...path, lang], lang }), [...path, lang], root));
      }
    }
    for (const lang of Object.keys(value)) {
      if (declared.length && !declared.includes(lang) && (LANGS as readonly string[]).includes(lang)) {
        out.push(issue('warning', msg('undeclared-language', { at: [...path, lang], lang, declared }), [...path, lang], root));
      }
    }
  }
}

/** Suggestions compare against every id; after this many, big broken files skip them to stay fast. */
const MAX_SUGGESTIONS = 200;
let suggestionsLeft = MAX_SUGGESTIONS;

function checkTarget(target: unknown, path: JsonPath, ids: () => string[], exists: (id: string) => boolean, root: Obj, out: Issue[]): void {
  if (typeof target !== 'string' || exists(target)) return;
  const suggestion = suggestionsLeft-- > 0 ? suggest(target, ids()) : null;
  out.push(issue('error', msg('unknown-target', { at: path, target, suggestion }), path, root));
}

/** Whether a `next` is fine as far as these checks go: every target a string that exists (checked without building paths). */
function nextIsSound(next: unknown, exists: (id: string) => boolean): boolean {
  if (typeof next === 'string') return exists(next);
  if (!Array.isArray(next) || next.length === 0) return false;
  for (let i = 0; i < next.length; i++) {
    const route: unknown = next[i];
    if (isObj(route) && typeof route.to === 'string' && !exists(route.to)) return false;
  }
  return true;
}

function checkNext(next: unknown, path: JsonPath, ids: () => string[], exists: (id: string) => boolean, root: Obj, out: Issue[]): void {
  if (typeof next === 'string') return checkTarget(next, path, ids, exists, root, out);
  if (!Array.isArray(next)) return;
  if (next.length === 0) {
    out.push(issue('error', msg('empty-routes', { at: path }), path, root));
  }
  next.forEach((route, i) => {
    if (isObj(route)) checkTarget(route.to, [...path, i, 'to'], ids, exists, root, out);
  });
}

/** The index of the first option before `before` with this id, or -1 (a node has at most a few options). */
function firstOptionWithId(options: unknown[], id: string, before: number): number {
  for (let j = 0; j < before; j++) {
    const o = options[j];
    if (isObj(o) && o.id === id) return j;
  }
  return -1;
}

/** The semantic checks listed in the module comment; `refs` comes from the schema check. */
export function checkReferences(value: unknown, refs: Map<string, RefMatch[]>): Issue[] {
  const out: Issue[] = [];
  if (!isObj(value)) return out;
  suggestionsLeft = MAX_SUGGESTIONS;
  const nodes = isObj(value.nodes) ? value.nodes : {};
  const endings = isObj(value.endings) ? value.endings : {};
  const nodeIds = keysOf(nodes);
  const endingIds = keysOf(endings);
  // Only for "did you mean" suggestions, so only built when a target is unknown.
  let allIds: string[] | null = null;
  const ids = () => (allIds ??= [...nodeIds, ...endingIds]);
  const exists = (id: string) => has(nodes, id) || has(endings, id);

  if (typeof value.id === 'string' && value.id.length > MAX_ID_LENGTH) {
    out.push(issue('error', msg('id-too-long', { at: ['id'], id: value.id, max: MAX_ID_LENGTH }), ['id'], value));
  }
  for (const [where, list] of [['nodes', nodeIds], ['endings', endingIds]] as const) {
    for (const id of list) {
      if (id.length > MAX_ID_LENGTH) out.push(issue('error', msg('id-too-long', { at: [where, id], id, max: MAX_ID_LENGTH }), [where, id], value, true));
    }
  }
  for (const id of endingIds) {
    if (has(nodes, id)) {
      out.push(issue('error', msg('duplicate-id', { id }), ['endings', id], value, true));
    }
  }
  if (typeof value.start === 'string') {
    if (has(endings, value.start) && !has(nodes, value.start)) {
      out.push(issue('error', msg('start-is-ending', { start: value.start }), ['start'], value));
    } else if (!has(nodes, value.start)) {
      const args = { start: value.start, suggestion: suggest(value.start, nodeIds), example: nodeIds.length ? nodeIds[0] : null };
      out.push(issue('error', msg('unknown-start', args), ['start'], value));
    }
  }
  // Runs for every node of a big file: paths and messages are only built for a problem.
  for (let n = 0; n < nodeIds.length; n++) {
    const id = nodeIds[n];
    const node = nodes[id];
    if (!isObj(node)) continue;
    const options: unknown[] = Array.isArray(node.options) ? node.options : [];
    // A node has a few options; a broken file may have thousands, and then a map keeps this linear.
    const seen = options.length > 8 ? new Map<string, number>() : null;
    for (let i = 0; i < options.length; i++) {
      const opt = options[i];
      if (!isObj(opt)) continue;
      if (typeof opt.id === 'string') {
        if (opt.id.length > MAX_ID_LENGTH) {
          out.push(issue('error', msg('id-too-long', { at: ['nodes', id, 'options', i, 'id'], id: opt.id, max: MAX_ID_LENGTH }), ['nodes', id, 'options', i, 'id'], value));
        }
        const first = seen ? (seen.get(opt.id) ?? -1) : firstOptionWithId(options, opt.id, i);
        if (seen && first < 0) seen.set(opt.id, i);
        if (first >= 0) {
          out.push(issue('error', msg('duplicate-option-id', { node: id, id: opt.id, first: first + 1, second: i + 1 }), ['nodes', id, 'options', i, 'id'], value));
        }
      }
      if (has(opt, 'next') && !nextIsSound(opt.next, exists)) checkNext(opt.next, ['nodes', id, 'options', i, 'next'], ids, exists, value, out);
    }
    if (isObj(node.timeLimit) && has(node.timeLimit, 'next') && !nextIsSound(node.timeLimit.next, exists)) {
      checkNext(node.timeLimit.next, ['nodes', id, 'timeLimit', 'next'], ids, exists, value, out);
    }
  }
  const weights = isObj(value.scoring) && isObj(value.scoring.weights) ? value.scoring.weights : null;
  if (weights && DIMENSIONS.every((d) => has(weights, d) && weights[d] === 0)) {
    out.push(issue('error', msg('weights-all-zero', {}), ['scoring', 'weights'], value));
  }
  checkTexts(value, refs.get('Text') ?? [], out);
  return out;
}
