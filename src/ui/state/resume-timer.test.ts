import { describe, expect, it } from 'vitest';
import { resumedTimerScale } from './resume-timer';

describe('the timer of a resumed run', () => {
  it('keeps what the player chose in the run ("more time", timer off) whatever the setting', () => {
    expect(resumedTimerScale(10, 1, 'assessment')).toBe(10);
    expect(resumedTimerScale(10, 1.5, 'coaching')).toBe(10);
    expect(resumedTimerScale(0, 1, 'assessment')).toBe(0);
    expect(resumedTimerScale(0, 10, 'coaching')).toBe(0);
  });

  it('takes a slower setting made while the run was closed', () => {
    expect(resumedTimerScale(1, 1.5, 'assessment')).toBe(1.5);
    expect(resumedTimerScale(1.5, 10, 'coaching')).toBe(10);
    expect(resumedTimerScale(1, 0, 'coaching')).toBe(0);
  });

  it('never takes time away, and never turns an assessment\'s timer off (its report would say so)', () => {
    expect(resumedTimerScale(1.5, 1, 'coaching')).toBe(1.5);
    expect(resumedTimerScale(10, 1.5, 'assessment')).toBe(10);
    expect(resumedTimerScale(1, 0, 'assessment')).toBe(10);
    expect(resumedTimerScale(10, 0, 'assessment')).toBe(10);
  });
});
