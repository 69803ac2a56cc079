import { describe, expect, it } from 'vitest';
import { scorm12Time, scorm2004Time, scormValues, SUSPEND_LIMIT } from './scorm-data';

const scores = { warmth: 80, initiative: 40, outcome: 100, overall: 73 };

describe('scormValues', () => {
  it('SCORM 1.2 while playing: incomplete, where the player is, the record, suspend', () => {
    const v = new Map(scormValues('1.2', { suspend: 'abc', location: 'n2', scores: null, mastery: 0.6 }));
    expect(v.get('cmi.core.lesson_status')).toBe('incomplete');
    expect(v.get('cmi.core.lesson_location')).toBe('n2');
    expect(v.get('cmi.suspend_data')).toBe('abc');
    expect(v.get('cmi.core.exit')).toBe('suspend');
    expect(v.has('cmi.core.score.raw')).toBe(false);
  });

  it('SCORM 1.2 at the end: passed by the overall score, each dimension an objective', () => {
    const v = new Map(scormValues('1.2', { suspend: 'abc', location: '', scores, mastery: 0.6 }));
    expect(v.get('cmi.core.lesson_status')).toBe('passed');
    expect(v.get('cmi.core.score.raw')).toBe('73');
    expect(v.get('cmi.objectives.0.id')).toBe('warmth');
    expect(v.get('cmi.objectives.1.status')).toBe('failed');
    expect(v.get('cmi.objectives.2.score.raw')).toBe('100');
    expect(v.get('cmi.core.exit')).toBe('');
    expect(new Map(scormValues('1.2', { suspend: null, location: '', scores, mastery: 0.8 })).get('cmi.core.lesson_status')).toBe('failed');
  });

  it('SCORM 2004 at the end: completed, success, scaled scores', () => {
    const v = new Map(scormValues('2004', { suspend: 'abc', location: '', scores, mastery: 0.6 }));
    expect(v.get('cmi.completion_status')).toBe('completed');
    expect(v.get('cmi.success_status')).toBe('passed');
    expect(v.get('cmi.score.scaled')).toBe('0.73');
    expect(v.get('cmi.objectives.0.score.scaled')).toBe('0.8');
    expect(v.get('cmi.objectives.1.success_status')).toBe('failed');
    expect(v.get('cmi.exit')).toBe('normal');
    expect(v.has('cmi.location')).toBe(false);
  });

  it('never writes a record longer than the version allows (1.2: 4,096 characters)', () => {
    const long = 'x'.repeat(SUSPEND_LIMIT['1.2'] + 1);
    expect(new Map(scormValues('1.2', { suspend: long, location: 'n', scores: null, mastery: 0.6 })).has('cmi.suspend_data')).toBe(false);
    expect(new Map(scormValues('1.2', { suspend: long.slice(1), location: 'n', scores: null, mastery: 0.6 })).get('cmi.suspend_data')).toHaveLength(4096);
    expect(new Map(scormValues('2004', { suspend: long, location: 'n', scores: null, mastery: 0.6 })).has('cmi.suspend_data')).toBe(true);
  });
});

describe('session time', () => {
  it('1.2 HHHH:MM:SS.SS and 2004 ISO 8601', () => {
    expect(scorm12Time(3_723_450)).toBe('0001:02:03.45');
    expect(scorm2004Time(3_723_450)).toBe('PT1H2M3.45S');
    expect(scorm2004Time(0)).toBe('PT0S');
  });
});
