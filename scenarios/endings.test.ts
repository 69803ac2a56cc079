/**
 * An ending's words agree with the mood the customer ends in. The meter beside the ending says
 * how the customer feels (play.mood_*); the ending's words must not say otherwise. On the café's
 * terrace the meter said "Yara is blij" beside "Geen klacht, geen compliment … Oké, doei!": the
 * scenario sent every mood below 4 to an ending written for an indifferent customer.
 *
 * The rule, checkable without reading prose: an ending is written for the face it names. A named
 * `neutral` face is a customer who leaves indifferent ("Ja. Dag."), so such an ending must not be
 * reachable with a mood the meter calls content: 2 or more (tevreden, blij, erg blij, opgetogen).
 * An ending that names no face is written for whatever mood the customer leaves in (its face
 * follows the meter), so its words must not commit to a mood. Which moods reach an ending comes
 * from the engine's own exploration of every state a player can be in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exploreStates } from '../src/engine/analyse-graph';
import { moodAfter } from '../src/engine/compile-rules';
import type { Scenario } from '../src/engine/types';

const dir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();

/** The lowest mood the meter calls content (play.mood_2: "tevreden", "pleased"). */
const CONTENT = 2;

/** Every mood with which each ending can be reached: after the last choice's effects and the ending's own. */
function endingMoods(scenario: Scenario): Map<string, Set<number>> {
  const g = exploreStates(scenario);
  expect(g.truncated).toBe(false);
  const moods = new Map<string, Set<number>>();
  g.next.forEach((targets, s) => {
    const state = g.states[s];
    const choices = g.choices.get(state.node) ?? [];
    targets.forEach((to, i) => {
      if (typeof to !== 'string') return;
      const mood = moodAfter(moodAfter(state.mood, choices[i].way.effects), scenario.endings[to].effects);
      moods.set(to, (moods.get(to) ?? new Set()).add(mood));
    });
  });
  return moods;
}

describe('an ending\'s words agree with the mood the customer ends in', () => {
  it('finds the moods each ending is reached with (the café\'s plain ending, at 3 among others)', () => {
    const scenario = JSON.parse(readFileSync(join(dir, 'cafe-terrace-sun.json'), 'utf8')) as Scenario;
    const moods = endingMoods(scenario);
    expect([...(moods.get('regulars') ?? [])].sort()).toEqual([4, 5]);
    expect(moods.get('served')?.has(3)).toBe(true);
  });

  it.each(files)('%s: no ending written for an indifferent customer is reached by a content one', (file) => {
    const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
    const wrong: string[] = [];
    for (const [id, moods] of endingMoods(scenario)) {
      if (scenario.endings[id].customer?.expression !== 'neutral') continue;
      const content = [...moods].filter((m) => m >= CONTENT).sort((a, b) => a - b);
      if (content.length) wrong.push(`${id} (${scenario.endings[id].tone}) names a neutral face, reached at ${content.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });
});
