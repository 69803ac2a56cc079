/**
 * The scenario validator for managers: `npm run validate -- <files or folders> [--json]`.
 * Reads each scenario file (folders: every *.json below them except *.schema.json), prints every
 * problem as `file:line:col: error|warning: message` (one about the whole file, such as a missing
 * file or a score no path varies, as `file: error|warning: message`), then a summary of each valid file, and
 * exits with 1 when any file has an error. `--json` prints the same as JSON for tools; `--lang nl`
 * writes every message and the summary in Dutch (default `--lang en`).
 * I/O: reads the files named on the command line; writes only to stdout/stderr.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Problem, ScenarioSummary } from '../src/engine/contract';
import { DIMENSIONS, type Lang } from '../src/engine/types';
import { MAX_FILE_BYTES, parseJson, tooLarge, validateScenario } from '../src/engine/index';
import { messageText } from '../src/engine/message-catalog';
import { sentence } from '../src/engine/messages';
import { CLI_WORDS } from './validate-words';

/** The outcome for one file. */
export interface FileReport {
  file: string;
  ok: boolean;
  problems: Problem[];
  summary?: ScenarioSummary;
  title?: string;
}

/** Everything the CLI found, as `--json` prints it. */
export interface CliReport {
  files: FileReport[];
  totals: { files: number; valid: number; errors: number; warnings: number };
}

const USAGE = `Usage: npm run validate -- <file or folder> [more files or folders] [--json] [--lang nl|en]

Checks Frontlijn scenario files and prints every problem as file:line:column
(one about the file as a whole as file: without a place).
Folders are searched for *.json files (scenario.schema.json is skipped).
  --json         print the result as JSON (for tools)
  --lang nl|en   the language of the messages and the summary (default en; nl: Nederlands)
Exit code: 0 when no file has an error, 1 otherwise, 2 for a usage mistake.`;

function collect(path: string, out: string[], missing: string[]): void {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    missing.push(path);
    return;
  }
  if (stat.isFile()) {
    out.push(path);
    return;
  }
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json') && !entry.name.endsWith('.schema.json') && !entry.name.endsWith('.expected.json')) found.push(full);
    }
  };
  walk(path);
  if (found.length === 0) missing.push(`${path} (a folder without .json files)`);
  out.push(...found);
}

/** A problem about the file as a whole (missing, unreadable, too large): no place in it. */
function problem(message: string, code: string): Problem {
  return { severity: 'error', code, message, path: [], line: 1, column: 1, wholeFile: true };
}

/** Validates one file from disk, with messages in `lang`. */
export function validateFile(file: string, lang: Lang = 'en'): FileReport {
  const w = CLI_WORDS[lang];
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return { file, ok: false, problems: [problem(w.fileMissing, 'file-missing')] };
  }
  if (size > MAX_FILE_BYTES) {
    const p = tooLarge(size);
    return { file, ok: false, problems: [{ ...problem(sentence(messageText(lang, p.ref)), p.code) }] };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    return { file, ok: false, problems: [problem(w.unreadable((e as Error).message), 'file-unreadable')] };
  }
  const r = validateScenario(bytes, { lang });
  const title = r.scenario ? (typeof r.scenario.title === 'string' ? r.scenario.title : (r.scenario.title[lang] ?? r.scenario.title.en ?? r.scenario.title.nl)) : undefined;
  return { file, ok: r.ok, problems: r.problems, summary: r.analysis?.summary, title };
}

/** Reports two files that use the same scenario id (the game keys scenarios by id). */
function checkDuplicateIds(reports: FileReport[], lang: Lang): void {
  const seen = new Map<string, FileReport>();
  for (const r of reports) {
    const id = r.summary?.id;
    if (!id) continue;
    const first = seen.get(id);
    if (!first) {
      seen.set(id, r);
      continue;
    }
    const at = parseJson(new Uint8Array(readFileSync(r.file))).locate(['id']);
    r.ok = false;
    r.problems.unshift({ severity: 'error', code: 'duplicate-scenario-id', message: CLI_WORDS[lang].duplicateId(id, first.file), path: ['id'], line: at.line, column: at.column });
  }
}

/** Validates files and folders, with messages in `lang`; returns the report (no printing). */
export function validatePaths(paths: string[], lang: Lang = 'en'): { report: CliReport; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) collect(p, files, missing);
  const reports = [...new Set(files)].map((f) => validateFile(f, lang));
  checkDuplicateIds(reports, lang);
  for (const m of missing) reports.push({ file: m, ok: false, problems: [problem(CLI_WORDS[lang].noSuchPath, 'file-missing')] });
  const count = (s: Problem['severity']) => reports.reduce((n, r) => n + r.problems.filter((p) => p.severity === s).length, 0);
  return {
    report: { files: reports, totals: { files: reports.length, valid: reports.filter((r) => r.ok).length, errors: count('error'), warnings: count('warning') } },
    missing,
  };
}

/** The human summary lines of a valid file. */
export function summaryLines(r: FileReport, lang: Lang = 'en'): string[] {
  const s = r.summary;
  if (!s) return [];
  const w = CLI_WORDS[lang];
  const minutes = s.estimatedMinutes ?? Math.max(1, Math.round(((s.shortestPath + s.longestPath) / 2) * 0.5));
  const ranges = DIMENSIONS.map((d) => w.dimension(d, s.ranges[d].min, s.ranges[d].max)).join(', ');
  return [w.valid(r.file, r.title, s.id), ...w.summary(s, minutes, ranges), ...(s.testWiseness ? w.testWiseness(s.testWiseness) : [])];
}

/** Formats the report for a terminal. */
export function formatText(report: CliReport, color = false, lang: Lang = 'en'): string {
  const w = CLI_WORDS[lang];
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  for (const r of report.files) {
    for (const p of r.problems) {
      const sev = p.severity === 'error' ? paint(31, w.error) : paint(33, w.warning);
      // Without a line:column, an editor's problem matcher does not point at the file's first character.
      lines.push(`${r.file}${p.wholeFile ? '' : `:${p.line}:${p.column}`}: ${sev}: ${p.message}`);
    }
  }
  const valid = report.files.filter((r) => r.ok && r.summary);
  if (valid.length) {
    if (lines.length) lines.push('');
    for (const r of valid) lines.push(...summaryLines(r, lang), '');
  } else if (lines.length) lines.push('');
  const t = report.totals;
  const verdict = w.totals(t.files, t.valid, t.errors, t.warnings);
  lines.push(t.errors ? paint(31, verdict) : paint(32, verdict));
  return lines.join('\n');
}

/** Reads `--lang nl`, `--lang=nl` (or en) from the arguments: the language, the arguments without it, and a mistake if any. */
function langOption(args: string[]): { lang: Lang; rest: string[]; mistake?: string } {
  const rest: string[] = [];
  let lang: Lang = 'en';
  let mistake: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a !== '--lang' && !a.startsWith('--lang=')) {
      rest.push(a);
      continue;
    }
    const value = a === '--lang' ? args[++i] : a.slice('--lang='.length);
    if (value === 'nl' || value === 'en') lang = value;
    else mistake = `--lang takes nl or en${value === undefined ? '' : `, not "${value}"`}.`;
  }
  return { lang, rest, mistake };
}

/** Runs the CLI with these arguments; returns the exit code. */
export function main(argv: string[], out: (s: string) => void = console.log, err: (s: string) => void = console.error): number {
  const { lang, rest: args, mistake } = langOption(argv);
  if (mistake) {
    err(mistake);
    err(USAGE);
    return 2;
  }
  const json = args.includes('--json');
  const paths = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--json');
  if (args.includes('--help') || paths.length === 0 || unknown.filter((a) => a !== '--help').length) {
    if (unknown.some((a) => a !== '--help')) err(`Unknown option ${unknown.find((a) => a !== '--help')}.`);
    err(USAGE);
    return args.includes('--help') && !unknown.some((a) => a !== '--help') ? 0 : 2;
  }
  const { report } = validatePaths(
    paths.map((p) => {
      const rel = relative(process.cwd(), p);
      return rel && !rel.startsWith('..') ? rel : p;
    }),
    lang,
  );
  out(json ? JSON.stringify(report, null, 2) : formatText(report, !!process.stdout.isTTY && !process.env.NO_COLOR, lang));
  return report.totals.errors ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
