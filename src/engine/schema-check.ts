/**
 * Checks a parsed scenario against scenarios/scenario.schema.json (generated from types.ts by
 * scripts/build-schema.ts), so the schema authors' editors use and the validator are one. A small
 * interpreter of exactly the keywords the generator emits, with a manager-friendly message per
 * keyword. Pure; the semantic checks that a schema cannot express live in validate-refs.ts.
 */
import schemaJson from '../../scenarios/scenario.schema.json';
import type { JsonPath, Severity } from './contract';
import { describePath, describeValue, didYouMean, listOf, q } from './messages';
import { patternHint, TYPE_NOUNS, REF_NOUNS, typeFix } from './schema-words';
import { isBlank, trimmedLength } from './text';
import { keysOf } from './shared-keys';

/** A JSON Schema node as the generator emits it. */
export type SchemaNode = {
  $ref?: string;
  description?: string;
  type?: string;
  enum?: string[];
  anyOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: { pattern: string };
  minProperties?: number;
  maxProperties?: number;
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  minLength?: number;
  $defs?: Record<string, SchemaNode>;
};

/** The scenario schema (generated; see scripts/build-schema.ts). */
export const SCENARIO_SCHEMA = schemaJson as unknown as SchemaNode;

/** A problem found by a check, before it gets a line and column. */
export interface Issue {
  severity: Severity;
  code: string;
  message: string;
  path: JsonPath;
  /** Place it at the object key rather than at the value. */
  atKey?: boolean;
}

/** A Text that is an object (one string per language) or blank, for the language checks. */
export interface RefMatch {
  value: unknown;
  path: JsonPath;
}

/** What the schema check found. */
export interface SchemaReport {
  issues: Issue[];
  /** Values that matched $defs by name and need a second look (only "Text" for now). */
  refs: Map<string, RefMatch[]>;
}

const patternCache = new Map<string, RegExp>();
function regex(p: string): RegExp {
  let r = patternCache.get(p);
  if (!r) patternCache.set(p, (r = new RegExp(p, 'u')));
  return r;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function typeMatches(type: string, v: unknown): boolean {
  const jt = jsonType(v);
  if (type === 'integer') return jt === 'number';
  return jt === type;
}

function firstSentence(description: string | undefined): string {
  if (!description) return '';
  const s = description.replace(/`/g, '').split(/(?<!\be\.g\.)(?<!\bi\.e\.)(?<=[.!?])\s/)[0].replace(/\.$/, '');
  return s.charAt(0).toLowerCase() + s.slice(1);
}

const NO_PROPERTIES: Record<string, SchemaNode> = Object.freeze({}) as Record<string, SchemaNode>;
const NO_NAMES: readonly string[] = Object.freeze([]);

const anyOfCache = new WeakMap<SchemaNode, (string | undefined)[]>();

class Checker {
  readonly issues: Issue[] = [];
  readonly refs = new Map<string, RefMatch[]>();
  private readonly defs: Record<string, SchemaNode>;
  private readonly refCache = new Map<string, { name: string; def: SchemaNode }>();

  constructor(
    private readonly root: unknown,
    schema: SchemaNode,
  ) {
    this.defs = schema.$defs ?? {};
  }

  private add(severity: Severity, code: string, message: string, path: JsonPath, atKey = false): void {
    this.issues.push({ severity, code, message, path: [...path], atKey });
  }

  private where(path: JsonPath): string {
    return describePath(this.root, path);
  }

  private resolve(s: SchemaNode): SchemaNode {
    return s.$ref ? this.ref(s.$ref).def : s;
  }

  /** The definition a $ref points at, cached (this runs once per value of a big file). */
  private ref($ref: string): { name: string; def: SchemaNode } {
    let r = this.refCache.get($ref);
    if (!r) {
      const name = $ref.slice('#/$defs/'.length);
      r = { name, def: this.defs[name] ?? {} };
      this.refCache.set($ref, r);
    }
    return r;
  }

  /** The JSON type of each anyOf branch, cached. */
  private branchTypes(s: SchemaNode): (string | undefined)[] {
    return anyOfCache.get(s) ?? this.newBranchTypes(s);
  }

  // The methods that run for every value (check, checkObject, checkArray, branchTypes) hold no
  // closures: a closure that captures `this` makes V8 allocate a context on every call, which on a
  // big file was most of the validator's garbage. The rare paths that need one are methods of their own.

  private newBranchTypes(s: SchemaNode): (string | undefined)[] {
    const types = (s.anyOf ?? []).map((b) => this.resolve(b).type);
    anyOfCache.set(s, types);
    return types;
  }

  /** "text or a list of routes": what the branches of an anyOf expect, for a message. */
  private branchNouns(s: SchemaNode): string {
    return listOf((s.anyOf ?? []).map((b) => TYPE_NOUNS[this.resolve(b).type ?? ''] ?? 'something else'), 'or');
  }

  /** Checks a value against a schema node; `noun` names what was expected for type errors. */
  check(value: unknown, schema: SchemaNode, path: JsonPath, noun?: string): void {
    if (schema.$ref) {
      const { name, def } = this.ref(schema.$ref);
      if (name === 'Condition' && typeof value === 'string') {
        this.add(
          'error',
          'condition-as-text',
          `${this.where(path)} is written as text (${q(value)}), but conditions are structured data, never code or expressions. ` +
            'Write for example {"mood": {"max": -3}} (mood -3 or lower) or {"flags": {"offeredHelp": true}}.',
          path,
        );
        return;
      }
      this.check(value, def, path, REF_NOUNS[name] ?? noun);
      // Only the texts the semantic checks need to see again: per-language objects and blanks.
      if (name === 'Text' && (typeof value === 'object' || (typeof value === 'string' && isBlank(value)))) {
        let list = this.refs.get(name);
        if (!list) this.refs.set(name, (list = []));
        list.push({ value, path: [...path] });
      }
      return;
    }
    if (schema.anyOf) {
      const types = this.branchTypes(schema);
      let branch: SchemaNode | undefined;
      for (let i = 0; i < types.length && !branch; i++) {
        const t = types[i];
        if (t !== undefined && typeMatches(t, value)) branch = schema.anyOf[i];
      }
      if (!branch) {
        const expected = noun ?? this.branchNouns(schema);
        this.add('error', 'wrong-type', `${this.where(path)} should be ${expected}, but it is ${describeValue(value)}.`, path);
        return;
      }
      this.check(value, branch, path, noun);
      return;
    }
    if (schema.type && !typeMatches(schema.type, value)) {
      const expected = noun ?? TYPE_NOUNS[schema.type] ?? schema.type;
      this.add('error', 'wrong-type', `${this.where(path)} should be ${expected}, but it is ${describeValue(value)}.${typeFix(schema.type, value)}`, path);
      return;
    }
    if (schema.enum && !schema.enum.includes(value as string)) {
      this.add(
        'error',
        'invalid-value',
        `${this.where(path)} is ${describeValue(value)}, which is not allowed: use ${listOf(schema.enum.map(q), 'or')}${didYouMean(String(value), schema.enum) || '.'}`,
        path,
      );
      return;
    }
    switch (jsonType(value)) {
      case 'number':
        return this.checkNumber(value as number, schema, path);
      case 'string':
        return this.checkString(value as string, schema, path);
      case 'array':
        return this.checkArray(value as unknown[], schema, path);
      case 'object':
        return this.checkObject(value as Record<string, unknown>, schema, path);
    }
  }

  private checkNumber(v: number, s: SchemaNode, path: JsonPath): void {
    if (s.type === 'integer' && !Number.isInteger(v)) {
      this.add('error', 'not-whole-number', `${this.where(path)} is ${v}, but must be a whole number (like ${Math.round(v)}).`, path);
    }
    if ((s.minimum !== undefined && v < s.minimum) || (s.maximum !== undefined && v > s.maximum)) {
      const range = s.maximum === undefined ? `at least ${s.minimum}` : s.minimum === undefined ? `at most ${s.maximum}` : `from ${s.minimum} to ${s.maximum}`;
      const rubric = path.includes('effects') && path[path.length - 1] !== 'mood' ? ' The scoring rubric in scenarios/README.md uses -2 to +2.' : '';
      this.add('error', 'out-of-range', `${this.where(path)} is ${v}, but must be ${range}.${rubric}`, path);
    }
  }

  private checkString(v: string, s: SchemaNode, path: JsonPath): void {
    if (s.minLength !== undefined && trimmedLength(v) < s.minLength) {
      this.add('error', 'empty-value', `${this.where(path)} is empty: write ${firstSentence(s.description) || 'a value'}.`, path);
    } else if (s.pattern && !regex(s.pattern).test(v)) {
      this.add('error', 'invalid-format', `${this.where(path)} is ${q(v)}, which is not valid: it ${patternHint(s.pattern)}.`, path);
    }
  }

  private checkArray(v: unknown[], s: SchemaNode, path: JsonPath): void {
    const isOptions = path[path.length - 1] === 'options';
    if (s.minItems !== undefined && v.length < s.minItems) {
      if (isOptions) {
        const owner = this.where(path.slice(0, -1));
        this.add('error', 'too-few-options', `${owner} has ${v.length === 1 ? '1 option' : `${v.length} options`}, but a decision needs ${s.minItems} to ${s.maxItems}: add ${s.minItems - v.length === 1 ? 'another one' : 'more'}.`, path);
      } else {
        this.add('error', 'too-few-items', `${this.where(path)} has ${v.length} item${v.length === 1 ? '' : 's'}, but needs at least ${s.minItems}.`, path);
      }
    }
    if (s.maxItems !== undefined && v.length > s.maxItems) {
      const code = isOptions ? 'too-many-options' : 'too-many-items';
      const owner = isOptions ? this.where(path.slice(0, -1)) : this.where(path);
      const fix = isOptions ? ': remove the weakest, or split the decision into two nodes' : ': remove some';
      this.add('error', code, `${owner} has ${v.length} ${isOptions ? 'options' : 'items'}, but at most ${s.maxItems} are allowed${fix}.`, path);
    }
    if (s.uniqueItems) this.checkUnique(v, path);
    if (s.items) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        this.check(v[i], s.items, path);
        path.pop();
      }
    }
  }

  private checkUnique(v: unknown[], path: JsonPath): void {
    const seen = new Set<string>();
    v.forEach((item, i) => {
      const key = JSON.stringify(item);
      if (seen.has(key)) this.add('error', 'duplicate-item', `${this.where(path)} lists ${describeValue(item)} twice: remove one.`, [...path, i]);
      seen.add(key);
    });
  }

  private checkObject(v: Record<string, unknown>, s: SchemaNode, path: JsonPath): void {
    // Indexed loops and no `?? []` / `?? {}`: this runs for every object of a big file, and
    // iterators and throw-away defaults were a large share of the validator's garbage.
    const props = s.properties ?? NO_PROPERTIES;
    // The scenario's own maps (nodes, endings) are big: their key list is shared with the other checks.
    const keys = path.length === 1 ? keysOf(v) : Object.keys(v);
    const required = s.required ?? NO_NAMES;
    for (let i = 0; i < required.length; i++) {
      const name = required[i];
      if (!Object.prototype.hasOwnProperty.call(v, name)) {
        const what = firstSentence(props[name]?.description);
        this.add('error', 'missing-field', `${this.where(path)} has no ${q(name)}: add it${what ? ` — ${what}` : ''}.`, path);
      }
    }
    if (s.minProperties !== undefined && keys.length < s.minProperties) {
      this.add('error', 'too-few-items', `${this.where(path)} ${keys.length ? 'has too few entries' : 'is empty'}: add at least ${s.minProperties} (${firstSentence(s.description)}).`, path);
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (Object.prototype.hasOwnProperty.call(props, key)) {
        path.push(key);
        this.check(v[key], props[key], path);
        path.pop();
        continue;
      }
      const child = [...path, key];
      if (s.additionalProperties === false) {
        const allowed = Object.keys(props);
        const suggestion = didYouMean(key, allowed);
        const fix = suggestion ? `${suggestion} Fields with an unknown name are ignored.` : `: it is ignored. The fields allowed here are ${listOf(allowed.map(q))}.`;
        this.add('warning', 'unknown-field', `unknown field ${q(key)} in ${this.where(path)}${fix}`, child, true);
        continue;
      }
      if (s.propertyNames && !regex(s.propertyNames.pattern).test(key)) {
        const kind = path[path.length - 1] === 'nodes' ? 'node id' : path[path.length - 1] === 'endings' ? 'ending id' : 'name';
        const where = path.length > 1 || kind === 'name' ? ` in ${this.where(path)}` : '';
        this.add('error', 'invalid-id', `the ${kind} ${q(key)}${where} is not valid: it ${patternHint(s.propertyNames.pattern)}.`, child, true);
      }
      if (typeof s.additionalProperties === 'object') this.check(v[key], s.additionalProperties, child);
    }
  }
}

/** Checks a parsed scenario against the generated schema; every issue, in no particular order. */
export function checkSchema(value: unknown, schema: SchemaNode = SCENARIO_SCHEMA): SchemaReport {
  const c = new Checker(value, schema);
  c.check(value, schema, [], 'a scenario object { … }'); // the path array is shared and copied when kept
  return { issues: c.issues, refs: c.refs };
}
