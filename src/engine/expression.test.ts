import { describe, expect, it } from 'vitest';
import { EXPRESSION_MOODS, expressionFor, expressionForMood, fitsMood, writtenExpression } from './expression';
import { EXPRESSIONS, MOOD_MAX, MOOD_MIN } from './types';

describe('the customer\'s face agrees with the mood meter', () => {
  it('keeps a named expression that fits the mood', () => {
    expect(expressionFor('angry', -4)).toBe('angry');
    expect(expressionFor('impatient', -1)).toBe('impatient');
    expect(expressionFor('worried', -1)).toBe('worried');
    expect(expressionFor('delighted', 2)).toBe('delighted');
    expect(expressionFor('surprised', 1)).toBe('surprised');
  });

  it('shows the mood\'s face instead of one that contradicts it', () => {
    // the first use: an angry, arms-crossed face beside "at ease" (1) and beside "neutral" (0)
    expect(expressionFor('angry', 1)).toBe('neutral');
    expect(expressionFor('angry', 0)).toBe('neutral');
    expect(expressionFor('annoyed', 3)).toBe('happy');
    expect(expressionFor('delighted', -3)).toBe('annoyed');
    expect(expressionFor(undefined, -5)).toBe('angry');
    // a worried face beside "neutral" (the tram's card reader), a smile beside "neutral"
    expect(expressionFor('worried', 0)).toBe('neutral');
    expect(expressionFor('happy', 0)).toBe('neutral');
  });

  it('where the story\'s face does not fit, shows the fitting face nearest to it, not the mood\'s own', () => {
    // the tram's onlooker, worried, with the meter at "very happy": a smile, not a wave of delight
    expect(expressionFor('worried', 4)).toBe('happy');
    // worried or angry where the meter says "pleased": neutral, not a smile
    expect(expressionFor('worried', 2)).toBe('neutral');
    expect(expressionFor('angry', 2)).toBe('neutral');
    // delighted where the meter says "irritated": neutral, not impatient
    expect(expressionFor('delighted', -2)).toBe('neutral');
  });

  it('the mood\'s own face always fits its mood, and every expression fits some mood', () => {
    for (let mood = MOOD_MIN; mood <= MOOD_MAX; mood++) expect(fitsMood(expressionForMood(mood), mood)).toBe(true);
    for (const e of EXPRESSIONS) expect(EXPRESSION_MOODS[e], e).toBeDefined();
  });

  it('never puts a negative face beside a good mood or a happy face beside a bad one', () => {
    for (const e of ['impatient', 'annoyed', 'angry'] as const) for (let m = 1; m <= MOOD_MAX; m++) expect(fitsMood(e, m)).toBe(false);
    for (const e of ['happy', 'delighted'] as const) for (let m = MOOD_MIN; m <= -1; m++) expect(fitsMood(e, m)).toBe(false);
  });
});

describe('the face as the story wrote it (an assessment, until the end)', () => {
  it('is the named expression, even where the mood would show another', () => {
    expect(writtenExpression('annoyed', 1)).toBe('annoyed');
    expect(writtenExpression('delighted', -4)).toBe('delighted');
  });

  it('is the face of the mood at the start where the story names none', () => {
    expect(writtenExpression(undefined, 0)).toBe('neutral');
    expect(writtenExpression(undefined, -3)).toBe('annoyed');
  });
});
