/**
 * The words the schema check uses for what a field should be: nouns for JSON types and for the
 * named definitions of the scenario schema, and plain explanations of the id patterns. Pure.
 */

/** What a JSON type is called in a message ("should be a number"). */
export const TYPE_NOUNS: Record<string, string> = {
  string: 'a text in double quotes',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
};

/** What a value of a named schema definition is called in a message. */
export const REF_NOUNS: Record<string, string> = {
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
};

const PATTERN_HINTS: Record<string, string> = {
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'may only contain lowercase letters, digits and single hyphens between them (no spaces), e.g. "toy-shop-saturday"',
  '^[A-Za-z0-9_-]+$': 'may only contain letters, digits, hyphens and underscores (no spaces or accents), e.g. "greet-customer"',
  '^[A-Za-z][A-Za-z0-9_-]*$': 'must start with a letter and contain only letters, digits, hyphens and underscores, e.g. "offeredHelp"',
  '^#[0-9a-fA-F]{6}$': 'must be a colour written as # and six hexadecimal digits, e.g. "#8a5a2b"',
};

/** Explains an id pattern in words ("may only contain ..."). */
export function patternHint(pattern: string): string {
  return PATTERN_HINTS[pattern] ?? `must match the pattern ${pattern}`;
}

/** A short fix for a value of the wrong type, e.g. a number written in quotes. */
export function typeFix(expected: string, value: unknown): string {
  if ((expected === 'number' || expected === 'integer') && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return ` Write ${Number(value)} without quotes.`;
  }
  if (expected === 'boolean' && (value === 'true' || value === 'false')) return ` Write ${value} without quotes.`;
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return ` Put it in double quotes: "${value}".`;
  if (expected === 'array' && value !== null && typeof value === 'object') return ' Put the items between [ and ].';
  return '';
}
