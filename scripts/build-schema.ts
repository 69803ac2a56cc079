/**
 * Generates scenarios/scenario.schema.json (JSON Schema draft 2020-12) from src/engine/types.ts
 * with the TypeScript compiler API, so the types, the schema authors' editors use and the
 * validator (which interprets this schema) never drift apart. Every field's description is the
 * JSDoc of that field. Tags read from the JSDoc: @minimum, @maximum, @integer, @pattern (on a
 * Record: the keys' pattern), @minItems / @maxItems (on a Record: the number of keys),
 * @minLength, @uniqueItems, and @property <key> <description> for the keys of Record<Lang|..., T>.
 *
 * Usage: `npm run schema` writes the file; `buildSchema(source)` is used by the drift test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/** A JSON Schema node. */
export type SchemaNode = Record<string, unknown>;

const ROOT = 'Scenario';

interface Tags {
  description: string;
  tags: Map<string, string[]>;
}

function jsDocOf(node: ts.Node): Tags {
  const tags = new Map<string, string[]>();
  let description = '';
  for (const doc of ts.getJSDocCommentsAndTags(node)) {
    if (!ts.isJSDoc(doc)) continue;
    description = ts.getTextOfJSDocComment(doc.comment)?.trim() ?? description;
    for (const tag of doc.tags ?? []) {
      const name = tag.tagName.text;
      let text = ts.getTextOfJSDocComment(tag.comment)?.trim() ?? '';
      // TypeScript parses "@property nl The Dutch text." as a property tag with its own name node.
      if (ts.isJSDocPropertyTag(tag)) text = `${tag.name.getText()} ${text}`.trim();
      tags.set(name, [...(tags.get(name) ?? []), text]);
    }
  }
  return { description: description.replace(/\s*\n\s*/g, ' '), tags };
}

/** Applies the numeric/string/array tags of a field to its schema (and to a Record's values). */
function applyTags(schema: SchemaNode, tags: Map<string, string[]>): SchemaNode {
  const num = (k: string) => (tags.has(k) ? Number(tags.get(k)![0]) : undefined);
  const target = schema.type === 'object' && typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as SchemaNode) : schema;
  const valueTargets: SchemaNode[] =
    schema.type === 'object' && schema.properties && !schema.additionalProperties
      ? Object.values(schema.properties as Record<string, SchemaNode>)
      : [target];
  for (const v of valueTargets) {
    if (tags.has('integer') && v.type === 'number') v.type = 'integer';
    if (num('minimum') !== undefined && (v.type === 'number' || v.type === 'integer')) v.minimum = num('minimum');
    if (num('maximum') !== undefined && (v.type === 'number' || v.type === 'integer')) v.maximum = num('maximum');
  }
  if (tags.has('integer') && schema.type === 'number') schema.type = 'integer';
  if (schema.type === 'string') {
    if (tags.has('pattern')) schema.pattern = tags.get('pattern')![0];
    if (num('minLength') !== undefined) schema.minLength = num('minLength');
  }
  if (schema.type === 'array') {
    if (num('minItems') !== undefined) schema.minItems = num('minItems');
    if (num('maxItems') !== undefined) schema.maxItems = num('maxItems');
    if (tags.has('uniqueItems')) schema.uniqueItems = true;
  }
  if (schema.type === 'object') {
    if (tags.has('pattern')) schema.propertyNames = { pattern: tags.get('pattern')![0] };
    if (num('minItems') !== undefined) schema.minProperties = num('minItems');
    if (num('maxItems') !== undefined) schema.maxProperties = num('maxItems');
  }
  for (const entry of tags.get('property') ?? []) {
    const [key, ...rest] = entry.split(/\s+/);
    for (const branch of [schema, ...((schema.anyOf as SchemaNode[] | undefined) ?? [])]) {
      const props = branch.properties as Record<string, SchemaNode> | undefined;
      if (props?.[key]) props[key] = { description: rest.join(' '), ...props[key] };
    }
  }
  return schema;
}

class Generator {
  readonly defs: Record<string, SchemaNode> = {};
  private readonly decls = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();

  constructor(source: ts.SourceFile) {
    for (const st of source.statements) {
      if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) this.decls.set(st.name.text, st);
    }
  }

  /** The string literals of a union alias like Lang, or null. */
  private literals(node: ts.TypeNode): string[] | null {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const d = this.decls.get(node.typeName.text);
      return d && ts.isTypeAliasDeclaration(d) ? this.literals(d.type) : null;
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return [node.literal.text];
    if (ts.isUnionTypeNode(node)) {
      const all = node.types.map((t) => this.literals(t));
      return all.every((a) => a) ? all.flat() as string[] : null;
    }
    return null;
  }

  /** Makes sure a named declaration is in $defs and returns a reference to it. */
  ref(name: string): SchemaNode {
    if (!this.defs[name]) {
      const d = this.decls.get(name);
      if (!d) throw new Error(`build-schema: unknown type ${name}`);
      this.defs[name] = {}; // placeholder for recursion (Condition)
      const doc = jsDocOf(d);
      const body = ts.isInterfaceDeclaration(d) ? this.members(d.members) : this.type(d.type);
      this.defs[name] = applyTags({ description: doc.description, ...body }, doc.tags);
    }
    return { $ref: `#/$defs/${name}` };
  }

  /** An object schema from interface or type-literal members. */
  members(members: ts.NodeArray<ts.TypeElement>): SchemaNode {
    const properties: Record<string, SchemaNode> = {};
    const required: string[] = [];
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !m.type) continue;
      const name = m.name.getText().replace(/^['"]|['"]$/g, '');
      const doc = jsDocOf(m);
      if (!doc.description) throw new Error(`build-schema: field "${name}" has no JSDoc description`);
      properties[name] = applyTags({ description: doc.description, ...this.type(m.type) }, doc.tags);
      if (!m.questionToken) required.push(name);
    }
    return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
  }

  /** The schema of a type expression. */
  type(node: ts.TypeNode): SchemaNode {
    if (node.kind === ts.SyntaxKind.StringKeyword) return { type: 'string' };
    if (node.kind === ts.SyntaxKind.NumberKeyword) return { type: 'number' };
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' };
    if (ts.isParenthesizedTypeNode(node)) return this.type(node.type);
    if (ts.isArrayTypeNode(node)) return { type: 'array', items: this.type(node.elementType) };
    if (ts.isTypeLiteralNode(node)) return this.members(node.members);
    if (ts.isLiteralTypeNode(node) || ts.isUnionTypeNode(node)) {
      const lits = this.literals(node);
      if (lits) return { type: 'string', enum: lits };
      if (ts.isUnionTypeNode(node)) return { anyOf: node.types.map((t) => this.type(t)) };
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const name = node.typeName.text;
      const args = node.typeArguments ?? [];
      if (name === 'Partial' && args.length === 1) {
        const inner = this.type(args[0]);
        delete inner.required;
        return inner;
      }
      if (name === 'Record' && args.length === 2) {
        const keys = this.literals(args[0]);
        if (keys) {
          const properties = Object.fromEntries(keys.map((k) => [k, this.type(args[1])]));
          return { type: 'object', properties, required: keys, additionalProperties: false };
        }
        return { type: 'object', additionalProperties: this.type(args[1]) };
      }
      if (this.decls.has(name)) return this.ref(name);
    }
    throw new Error(`build-schema: unsupported type ${node.getText()}`);
  }
}

/** Builds the scenario JSON Schema from the text of src/engine/types.ts. */
export function buildSchema(typesSource: string): SchemaNode {
  const source = ts.createSourceFile('types.ts', typesSource, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const gen = new Generator(source);
  gen.ref(ROOT);
  const { [ROOT]: root, ...defs } = gen.defs;
  const sorted = Object.fromEntries(Object.keys(defs).sort().map((k) => [k, defs[k]]));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Frontlijn scenario (format version 1)',
    ...root,
    $defs: sorted,
  };
}

/** The schema as the committed file holds it. */
export function schemaText(typesSource: string): string {
  return JSON.stringify(buildSchema(typesSource), null, 2) + '\n';
}

const here = fileURLToPath(new URL('.', import.meta.url));
/** Paths of the input types and the output schema. */
export const TYPES_PATH = `${here}../src/engine/types.ts`;
export const SCHEMA_PATH = `${here}../scenarios/scenario.schema.json`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(SCHEMA_PATH, schemaText(readFileSync(TYPES_PATH, 'utf8')));
  console.log(`wrote ${resolve(SCHEMA_PATH)}`);
}
