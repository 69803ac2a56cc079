/**
 * The English words of the validation messages: how to name a place in a scenario ("option "b" of
 * node "greet""), how to describe a value, what a field should be (nouns for JSON types and for the
 * named definitions of the scenario schema) and the id patterns in plain words. words-nl.ts has the
 * same words in Dutch (Words is this object's type, so TypeScript checks that none is missing). Pure.
 */
import type { Lang } from './types';

/** English names of the languages a Text can provide. */
const LANG_NAMES: Record<Lang, string> = { nl: 'Dutch', en: 'English' };

/** The name of a language code for messages ("English", or the code itself). */
export function langName(code: string): string {
  return (LANG_NAMES as Record<string, string>)[code] ?? `"${code}"`;
}

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
}

/** The English words of the messages. */
export const EN_WORDS = {
  null: 'null',
  list: (n: number) => `a list of ${n}`,
  emptyList: 'an empty list',
  /** A (possibly shortened) text, quotes included. */
  text: (quoted: string) => `the text ${quoted}`,
  number: (n: number) => `the number ${n}`,
  object: 'an object { … }',
  nothing: 'nothing',
  node: (quotedId: string) => `node ${quotedId}`,
  option: (quotedId: string, node: string) => `option ${quotedId} of ${node}`,
  nthOption: (n: number, node: string) => `the ${ordinal(n)} option of ${node}`,
  route: (n: number, owner: string) => `route ${n} of ${owner}`,
  timeLimit: (node: string) => `the time limit of ${node}`,
  ending: (quotedId: string) => `ending ${quotedId}`,
  nodes: 'the nodes',
  endings: 'the endings',
  customer: 'the customer',
  scoring: 'the scoring settings',
  scenario: 'the scenario',
  /** A field below an owner: `"effects.warmth" of option "b"`. */
  field: (quotedField: string, owner: string) => `${quotedField} of ${owner}`,
  /** The text of an option or ending: `text of option "b"`. */
  textOf: (owner: string) => `text of ${owner}`,

  /** What a JSON type is called in "should be a number"; `otherType` any other, joined with `or`. */
  types: {
    string: 'a text in double quotes',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    object: 'an object { … }',
    array: 'a list [ … ]',
  },
  otherType: 'something else',
  or: 'or',
  /** What the whole file should be. */
  scenarioObject: 'a scenario object { … }',
  /** Where a field the format has elsewhere belongs: by the schema's definition name, 'Scenario' for the top level. */
  homes: {
    Scenario: 'the scenario itself (at the top of the file)',
    DecisionNode: 'a decision node',
    Option: 'an option',
    Ending: 'an ending',
    Customer: 'the scenario’s "customer"',
    CustomerLine: 'the "customer" of a node, an ending or a time limit',
    TimeLimit: 'a "timeLimit"',
    Route: 'a route',
    Condition: 'a condition',
    Effects: '"effects"',
    Scoring: '"scoring"',
  } as Record<string, string>,
  /** What a value of a named schema definition is called (the schema check names only these). */
  refs: {
    Text: 'a text: one string in double quotes, or one string per language like {"nl": "…", "en": "…"}',
    Next: 'the id of a node or ending in double quotes, or a list of routes like [{"when": {"mood": {"max": -3}}, "to": "walks-out"}, {"to": "checkout"}]',
    Condition: 'a condition object like {"mood": {"max": -3}} or {"flags": {"offeredHelp": true}}',
    Effects: 'an object of effects like {"warmth": 1, "outcome": 1, "mood": 1}',
    Route: 'a route object like {"when": {"mood": {"max": -3}}, "to": "walks-out"}',
    Option: 'an option object with "id", "text", "effects", "feedback" and "next"',
    DecisionNode: 'a node object with "situation" and "options"',
    Ending: 'an ending object with "title", "text" and "tone"',
    CustomerLine: 'an object with what the customer "says", "does" and their "expression"',
    TimeLimit: 'a time limit object with "seconds" and "next"',
    Customer: 'an object describing the customer, with at least a "name"',
    Scoring: 'an object with "weights"',
    Lang: 'a language code: "nl" or "en"',
  },
  /** The id patterns explained ("may only contain ..."), and any other pattern. */
  patterns: {
    '^[a-z0-9]+(-[a-z0-9]+)*$': 'may only contain lowercase letters, digits and single hyphens between them (no spaces), e.g. "toy-shop-saturday"',
    '^[A-Za-z0-9_-]+$': 'may only contain letters, digits, hyphens and underscores (no spaces or accents), e.g. "greet-customer"',
    '^[A-Za-z][A-Za-z0-9_-]*$': 'must start with a letter and contain only letters, digits, hyphens and underscores, e.g. "offeredHelp"',
    '^#[0-9a-fA-F]{6}$': 'must be a colour written as # and six hexadecimal digits, e.g. "#8a5a2b"',
  },
  otherPattern: (pattern: string) => `must match the pattern ${pattern}`,
  /** Short fixes for a value of the wrong type (typeFix in messages.ts picks one). */
  unquote: (value: number | string) => ` Write ${value} without quotes.`,
  quote: (value: number | boolean) => ` Put it in double quotes: "${value}".`,
  brackets: ' Put the items between [ and ].',
};

/** The words of one language, as above. */
export type Words = typeof EN_WORDS;
