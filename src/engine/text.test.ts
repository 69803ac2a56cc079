import { describe, expect, it } from 'vitest';
import { t, textLangs } from './text';

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
    expect(textLangs({ en: 'x' })).toEqual(['en']);
    expect(textLangs('x')).toEqual(['nl', 'en']);
  });
});
