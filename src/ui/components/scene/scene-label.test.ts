import { describe, expect, it } from 'vitest';
import { expressionFor } from '../../../engine/expression';
import { EXPRESSIONS, MOOD_MAX, MOOD_MIN } from '../../../engine/types';
import { formatMessage, type Params } from '../../../i18n/format';
import en from '../../../i18n/core.en.json';
import nl from '../../../i18n/core.nl.json';
import { faceWords } from './scene-label';

const MESSAGES = { nl: nl.play, en: en.play } as const;
const translate = (lang: 'nl' | 'en') => (key: string, params?: Params) =>
  formatMessage((MESSAGES[lang] as Record<string, string>)[key.replace(/^play\./, '')], params, lang);
const MOODS = Array.from({ length: MOOD_MAX - MOOD_MIN + 1 }, (_, i) => MOOD_MIN + i);

describe('the scene\'s label says the face in the mood meter\'s words', () => {
  it('says "wat gespannen" where the annoyed face stands beside that meter (the café, mood -1)', () => {
    expect(faceWords('annoyed', -1, translate('nl'))).toBe('wat gespannen');
    expect(faceWords('annoyed', -1, translate('en'))).toBe('a bit tense');
  });

  it('names a face of the situation beside the meter\'s words', () => {
    expect(faceWords('confused', 0, translate('nl'))).toBe('verward en neutraal');
    expect(faceWords('worried', -2, translate('en'))).toBe('worried and irritated');
  });

  it('names the face the story wrote where no meter is shown', () => {
    expect(faceWords('annoyed', null, translate('nl'))).toBe('geïrriteerd');
  });

  for (const lang of ['nl', 'en'] as const) {
    it(`at every mood, with every face the scene can show there, says nothing but the meter does (${lang})`, () => {
      const t = translate(lang);
      const meterWords = MOODS.map((m) => t(`play.mood_${m}`));
      const wrong: string[] = [];
      for (const mood of MOODS) {
        for (const face of new Set([undefined, ...EXPRESSIONS].map((named) => expressionFor(named, mood)))) {
          const words = faceWords(face, mood, t);
          const meter = t(`play.mood_${mood}`);
          const rest = words.replace(meter, ' ');
          const other = meterWords.filter((w) => new RegExp(`(^|\\s)${w}(\\s|$)`, 'i').test(rest));
          if (!words.includes(meter) || other.length) wrong.push(`${face} at ${mood}: "${words}" beside "${meter}"`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
