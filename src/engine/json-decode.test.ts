import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utf8Length } from './json-decode';

/** The plain per-unit count utf8Length replaced (a high surrogate takes the next unit with it). */
function reference(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

describe('utf8Length', () => {
  it('counts like TextEncoder for well-formed text', () => {
    for (const s of ['', 'abc', 'café', 'klant — 😀 ë', '\u07ff\u0800\uffff', '😀😀']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

  it('counts lone and odd surrogates as before, wherever they stand', () => {
    for (const s of ['\ud800', 'a\ud800', '\ud800a', '\udc00', '\ud83d\ud83d\ude00', 'é\ud83d', '\ud83d\ud83d']) {
      expect(utf8Length(s)).toBe(reference(s));
    }
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('a', 'é', '—', '\ud83d', '\ude00', '😀', '"'), fc.string()), { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(utf8Length(s)).toBe(reference(s));
      }),
    );
  });
});
