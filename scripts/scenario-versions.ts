/**
 * The versions of the built-in scenarios the app has shipped: `scenarios/versions.txt`, one line
 * per version, `<id> <content hash> <since: date> <commit>`. The build gives them to the app
 * (vite-plugin-scenarios.ts), so a run played on an earlier version of a built-in (a phone still
 * on the cached app during an update, yesterday's results file) counts without a trainer's say,
 * once the content it arrives with hashes to one of these (results-file.ts).
 *
 * The file is plain text, not .json, so no scan of scenarios/*.json takes it for a scenario.
 *
 *   npm run versions                   adds the current version of every built-in that is missing
 *   npm run versions -- --from-git     writes the list afresh from git history (every version of
 *                                      each scenarios/<id>.json on the first-parent line of HEAD,
 *                                      and the working copy)
 *   npm run versions -- --check        exits 1 when a built-in's current version is missing
 *
 * Hashes are the engine's contentHash of the parsed file, as the app computes them for a built-in.
 * I/O: reads scenarios/ and (for --from-git) runs git; writes only scenarios/versions.txt.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contentHash } from '../src/engine/hash';
import type { Scenario } from '../src/engine/types';

export const SCENARIOS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');
export const VERSIONS_FILE = 'versions.txt';
export const ADD_COMMAND = 'npm run versions';

export interface ShippedVersion {
  id: string;
  hash: string;
  /** The day it was committed (YYYY-MM-DD). */
  since: string;
  /** The short commit it came with; `after-<commit>` when it was added before its own commit. */
  commit: string;
}

const HEADER = `# Every version of each built-in scenario the app has shipped, oldest first:
# <id> <content hash> <since: date> <commit>
# A run played on one of these counts without a trainer's decision (see scenarios/README.md).
# After changing a scenario's content: \`${ADD_COMMAND}\` adds its new version here. Never remove a line.
`;

const LINE = /^([a-z0-9][a-z0-9-]*)\s+([0-9a-f]{16})\s+(\d{4}-\d{2}-\d{2})\s+(\S+)\s*$/;

/** Reads the list; a line that is not a version (other than a comment or blank) throws, naming it. */
export function parseVersions(text: string): ShippedVersion[] {
  const out: ShippedVersion[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) throw new Error(`${VERSIONS_FILE}:${i + 1}: not "<id> <16 hex characters> <YYYY-MM-DD> <commit>": ${line}`);
    out.push({ id: m[1], hash: m[2], since: m[3], commit: m[4] });
  }
  return out;
}

export function formatVersions(list: ShippedVersion[]): string {
  return HEADER + list.map(formatLine).join('\n') + '\n';
}

export const formatLine = (v: ShippedVersion) => `${v.id} ${v.hash} ${v.since} ${v.commit}`;

/** The content hash of a scenario file's text, as the app computes it for a built-in. */
export function hashOfText(text: string): string {
  return contentHash(JSON.parse(text) as Scenario);
}

/** The built-in scenario files: id (file name without .json) → text. */
export function builtInFiles(dir = SCENARIOS_DIR): Map<string, string> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
  return new Map(files.map((f) => [f.replace(/\.json$/, ''), readFileSync(join(dir, f), 'utf8')]));
}

export function readVersions(dir = SCENARIOS_DIR): ShippedVersion[] {
  const path = join(dir, VERSIONS_FILE);
  return existsSync(path) ? parseVersions(readFileSync(path, 'utf8')) : [];
}

/** The current version of each built-in that the list lacks, as the line to add. */
export function missingVersions(files: Map<string, string>, list: ShippedVersion[], since: string, commit: string): ShippedVersion[] {
  const known = new Set(list.map((v) => `${v.id} ${v.hash}`));
  return [...files].map(([id, text]) => ({ id, hash: hashOfText(text), since, commit })).filter((v) => !known.has(`${v.id} ${v.hash}`));
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Every version of each built-in in git history (first-parent line of `ref`), oldest first. */
export function versionsFromGit(dir = SCENARIOS_DIR, ref = 'HEAD'): ShippedVersion[] {
  const out: ShippedVersion[] = [];
  for (const id of builtInFiles(dir).keys()) {
    const log = git(['log', '--first-parent', '--reverse', '--format=%h %cs', ref, '--', `${id}.json`], dir).trim();
    for (const line of log ? log.split('\n') : []) {
      const [commit, since] = line.split(' ');
      let text: string;
      try {
        text = git(['show', `${commit}:./${id}.json`], dir);
      } catch {
        continue; // deleted in this commit
      }
      const hash = hashOfText(text);
      if (!out.some((v) => v.id === id && v.hash === hash)) out.push({ id, hash, since, commit });
    }
  }
  return out;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function headCommit(dir: string): string {
  try {
    return git(['rev-parse', '--short', 'HEAD'], dir).trim();
  } catch {
    return 'none';
  }
}

export function main(argv: string[], dir = SCENARIOS_DIR, out: (s: string) => void = console.log): number {
  const files = builtInFiles(dir);
  if (argv.includes('--from-git')) {
    const list = versionsFromGit(dir);
    // The working copy's version too, when it is not committed yet.
    list.push(...missingVersions(files, list, today(), `after-${headCommit(dir)}`));
    writeFileSync(join(dir, VERSIONS_FILE), formatVersions(list));
    out(`${VERSIONS_FILE}: ${list.length} versions of ${files.size} scenarios.`);
    return 0;
  }
  const list = readVersions(dir);
  // The commit that will hold the new version does not exist yet: name the one it follows.
  const missing = missingVersions(files, list, today(), `after-${headCommit(dir)}`);
  if (argv.includes('--check')) {
    for (const v of missing) out(`Missing in scenarios/${VERSIONS_FILE}: ${formatLine(v)}  (run \`${ADD_COMMAND}\`)`);
    return missing.length ? 1 : 0;
  }
  if (missing.length) writeFileSync(join(dir, VERSIONS_FILE), formatVersions([...list, ...missing]));
  for (const v of missing) out(`Added: ${formatLine(v)}`);
  if (!missing.length) out(`${VERSIONS_FILE}: every built-in's current version is listed.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
