/**
 * Runs every fixture pair in src/engine/fixtures (`<name>.json` → `<name>.expected.json`: the
 * problems with code, severity, line and column, and the words each message must contain, i.e.
 * what a manager needs to see: the node or option, and the fix), then the checks that need
 * generated input (size and node limits, prototype safety, never throwing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateScenario } from './validate';
import { generateScenario } from '../../test-support/generate';
import { MAX_NODES } from './limits';

const DIR = new URL('./fixtures/', import.meta.url);
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

interface Expected {
  about: string;
  ok: boolean;
  problems: { code: string; severity: string; line: number; column: number; mentions: string[] }[];
}

const tutorial = () => JSON.parse(readFileSync(new URL('tutorial-minimal.json', DIR), 'utf8'));

describe('fixture pairs', () => {
  it('has an expected file for every fixture, and covers every check', () => {
    const expectedFiles = readdirSync(DIR).filter((f) => f.endsWith('.expected.json'));
    expect(expectedFiles.length).toBe(names.length);
    const codes = new Set(names.flatMap((n) => (JSON.parse(readFileSync(new URL(`${n}.expected.json`, DIR), 'utf8')) as Expected).problems.map((p) => p.code)));
    for (const code of [
      'json-syntax', 'json-trailing-comma', 'json-missing-comma', 'json-unterminated-string', 'duplicate-key', 'forbidden-key',
      'json-too-deep', 'invalid-utf8', 'missing-field', 'wrong-type', 'unknown-target', 'missing-language', 'condition-as-text',
      'unreachable-node', 'dead-end', 'loop', 'score-loop', 'condition-never-holds', 'same-scores', 'missing-feedback',
      'flat-dimension', 'unknown-field', 'format-too-new', 'duplicate-option-id', 'duplicate-id', 'too-few-options',
      'no-route', 'no-ending', 'unreachable-ending', 'route-never-taken', 'json-trailing-text', 'json-missing-colon', 'empty-value',
      'length-strategy', 'longest-is-best', 'mood-saturated', 'one-language-text',
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  for (const name of names) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), 'utf8')) as Expected;
      const result = validateScenario(new Uint8Array(readFileSync(new URL(`${name}.json`, DIR))));
      expect(result.ok, expected.about).toBe(expected.ok);
      expect(result.problems.map(({ code, severity, line, column }) => ({ code, severity, line, column }))).toEqual(
        expected.problems.map(({ code, severity, line, column }) => ({ code, severity, line, column })),
      );
      result.problems.forEach((p, i) => {
        expect(p.message).toMatch(/^[A-Z"]/);
        for (const words of expected.problems[i].mentions) expect(p.message.toLowerCase(), p.message).toContain(words.toLowerCase());
      });
      if (result.ok) {
        expect(result.scenario).toBeDefined();
        expect(result.analysis?.summary.decisions).toBeGreaterThan(0);
      } else {
        expect(result.scenario).toBeUndefined();
      }
    });
  }
});

describe('validateScenario', () => {
  it('gives the same result for text and bytes, and ignores a byte-order mark', () => {
    const text = readFileSync(new URL('tutorial-minimal.json', DIR), 'utf8');
    const bytes = new TextEncoder().encode('\uFEFF' + text);
    const a = validateScenario(text);
    const b = validateScenario(bytes);
    expect(b.ok).toBe(true);
    expect(b.scenario).toEqual(a.scenario);
    expect(validateScenario('\uFEFF' + text).scenario).toEqual(a.scenario);
  });

  it('reads a file saved as UTF-16, with or without a byte-order mark, as the same scenario', () => {
    const text = readFileSync(new URL('tutorial-minimal.json', DIR), 'utf8');
    const utf16 = (s: string, bigEndian: boolean) => {
      const out = new Uint8Array(s.length * 2);
      for (let i = 0; i < s.length; i++) {
        const [hi, lo] = [s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff];
        out.set(bigEndian ? [hi, lo] : [lo, hi], i * 2);
      }
      return out;
    };
    const { scenario } = validateScenario(text);
    for (const bytes of [utf16('\uFEFF' + text, false), utf16('\uFEFF' + text, true), utf16(text, false), utf16(text, true)]) {
      const r = validateScenario(bytes);
      expect(r.problems).toEqual([]);
      expect(r.scenario).toEqual(scenario);
    }
  });

  it('refuses a file over 5 MB before parsing it', () => {
    const big = '{"notes": "' + 'x'.repeat(5 * 1024 * 1024) + '"}';
    // 1.8 million characters, but 5.4 MB in UTF-8 (3 bytes each): the limit counts bytes.
    const euros = '{"notes": "' + '€'.repeat(1_800_000) + '"}';
    for (const input of [big, new TextEncoder().encode(big), euros]) {
      const r = validateScenario(input);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ code: 'file-too-large', line: 1, column: 1 });
      expect(r.problems[0].message).toContain('5 MB');
    }
  });

  it('refuses more than 2,000 decision nodes with one sentence saying so, in English and Dutch', () => {
    const s = tutorial();
    const node = { situation: 's', options: [{ id: 'a', text: 'a', next: 'happy' }, { id: 'b', text: 'b', next: 'happy' }] };
    const extra = MAX_NODES + 1 - Object.keys(s.nodes).length;
    for (let i = 0; i < extra; i++) s.nodes[`n${i}`] = node;
    const text = JSON.stringify(s);
    const en = validateScenario(text);
    expect(en.ok).toBe(false);
    expect(en.problems.map((p) => p.code)).toEqual(['too-many-nodes']);
    expect(en.problems[0].message).toMatch(/^The scenario has 2,001 decision nodes, more than the limit of 2,000.*Split it into several smaller scenarios/);
    const nl = validateScenario(text, { lang: 'nl' });
    expect(nl.problems[0].message).toMatch(/^Het scenario heeft 2\.001 beslisknooppunten, meer dan de grens van 2\.000.*Verdeel het over meerdere kleinere scenario’s/);
  });

  it('accepts a generated scenario of exactly 2,000 decision nodes', () => {
    const r = validateScenario(JSON.stringify(generateScenario({ nodes: MAX_NODES })));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.analysis?.summary.decisions).toBe(MAX_NODES);
    // Seconds on a busy two-core machine: this test is about the limit, not the speed (npm run bench).
  }, 60_000);

  it('never lets __proto__ reach a prototype', () => {
    const text = JSON.stringify(tutorial()).replace('{', '{"__proto__": {"polluted": true, "ok": true}, ');
    const r = validateScenario(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(r.problems.map((p) => p.code)).toEqual(['forbidden-key']);
  });

  it('warns about a translation the file does not declare', () => {
    const s = tutorial();
    s.languages = ['nl'];
    s.title = { nl: 'De bakker', en: 'The bakery' };
    const r = validateScenario(JSON.stringify(s, null, 2));
    const undeclared = r.problems.filter((p) => p.code === 'undeclared-language');
    expect(undeclared.length).toBeGreaterThan(0);
    expect(undeclared[0].message).toContain('"languages" lists only nl');
    expect(r.ok).toBe(true);
  });

  it('warns, in both languages, at a plain string among texts written per language', () => {
    // Shown as it is in every language: English players would read this Dutch.
    const s = tutorial();
    s.nodes.greet.customer.says = 'Goedemorgen. Heeft u nog volkoren?';
    const text = JSON.stringify(s, null, 2);
    const r = validateScenario(text);
    expect(r.ok).toBe(true);
    expect(r.problems.map((p) => [p.code, p.severity, p.path, p.message])).toEqual([
      [
        'one-language-text',
        'warning',
        ['nodes', 'greet', 'customer', 'says'],
        '"customer.says" of node "greet" is one plain string, so players read these same words whether they play in Dutch or English, while this file writes its other texts per language: ' +
          'write it as {"nl": "…", "en": "…"} (or leave it if the words are the same in every language).',
      ],
    ]);
    expect(validateScenario(text, { lang: 'nl' }).problems.map((p) => p.message)).toEqual([
      '"customer.says" van knooppunt "greet" is één gewone tekst, dus spelers lezen dezelfde woorden, of ze nu in het Nederlands of in het Engels spelen, terwijl de andere teksten in dit bestand per taal geschreven zijn: ' +
        'schrijf hem als {"nl": "…", "en": "…"} (of laat hem zo als de woorden in elke taal hetzelfde zijn).',
    ]);
  });

  it('does not warn about plain strings in a file written in one language', () => {
    // The format's one-language file: "languages": ["nl"] and every text one string.
    const dutchOnly = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(dutchOnly);
      if (v === null || typeof v !== 'object') return v;
      const o = v as Record<string, unknown>;
      if (typeof o.nl === 'string' && typeof o.en === 'string' && Object.keys(o).length === 2) return o.nl;
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, dutchOnly(x)]));
    };
    const s = dutchOnly(tutorial()) as ReturnType<typeof tutorial>;
    s.languages = ['nl'];
    expect(JSON.stringify(s)).not.toContain('"en":');
    const r = validateScenario(JSON.stringify(s, null, 2));
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
  });

  it('refuses effects written with Dutch field names, naming what was written and what to write', () => {
    // Ignored with a warning, they let the option silently score 0 for outcome and mood.
    const s = tutorial();
    s.nodes.greet.options[0].effects = { warmth: 0, initiative: 1, resultaat: -1, humeur: -1 };
    const text = JSON.stringify(s, null, 2);
    const r = validateScenario(text);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      ['dutch-field', 'error', 'In "effects" of option "alternative" of node "greet" you wrote "resultaat": field names are English, write "outcome".'],
      ['dutch-field', 'error', 'In "effects" of option "alternative" of node "greet" you wrote "humeur": field names are English, write "mood".'],
    ]);
    expect(validateScenario(text, { lang: 'nl' }).problems.map((p) => p.message)).toEqual([
      'In "effects" van optie "alternative" van knooppunt "greet" staat "resultaat": veldnamen zijn Engels, schrijf "outcome".',
      'In "effects" van optie "alternative" van knooppunt "greet" staat "humeur": veldnamen zijn Engels, schrijf "mood".',
    ]);
  });

  it('gives one error for a required field written in Dutch ("tekst", "volgende"), at what was written', () => {
    const s = tutorial();
    const option = s.nodes.greet.options[0];
    option.tekst = option.text;
    option.volgende = option.next;
    delete option.text;
    delete option.next;
    const text = JSON.stringify(s, null, 2);
    const r = validateScenario(text);
    const line = (key: string) => text.split('\n').findIndex((l) => l.includes(`"${key}"`)) + 1;
    expect(r.problems.map((p) => [p.code, p.severity, p.line, p.message])).toEqual([
      ['missing-field', 'error', line('tekst'), 'Option "alternative" of node "greet" has no "text": you wrote "tekst"; field names are English: write "text".'],
      ['missing-field', 'error', line('volgende'), 'Option "alternative" of node "greet" has no "next": you wrote "volgende"; field names are English: write "next".'],
    ]);
    expect(validateScenario(text, { lang: 'nl' }).problems.map((p) => p.message)).toEqual([
      'Optie "alternative" van knooppunt "greet" heeft geen "text": je schreef "tekst"; veldnamen zijn Engels: schrijf "text".',
      'Optie "alternative" van knooppunt "greet" heeft geen "next": je schreef "volgende"; veldnamen zijn Engels: schrijf "next".',
    ]);
  });

  it('says a mood condition with min above max can never hold, not only what the mood is there', () => {
    const s = tutorial();
    s.nodes.advice.options[3].when = { mood: { min: 2, max: -2 } };
    const text = JSON.stringify(s, null, 2);
    const r = validateScenario(text);
    expect(r.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      ['mood-min-above-max', 'error', 'The condition of option "apologise" of node "advice" asks for a mood of at least 2 and at most -2: min is above max, so it can never hold. Swap them, or change one.'],
    ]);
    expect(validateScenario(text, { lang: 'nl' }).problems.map((p) => p.message)).toEqual([
      'De voorwaarde van optie "apologise" van knooppunt "advice" vraagt een stemming van minstens 2 en hoogstens -2: "min" is groter dan "max", dus die kan nooit gelden. Draai ze om, of pas er een aan.',
    ]);
  });

  it('says a scenario-level "notes" belongs in a decision node, not "did you mean nodes"', () => {
    // "Did you mean "nodes"?" would lead the manager to write a second "nodes".
    const s = { notes: 'Voor andere auteurs: gebaseerd op de zaterdagdrukte.', ...tutorial() };
    const text = JSON.stringify(s, null, 2);
    const r = validateScenario(text);
    expect(r.ok).toBe(true);
    expect(r.problems.map((p) => [p.code, p.severity, p.path, p.line, p.message])).toEqual([
      [
        'misplaced-field',
        'warning',
        ['notes'],
        2,
        '"notes" is not a field of the scenario: it belongs in a decision node, so here it is ignored. Move it there, or remove it.',
      ],
    ]);
    expect(validateScenario(text, { lang: 'nl' }).problems.map((p) => p.message)).toEqual([
      '"notes" is geen veld van het scenario: het hoort in een beslisknooppunt, dus hier wordt het genegeerd. Zet het daar, of haal het weg.',
    ]);
    // A typo of a field that is allowed here still gets "did you mean".
    const typo = validateScenario(JSON.stringify({ ...tutorial(), node: {} }, null, 2));
    expect(typo.problems.map((p) => [p.code, p.message])).toEqual([['unknown-field', expect.stringContaining('did you mean "nodes"?')]]);
  });

  it('refuses any other unknown key in effects, since it changes the score', () => {
    const s = tutorial();
    s.nodes.greet.options[1].effects.score = 2;
    s.nodes.greet.options[2].effects.outcom = 1;
    const r = validateScenario(JSON.stringify(s, null, 2));
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      ['unknown-effect', 'error', '"effects" of option "sold-out" of node "greet" has "score", which is no effect: effects change the score, so only "warmth", "initiative", "outcome", "mood" and "flags" may stand here.'],
      ['unknown-effect', 'error', expect.stringMatching(/^"effects" of option "reserve" of node "greet" has "outcom", .* — did you mean "outcome"\?$/)],
    ]);
  });

  it('puts errors first, then everything in file order', () => {
    const s = tutorial();
    s.remark = 'x';
    s.nodes.greet.options[0].next = 'advise';
    s.endings.happy.tone = 'glad';
    const r = validateScenario(JSON.stringify(s, null, 2));
    const severities = r.problems.map((p) => p.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)));
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.line)).toEqual([...errors.map((p) => p.line)].sort((a, b) => a - b));
  });

  it('marks a problem about the scenario as a whole, so no place in the file is shown for it', () => {
    const flat = validateScenario(readFileSync(new URL('flat-dimension.json', DIR), 'utf8'));
    expect(flat.problems.map((p) => [p.code, p.wholeFile])).toEqual([['flat-dimension', true]]);
    const s = tutorial();
    delete s.endings;
    s.nodes.greet.options[0].next = 'advise';
    const placed = validateScenario(JSON.stringify(s, null, 2)).problems;
    expect(placed.find((p) => p.code === 'missing-field')?.wholeFile).toBe(true);
    expect(placed.filter((p) => p.wholeFile).map((p) => p.code)).toEqual(['missing-field']);
    // A syntax problem at the top of the file keeps its place.
    const syntax = validateScenario('{"id": x}').problems.filter((p) => p.code.startsWith('json-'));
    expect(syntax.map((p) => [p.line, p.column, p.wholeFile])).toEqual([[1, 8, undefined]]);
  });

  it('marks a file that is empty, too large or not text as a problem with the whole file', () => {
    const codes = (input: string | Uint8Array) => validateScenario(input).problems.map((p) => [p.code, p.wholeFile]);
    expect(codes('')).toEqual([['json-empty', true]]);
    expect(codes(' \n\t')).toEqual([['json-empty', true]]);
    expect(codes(new Uint8Array(5 * 1024 * 1024 + 1))).toEqual([['file-too-large', true]]);
    expect(codes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toEqual([['not-text', true]]);
    // A byte that is not UTF-8 has a place: it keeps it.
    expect(validateScenario(new Uint8Array([0x7b, 0x0a, 0xff, 0x7d])).problems[0]).toMatchObject({ code: 'invalid-utf8', line: 2, column: 1 });
    expect(validateScenario(new Uint8Array([0x7b, 0x0a, 0xff, 0x7d])).problems[0].wholeFile).toBeUndefined();
  });

  it('never throws on arbitrary text or bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.uint8Array({ maxLength: 200 })), (input) => {
        const r = validateScenario(input);
        expect(typeof r.ok).toBe('boolean');
        for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a valid scenario with random damage', () => {
    const text = readFileSync(new URL('tutorial-minimal.json', DIR), 'utf8');
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.nat(40), fc.string({ maxLength: 3 }), (at, cut, insert) => {
        const r = validateScenario(text.slice(0, at) + insert + text.slice(at + cut));
        expect(Array.isArray(r.problems)).toBe(true);
        if (!r.ok) expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
