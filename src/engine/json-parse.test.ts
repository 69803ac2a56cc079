import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJson } from './json-parse';
import { findInvalidUtf8, lineAt, lineStarts } from './json-decode';
import type { JsonPath } from './contract';

/** Every path in a value, with the value there. */
function paths(value: unknown, path: JsonPath = [], out: [JsonPath, unknown][] = []): [JsonPath, unknown][] {
  out.push([path, value]);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...path, k], out);
  return out;
}

describe('parseJson', () => {
  it('reads any valid JSON exactly as JSON.parse does, and places every value', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), fc.boolean(), (json, pretty) => {
        const text = pretty ? JSON.stringify(JSON.parse(json), null, 2) : json;
        const r = parseJson(text);
        if (r.problems.some((p) => p.code === 'forbidden-key')) return;
        expect(r.problems).toEqual([]);
        expect(r.value).toEqual(JSON.parse(text));
        for (const [path, v] of paths(r.value)) {
          const at = r.locate(path);
          expect(r.has(path)).toBe(true);
          if (v === null || typeof v !== 'object') expect(text.slice(at.offset, at.offset + JSON.stringify(v).length)).toBe(JSON.stringify(v));
          else expect(text[at.offset]).toBe(Array.isArray(v) ? '[' : '{');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads numbers exactly as JSON.parse does and reports the invalid ones', () => {
    for (const n of ['0', '-0', '7', '-2', '15', '100', '1.5', '-0.25', '1e3', '2E-2', '123456789012345', '1234567890123456789', '-99999999999999']) {
      const r = parseJson(`{"a":[${n}, ${n}],"b":${n}}`);
      expect(r.problems).toEqual([]);
      expect(Object.is((r.value as { b: number }).b, JSON.parse(n))).toBe(true);
      expect((r.value as { a: number[] }).a).toEqual([JSON.parse(n), JSON.parse(n)]);
    }
    for (const [text, value] of [['01', 1], ['+1', 1], ['1.', 1], ['-', 0], ['.5', 0.5]] as const) {
      const r = parseJson(`{"b":${text}}`);
      expect(r.problems.map((p) => p.code)).toEqual(['json-invalid-number']);
      expect((r.value as { b: number }).b).toBe(value);
    }
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), (n) => {
        const text = JSON.stringify({ n, list: [n, -n] });
        expect(parseJson(text).value).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('gives 1-based lines and columns, for values and keys, and falls back to the nearest ancestor', () => {
    const r = parseJson('{\n  "nodes": {\n    "greet": { "options": [1, 2] }\n  }\n}');
    expect(r.locate(['nodes', 'greet', 'options', 1])).toMatchObject({ line: 3, column: 31 });
    expect(r.locateKey(['nodes', 'greet'])).toMatchObject({ line: 3, column: 5 });
    expect(r.locate(['nodes', 'greet', 'situation'])).toMatchObject({ line: 3, column: 14 });
    expect(r.has(['nodes', 'greet', 'situation'])).toBe(false);
  });

  it('keeps the last of duplicate keys and reports the first place', () => {
    const r = parseJson('{\n"a": 1,\n"a": 2\n}');
    expect(r.value).toEqual({ a: 2 });
    expect(r.locate(['a'])).toMatchObject({ line: 3 });
    expect(r.problems).toMatchObject([{ code: 'duplicate-key', line: 3, column: 1 }]);
    expect(r.problems[0].message).toContain('first on line 2');
  });

  it('makes plain objects with the fields in JSON.parse order, duplicates included', () => {
    const strict = JSON.stringify;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'id', 'next', '0', '10', 'x y'), { maxLength: 14 }), fc.boolean(), (names, nested) => {
        const text = `{${names.map((k, i) => `"${k}": ${nested ? `{"v": ${i}, "w": [${i}]}` : i}`).join(', ')}}`;
        const r = parseJson(text);
        const expected: unknown = JSON.parse(text);
        expect(strict(r.value)).toBe(strict(expected));
        expect(Object.keys(r.value as object)).toEqual(Object.keys(expected as object));
        expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
        expect((r.value as object).constructor).toBe(Object);
        expect(r.value).toStrictEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('drops __proto__, constructor and prototype without touching any prototype', () => {
    const r = parseJson('{"__proto__": {"polluted": 1}, "a": {"constructor": {"prototype": {"x": 1}}}}');
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(Object.keys(r.value as object)).toEqual(['a']);
    expect((r.value as { a: object }).a).toEqual({});
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(['forbidden-key', 'forbidden-key', 'forbidden-key']);
  });

  it('refuses nesting deeper than 64 levels', () => {
    expect(parseJson('['.repeat(64) + ']'.repeat(64)).problems).toEqual([]);
    const r = parseJson('['.repeat(65) + ']'.repeat(65));
    expect(r.fatal).toBe(true);
    expect(r.problems).toMatchObject([{ code: 'json-too-deep', line: 1, column: 65 }]);
    expect(parseJson('['.repeat(100_000)).problems[0].code).toBe('json-too-deep');
  });

  it('reports each invalid UTF-8 byte with its line, column and byte offset', () => {
    const bytes = new Uint8Array([0x7b, 0x0a, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x43, 0x61, 0x66, 0xe9, 0x22, 0x0a, 0x7d, 0xff]);
    const r = parseJson(bytes);
    expect(r.value).toBeUndefined();
    expect(r.problems).toMatchObject([
      { code: 'invalid-utf8', line: 2, column: 9, offset: 10 },
      { code: 'invalid-utf8', line: 3, column: 2, offset: 14 },
    ]);
    expect(r.problems[0].message).toContain('"é"');
  });

  it('finds exactly the bytes a strict decoder rejects', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let strictOk = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          strictOk = false;
        }
        expect(findInvalidUtf8(bytes).length === 0).toBe(strictOk);
      }),
      { numRuns: 500 },
    );
  });

  it('recovers from a missing comma, a trailing comma and a comment, reporting each', () => {
    const r = parseJson('{\n  "a": 1\n  "b": [1, 2,],\n  // note\n  "c": true,\n}');
    expect(r.fatal).toBe(false);
    expect(r.value).toEqual({ a: 1, b: [1, 2], c: true });
    expect(r.problems.map((p) => `${p.code}@${p.line}`)).toEqual(['json-missing-comma@2', 'json-trailing-comma@3', 'json-comment@4', 'json-trailing-comma@5']);
    expect(r.problems[0].message).toMatch(/missing comma after the value on line 2/);
  });

  it('reports a bad escape and a control character and keeps the text as written', () => {
    const r = parseJson('{"a": "\\q\\n", "b": "a\tb"}');
    expect(r.problems.map((p) => `${p.code}@${p.column}`)).toEqual(['json-invalid-escape@8', 'json-control-character@22']);
    expect(r.value).toEqual({ a: '\\q\n', b: 'a\tb' });
  });

  it('reads true, false and null glued to what follows, and stops at a backslash before a line break', () => {
    expect(parseJson('[null+1]').problems.map((p) => p.code)).toEqual(['json-syntax']);
    expect(parseJson('[null+1]').problems[0].message).toContain('found "+"');
    const r = parseJson('{"a": "one \\\n two"}');
    expect(r.fatal).toBe(true);
    expect(r.problems.map((p) => p.code)).toEqual(['json-invalid-escape', 'json-unterminated-string']);
  });

  it('stops at an unterminated string with its place', () => {
    const r = parseJson('{\n  "a": "no end,\n  "b": 1\n}');
    expect(r.fatal).toBe(true);
    expect(r.problems).toMatchObject([{ code: 'json-unterminated-string', line: 2, column: 8 }]);
  });
});

describe('lines and columns', () => {
  it('finds the line of an offset at the edges: the first character, a line start, a newline, the last line', () => {
    const starts = lineStarts('ab\ncd\n\nef');
    expect(starts).toEqual([0, 3, 6, 7]);
    expect([0, 2, 3, 5, 6, 7, 8, 99].map((offset) => lineAt(starts, offset))).toEqual([1, 1, 2, 2, 3, 4, 4, 4]);
    expect(lineAt(lineStarts(''), 0)).toBe(1);
    expect(lineStarts(new Uint8Array([0x61, 0x0a, 0x0a]))).toEqual([0, 2, 3]);
  });

  it('finds the same line as counting the line starts before the offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r') }), fc.nat(), (text, n) => {
        const starts = lineStarts(text);
        const offset = n % (text.length + 1);
        expect(lineAt(starts, offset)).toBe(starts.filter((start) => start <= offset).length);
      }),
    );
  });

  it('counts a CRLF line as one line and columns in UTF-16 units, as editors do', () => {
    expect(parseJson('{\r\n"a": 1,\r\n"a": 2\r\n}').problems).toMatchObject([{ code: 'duplicate-key', line: 3, column: 1 }]);
    expect(parseJson('{\r\n"a": 1\r\n} x').problems).toMatchObject([{ code: 'json-trailing-text', line: 3, column: 3 }]);
    expect(parseJson('["😀", nul]').problems).toMatchObject([{ line: 1, column: 8 }]);
    const bytes = new Uint8Array([...new TextEncoder().encode('{\r\n"😀": "a'), 0xff, 0x22, 0x7d]);
    expect(parseJson(bytes).problems).toMatchObject([{ code: 'invalid-utf8', line: 2, column: 9, offset: 13 }]);
  });
});
