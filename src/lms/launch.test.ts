import { describe, expect, it } from 'vitest';
import { lmsLaunch, playHash } from './launch';

describe('lmsLaunch', () => {
  it('reads a package launch address', () => {
    const l = lmsLaunch('?lms=scorm12&play=toy-shop-saturday&mode=assessment&mastery=70')!;
    expect(l).toMatchObject({ kind: 'scorm12', scenarioId: 'toy-shop-saturday', mode: 'assessment', mastery: 0.7 });
    expect(playHash(l)).toBe('#/play/toy-shop-saturday?mode=assessment');
    expect(playHash(l, 'r1')).toBe('#/play/toy-shop-saturday?mode=assessment&run=r1');
  });

  it('keeps cmi5 parameters the platform appended', () => {
    const l = lmsLaunch('?lms=cmi5&play=x&endpoint=https%3A%2F%2Flrs.test%2F&fetch=https%3A%2F%2Flms.test%2Ft&registration=r')!;
    expect(l.params.endpoint).toBe('https://lrs.test/');
    expect(l.mastery).toBe(0.6);
  });

  it('is null for a plain visit or a broken address', () => {
    expect(lmsLaunch('')).toBeNull();
    expect(lmsLaunch('?lms=aicc&play=x')).toBeNull();
    expect(lmsLaunch('?lms=scorm12&play=../x')).toBeNull();
  });
});
