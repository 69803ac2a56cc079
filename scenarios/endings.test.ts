/**
 * The words of a moment agree with the mood the customer is in there. The meter beside the scene
 * says how the customer feels (play.mood_*); the words the story wrote for that moment must not
 * say otherwise. On the café's terrace the meter said "Yara is blij" beside "Geen klacht, geen
 * compliment … Oké, doei!": the scenario sent every mood below 4 to an ending written for an
 * indifferent customer. On the phone, "Wat ontzettend aardig! Dank u wel!" stood beside
 * "Marieke is erg geïrriteerd".
 *
 * The rule, checkable without reading prose: a moment is written for the face it names (on the
 * node, on its time-out's reaction, on an ending). A smiling face (happy, delighted) is a customer
 * who is content, so it must not be reachable with a mood the meter calls displeased: -2 or lower
 * (geprikkeld … woedend). An ending that names any other face (neutral, unsure, sad, worried or
 * cross) is a customer who leaves without being content, so it must not be reachable with a mood
 * the meter calls content: 2 or more (tevreden … opgetogen). During the visit a worried, sad,
 * unsure, surprised or neutral face is about the customer's situation and may stand beside any
 * mood (the scene's face follows the meter where it does not fit), but a cross face (impatient,
 * annoyed, angry) is about the service and must not meet a content mood either. A moment that
 * names no face is written for whatever mood the customer is in (its face follows the meter), so
 * its words must not commit to a mood. Which moods reach a moment comes from the engine's own
 * exploration of every state a player can be in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exploreStates } from '../src/engine/analyse-graph';
import { moodAfter } from '../src/engine/compile-rules';
import type { Expression, Scenario } from '../src/engine/types';
import nl from '../src/i18n/core.nl.json';

const dir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();

/** The lowest mood the meter calls content (play.mood_2: "tevreden", "pleased"). */
const CONTENT = 2;
/** The highest mood the meter calls displeased (play.mood_-2: "geprikkeld", "irritated"). */
const DISPLEASED = -2;

const SMILES: readonly Expression[] = ['happy', 'delighted'];
const CROSS: readonly Expression[] = ['impatient', 'annoyed', 'angry'];

/** The meter's words for a mood, as the player reads them. */
const meter = (mood: number) => `${mood} (${(nl.play as Record<string, string>)[`mood_${mood}`]})`;

/** The moods at which a named face contradicts the meter: at an ending, or during the visit. */
function contradicts(face: Expression, mood: number, atEnding: boolean): boolean {
  if (SMILES.includes(face)) return mood <= DISPLEASED;
  if (atEnding || CROSS.includes(face)) return mood >= CONTENT;
  return false;
}

interface Moment {
  /** "node x", "time-out at x" or "ending x (tone)". */
  name: string;
  face: Expression | undefined;
  atEnding: boolean;
  moods: Set<number>;
}

/**
 * Every moment with a customer line and the moods it is shown with: a node as it is entered, a
 * time-out's reaction after its effects, an ending after the last choice's effects and its own.
 */
function moments(scenario: Scenario): Map<string, Moment> {
  const g = exploreStates(scenario);
  expect(g.truncated).toBe(false);
  const found = new Map<string, Moment>();
  const add = (name: string, face: Expression | undefined, atEnding: boolean, mood: number) => {
    const m = found.get(name) ?? { name, face, atEnding, moods: new Set<number>() };
    found.set(name, m);
    m.moods.add(mood);
  };
  g.states.forEach((state, s) => {
    const node = scenario.nodes[state.node];
    add(`node ${state.node}`, node.customer?.expression, false, state.mood);
    const choices = g.choices.get(state.node) ?? [];
    g.next[s]?.forEach((to, i) => {
      if (to === null) return;
      const after = moodAfter(state.mood, choices[i].way.effects);
      if (choices[i].index < 0) add(`time-out at ${state.node}`, node.timeLimit?.customer?.expression, false, after);
      if (typeof to !== 'string') return;
      const ending = scenario.endings[to];
      add(`ending ${to} (${ending.tone})`, ending.customer?.expression, true, moodAfter(after, ending.effects));
    });
  });
  return found;
}

/** Each moment that names a face its reachable moods contradict, with those moods in the meter's words. */
function contradictions(scenario: Scenario): string[] {
  const wrong: string[] = [];
  for (const m of moments(scenario).values()) {
    if (!m.face) continue;
    const at = [...m.moods].filter((mood) => contradicts(m.face!, mood, m.atEnding)).sort((a, b) => a - b);
    if (at.length) wrong.push(`${m.name} names ${m.face}, reached at ${at.map(meter).join(', ')}`);
  }
  return wrong;
}

describe('the words of a moment agree with the mood the customer is in', () => {
  it('finds the moods each moment is reached with (the café\'s endings among them)', () => {
    const scenario = JSON.parse(readFileSync(join(dir, 'cafe-terrace-sun.json'), 'utf8')) as Scenario;
    const found = moments(scenario);
    expect([...(found.get('ending regulars (fan)')?.moods ?? [])].sort()).toEqual([4, 5]);
    expect(found.get('ending served (neutral)')?.moods.has(3)).toBe(true);
    expect([...(found.get('node table')?.moods ?? [])]).toEqual([-1]);
  });

  it('reads the meter\'s words at the rule\'s bounds', () => {
    expect([meter(CONTENT), meter(DISPLEASED)]).toEqual(['2 (tevreden)', '-2 (geprikkeld)']);
  });

  it('flags a smile at an irritated customer, and a frown or a shrug at a content one', () => {
    const scenario = {
      customer: { name: 'Ann', initialMood: 0 },
      start: 'ask',
      nodes: {
        ask: {
          situation: { nl: 'x', en: 'x' },
          options: [
            { id: 'rude', text: { nl: 'x', en: 'x' }, effects: { mood: -3 }, next: 'thanks' },
            { id: 'kind', text: { nl: 'x', en: 'x' }, effects: { mood: 3 }, next: 'shrug' },
          ],
        },
      },
      endings: {
        thanks: { title: { nl: 'x', en: 'x' }, text: { nl: 'x', en: 'x' }, tone: 'neutral', customer: { expression: 'happy' } },
        shrug: { title: { nl: 'x', en: 'x' }, text: { nl: 'x', en: 'x' }, tone: 'neutral', customer: { expression: 'neutral' } },
      },
    } as unknown as Scenario;
    expect(contradictions(scenario)).toEqual([
      'ending thanks (neutral) names happy, reached at -3 (geïrriteerd)',
      'ending shrug (neutral) names neutral, reached at 3 (blij)',
    ]);
  });

  it.each(files)('%s: no named face is reached with a mood the meter says otherwise about', (file) => {
    const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
    expect(contradictions(scenario)).toEqual([]);
  });
});
