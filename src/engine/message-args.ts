/**
 * The data behind every validation message: for each problem code, the facts its sentence needs
 * (places as JSON paths, ids, values, counts), never words. The checks record these; the catalog
 * of a language (messages-en.ts, messages-nl.ts) turns them into a sentence. Pure: types and
 * the one constructor, msg().
 */
import type { JsonPath } from './contract';
import type { Lang, Text } from './types';

/** What a field should hold, for "should be …": a named definition, a JSON type, one of several types, or the whole scenario. */
export type Expected = { ref: string } | { type: string } | { anyOf: (string | undefined)[] } | { scenario: true };

/** An option (or, with option null, the time-out) of a node. */
export interface ChoiceRef {
  node: string;
  option: string | null;
}

/** A (mood, flags) combination a node is reached with. */
export interface StateRef {
  mood: number;
  /** The flags set then. */
  flags: string[];
}

/** A flag a condition needs, which no option or time-out ever sets: usually a typo of one that is set. */
export interface UnsetFlag {
  flag: string;
  /** The closest flag that is set somewhere, for "did you mean". */
  suggestion: string | null;
}

/** Why an unreachable node or ending is never reached. */
export type Why = { kind: 'conditions' } | { kind: 'via'; node: string } | { kind: 'none' };

/** What "found …" names in a syntax message: a snippet of the file, or null for its end. */
export type Found = string | null;

/** The fix suggested for a bare word such as True, None or NaN. */
export type WordFix = 'lowercase-true' | 'lowercase-false' | 'null' | 'leave-out' | 'number';

/** The extra hint after "found …" for the character that was found. */
export type FoundHint = 'comma' | 'close' | 'curly' | 'quotes';

/** Per problem code (and 'more-like-this' for the "…and 12 more" line), the facts of its message. */
export interface MessageArgs {
  // Syntax and encoding (json-*.ts).
  'json-too-many-problems': { max: number };
  'json-comment': { unclosed: boolean };
  'json-unterminated-string': { line: number; atLineEnd: boolean };
  'json-invalid-escape': { char: string };
  'json-control-character': { tab: boolean };
  'json-single-quotes': { line: number; value: string | null };
  'json-invalid-number': { raw: string };
  'json-syntax':
    | { kind: 'word'; word: string; fix: WordFix }
    | { kind: 'bare-word'; word: string }
    | { kind: 'value-expected'; found: Found; hint: FoundHint; curly?: number }
    | { kind: 'key-expected'; found: Found; hint: FoundHint; curly?: number }
    | { kind: 'colon-expected'; key: string; found: Found }
    | { kind: 'comma-expected'; list: boolean; line: number; found: Found };
  'json-empty': Record<string, never>;
  'json-trailing-text': { line: number };
  'json-too-deep': { max: number };
  'json-unexpected-end': { list: boolean | null; line: number };
  'json-unquoted-key': { key: string };
  'json-missing-colon': { key: string };
  'forbidden-key': { key: string };
  /** `within`: the key is a node's or an ending's id (a copied node or ending kept its id). */
  'duplicate-key': { key: string; line: number; within?: 'nodes' | 'endings' };
  'json-trailing-comma': { list: boolean; line: number };
  'json-missing-comma': { list: boolean; line: number };
  'file-too-large': { bytes: number };
  'not-text': { kind: 'word' | 'pdf' | 'rtf' | 'binary' };
  'invalid-utf8': { byte: number; offset: number; ansi: string | null } | { byte: null };
  // Structure (schema-check.ts).
  'condition-as-text': { at: JsonPath; value: string };
  'wrong-type': { at: JsonPath; expected: Expected; value: unknown; type: string | null };
  'invalid-value': { at: JsonPath; value: unknown; allowed: string[] };
  'not-whole-number': { at: JsonPath; value: number };
  'out-of-range': { at: JsonPath; value: number; min?: number; max?: number; rubric: boolean };
  'empty-value': { at: JsonPath; what: string };
  'invalid-format': { at: JsonPath; value: string; pattern: string };
  'too-few-options': { at: JsonPath; count: number; min: number; max?: number };
  'too-few-items': { at: JsonPath; count: number; min: number; map: false } | { at: JsonPath; count: number; min: number; map: true; what: string };
  'too-many-options': { at: JsonPath; count: number; max: number };
  'too-many-items': { at: JsonPath; count: number; max: number };
  'duplicate-item': { at: JsonPath; value: unknown };
  'missing-field': { at: JsonPath; name: string; what: string; wrote?: string | null };
  'unknown-field': { at: JsonPath; key: string; allowed: string[] };
  'unknown-effect': { at: JsonPath; key: string; allowed: string[] };
  /** A field the format has, but not here: `homes` are the places (schema definitions, or 'Scenario') that have it. */
  'misplaced-field': { at: JsonPath; key: string; homes: string[] };
  'dutch-field': { at: JsonPath; key: string; field: string };
  'invalid-id': { at: JsonPath; kind: 'node' | 'ending' | 'name'; key: string; pattern: string; inside: boolean };
  // Meaning (validate-refs.ts, validate.ts).
  'not-a-scenario': { list: boolean };
  'format-too-new': { version: number; current: number };
  'format-too-old': { version: number; min: number; current: number };
  'too-many-nodes': { count: number; endings: boolean; max: number };
  'empty-text': { at: JsonPath; lang: string | null };
  'missing-language': { at: JsonPath; lang: string; declared: string[] };
  /** A plain string in a file that declares `declared` and writes other texts per language. */
  'one-language-text': { at: JsonPath; declared: string[] };
  'undeclared-language': { at: JsonPath; lang: string; declared: string[] };
  'unknown-target': { at: JsonPath; target: string; suggestion: string | null };
  /** `at`: the option or route whose condition names the node. */
  'unknown-visited-node': { at: JsonPath; node: string; suggestion: string | null };
  'mood-min-above-max': { at: JsonPath; min: number; max: number };
  'empty-routes': { at: JsonPath };
  'duplicate-id': { id: string };
  'id-too-long': { at: JsonPath; id: string; max: number };
  'start-is-ending': { start: string };
  'unknown-start': { start: string; suggestion: string | null; example: string | null };
  'duplicate-option-id': { node: string; id: string; first: number; second: number };
  'weights-all-zero': Record<string, never>;
  'analysis-failed': { detail: string };
  // The graph analysis (analyse-findings.ts).
  'too-many-states': { flags: boolean; max: number };
  'flat-dimension': { dimension: string; points: number };
  'unreachable-node': { id: string; why: Why };
  'unreachable-ending': { id: string; why: Why };
  'dead-end': { id: string; states: StateRef[]; more: number };
  'no-route': { choice: ChoiceRef; state: StateRef };
  'no-ending': { id: string };
  'score-loop': { nodes: string[]; choice: ChoiceRef; dimension: string };
  loop: { nodes: string[] };
  'condition-never-holds': ({ route: null; low: number; high: number } | { route: string }) & { choice: ChoiceRef; unset: UnsetFlag[] };
  'route-never-taken': { choice: ChoiceRef; route: string };
  'same-scores': { id: string };
  'missing-feedback': { choice: ChoiceRef; text: Text | null };
  // Test-wiseness (test-wiseness-findings.ts).
  'length-strategy': {
    strategy: 'longest' | 'shortest';
    lang: Lang;
    ending: string;
    fan: boolean;
    overall: number;
    /** On how many of the walk's decisions the option it picked is a top-scoring one, the first of them. */
    best: number;
    decisions: number;
    first: string | null;
  };
  'longest-is-best': { lang: Lang; nodes: string[]; decisions: number; percent: number; limit: number };
  'mood-saturated': { mood: number; nodes: string[] };
  'long-way-pays': { node: string; option: string; over: string[] };
  'more-like-this': { more: number; code: string };
}

/** A message key: a problem code, or 'more-like-this'. */
export type MessageKey = keyof MessageArgs;

/** A message not yet put into words: its key and facts. */
export type MessageRef = { [K in MessageKey]: { key: K; args: MessageArgs[K] } }[MessageKey];

/**
 * What the reader of a message has beside it. `guide`: the authors' guide as the reader can open
 * it, named so that "see "The scoring rubric" in <guide>" reads: the file scenarios/README.md on
 * the command line and in an editor (FILE_GUIDE), the guide on its authoring screen in the app.
 */
export interface MessageContext {
  guide: string;
}

/** A reader who has the repository: the guide is the file beside the scenarios. */
export const FILE_GUIDE: MessageContext = { guide: 'scenarios/README.md' };

/**
 * The catalog of one language: a sentence per message key. `root` is the parsed file, for naming
 * options by their id; `context`, what the reader has (the guide the messages point at).
 */
export type Catalog = { [K in MessageKey]: (args: MessageArgs[K], root: unknown, context: MessageContext) => string };

/** Records a message: its key and facts, typed per key. */
export function msg<K extends MessageKey>(key: K, args: MessageArgs[K]): MessageRef {
  return { key, args } as MessageRef;
}
