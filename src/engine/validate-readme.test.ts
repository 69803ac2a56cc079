/**
 * scenarios/README.md stays true: its tutorial example is exactly the fixture that validates
 * without warnings, every problem code the validator can report is explained in it, and the moods
 * each expression fits at are the engine's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from './validate';
import { EXPRESSION_MOODS } from './expression';

const readme = readFileSync(new URL('../../scenarios/README.md', import.meta.url), 'utf8');
const FIX = new URL('./fixtures/', import.meta.url);
const SCENARIOS = new URL('../../scenarios/', import.meta.url);
const rootReadme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** The menu's words, read as the files they are (engine tests import only the engine). */
const menu = (lang: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../i18n/core.${lang}.json`, import.meta.url), 'utf8')).app;

describe('scenarios/README.md', () => {
  it('shows the complete tutorial scenario, identical to the fixture, and it validates cleanly', () => {
    const after = readme.split('This is the complete file')[1];
    const block = /```json\n([\s\S]*?)```/.exec(after)?.[1];
    const fixture = readFileSync(new URL('tutorial-minimal.json', FIX), 'utf8');
    expect(block).toBe(fixture);
    const r = validateScenario(block as string);
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
  });

  it('explains every problem code the fixtures produce, and the other codes the validator knows', () => {
    const codes = new Set<string>([
      'file-too-large', 'too-many-nodes', 'json-missing-colon', 'json-trailing-text', 'json-invalid-escape',
      'json-control-character', 'undeclared-language', 'empty-value', 'too-many-items', 'too-few-items', 'duplicate-item',
      'no-route', 'no-ending', 'too-many-states', 'duplicate-scenario-id', 'misplaced-field',
    ]);
    for (const f of readdirSync(FIX).filter((n) => n.endsWith('.expected.json'))) {
      for (const p of JSON.parse(readFileSync(new URL(f, FIX), 'utf8')).problems) codes.add(p.code);
    }
    const missing = [...codes].filter((c) => !readme.includes(`\`${c}\``));
    expect(missing).toEqual([]);
  });

  it('lists every field of a scenario, and every setting, ambience and role, in "The scenario" table', () => {
    const schema = JSON.parse(readFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), 'utf8')) as {
      properties: Record<string, unknown>;
      $defs: Record<string, { enum?: string[] }>;
    };
    const table = readme.split('### The scenario')[1].split('###')[0];
    const rows = new Map(table.split('\n').filter((l) => l.startsWith('| `')).map((l) => [/^\| `([^`]+)`/.exec(l)?.[1], l]));
    expect([...rows.keys()]).toEqual(Object.keys(schema.properties));
    for (const [field, def] of [['setting', 'Setting'], ['ambience', 'Ambience'], ['role', 'Role']]) {
      for (const value of schema.$defs[def].enum ?? []) expect(rows.get(field), `${field}: ${value}`).toContain(`\`${value}\``);
    }
  });

  it('lists every built-in scenario, by file and by its title in the game', () => {
    const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
    expect(files.length).toBeGreaterThan(4);
    for (const f of files) {
      const title = JSON.parse(readFileSync(new URL(f, SCENARIOS), 'utf8')).title;
      expect(readme, f).toContain(`| \`${f}\` | ${typeof title === 'string' ? title : title.en} |`);
    }
  });

  it('names the authoring screen as the menu does, in English and Dutch (here and in the main README)', () => {
    const [en, nl] = [menu('en'), menu('nl')];
    for (const text of [readme, rootReadme]) {
      expect(text).toContain(`**${en.nav_author}**`);
      expect(text).toContain(`**${nl.nav_author}**`);
      expect(text).not.toMatch(/Scenarios → Author/);
    }
    expect(readme).toContain(`"${en.nav_trainers}" / "${nl.nav_trainers}"`);
  });

  it('tells authors to put the $schema line at the top', () => {
    expect(readme).toContain('"$schema": "./scenario.schema.json",');
  });

  it('gives the moods each expression fits at as the engine has them', () => {
    const said = readme.split('It fits at these moods:')[1].split('(')[0];
    const ranges = Object.fromEntries([...said.matchAll(/`(\w+)` (-?\d) to (-?\d)/g)].map(([, name, lo, hi]) => [name, [Number(lo), Number(hi)]]));
    expect(ranges).toEqual(EXPRESSION_MOODS);
  });
});
