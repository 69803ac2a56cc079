/**
 * One source of truth: the committed scenarios/scenario.schema.json must be exactly what
 * scripts/build-schema.ts generates from src/engine/types.ts, every field must carry a
 * description, the constant lists in types.ts must match the schema's enums, and the validator's
 * structural checks must really come from the schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaText, SCHEMA_PATH, TYPES_PATH } from './build-schema';
import { checkSchema, SCENARIO_SCHEMA, type SchemaNode } from '../src/engine/schema-check';
import { MAX_NODES } from '../src/engine/limits';
import { AMBIENCES, DIMENSIONS, ENDING_TONES, EXPRESSIONS, LANGS, SETTINGS } from '../src/engine/types';

const defs = SCENARIO_SCHEMA.$defs as Record<string, SchemaNode>;

function walk(node: unknown, visit: (n: SchemaNode, where: string) => void, where = '#'): void {
  if (Array.isArray(node)) node.forEach((n, i) => walk(n, visit, `${where}/${i}`));
  else if (node && typeof node === 'object') {
    visit(node as SchemaNode, where);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${where}/${k}`);
  }
}

describe('scenario.schema.json', () => {
  it('is up to date with src/engine/types.ts (run `npm run schema` after changing the types)', () => {
    const generated = schemaText(readFileSync(TYPES_PATH, 'utf8'));
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(generated);
  });

  it('describes every field and every definition', () => {
    const missing: string[] = [];
    walk(SCENARIO_SCHEMA, (n, where) => {
      for (const [k, v] of Object.entries(n.properties ?? {})) if (!v.description?.trim()) missing.push(`${where}/properties/${k}`);
    });
    for (const [name, def] of Object.entries(defs)) if (!def.description?.trim()) missing.push(`#/$defs/${name}`);
    expect(missing).toEqual([]);
  });

  it('agrees with the constant lists in types.ts', () => {
    expect(defs.Expression.enum).toEqual([...EXPRESSIONS]);
    expect(defs.Setting.enum).toEqual([...SETTINGS]);
    expect(defs.Ambience.enum).toEqual([...AMBIENCES]);
    expect(defs.EndingTone.enum).toEqual([...ENDING_TONES]);
    expect(defs.Lang.enum).toEqual([...LANGS]);
    expect(Object.keys(defs.Effects.properties ?? {})).toEqual(expect.arrayContaining([...DIMENSIONS, 'mood']));
    expect(Object.keys((defs.Scoring.properties?.weights as SchemaNode).properties ?? {})).toEqual([...DIMENSIONS]);
    expect(SCENARIO_SCHEMA.properties?.nodes.maxProperties).toBe(MAX_NODES);
  });

  it('lets editors find it: a scenario may name it in "$schema"', () => {
    expect(SCENARIO_SCHEMA.properties?.$schema.type).toBe('string');
    expect((SCENARIO_SCHEMA as Record<string, unknown>).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('drives the structural checks (a change in the schema changes what is reported)', () => {
    const tutorial = JSON.parse(readFileSync(new URL('../src/engine/fixtures/tutorial-minimal.json', import.meta.url), 'utf8'));
    expect(checkSchema(tutorial).issues).toEqual([]);
    const stricter = structuredClone(SCENARIO_SCHEMA);
    (stricter.$defs as Record<string, SchemaNode>).TimeLimit.properties!.seconds.maximum = 10;
    (stricter.$defs as Record<string, SchemaNode>).Ending.required!.push('effects');
    const codes = checkSchema(tutorial, stricter).issues.map((i) => `${i.code}:${i.path.join('.')}`);
    expect(codes).toEqual(['out-of-range:nodes.greet.timeLimit.seconds', 'missing-field:endings.comes-back']);
  });
});
