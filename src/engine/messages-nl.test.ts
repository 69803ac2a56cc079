/**
 * The validator speaks Dutch: every fixture, the hostile import corpus, the built-in scenarios and
 * a set of slips validated with lang 'nl' give the same problems as in English (code, severity,
 * path, line, column) with a Dutch sentence, and every message key has a sentence in both
 * catalogs (no fallback to English).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from './validate';
import { CATALOGS } from './message-catalog';
import { FILE_GUIDE, type MessageContext } from './message-args';
import { FIELD_WORDS_NL } from './words-nl';
import { SCENARIO_SCHEMA, type SchemaNode } from './schema-check';
import { hostileCorpus } from '../../test-support/hostile';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const SCENARIOS = new URL('../../scenarios/', import.meta.url);

const tutorial = (): Record<string, unknown> => JSON.parse(readFileSync(new URL('tutorial-minimal.json', FIXTURES), 'utf8'));
const edit = (change: (s: Record<string, unknown>) => void): string => {
  const s = tutorial();
  change(s);
  return JSON.stringify(s, null, 2);
};

/** Slips that the fixtures do not cover, so every parser and check variant is seen in Dutch. */
const SLIPS: Record<string, string | Uint8Array> = {
  'single quotes': `{'id': 1}`,
  'single quote not closed': `{"id": 'abc\n}`,
  'comment': `{ // note\n "id": 1 }`,
  'block comment not closed': `{ /* note \n "id": 1 }`,
  'True and None': `{"a": True, "b": None, "c": undefined, "d": NaN, "e": FALSE}`,
  'bare word': `{"a": hello}`,
  'bad number': `{"a": +1, "b": 01}`,
  'bad escape and tab': `{"a": "x\\q", "b": "tab\there"}`,
  'unterminated at end of file': `{"a": "abc`,
  'unquoted key': `{id: 1}`,
  'key expected': `{"a": 1, }`,
  'curly quotes': `{"a": “x”}`,
  'colon expected': `{"a" 1 2}`,
  'comma expected in object': `{"a": 1 ]`,
  'comma expected in list': `{"a": [1 }`,
  'list cut off': `{"a": [1,`,
  'object cut off': `{"a": 1,`,
  'value cut off': `{"a":`,
  'trailing comma in list': `{"a": [1, 2,]}`,
  'missing comma in list': `{"a": [1\n 2]}`,
  'empty file': ``,
  'a list': `[1, 2]`,
  'a number': `42`,
  'too old': `{"formatVersion": 0}`,
  'not UTF-8 at all': new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
  'wrong types and ranges': edit((s) => {
    const nodes = s.nodes as Record<string, Record<string, unknown>>;
    const first = Object.values(nodes)[0];
    const options = first.options as Record<string, unknown>[];
    options[0].effects = { warmth: 7, mood: '1', outcome: 1.5, score: 2 };
    options[0].when = { mood: { max: 'low' } };
    s.setting = 'garage';
    s.languages = ['nl', 'nl'];
    s.customer = { name: ' ', look: { hair: 'red' } };
    s.title = 12;
    s.start = 'nowhere';
    (s as Record<string, unknown>).scoring = { weights: { warmth: 0, initiative: 0, outcome: 0 } };
  }),
  'bad ids and too many options': edit((s) => {
    const nodes = s.nodes as Record<string, Record<string, unknown>>;
    const first = Object.values(nodes)[0];
    const options = first.options as Record<string, unknown>[];
    first.options = [...options, ...options, ...options].map((o, i) => ({ ...o, id: i < 2 ? 'same' : `o${i}` }));
    nodes['bad id'] = { situation: 'x', options: [] };
    s.id = 'Bad Id';
  }),
  'languages': edit((s) => {
    s.languages = ['en'];
    s.title = { nl: 'Titel', en: ' ' };
    s.description = { nl: 'Alleen Nederlands' };
  }),
};

interface Case {
  name: string;
  input: string | Uint8Array;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json')).sort()) {
    out.push({ name: `fixture ${f}`, input: new Uint8Array(readFileSync(new URL(f, FIXTURES))) });
  }
  for (const f of readdirSync(SCENARIOS).filter((f) => f.endsWith('.json') && !f.includes('schema')).sort()) {
    out.push({ name: `scenario ${f}`, input: new Uint8Array(readFileSync(new URL(f, SCENARIOS))) });
  }
  for (const h of hostileCorpus()) out.push({ name: `hostile ${h.name}`, input: new Uint8Array(h.bytes) });
  for (const [name, input] of Object.entries(SLIPS)) out.push({ name: `slip: ${name}`, input });
  return out;
}

/** English words and phrases that must not be left in a Dutch message (outside quoted ids and examples). */
const ENGLISH = [' does not exist', 'did you mean', 'node ', 'option ', ' should be', ' must ', ' is empty', ' is missing', ' the ', ' and ', ' or ', 'write ', ' add ', ' remove', ' found ', ' expected', ' which ', ' but '];

/** The message without its quoted parts (ids, values, JSON examples), which stay as written. */
function unquoted(message: string): string {
  return message.replace(/"[^"\n]*"/g, '""').replace(/\{[^{}]*\}/g, '{}');
}

describe('Dutch validation messages', () => {
  const seen = new Set<string>();
  for (const c of cases()) {
    it(c.name, () => {
      const en = validateScenario(c.input, { lang: 'en' });
      const nl = validateScenario(c.input, { lang: 'nl' });
      expect(validateScenario(c.input).problems).toEqual(en.problems);
      expect(nl.ok).toBe(en.ok);
      expect(nl.scenario).toEqual(en.scenario);
      expect(nl.problems.map(({ code, severity, path, line, column }) => ({ code, severity, path, line, column }))).toEqual(
        en.problems.map(({ code, severity, path, line, column }) => ({ code, severity, path, line, column })),
      );
      nl.problems.forEach((p, i) => {
        seen.add(p.code);
        const english = en.problems[i].message;
        expect(p.message, english).toMatch(/^[A-Z"…]/);
        if (unquoted(english).replace(/[^a-z]/gi, '').length > 0) expect(p.message).not.toBe(english);
        const rest = unquoted(p.message).toLowerCase();
        for (const word of ENGLISH) expect(rest, `${p.code}: ${p.message}`).not.toContain(word);
      });
      // The hostile corpus has 4 MB files, validated three times here: room for a busy machine
      // (this test is about the words, not the speed, which is npm run bench's).
    }, 60_000);
  }

  it('covers the parser, schema, reference and graph checks in Dutch', () => {
    for (const code of [
      'json-syntax', 'json-single-quotes', 'json-comment', 'json-unterminated-string', 'json-invalid-escape', 'json-control-character',
      'json-invalid-number', 'json-unexpected-end', 'json-trailing-comma', 'json-missing-comma', 'json-unquoted-key', 'json-empty',
      'invalid-utf8', 'file-too-large', 'json-too-deep', 'too-many-nodes', 'not-a-scenario', 'format-too-old', 'format-too-new',
      'wrong-type', 'out-of-range', 'not-whole-number', 'invalid-value', 'empty-value', 'invalid-format', 'invalid-id', 'too-many-options',
      'duplicate-option-id', 'duplicate-item', 'unknown-field', 'misplaced-field', 'unknown-effect', 'dutch-field', 'unknown-start', 'unknown-target', 'weights-all-zero', 'missing-language',
      'undeclared-language', 'one-language-text', 'empty-text', 'missing-field', 'forbidden-key', 'duplicate-key', 'unreachable-node', 'dead-end', 'loop',
    ]) {
      expect(seen, code).toContain(code);
    }
  });
});

/** Every message key the engine's sources record with msg('…'). */
function recordedKeys(): Set<string> {
  const dir = new URL('./', import.meta.url);
  const keys = new Set<string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    for (const m of readFileSync(new URL(f, dir), 'utf8').matchAll(/\bmsg\(\s*'([a-z0-9-]+)'/g)) keys.add(m[1]);
  }
  return keys;
}

describe('the message catalogs', () => {
  it('have a Dutch and an English sentence for every message key the validator records, and no others', () => {
    const keys = recordedKeys();
    expect(keys.size).toBeGreaterThan(50);
    expect(new Set(Object.keys(CATALOGS.en))).toEqual(keys);
    expect(new Set(Object.keys(CATALOGS.nl))).toEqual(keys);
    for (const key of keys) {
      expect(typeof (CATALOGS.nl as Record<string, unknown>)[key], key).toBe('function');
      expect(typeof (CATALOGS.en as Record<string, unknown>)[key], key).toBe('function');
    }
  });

  it('names a copied node or ending by what it is, not as a field of an object', () => {
    const r = validateScenario(new Uint8Array(readFileSync(new URL('duplicate-node.json', FIXTURES))), { lang: 'nl' });
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Er zijn twee knooppunten met de id "advice" \(het eerste op regel 60\).*Geef de kopie een eigen id/),
      expect.stringMatching(/^Er zijn twee eindes met de id "happy" \(het eerste op regel 140\)/),
    ]);
  });

  it('says how many curly quotes a file from Word has, and how to replace them all at once', () => {
    const r = validateScenario(new Uint8Array(readFileSync(new URL('syntax-curly-quotes-everywhere.json', FIXTURES))), { lang: 'nl' });
    expect(r.problems[0].message).toContain('Dit bestand heeft er 602: heeft je editor (bijvoorbeeld Word) alle aanhalingstekens krul gemaakt');
    expect(r.problems[0].message).toContain('(Zoeken en vervangen, Ctrl+H)');
  });

  it('names a flag that a condition needs and no option sets, with the flag that is set', () => {
    const r = validateScenario(new Uint8Array(readFileSync(new URL('flag-never-set.json', FIXTURES))), { lang: 'nl' });
    expect(r.problems.map((p) => p.message)).toEqual([
      'De route naar "comes-back" na optie "shrug" van knooppunt "advice" wordt nooit genomen: de voorwaarde vraagt de vlag "calledBack", maar geen enkele optie of time-out zet die vlag. ' +
        'Zet de vlag in de "effects" van de optie die deze weg moet openen: "flags": {"calledBack": true}.',
      'Optie "see-you-tomorrow" van knooppunt "advice" wordt nooit getoond: de voorwaarde vraagt de vlag "reserverd", maar geen enkele optie of time-out zet die vlag — bedoel je "reserved"? ' +
        'Verbeter de naam in de voorwaarde, of zet de vlag in de "effects" van de optie die deze weg moet openen: "flags": {"reserverd": true}.',
      expect.stringMatching(/^Einde "comes-back" is nooit te bereiken/),
    ]);
  });

  it('names the outcome score “resultaat”, as the game does, never “uitkomst”', () => {
    const nl = CATALOGS.nl as unknown as Record<string, (a: unknown, root: unknown, context: MessageContext) => string>;
    const flat = nl['flat-dimension']({ dimension: 'outcome', points: 2 }, {}, FILE_GUIDE);
    const loop = nl['score-loop']({ nodes: ['a'], choice: { node: 'a', option: 'b' }, dimension: 'outcome' }, {}, FILE_GUIDE);
    const same = nl['same-scores']({ id: 'a' }, {}, FILE_GUIDE);
    expect(flat).toContain('anders op resultaat');
    expect(loop).toContain('punten voor resultaat');
    expect(same).toContain('warmte, initiatief, resultaat en stemming');
    expect([flat, loop, same].join(' ')).not.toMatch(/uitkomst/i);
  });

  it('names the field to write for one written in Dutch', () => {
    const r = validateScenario(new Uint8Array(readFileSync(new URL('dutch-field-names.json', FIXTURES))), { lang: 'nl' });
    expect(r.problems.map((p) => p.message)).toEqual([
      'In "effects" van optie "alternative" van knooppunt "greet" staat "uitkomst": veldnamen zijn Engels, schrijf "outcome".',
      'In "effects" van optie "alternative" van knooppunt "greet" staat "stemming": veldnamen zijn Engels, schrijf "mood".',
    ]);
  });

  it('no check writes a message of its own past the catalogs', () => {
    const dir = new URL('./', import.meta.url);
    for (const f of readdirSync(dir).filter((f) => /^(json-|schema-check|validate|analyse-findings)/.test(f) && !f.endsWith('.test.ts'))) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      expect(text, f).not.toMatch(/message:\s*[`'"]/);
    }
  });

  it('has a Dutch description for every field description the schema check quotes', () => {
    const first = (d: string | undefined): string => {
      if (!d) return '';
      const s = d.replace(/`/g, '').split(/(?<!\be\.g\.)(?<!\bi\.e\.)(?<=[.!?])\s/)[0].replace(/\.$/, '');
      return s.charAt(0).toLowerCase() + s.slice(1);
    };
    const quoted = new Set<string>();
    const walk = (n: SchemaNode | undefined): void => {
      if (!n) return;
      for (const r of n.required ?? []) quoted.add(first(n.properties?.[r]?.description));
      if (n.minLength !== undefined || n.minProperties !== undefined) quoted.add(first(n.description));
      Object.values(n.properties ?? {}).forEach(walk);
      Object.values(n.$defs ?? {}).forEach(walk);
      walk(n.items);
      if (typeof n.additionalProperties === 'object') walk(n.additionalProperties);
      (n.anyOf ?? []).forEach(walk);
    };
    walk(SCENARIO_SCHEMA);
    quoted.delete('');
    for (const sentence of quoted) expect(FIELD_WORDS_NL, sentence).toHaveProperty([sentence]);
  });
});

describe('the Dutch messages’ pointers into the guide', () => {
  const readme = readFileSync(new URL('../../scenarios/README.md', import.meta.url), 'utf8');
  /** The text under a heading of the guide, up to the next heading of its level or higher. */
  const section = (title: string): string | null => {
    const m = new RegExp(`^(#{2,3}) ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`, 'm').exec(readme);
    if (!m) return null;
    const rest = readme.slice(m.index + m[0].length);
    const end = new RegExp(`^#{2,${m[1].length}} `, 'm').exec(rest);
    return rest.slice(0, end?.index);
  };
  /** Dutch prose: its common small words outnumber English ones. */
  const dutch = (text: string): boolean => {
    const count = (words: string[]) => words.reduce((n, w) => n + (text.match(new RegExp(`\\b${w}\\b`, 'gi'))?.length ?? 0), 0);
    return count(['de', 'het', 'een', 'en', 'van', 'niet']) > 2 * count(['the', 'a', 'and', 'of', 'not', 'is']);
  };

  it('name a section of the guide written in Dutch (rubric and test-wiseness)', () => {
    // "zie "Writing options without cues"" sent a Dutch author to English text.
    const messages = ['length-cue.json', 'flat-dimension.json', 'out-of-range.json']
      .flatMap((f) => validateScenario(new Uint8Array(readFileSync(new URL(f, FIXTURES))), { lang: 'nl' }).problems)
      .map((p) => p.message)
      .filter((m) => m.includes('scenarios/README.md'));
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const m of messages) {
      const title = /"([^"]+)" in scenarios\/README\.md/.exec(m)?.[1];
      expect(title, m).toBeDefined();
      const text = section(title!);
      expect(text, `${title}: a heading in scenarios/README.md`).not.toBeNull();
      expect(dutch(text!), `${title}: Dutch text`).toBe(true);
    }
  });

  it('point at the guide the reader has: the file by default, the app’s guide when the caller names it', () => {
    // In the app a manager never sees scenarios/README.md; the authoring screen names its own guide.
    const files = ['length-cue.json', 'flat-dimension.json', 'out-of-range.json', 'format-too-old.json'];
    for (const lang of ['nl', 'en'] as const) {
      for (const f of files) {
        const messages = (guide?: string) => validateScenario(new Uint8Array(readFileSync(new URL(f, FIXTURES))), { lang, guide }).problems.map((p) => p.message);
        const asFile = messages().filter((m) => m.includes('scenarios/README.md'));
        expect(asFile.length, `${f} (${lang})`).toBeGreaterThanOrEqual(1);
        const inApp = messages('THE GUIDE');
        expect(inApp.filter((m) => m.includes('scenarios/README.md')), lang).toEqual([]);
        expect(inApp.filter((m) => m.includes('THE GUIDE'))).toEqual(asFile.map((m) => m.replaceAll('scenarios/README.md', 'THE GUIDE')));
      }
    }
  });
});
