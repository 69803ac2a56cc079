import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import authorEn from './author.en.json';
import authorNl from './author.nl.json';
import coreEn from './core.en.json';
import coreNl from './core.nl.json';
import screensEn from './screens.en.json';
import screensNl from './screens.nl.json';
import teamsEn from './teams.en.json';
import teamsNl from './teams.nl.json';

/**
 * Every UI string is used somewhere in src: a key left behind is translated and kept for nothing,
 * and one was worse (`play.option_key`, "Toets {n}", beside the mode called Toets). A key counts
 * as used when the code names it in full ('teams.board.title') or builds it from a template
 * literal with one dynamic segment (`report.tone_${ending.tone}`, `mode.${m}_text`): those are
 * the two ways the code builds keys. A key built any other way (a variable prefix, `+`) would be
 * reported here as unused: build it as a template literal instead.
 */

/** Every key of a message tree, under its area's prefix. */
function keys(tree: object, prefix: string): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** The source files that may look a key up (not the tests). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

// core and screens register at the top level; the lazily loaded areas under their name.
const AREAS: [string, object, object][] = [
  ['', coreNl, coreEn],
  ['', screensNl, screensEn],
  ['teams.', teamsNl, teamsEn],
  ['author.', authorNl, authorEn],
];

/** A quoted string that looks like a key: 'teams.board.title'. */
const KEY = /['"`]([a-z][\w-]*(?:\.[\w-]+)+)['"`]/g;

describe('UI strings', () => {
  const files = sources(fileURLToPath(new URL('..', import.meta.url)));
  const code = files.join('\n');
  const named = new Set([...code.matchAll(KEY)].map((m) => m[1]));
  const built = [...code.matchAll(/`([a-z][\w.-]*)\$\{[^}`]*\}([\w.-]*)`/g)].map(([, before, after]) => ({ before, after }));
  const used = (key: string) =>
    named.has(key) ||
    built.some(({ before, after }) => key.startsWith(before) && key.endsWith(after) && /^[\w-]+$/.test(key.slice(before.length, key.length - after.length)));

  it('finds the keys the code names and builds', () => {
    expect(used('teams.board.title')).toBe(true);
    expect(used('report.tone_lost')).toBe(true);
    expect(used('mode.assessment_text')).toBe(true);
    expect(used('report.no_such.key')).toBe(false);
  });

  it('that the code looks up exist, in Dutch and in English', () => {
    // t('play.x') with a literal key, or t(`report.tone_${tone}`): a key missing in one language
    // shows the player the bare key (as `teams.debrief.decision_of` once did on the projector).
    const nl = new Set(AREAS.flatMap(([prefix, tree]) => keys(tree, prefix)));
    const en = new Set(AREAS.flatMap(([prefix, , tree]) => keys(tree, prefix)));
    // Every quoted key under one of the areas, wherever it stands: t(projector ? 'a.b' : 'a.c'),
    // { label: 'play.x' } as well as t('play.x').
    const areas = new Set(AREAS.flatMap(([prefix, tree]) => (prefix ? [prefix.slice(0, -1)] : Object.keys(tree))));
    // (in the files that look strings up: elsewhere 'settings.lang' is a field's path, not a key)
    const lookups = files.filter((f) => /\bt\(/.test(f)).join('\n');
    const literal = [...new Set([...lookups.matchAll(KEY)].map((m) => m[1]))].filter((k) => areas.has(k.split('.')[0]));
    expect(literal.length).toBeGreaterThan(300);
    expect(literal.filter((k) => !nl.has(k) || !en.has(k))).toEqual([]);
    const templates = [...code.matchAll(/\bt\(\s*`([a-z][\w.-]*)\$\{[^}`]*\}([\w.-]*)`/g)].map(([, before, after]) => ({ before, after }));
    expect(templates.length).toBeGreaterThan(5);
    const matches = (set: Set<string>, { before, after }: { before: string; after: string }) =>
      [...set].some((k) => k.startsWith(before) && k.endsWith(after) && /^[\w-]+$/.test(k.slice(before.length, k.length - after.length)));
    expect(templates.filter((tpl) => !matches(nl, tpl) || !matches(en, tpl))).toEqual([]);
  });

  it('are each used somewhere in src, in Dutch and in English', () => {
    const all = new Set(AREAS.flatMap(([prefix, nl, en]) => [...keys(nl, prefix), ...keys(en, prefix)]));
    expect([...all].filter((k) => !used(k))).toEqual([]);
  });
});
