import { describe, expect, it } from 'vitest';
import { Locale } from '../../../i18n/locale.svelte';
import core from '../../../i18n/core.en.json';
import coreNl from '../../../i18n/core.nl.json';
import teams from '../../../i18n/teams.en.json';
import teamsNl from '../../../i18n/teams.nl.json';
import type { Lang } from '../../../engine/types';
import { startOutcome } from '../../../persistence/import-plan';
import { importSummary } from './import-summary';
import { receivedText } from './received-log';

function wording(lang: Lang) {
  const locale = new Locale(lang);
  locale.register('', { en: core, nl: coreNl });
  locale.register('teams', { en: teams, nl: teamsNl });
  return { t: locale.t.bind(locale), scenarioTitle: () => 'Toy shop on a Saturday', lang };
}

const empty = startOutcome({ runs: [], scenarios: [], profiles: [], teams: [] }, new Map(), []);
const worded = (said: ReturnType<typeof importSummary>, lang: Lang = 'en') => receivedText({ ok: false, said, file: 'changed.json' }, wording(lang));

describe('the summary of a results file', () => {
  it('counts changed runs whose genuine copy is here as already here, never "none already here" beside them', () => {
    expect(worded(importSummary(empty, 3))).toBe('changed.json: no new runs, 3 already here, no new players.');
    expect(worded(importSummary(empty, 3), 'nl')).toBe('changed.json: geen nieuwe rondes, 3 waren er al, geen nieuwe spelers.');
    expect(worded(importSummary({ ...empty, runsSkipped: 1, runsConflicting: 1 }, 1))).toMatch(/^changed\.json: no new runs, 2 already here, no new players\. 1 run in the file differs/);
    expect(worded(importSummary(empty, 0))).toBe('changed.json: no new runs, none already here, no new players.');
  });

  it('a refused run beside runs here does not say the file held no other runs', () => {
    const refused = (here: number) => [{ key: 'teams.import.runs_refused', args: { runs: { list: [] }, count: 1, more: 0, taken: 0, here } }];
    expect(worded(refused(3))).toContain('No other run in the file was imported.');
    expect(worded(refused(3), 'nl')).toContain('Geen andere ronde uit het bestand is ingelezen.');
    expect(worded(refused(0))).toContain('The file held no other runs.');
  });
});
