/**
 * The checks a JSON Schema cannot express: the format version, the size limits, that every Text
 * provides every declared language, unique option ids, node and ending ids sharing one name
 * space, and that the start, every `next`/`to` and every node a `visited` condition names exist
 * (with "did you mean"). Defensive: runs on a scenario that may still have structural errors. Pure.
 */
import type { JsonPath } from './contract';
import { suggest } from './messages';
import { msg } from './message-args';
import { issue, type Issue, type TextMatch } from './schema-check';
import { isBlank } from './text';
import { MAX_ID_LENGTH, MAX_NODES } from './limits';
import { DIMENSIONS, LANGS, MIN_SCENARIO_FORMAT_VERSION, SCENARIO_FORMAT_VERSION } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isLang = (l: unknown): l is string => typeof l === 'string' && (LANGS as readonly string[]).includes(l);

/** Unknown targets after this many get no "did you mean": each one compares against every id. */
const MAX_SUGGESTIONS = 200;

/**
 * Checks that must pass before anything else is worth doing: a scenario object, a supported
 * format version, and at most MAX_NODES decision nodes and endings. When any issue is returned,
 * validation stops there.
 */
export function checkPreconditions(value: unknown): Issue[] {
  if (!isObj(value)) return [issue('error', msg('not-a-scenario', { list: Array.isArray(value) }), [])];
  const v = value.formatVersion;
  if (typeof v === 'number' && Number.isInteger(v) && v > SCENARIO_FORMAT_VERSION) {
    return [issue('error', msg('format-too-new', { version: v, current: SCENARIO_FORMAT_VERSION }), ['formatVersion'])];
  }
  if (typeof v === 'number' && Number.isInteger(v) && v < MIN_SCENARIO_FORMAT_VERSION) {
    return [issue('error', msg('format-too-old', { version: v, min: MIN_SCENARIO_FORMAT_VERSION, current: SCENARIO_FORMAT_VERSION }), ['formatVersion'])];
  }
  return (['nodes', 'endings'] as const)
    .filter((field) => isObj(value[field]) && Object.keys(value[field]).length > MAX_NODES)
    .map((field) => {
      const count = Object.keys(value[field] as Obj).length;
      return issue('error', msg('too-many-nodes', { count, endings: field === 'endings', max: MAX_NODES }), [field]);
    });
}

/**
 * Every Text has every declared language, none of them blank, and no undeclared one. A plain
 * string is the format's "same words in every language": right in a one-language file, but in a
 * file that declares several languages and writes other texts per language it is usually a text
 * left untranslated, which players of the other language then read as written: a warning there.
 */
function checkTexts(root: Obj, texts: TextMatch[], out: Issue[]): void {
  const declared = Array.isArray(root.languages) ? root.languages.filter(isLang) : [];
  const perLanguage = declared.length > 1 && texts.some((text) => isObj(text.value));
  for (const { value, path } of texts) {
    if (typeof value === 'string') {
      if (isBlank(value)) out.push(issue('warning', msg('empty-text', { at: path, lang: null }), path));
      else if (perLanguage) out.push(issue('warning', msg('one-language-text', { at: path, declared }), path));
      continue;
    }
    if (!isObj(value)) continue;
    for (const lang of declared) {
      if (!Object.hasOwn(value, lang)) out.push(issue('error', msg('missing-language', { at: path, lang, declared }), path));
      else if (typeof value[lang] === 'string' && isBlank(value[lang])) {
        out.push(issue('warning', msg('empty-text', { at: [...path, lang], lang }), [...path, lang]));
      }
    }
    for (const lang of Object.keys(value)) {
      if (declared.length && !declared.includes(lang) && isLang(lang)) {
        out.push(issue('warning', msg('undeclared-language', { at: [...path, lang], lang, declared }), [...path, lang]));
      }
    }
  }
}

/** The semantic checks listed in the module comment; `texts` comes from the schema check. */
export function checkReferences(value: unknown, texts: TextMatch[]): Issue[] {
  const out: Issue[] = [];
  if (!isObj(value)) return out;
  const nodes = isObj(value.nodes) ? value.nodes : {};
  const endings = isObj(value.endings) ? value.endings : {};
  const nodeIds = Object.keys(nodes);
  const endingIds = Object.keys(endings);
  const allIds = [...nodeIds, ...endingIds];
  let suggestionsLeft = MAX_SUGGESTIONS;

  /** A target that is a string must be a node or an ending. */
  const checkTarget = (target: unknown, path: JsonPath) => {
    if (typeof target !== 'string' || Object.hasOwn(nodes, target) || Object.hasOwn(endings, target)) return;
    const suggestion = suggestionsLeft-- > 0 ? suggest(target, allIds) : null;
    out.push(issue('error', msg('unknown-target', { at: path, target, suggestion }), path));
  };
  /** A `next`: one target, or a non-empty list of routes with targets. */
  const checkNext = (next: unknown, path: JsonPath) => {
    if (typeof next === 'string') return checkTarget(next, path);
    if (!Array.isArray(next)) return;
    if (next.length === 0) out.push(issue('error', msg('empty-routes', { at: path }), path));
    next.forEach((route, i) => {
      if (!isObj(route)) return;
      checkTarget(route.to, [...path, i, 'to']);
      checkCondition(route.when, [...path, i, 'when'], [...path, i]);
    });
  };
  /**
   * Every node a `visited` condition names (in `all`, `any` and `not` too) must be a decision node,
   * and a mood range must not be empty (min above max); `owner` is the option or route.
   */
  const checkCondition = (condition: unknown, path: JsonPath, owner: JsonPath): void => {
    if (!isObj(condition)) return;
    if (Array.isArray(condition.visited)) {
      condition.visited.forEach((node: unknown, i) => {
        if (typeof node !== 'string' || Object.hasOwn(nodes, node)) return;
        out.push(issue('error', msg('unknown-visited-node', { at: owner, node, suggestion: suggest(node, nodeIds) }), [...path, 'visited', i]));
      });
    }
    const mood = condition.mood;
    if (isObj(mood) && typeof mood.min === 'number' && typeof mood.max === 'number' && mood.min > mood.max) {
      out.push(issue('error', msg('mood-min-above-max', { at: owner, min: mood.min, max: mood.max }), [...path, 'mood']));
    }
    for (const key of ['all', 'any'] as const) {
      if (Array.isArray(condition[key])) condition[key].forEach((part: unknown, i) => checkCondition(part, [...path, key, i], owner));
    }
    checkCondition(condition.not, [...path, 'not'], owner);
  };
  const checkIdLength = (id: string, path: JsonPath, atKey = false) => {
    if (id.length > MAX_ID_LENGTH) out.push(issue('error', msg('id-too-long', { at: path, id, max: MAX_ID_LENGTH }), path, atKey));
  };

  if (typeof value.id === 'string') checkIdLength(value.id, ['id']);
  for (const id of nodeIds) checkIdLength(id, ['nodes', id], true);
  for (const id of endingIds) checkIdLength(id, ['endings', id], true);
  for (const id of endingIds) {
    if (Object.hasOwn(nodes, id)) out.push(issue('error', msg('duplicate-id', { id }), ['endings', id], true));
  }
  if (typeof value.start === 'string') {
    if (Object.hasOwn(endings, value.start) && !Object.hasOwn(nodes, value.start)) {
      out.push(issue('error', msg('start-is-ending', { start: value.start }), ['start']));
    } else if (!Object.hasOwn(nodes, value.start)) {
      const args = { start: value.start, suggestion: suggest(value.start, nodeIds), example: nodeIds.length ? nodeIds[0] : null };
      out.push(issue('error', msg('unknown-start', args), ['start']));
    }
  }
  for (const id of nodeIds) {
    const node = nodes[id];
    if (!isObj(node)) continue;
    const firstWithId = new Map<string, number>();
    (Array.isArray(node.options) ? node.options : []).forEach((opt: unknown, i) => {
      if (!isObj(opt)) return;
      const path = ['nodes', id, 'options', i];
      if (typeof opt.id === 'string') {
        checkIdLength(opt.id, [...path, 'id']);
        const first = firstWithId.get(opt.id);
        if (first === undefined) firstWithId.set(opt.id, i);
        else out.push(issue('error', msg('duplicate-option-id', { node: id, id: opt.id, first: first + 1, second: i + 1 }), [...path, 'id']));
      }
      checkCondition(opt.when, [...path, 'when'], path);
      if (Object.hasOwn(opt, 'next')) checkNext(opt.next, [...path, 'next']);
    });
    if (isObj(node.timeLimit) && Object.hasOwn(node.timeLimit, 'next')) checkNext(node.timeLimit.next, ['nodes', id, 'timeLimit', 'next']);
  }
  const weights = isObj(value.scoring) && isObj(value.scoring.weights) ? value.scoring.weights : null;
  if (weights && DIMENSIONS.every((d) => Object.hasOwn(weights, d) && weights[d] === 0)) {
    out.push(issue('error', msg('weights-all-zero', {}), ['scoring', 'weights']));
  }
  checkTexts(value, texts, out);
  return out;
}
