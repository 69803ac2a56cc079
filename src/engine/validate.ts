/**
 * validateScenario: the one entry point the browser, the CLI and the tests use to turn a scenario
 * file (text or bytes) into either a playable scenario with its analysis, or every problem at
 * once, each placed at a line and column with a sentence a manager understands. Never throws.
 */
import type { Finding, Problem, ValidationResult } from './contract';
import type { Lang, Scenario } from './types';
import { parseJson, type ParsedJson } from './json-parse';
import { checkSchema, type Issue } from './schema-check';
import { checkPreconditions, checkReferences } from './validate-refs';
import { sentence } from './messages';
import { messageText } from './message-catalog';
import { msg } from './message-args';
import { analyseGraph } from './analyse';
import { testWiseness } from './test-wiseness';
import { summariseTestWiseness, testWisenessFindings } from './test-wiseness-findings';

/** Options of validateScenario. */
export interface ValidateOptions {
  /** The language of the messages (default English). */
  lang?: Lang;
  /**
   * The authors' guide as the reader has it, for the messages that point into it, named to follow
   * "in" or "following" in `lang` (default "scenarios/README.md": the command line, an editor).
   */
  guide?: string;
  /**
   * The scenario was accepted by an earlier Frontlijn and played as stored (a results file carries
   * it): the rules made stricter since then (TIGHTENED: a field name written in Dutch, a stray key in
   * effects) report as the warnings they were, so its runs can still be read, and score as they
   * were played (such a key counted for nothing then and does now).
   */
  played?: boolean;
}

/** Problems that were warnings until they became errors for authors; see ValidateOptions.played. */
const TIGHTENED: ReadonlySet<string> = new Set(['dutch-field', 'unknown-effect']);

function place(parsed: ParsedJson, issue: Issue | Finding, lang: Lang, guide: string | undefined): Problem {
  const at = 'atKey' in issue && issue.atKey ? parsed.locateKey(issue.path) : parsed.locate(issue.path);
  return {
    severity: issue.severity,
    code: issue.code,
    message: sentence(issue.ref ? messageText(lang, issue.ref, parsed.value, guide) : (issue as Finding).message),
    path: issue.path,
    line: at.line,
    column: at.column,
    ...(issue.path.length === 0 ? { wholeFile: true as const } : {}),
  };
}

/** Errors first, then in file order (sort is stable: problems at one place keep their order). */
function sortProblems(problems: Problem[]): Problem[] {
  const rank = (p: Problem) => (p.severity === 'error' ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column);
}

function result(problems: Problem[], extra: Partial<ValidationResult> = {}): ValidationResult {
  return { ok: !problems.some((p) => p.severity === 'error'), problems: sortProblems(problems), ...extra };
}

/**
 * Validates a scenario file's text or bytes: syntax (with recovery from common slips), limits
 * (5 MB, nesting depth 64, 2,000 nodes), the format version, the structure (driven by
 * scenarios/scenario.schema.json), languages and references, then, when all that is sound, the
 * graph analysis (unreachable nodes, dead ends, loops, conditions that never hold, weak content)
 * and, for a scenario without errors, its test-wiseness
 * (test-wiseness.ts: what a player who picks by text length or at random reaches; its figures go
 * into `analysis.summary.testWiseness`).
 * Never throws. When there are no errors, `scenario` and `analysis` are filled in (its content
 * hash, which only saving or importing a version needs, is `contentHash(scenario)` from hash.ts).
 * Messages are in `options.lang` (default English); everything else is the same in every language.
 */
export function validateScenario(input: string | Uint8Array, options: ValidateOptions = {}): ValidationResult {
  const lang = options.lang === 'nl' ? 'nl' : 'en';
  const guide = options.guide;
  const parsed = parseJson(input);
  const problems: Problem[] = parsed.problems.map((p) => ({
    severity: 'error',
    code: p.code,
    message: sentence(messageText(lang, p.ref, null, guide)),
    path: p.path,
    line: p.line,
    column: p.column,
    ...(p.wholeFile ? { wholeFile: true as const } : {}),
  }));
  if (parsed.fatal) return result(problems);
  const value = parsed.value;

  const pre = checkPreconditions(value);
  if (pre.length) return result([...problems, ...pre.map((i) => place(parsed, i, lang, guide))]);

  const schema = checkSchema(value);
  for (const issue of schema.issues) problems.push(place(parsed, issue, lang, guide));
  for (const issue of checkReferences(value, schema.texts)) problems.push(place(parsed, issue, lang, guide));
  if (options.played) for (const p of problems) if (TIGHTENED.has(p.code)) p.severity = 'warning';
  if (problems.some((p) => p.severity === 'error')) return result(problems);

  const scenario = value as Scenario;
  let analysed;
  try {
    analysed = analyseGraph(scenario);
  } catch (e) {
    problems.push({
      severity: 'error',
      code: 'analysis-failed',
      message: messageText(lang, msg('analysis-failed', { detail: e instanceof Error ? e.message : String(e) }), null, guide),
      path: [],
      line: 1,
      column: 1,
      wholeFile: true,
    });
    return result(problems);
  }
  const { analysis, graph } = analysed;
  for (const finding of analysis.findings) problems.push(place(parsed, finding, lang, guide));
  if (problems.some((p) => p.severity === 'error')) return result(problems);
  // Only a sound scenario can be played through: then measure what a player who does not read reaches.
  const tw = testWiseness(scenario, analysis, {}, graph);
  for (const finding of testWisenessFindings(scenario, tw)) problems.push(place(parsed, finding, lang, guide));
  const summary = { ...analysis.summary, testWiseness: summariseTestWiseness(tw) };
  return { ...result(problems), scenario, analysis: { ...analysis, summary } };
}
