/**
 * The checks a JSON Schema cannot express: the format version, the size limits, that every Text
 * provides every declared language, unique option ids, node and ending ids sharing one name
 * space, and that the start and every `next`/`to` points at something that exists (with "did you
 * mean"). Defensive: runs on a scenario that may still have structural errors. Pure.
 */
import type { JsonPath } from './contract';
import { describePath, didYouMean, langName, listOf, q } from './messages';
import type { Issue, RefMatch } from './schema-check';
import { isBlank } from './text';
import { keysOf } from './shared-keys';
import { DIMENSIONS, LANGS, MIN_SCENARIO_FORMAT_VERSION, SCENARIO_FORMAT_VERSION } from './types';

/** The most decision nodes (and, separately, endings) a scenario may have. */
export const MAX_NODES = 10_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Checks that must pass before anything else is worth doing: a supported format version and the
 * node limits. Returns the issues; when any is returned, validation stops there.
 */
export function checkPreconditions(value: unknown): Issue[] {
  if (!isObj(value)) {
    return [{ severity: 'error', code: 'not-a-scenario', message: `the file holds ${Array.isArray(value) ? 'a list' : 'a single value'}, but a scenario is one object between "{" and "}" with fields like "id", "title", "start", "nodes" and "endings".`, path: [] }];
  }
  const v = value.formatVersion;
  if (typeof v === 'number' && Number.isInteger(v) && v > SCENARIO_FORMAT_VERSION) {
    return [{ severity: 'error', code: 'format-too-new', message: `this file is written in scenario format version ${v}, but this version of Frontlijn reads format version ${SCENARIO_FORMAT_VERSION} only. Update Frontlijn, or ask whoever made the file for a version ${SCENARIO_FORMAT_VERSION} copy.`, path: ['formatVersion'] }];
  }
  if (typeof v === 'number' && Number.isInteger(v) && v < MIN_SCENARIO_FORMAT_VERSION) {
    return [{ severity: 'error', code: 'format-too-old', message: `this file is written in scenario format version ${v}, which is older than this version of Frontlijn can read (version ${MIN_SCENARIO_FORMAT_VERSION} to ${SCENARIO_FORMAT_VERSION}). Rewrite it following scenarios/README.md and set "formatVersion" to ${SCENARIO_FORMAT_VERSION}.`, path: ['formatVersion'] }];
  }
  const issues: Issue[] = [];
  for (const field of ['nodes', 'endings'] as const) {
    const map = value[field];
    if (!isObj(map)) continue;
    const n = keysOf(map).length;
    if (n > MAX_NODES) {
      issues.push({ severity: 'error', code: 'too-many-nodes', message: `the scenario has ${n.toLocaleString('en')} ${field}, more than the limit of ${MAX_NODES.toLocaleString('en')}, so it was not checked further. Split it into several scenarios.`, path: [field] });
    }
  }
  return issues;
}

function checkTexts(root: Obj, texts: RefMatch[], out: Issue[]): void {
  const declared = Array.isArray(root.languages) ? root.languages.filter((l): l is string => typeof l === 'string' && (LANGS as readonly string[]).includes(l)) : [];
  const declaredText = listOf(declared);
  for (const { value, path } of texts) {
    if (typeof value === 'string') {
      if (isBlank(value)) out.push({ severity: 'warning', code: 'empty-text', message: `${textName(root, path)} is empty: write the text players should see.`, path });
      continue;
    }
    if (!isObj(value)) continue;
    for (const lang of declared) {
      if (!has(value, lang)) {
        out.push({ severity: 'error', code: 'missing-language', message: `the ${langName(lang)} ${textName(root, path)} is missing (the file declares ${declaredText}): add "${lang}": "…".`, path });
      } else if (typeof value[lang] === 'string' && isBlank(value[lang] as string)) {
        out.push({ severity: 'warning', code: 'empty-text', message: `the ${langName(lang)} ${textName(root, path)} is empty: write the text players should see.`, path: [...path, lang] });
      }
    }
    for (const lang of Object.keys(value)) {
      if (declared.length && !declared.includes(lang) && (LANGS as readonly string[]).includes(lang)) {
        out.push({ severity: 'warning', code: 'undeclared-language', message: `the ${langName(lang)} ${textName(root, path)} is never shown, because "languages" lists only ${declaredText}: add "${lang}" to "languages" (and to every text), or remove it here.`, path: [...path, lang] });
      }
    }
  }
}

/** "text of option "b" of node "greet"", or ""situation" of node "greet"". */
function textName(root: Obj, path: JsonPath): string {
  const last = path[path.length - 1];
  if (last === 'text' && (path[2] === 'options' || path[0] === 'endings')) return `text of ${describePath(root, path.slice(0, -1))}`;
  return describePath(root, path);
}

/** Suggestions compare against every id; after this many, big broken files skip them to stay fast. */
const MAX_SUGGESTIONS = 200;
let suggestionsLeft = MAX_SUGGESTIONS;

function checkTarget(target: unknown, path: JsonPath, owner: JsonPath, ids: () => string[], exists: (id: string) => boolean, root: Obj, out: Issue[]): void {
  if (typeof target !== 'string' || exists(target)) return;
  const suggestion = suggestionsLeft-- > 0 ? didYouMean(target, ids()) : '';
  const hint = suggestion || ': add a node or ending with that id, or point to one that exists';
  out.push({ severity: 'error', code: 'unknown-target', message: `${describePath(root, owner)} goes to ${q(target)}, which does not exist${hint}`.replace(/([^?])$/, '$1.'), path });
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
  if (typeof next === 'string') return checkTarget(next, path, path.slice(0, -1), ids, exists, root, out);
  if (!Array.isArray(next)) return;
  if (next.length === 0) {
    out.push({ severity: 'error', code: 'empty-routes', message: `${describePath(root, path.slice(0, -1))} has an empty list of routes in "next": write the id of a node or ending, or add routes like {"to": "checkout"}.`, path });
  }
  next.forEach((route, i) => {
    if (isObj(route)) checkTarget(route.to, [...path, i, 'to'], [...path, i], ids, exists, root, out);
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

  for (const id of endingIds) {
    if (has(nodes, id)) {
      out.push({ severity: 'error', code: 'duplicate-id', message: `${q(id)} is both a node and an ending, but nodes and endings share one set of ids: rename one of them (and the "next" that should lead to it).`, path: ['endings', id], atKey: true });
    }
  }
  if (typeof value.start === 'string') {
    if (has(endings, value.start) && !has(nodes, value.start)) {
      out.push({ severity: 'error', code: 'start-is-ending', message: `"start" is ${q(value.start)}, which is an ending: the story must start at a decision node.`, path: ['start'] });
    } else if (!has(nodes, value.start)) {
      const hint = didYouMean(value.start, nodeIds) || `: use the id of one of the nodes${nodeIds.length ? `, e.g. ${q(nodeIds[0])}` : ''}`;
      out.push({ severity: 'error', code: 'unknown-start', message: `"start" is ${q(value.start)}, but there is no node with that id${hint}`.replace(/([^?])$/, '$1.'), path: ['start'] });
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
        const first = seen ? (seen.get(opt.id) ?? -1) : firstOptionWithId(options, opt.id, i);
        if (seen && first < 0) seen.set(opt.id, i);
        if (first >= 0) {
          out.push({ severity: 'error', code: 'duplicate-option-id', message: `node ${q(id)} has two options with the id ${q(opt.id)} (options ${first + 1} and ${i + 1}): give each option its own id.`, path: ['nodes', id, 'options', i, 'id'] });
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
    out.push({ severity: 'error', code: 'weights-all-zero', message: 'all three scoring weights are 0, so there is no overall score: give at least one dimension a weight above 0 (or leave "weights" out for equal weights).', path: ['scoring', 'weights'] });
  }
  checkTexts(value, refs.get('Text') ?? [], out);
  return out;
}
