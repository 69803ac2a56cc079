import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guideInApp } from './guide-name';
import { validateScenario } from '../engine/validate';

const flat = readFileSync(new URL('../engine/fixtures/flat-dimension.json', import.meta.url), 'utf8');

describe('the guide as the app names it in validation messages', () => {
  it('is the guide card and screen a manager sees, in her language, never the repository file', () => {
    expect(guideInApp('nl')).toBe('de volledige handleiding, die je downloadt bij ‘Handleiding: zo schrijf je een scenario’ bovenaan ‘Scenario’s schrijven’');
    expect(guideInApp('en')).toBe('the complete guide, which you download under “Guide: how to write a scenario” at the top of “Write scenarios”');
  });

  it('is what a score warning points at when the app validates', () => {
    for (const lang of ['nl', 'en'] as const) {
      const [warning] = validateScenario(flat, { lang, guide: guideInApp(lang) }).problems;
      expect(warning.message).toContain(guideInApp(lang));
      expect(warning.message).not.toContain('README');
    }
  });
});
