import { describe, expect, it } from 'vitest';
import { cleanName, cutGraphemes, initial, isolate, lookAlike, nameKey } from './untrusted';
import { formatMessage } from './format';

describe('untrusted text', () => {
  it('strips bidi controls and zero-width characters from names', () => {
    expect(cleanName('Anna\u202Eevil')).toBe('Annaevil');
    expect(cleanName('\u200BAnna\u2066 \uFEFF')).toBe('Anna');
    expect(cleanName('  Bram \n de  Vries ')).toBe('Bram de Vries');
    expect(cleanName('\u202E\u200B')).toBeNull();
    // Joiners inside an emoji stay: the family is one picture.
    expect(cleanName('Team 👩‍👩‍👧')).toBe('Team 👩‍👩‍👧');
  });

  it('a right-to-left override in a name does not turn the sentence around it', () => {
    const line = formatMessage('{name} added {n} runs.', { name: 'Anna\u202E', n: 3 }, 'en');
    expect(line).toBe('Anna added 3 runs.');
    // Right-to-left names are isolated from the sentence (FSI…PDI), so "3 runs" stays after them.
    expect(formatMessage('{name} added {n} runs.', { name: 'محمد', n: 3 }, 'en')).toBe('\u2068محمد\u2069 added 3 runs.');
    expect(isolate('Anna')).toBe('Anna');
  });

  it('compares names after normalising: "Anna" and "Anna" with a zero-width space look alike', () => {
    expect(nameKey('Anna\u200B')).toBe(nameKey('anna'));
    expect(nameKey('Zoe\u0308')).toBe(nameKey('Zoë')); // NFD vs NFC
    expect(nameKey('An\u200Dna')).toBe(nameKey('Anna'));
    expect(lookAlike('ANNA\u200B', ['Bram', 'Anna'])).toBe('Anna');
    expect(lookAlike('Anne', ['Bram', 'Anna'])).toBeUndefined();
  });

  it('takes initials and cuts names by grapheme, never inside an emoji', () => {
    expect(initial('🦊 Vos')).toBe('🦊');
    expect(initial('👩‍💻 Dev')).toBe('👩‍💻');
    expect(initial('🇳🇱 Team')).toBe('🇳🇱');
    expect(initial('émile')).toBe('É');
    expect(initial('e\u0301mile')).toBe('É');
    expect(cutGraphemes('ab👩‍💻cd', 3)).toBe('ab👩‍💻');
    expect(cleanName('🦊'.repeat(70))).toBe('🦊'.repeat(60));
  });
});
