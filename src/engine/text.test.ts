import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isBlank, t } from './text';

describe('t', () => {
  it('returns plain strings as they are and picks the language', () => {
    expect(t('Hallo', 'en')).toBe('Hallo');
    expect(t({ nl: 'Hallo', en: 'Hello' }, 'en')).toBe('Hello');
    expect(t({ nl: 'Hallo', en: 'Hello' }, 'nl')).toBe('Hallo');
  });

  it('falls back to the given languages, then any, then empty', () => {
    expect(t({ nl: 'Hallo' }, 'en')).toBe('Hallo');
    expect(t({ en: 'Hello' }, 'nl', ['en'])).toBe('Hello');
    expect(t({}, 'nl')).toBe('');
    expect(t(undefined, 'nl')).toBe('');
  });
});

describe('isBlank', () => {
  it('agrees with String.prototype.trim for every kind of white space', () => {
    const spaces = ' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    for (const s of ['', 'a', '  a  ', spaces, spaces + 'x' + spaces, '\u200b', '\u0085', 'a b']) {
      // A zero-width space is not white space to trim, but it shows nothing: blank too.
      expect(isBlank(s)).toBe(s.replace(/\u200b/g, '').trim() === '');
    }
    const char = fc.constantFrom(...spaces.split(''), 'a', '\u200b', '\u0085', 'é');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), (chars) => {
        const s = chars.join('');
        expect(isBlank(s)).toBe(s.replace(/\u200b/g, '').trim() === '');
      }),
      { numRuns: 300 },
    );
  });

  it('calls a text of only invisible characters blank, and any visible character not', () => {
    for (const s of ['\u200b', ' \u200b\u200c\u200d ', '\u2060', '\u00ad', '\u200e\u200f', '\u2800', '\u3164', '\ufeff\u200b']) {
      expect(isBlank(s), JSON.stringify(s)).toBe(true);
    }
    for (const s of ['\u200bx', 'é', '\u200b\u00e9', '\u0085', 'a']) expect(isBlank(s), JSON.stringify(s)).toBe(false);
  });
});
