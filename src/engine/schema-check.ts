/**
 * Checks a parsed scenario against scenarios/scenario.schema.json (generated from types.ts by
 * scripts/build-schema.ts), so the schema authors' editors use and the validator are one. A small
 * interpreter of exactly the keywords the generator emits, with a manager-friendly message per
 * keyword. Pure; the semantic checks that a schema cannot express live in validate-refs.ts.
 */
import schemaJson from '../../scenarios/scenario.schema.json';
import type { JsonPath, Severity } from './contract';
import { REF_NOUNS } from './schema-words';
import type { Expected, MessageRef } from './message-args';
import { messageText, msg } from './message-catalog';
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
  /** The English sentence. */
  message: string;
  /** The message's key and facts, to put it into words in any language (message-catalog.ts). */
  ref: MessageRef;
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

/** What a value of a named definition is called in a message (one object per name: this runs for every value). */
const REF_EXPECTED = new Map<string, Expected>(Object.keys(REF_NOUNS).map((name) => [name, { ref: name }]));
function refNoun(name: string): Expected | undefined {
  return REF_EXPECTED.get(name);
}

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

  /** Records an issue; the args' paths must be copies (the checker's path array is shared). */
  private add(severity: Severity, ref: MessageRef, path: JsonPath, atKey = false): void {
    this.issues.push({ severity, code: ref.key, message: messageText('en', ref, this.root), ref, path: [...path], atKey });
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
  private branchNouns(s: SchemaNode): Expected {
    return { anyOf: (s.anyOf ?? []).map((b) => this.resolve(b).type) };
  }

  /** Checks a value against a schema node; `noun` names what was expected for type errors. */
  check(value: unknown, schema: SchemaNode, path: JsonPath, noun?: Expected): void {
    if (schema.$ref) {
      const { name, def } = this.ref(schema.$ref);
      if (name === 'Condition' && typeof value === 'string') {
        this.add('error', msg('condition-as-text', { at: [...path], value }), path);
        return;
      }
      this.check(value, def, path, refNoun(name) ?? noun);
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
        this.add('error', msg('wrong-type', { at: [...path], expected, value, type: null }), path);
        return;
      }
      this.check(value, branch, path, noun);
      return;
    }
    if (schema.type && !typeMatches(schema.type, value)) {
      const expected = noun ?? { type: schema.type };
      this.add('error', msg('wrong-type', { at: [...path], expected, value, type: schema.type }), path);
      return;
    }
    if (schema.enum && !schema.enum.includes(value as string)) {
      this.add('error', msg('invalid-value', { at: [...path], value, allowed: schema.enum }), path);
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
      this.add('error', msg('not-whole-number', { at: [...path], value: v }), path);
      if (!Number.isFinite(v)) return; // 1e400: one sentence, not also "Infinity is out of range"
    }
    if ((s.minimum !== undefined && v < s.minimum) || (s.maximum !== undefined && v > s.maximum)) {
      const rubric = path.includes('effects') && path[path.length - 1] !== 'mood';
      this.add('error', msg('out-of-range', { at: [...path], value: v, min: s.minimum, max: s.maximum, rubric }), path);
    }
  }

  private checkString(v: string, s: SchemaNode, path: JsonPath): void {
    if (s.minLength !== undefined && trimmedLength(v) < s.minLength) {
      this.add('error', msg('empty-value', { at: [...path], what: firstSentence(s.description) }), path);
    } else if (s.pattern && !regex(s.pattern).test(v)) {
      this.add('error', msg('invalid-format', { at: [...path], value: v, pattern: s.pattern }), path);
    }
  }

  private checkArray(v: unknown[], s: SchemaNode, path: JsonPath): void {
    const isOptions = path[path.length - 1] === 'options';
    if (s.minItems !== undefined && v.length < s.minItems) {
      if (isOptions) {
        this.add('error', msg('too-few-options', { at: [...path], count: v.length, min: s.minItems, max: s.maxItems }), path);
      } else {
        this.add('error', msg('too-few-items', { at: [...path], count: v.length, min: s.minItems, map: false }), path);
      }
    }
    if (s.maxItems !== undefined && v.length > s.maxItems) {
      const args = { at: [...path], count: v.length, max: s.maxItems };
      this.add('error', isOptions ? msg('too-many-options', args) : msg('too-many-items', args), path);
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
      if (seen.has(key)) this.add('error', msg('duplicate-item', { at: [...path, i], value: item }), [...path, i]);
      seen.add(key);
    });
  }

  private checkObject(v: Record<string, unknown>, s: SchemaNode, path: JsonPath): void {
    // Indexed loops and no `?? []` / `?? {}`: this runs for every object of a big file, and
    // iterators and throw-away defaults were a large share of the validator's garbage.
    const props = s.properties ?? NO_PROPERTIES;
    // The scenario's own maps (nodes, endings) are big: their key list is shared with the other
    // checks. Every other object is walked with for-in, which makes no key array per object.
    if (path.length === 1) this.checkMembers(v, s, props, path, keysOf(v));
    else this.checkMembers(v, s, props, path, null);
  }

  /** checkObject's work, on the listed keys, or (keys null) on the object's own keys found with for-in. */
  private checkMembers(v: Record<string, unknown>, s: SchemaNode, props: Record<string, SchemaNode>, path: JsonPath, keys: string[] | null): void {
    const required = s.required ?? NO_NAMES;
    for (let i = 0; i < required.length; i++) {
      const name = required[i];
      if (!Object.prototype.hasOwnProperty.call(v, name)) {
        this.add('error', msg('missing-field', { at: [...path], name, what: firstSentence(props[name]?.description) }), path);
      }
    }
    const size = keys ? keys.length : s.minProperties !== undefined ? ownKeyCount(v) : 0;
    if (s.minProperties !== undefined && size < s.minProperties) {
      this.add('error', msg('too-few-items', { at: [...path], count: size, min: s.minProperties, map: true, what: firstSentence(s.description) }), path);
    }
    if (keys) {
      for (let i = 0; i < keys.length; i++) this.checkMember(v, s, props, path, keys[i]);
    } else {
      for (const key in v) if (Object.prototype.hasOwnProperty.call(v, key)) this.checkMember(v, s, props, path, key);
    }
  }

  /** Checks the member `key` of object v (schema s). */
  private checkMember(v: Record<string, unknown>, s: SchemaNode, props: Record<string, SchemaNode>, path: JsonPath, key: string): void {
    if (Object.prototype.hasOwnProperty.call(props, key)) {
      path.push(key);
      this.check(v[key], props[key], path);
      path.pop();
      return;
    }
    if (s.additionalProperties === false) {
      const child = [...path, key];
      this.add('warning', msg('unknown-field', { at: child, key, allowed: Object.keys(props) }), child, true);
      return;
    }
    if (s.propertyNames && !regex(s.propertyNames.pattern).test(key)) {
      const child = [...path, key];
      const kind = path[path.length - 1] === 'nodes' ? 'node' : path[path.length - 1] === 'endings' ? 'ending' : 'name';
      this.add('error', msg('invalid-id', { at: child, kind, key, pattern: s.propertyNames.pattern, inside: path.length > 1 || kind === 'name' }), child, true);
    }
    if (typeof s.additionalProperties === 'object') {
      // The shared path, as for the named fields (add() copies it when an issue is kept).
      path.push(key);
      this.check(v[key], s.additionalProperties, path);
      path.pop();
    }
  }
}

/** How many own enumerable keys an object has (Object.keys(v).length without the array). */
function ownKeyCount(v: object): number {
  let n = 0;
  for (const key in v) if (Object.prototype.hasOwnProperty.call(v, key)) n++;
  return n;
}

/** Checks a parsed scenario against the generated schema; every issue, in no particular order. */
export function checkSchema(value: unknown, schema: SchemaNode = SCENARIO_SCHEMA): SchemaReport {
  const c = new Checker(value, schema);
  c.check(value, schema, [], { scenario: true }); // the path array is shared and copied when kept
  return { issues: c.issues, refs: c.refs };
}
