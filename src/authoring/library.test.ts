import { describe, expect, it } from 'vitest';
import { groupCustom } from './custom-library';
import { freshId, makeTemplate } from './template';
import { fileNameFor } from './download';
import { decodeForView, viewWindow, WINDOW_LINES, LINE_CHARS } from './source-text';
import type { StoredScenario } from '../persistence/api';
import type { Scenario } from '../engine/types';

const v = (id: string, hash: string, storedAt: number, extra: Partial<StoredScenario> = {}): StoredScenario => ({
  id,
  hash,
  storedAt,
  custom: true,
  source: '{}',
  scenario: { id } as Scenario,
  ...extra,
});

describe('groupCustom', () => {
  it('groups custom versions by id, newest first, without built-ins or hidden ones', () => {
    const groups = groupCustom([v('a', 'a1', 1), v('b', 'b1', 5), v('a', 'a2', 9), v('a', 'a0', 0, { hidden: true }), v('toy', 't', 3, { custom: false })]);
    expect(groups.map((g) => [g.id, g.latest.hash, g.versions.length])).toEqual([
      ['a', 'a2', 2],
      ['b', 'b1', 1],
    ]);
  });
});

describe('templates', () => {
  it('gives a fresh id and marks the titles as a copy, keeping the rest', () => {
    const id = freshId('toy-shop-saturday', () => 0.5);
    expect(id).toBe('toy-shop-saturday-mine-8000');
    expect(freshId(id, () => 0)).toBe('toy-shop-saturday-mine-0000');
    const out = JSON.parse(makeTemplate('{"id":"toy","title":{"nl":"Speelgoed","en":"Toys"},"nodes":{"a":{}}}', id, { nl: 'kopie', en: 'copy' }));
    expect(out).toEqual({ id, title: { nl: 'Speelgoed (kopie)', en: 'Toys (copy)' }, nodes: { a: {} } });
  });

  it('makes safe file names', () => {
    expect(fileNameFor('my-scenario')).toBe('my-scenario.json');
    expect(fileNameFor('../../etc/passwd')).toBe('etc-passwd.json');
    expect(fileNameFor('')).toBe('scenario.json');
  });
});

describe('source view window', () => {
  it('shows a small file whole and marks nothing as cut', () => {
    const src = decodeForView(new TextEncoder().encode('{\n  "id": 1\n}'));
    const lines = viewWindow(src, 2, 3);
    expect(lines.map((l) => l.text)).toEqual(['{', '  "id": 1', '}']);
    expect(lines.some((l) => l.cutBefore || l.cutAfter)).toBe(false);
  });

  it('shows a window around the place in a huge file, and a slice of a huge line around the column', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `line ${i + 1}`).join('\n');
    const lines = viewWindow(decodeForView(new TextEncoder().encode(text)), 3000, 1);
    expect(lines.length).toBe(WINDOW_LINES);
    expect(lines.some((l) => l.number === 3000)).toBe(true);
    const long = viewWindow(decodeForView(new TextEncoder().encode('x'.repeat(100_000) + 'HERE')), 1, 100_001);
    expect(long[0].text.length).toBe(LINE_CHARS);
    expect(long[0].text).toContain('HERE');
    expect(long[0].firstColumn).toBeGreaterThan(1);
  });

  it('shows a file saved as UTF-16 (Notepad\'s "Unicode") as its text, as the validator reads it', () => {
    const text = '{\r\n  "id": "café"\r\n}';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    const src = decodeForView(bytes);
    expect(src.lines).toEqual(['\uFEFF{', '  "id": "café"', '}']);
  });

  it('decodes invalid UTF-8 for display without throwing', () => {
    const src = decodeForView(new Uint8Array([0x7b, 0xe9, 0x80, 0x7d]));
    expect(src.lines[0]).toMatch(/^{\uFFFD+}$/);
  });
});
