/**
 * scenarios/versions.txt lists every version of each built-in the app shipped: the current one of
 * each must be there, or runs on it would wait for a trainer's decision after the next change.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../src/engine/validate';
import { contentHash } from '../src/engine/hash';
import { ADD_COMMAND, builtInFiles, formatLine, hashOfText, main, missingVersions, parseVersions, readVersions, VERSIONS_FILE } from './scenario-versions';

describe('scenarios/versions.txt', () => {
  const files = builtInFiles();
  const list = readVersions();

  it('holds the current version of every built-in', () => {
    const missing = missingVersions(files, list, new Date().toISOString().slice(0, 10), 'after-HEAD');
    const advice = missing.map((v) => `scenarios/${VERSIONS_FILE} lacks the current version of ${v.id}. Run \`${ADD_COMMAND}\`, or add the line:\n  ${formatLine(v)}`);
    expect(advice.join('\n')).toBe('');
  });

  it('hashes as the import does (the validator’s hash of the same text)', () => {
    for (const [id, text] of files) expect(hashOfText(text), id).toBe(contentHash(validateScenario(text).scenario!));
  });

  it('lists each version once, of a scenario that exists', () => {
    const keys = list.map((v) => `${v.id} ${v.hash}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const v of list) expect(files.has(v.id), v.id).toBe(true);
  });
});

describe('npm run versions', () => {
  function copyOfScenarios(): string {
    const dir = mkdtempSync(join(tmpdir(), 'versions-'));
    for (const [id, text] of builtInFiles()) writeFileSync(join(dir, `${id}.json`), text);
    writeFileSync(join(dir, VERSIONS_FILE), readFileSync(join(import.meta.dirname, '..', 'scenarios', VERSIONS_FILE)));
    return dir;
  }

  it('adds the new version of a changed scenario as one line, and --check then passes', () => {
    const dir = copyOfScenarios();
    const path = join(dir, 'toy-shop-saturday.json');
    const changed = JSON.parse(readFileSync(path, 'utf8')) as { description: { nl: string; en: string } };
    changed.description.en += ' Changed.';
    writeFileSync(path, JSON.stringify(changed, null, 2));
    const said: string[] = [];
    expect(main(['--check'], dir, (s) => said.push(s))).toBe(1);
    expect(said.join('\n')).toMatch(/^Missing in scenarios\/versions\.txt: toy-shop-saturday [0-9a-f]{16} .*run `npm run versions`/);

    const before = readFileSync(join(dir, VERSIONS_FILE), 'utf8');
    expect(main([], dir, () => undefined)).toBe(0);
    const after = readFileSync(join(dir, VERSIONS_FILE), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const added = parseVersions(after).slice(parseVersions(before).length);
    expect(added.map((v) => [v.id, v.hash])).toEqual([['toy-shop-saturday', hashOfText(JSON.stringify(changed))]]);
    expect(main(['--check'], dir, () => undefined)).toBe(0);
  });

  it('names the line it cannot read', () => {
    expect(() => parseVersions('# ok\ntoy-shop-saturday 123 2026-12-06 abc\n')).toThrow('versions.txt:2');
  });
});
