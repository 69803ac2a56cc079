import { describe, expect, it } from 'vitest';
import authorNl from './author.nl.json';
import coreNl from './core.nl.json';
import screensNl from './screens.nl.json';
import teamsNl from './teams.nl.json';

/** Every Dutch string with its key path, e.g. ['report.hand_in', 'Deze ronde inleveren']. */
function strings(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

describe('Dutch words', () => {
  it('call a run a “ronde” everywhere, as the room, the report and the trainer’s screens do', () => {
    // The player's report said "Lever je ronde in" above "Bewaard bij dit potje": one thing, two names.
    const all = [authorNl, coreNl, screensNl, teamsNl].flatMap((f) => strings(f));
    expect(all.filter(([, text]) => /potje/i.test(text))).toEqual([]);
  });
});
