/**
 * Checks a parsed scenario against scenarios/scenario.schema.json (generated from types.ts by
 * scripts/build-schema.ts), so the schema authors' editors use and the validator are one. A small
 * interpreter of exactly the keywords the generator emits, with a manager-friendly message per
 * keyword. Pure; the semantic checks that a schema cannot express live in validate-refs.ts.
 */
import schemaJson from '../../scenarios/scenario.schema.json' with { type: 'json' };
import type { JsonPath, Severity } from './contract';
import { EN_WORDS } from './words-en';
import type { Expected, MessageRef } from './message-args';
import { msg } from './message-args';
import { suggest } from './messages';
import { fieldFromDutch } from './words-nl';

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

/** A problem found by a check, before it gets a line and column and is put into words. */
export interface Issue {
  severity: Severity;
  code: string;
  /** The message's key and facts, put into words by validateScenario (message-catalog.ts). */
  ref: MessageRef;
  path: JsonPath;
  /** Place it at the object key rather than at the value. */
  atKey?: boolean;
}

/** An issue; its sentence is written by validateScenario, in the language asked for. */
export function issue(severity: Severity, ref: MessageRef, path: JsonPath, atKey = false): Issue {
  return { severity, code: ref.key, ref, path, ...(atKey ? { atKey } : {}) };
}

/** A Text (one plain string, or one string per language), for the language checks. */
export interface TextMatch {
  value: unknown;
  path: JsonPath;
}

/** What the schema check found. */
export interface SchemaReport {
  issues: Issue[];
  /** The Texts the language checks (validate-refs.ts) need to see again: plain strings and per-language objects. */
  texts: TextMatch[];
}

/** Whether a value has a schema type ('integer' here only asks for a number: checkNumber says the rest). */
function typeMatches(type: string, v: unknown): boolean {
  return (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v) === (type === 'integer' ? 'number' : type);
}

/** A field's description, as words for a message: its first sentence, lowercase first letter. */
function firstSentence(description: string | undefined): string {
  if (!description) return '';
  const s = description.replace(/`/g, '').split(/(?<!\be\.g\.)(?<!\bi\.e\.)(?<=[.!?])\s/)[0].replace(/\.$/, '');
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** One walk of a value against the schema, collecting issues and the texts to look at again. */
class Checker {
  readonly issues: Issue[] = [];
  readonly texts: TextMatch[] = [];
  /** Where the walk is, pushed and popped as it goes down and up; an issue or a text keeps a copy. */
  private readonly path: JsonPath = [];

  /**
   * `refs`: each `$ref` of the schema with its definition's name, and whether messages have a noun
   * for it; `homes`: for each field name, the definitions that have it ('Scenario' for the top level).
   */
  constructor(
    private readonly refs: Map<string, { name: string; def: SchemaNode; named: boolean }>,
    private readonly homes: Map<string, string[]>,
  ) {}

  private add(severity: Severity, ref: MessageRef, path: JsonPath, atKey = false): void {
    this.issues.push(issue(severity, ref, path, atKey));
  }

  private resolve(s: SchemaNode): SchemaNode {
    return s.$ref ? (this.refs.get(s.$ref)?.def ?? {}) : s;
  }

  /** Checks the member `key` of the value being checked. */
  private checkMember(key: string | number, value: unknown, schema: SchemaNode): void {
    this.path.push(key);
    this.check(value, schema);
    this.path.pop();
  }

  /** Checks a value against a schema node; `noun` names what was expected for type errors. */
  check(value: unknown, schema: SchemaNode, noun?: Expected): void {
    const path = this.path;
    if (schema.$ref) {
      const { name, def, named } = this.refs.get(schema.$ref) ?? { name: '', def: {}, named: false };
      if (name === 'Condition' && typeof value === 'string') {
        this.add('error', msg('condition-as-text', { at: [...path], value }), [...path]);
        return;
      }
      this.check(value, def, named ? { ref: name } : noun);
      if (name === 'Text' && (typeof value === 'object' || typeof value === 'string')) this.texts.push({ value, path: [...path] });
      return;
    }
    if (schema.anyOf) {
      const branch = schema.anyOf.find((b) => {
        const type = this.resolve(b).type;
        return type !== undefined && typeMatches(type, value);
      });
      if (branch) this.check(value, branch, noun);
      else {
        const expected = noun ?? { anyOf: schema.anyOf.map((b) => this.resolve(b).type) };
        this.add('error', msg('wrong-type', { at: [...path], expected, value, type: null }), [...path]);
      }
      return;
    }
    if (schema.type && !typeMatches(schema.type, value)) {
      this.add('error', msg('wrong-type', { at: [...path], expected: noun ?? { type: schema.type }, value, type: schema.type }), [...path]);
      return;
    }
    if (schema.enum && !schema.enum.includes(value as string)) {
      this.add('error', msg('invalid-value', { at: [...path], value, allowed: schema.enum }), [...path]);
      return;
    }
    if (typeof value === 'number') this.checkNumber(value, schema, path);
    else if (typeof value === 'string') this.checkString(value, schema, path);
    else if (Array.isArray(value)) this.checkArray(value, schema, path);
    else if (value !== null && typeof value === 'object') this.checkObject(value as Record<string, unknown>, schema, path);
  }

  private checkNumber(v: number, s: SchemaNode, path: JsonPath): void {
    if (s.type === 'integer' && !Number.isInteger(v)) {
      this.add('error', msg('not-whole-number', { at: [...path], value: v }), [...path]);
      if (!Number.isFinite(v)) return; // 1e400: one sentence, not also "Infinity is out of range"
    }
    if ((s.minimum !== undefined && v < s.minimum) || (s.maximum !== undefined && v > s.maximum)) {
      const rubric = path.includes('effects') && path[path.length - 1] !== 'mood';
      this.add('error', msg('out-of-range', { at: [...path], value: v, min: s.minimum, max: s.maximum, rubric }), [...path]);
    }
  }

  private checkString(v: string, s: SchemaNode, path: JsonPath): void {
    if (s.minLength !== undefined && v.trim().length < s.minLength) {
      this.add('error', msg('empty-value', { at: [...path], what: firstSentence(s.description) }), [...path]);
    } else if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) {
      this.add('error', msg('invalid-format', { at: [...path], value: v, pattern: s.pattern }), [...path]);
    }
  }

  private checkArray(v: unknown[], s: SchemaNode, path: JsonPath): void {
    const isOptions = path[path.length - 1] === 'options';
    if (s.minItems !== undefined && v.length < s.minItems) {
      const args = { at: [...path], count: v.length, min: s.minItems };
      this.add('error', isOptions ? msg('too-few-options', { ...args, max: s.maxItems }) : msg('too-few-items', { ...args, map: false }), [...path]);
    }
    if (s.maxItems !== undefined && v.length > s.maxItems) {
      const args = { at: [...path], count: v.length, max: s.maxItems };
      this.add('error', isOptions ? msg('too-many-options', args) : msg('too-many-items', args), [...path]);
    }
    if (s.uniqueItems) {
      const seen = new Set<string>();
      v.forEach((item, i) => {
        const key = JSON.stringify(item);
        if (seen.has(key)) this.add('error', msg('duplicate-item', { at: [...path, i], value: item }), [...path, i]);
        seen.add(key);
      });
    }
    if (s.items) v.forEach((item, i) => this.checkMember(i, item, s.items as SchemaNode));
  }

  /**
   * A key the format does not have here. Ignoring it is harmless for a note, but a field written in
   * Dutch ("resultaat") or any stray key in "effects" loses what the author meant (the option scores
   * 0 there): those are errors; other unknown keys are ignored with a warning, which for a field
   * the format has elsewhere ("notes" beside "nodes") says where it belongs, not "did you mean".
   */
  private unknownField(key: string, allowed: string[], path: JsonPath): void {
    const at = [...path, key];
    const field = suggest(key, allowed) === null ? fieldFromDutch(key, allowed) : null;
    const homes = this.homes.get(key);
    if (field !== null) this.add('error', msg('dutch-field', { at, key, field }), at, true);
    else if (path[path.length - 1] === 'effects') this.add('error', msg('unknown-effect', { at, key, allowed }), at, true);
    else if (homes) this.add('warning', msg('misplaced-field', { at, key, homes }), at, true);
    else this.add('warning', msg('unknown-field', { at, key, allowed }), at, true);
  }

  private checkObject(v: Record<string, unknown>, s: SchemaNode, path: JsonPath): void {
    const props = s.properties ?? {};
    const keys = Object.keys(v);
    // A required field written in Dutch ("tekst" for "text") is one error at what was written, not also an unknown field.
    const missing = (s.required ?? []).filter((name) => !Object.hasOwn(v, name));
    const wroteFor = new Map<string, string>();
    // Only a missing field can have been written in Dutch: most objects (and every map of ids) miss none.
    if (missing.length > 0) {
      for (const k of keys) {
        const field = Object.hasOwn(props, k) || suggest(k, Object.keys(props)) !== null ? null : fieldFromDutch(k, missing);
        if (field !== null && !wroteFor.has(field)) wroteFor.set(field, k);
      }
    }
    for (const name of missing) {
      const wrote = wroteFor.get(name) ?? null;
      const at = wrote === null ? [...path] : [...path, wrote];
      this.add('error', msg('missing-field', { at: [...path], name, what: firstSentence(props[name]?.description), wrote }), at, wrote !== null);
    }
    const explained = new Set(wroteFor.values());
    if (s.minProperties !== undefined && keys.length < s.minProperties) {
      this.add('error', msg('too-few-items', { at: [...path], count: keys.length, min: s.minProperties, map: true, what: firstSentence(s.description) }), [...path]);
    }
    for (const key of keys) {
      if (Object.hasOwn(props, key)) this.checkMember(key, v[key], props[key]);
      else if (s.additionalProperties === false) {
        if (!explained.has(key)) this.unknownField(key, Object.keys(props), path);
      }
      else {
        if (s.propertyNames && !new RegExp(s.propertyNames.pattern, 'u').test(key)) {
          const parent = path[path.length - 1];
          const kind = parent === 'nodes' ? 'node' : parent === 'endings' ? 'ending' : 'name';
          const child = [...path, key];
          this.add('error', msg('invalid-id', { at: child, kind, key, pattern: s.propertyNames.pattern, inside: path.length > 1 || kind === 'name' }), child, true);
        }
        if (typeof s.additionalProperties === 'object') this.checkMember(key, v[key], s.additionalProperties);
      }
    }
  }
}

/** For each field name of the schema, the places that have it: its definitions' names, 'Scenario' for the top level. */
function homesOf(schema: SchemaNode): Map<string, string[]> {
  const homes = new Map<string, string[]>();
  const places: [string, SchemaNode][] = [['Scenario', schema], ...Object.entries(schema.$defs ?? {})];
  for (const [name, node] of places) {
    for (const key of Object.keys(node.properties ?? {})) homes.set(key, [...(homes.get(key) ?? []), name]);
  }
  return homes;
}

/** Checks a parsed scenario against the generated schema; every issue, in no particular order. */
export function checkSchema(value: unknown, schema: SchemaNode = SCENARIO_SCHEMA): SchemaReport {
  const defs = Object.entries(schema.$defs ?? {});
  const c = new Checker(new Map(defs.map(([name, def]) => [`#/$defs/${name}`, { name, def, named: Object.hasOwn(EN_WORDS.refs, name) }])), homesOf(schema));
  c.check(value, schema, { scenario: true });
  return { issues: c.issues, texts: c.texts };
}
