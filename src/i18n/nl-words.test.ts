import { describe, expect, it } from 'vitest';
import authorNl from './author.nl.json';
import coreNl from './core.nl.json';
import screensNl from './screens.nl.json';
import teamsNl from './teams.nl.json';
import authorEn from './author.en.json';
import coreEn from './core.en.json';
import screensEn from './screens.en.json';
import teamsEn from './teams.en.json';

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

  it('call a decision a “beslissing” (“decision”) everywhere, never a “stap” (“step”)', () => {
    // The play screen said "Stap 3" where the report and the debrief say "Beslissing 3": a player
    // who hears "bij beslissing 3" from the trainer looks for that word.
    const nl = [authorNl, coreNl, screensNl, teamsNl].flatMap((f) => strings(f));
    const en = [authorEn, coreEn, screensEn, teamsEn].flatMap((f) => strings(f));
    expect(nl.filter(([, text]) => /\bstap(pen)?\b/i.test(text))).toEqual([]);
    expect(en.filter(([, text]) => /\bsteps?\b/i.test(text))).toEqual([]);
  });

  it('call the outcome score “Resultaat” everywhere, as the game’s scores do, never “uitkomst”', () => {
    // The scenario map's legend said "U uitkomst" where the report and the play screen say "Resultaat".
    const nl = [authorNl, coreNl, screensNl, teamsNl].flatMap((f) => strings(f));
    expect(nl.filter(([, text]) => /uitkomst/i.test(text))).toEqual([]);
    expect(screensNl.report.outcome).toBe('Resultaat');
    expect(authorNl.map.letter_outcome).toBe(screensNl.report.outcome[0]);
  });

  it('count decisions as “beslissingen” where the English counts “decisions”', () => {
    // The room's live list said "3 keuzes" in Dutch beside "3 decisions" in English.
    const nl = new Map([authorNl, coreNl, screensNl, teamsNl].flatMap((f) => strings(f)));
    const en = [authorEn, coreEn, screensEn, teamsEn].flatMap((f) => strings(f));
    const decisions = en.filter(([, text]) => /# decisions?\b/i.test(text)).map(([key]) => key);
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.filter((key) => !/beslissing/i.test(nl.get(key) ?? ''))).toEqual([]);
  });
});
