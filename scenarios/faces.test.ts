/**
 * Practice mode shows the customer's face beside the mood meter's words: on every node and ending
 * of every built-in scenario, at every mood the meter can show, the two must not contradict each
 * other (a worried face beside "neutral" did, on the tram's card reader).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exploreStates } from '../src/engine/analyse-graph';
import { memoryAfter, moodAfter } from '../src/engine/compile-rules';
import { expressionFor, writtenExpression } from '../src/engine/expression';
import { EXPRESSIONS, MOOD_MAX, MOOD_MIN, type Expression, type Scenario, type Text } from '../src/engine/types';

const dir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();

/**
 * What each face says, as drawn (src/ui/components/scene/CustomerFigure.svelte): a smile, a frown
 * (lowered or raised brows, a turned-down or wavy mouth), or neither.
 */
const SAYS: Record<Expression, 'content' | 'unhappy' | 'open'> = {
  delighted: 'content',
  happy: 'content',
  neutral: 'open',
  surprised: 'open',
  confused: 'open',
  worried: 'unhappy',
  sad: 'unhappy',
  impatient: 'unhappy',
  annoyed: 'unhappy',
  angry: 'unhappy',
};

/**
 * Whether a face agrees with the meter's words for a mood (play.mood_*: -5 furious … -1 a bit
 * tense, 0 neutral, 1 at ease … 5 delighted): a smile only beside content words, a frown only
 * beside words that say something is wrong, and a face that says neither only beside mild words.
 */
function agrees(face: Expression, mood: number): boolean {
  const says = SAYS[face];
  if (says === 'content') return mood >= 1;
  if (says === 'unhappy') return mood <= -1;
  return Math.abs(mood) <= 2;
}

describe('the customer\'s face agrees with the mood meter\'s words', () => {
  it('knows what every face says', () => {
    expect(Object.keys(SAYS).sort()).toEqual([...EXPRESSIONS].sort());
  });

  it.each(files)('%s: on every node and ending, at every mood', (file) => {
    const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
    const moments = [...Object.entries(scenario.nodes), ...Object.entries(scenario.endings)];
    const wrong: string[] = [];
    for (const [id, moment] of moments) {
      for (let mood = MOOD_MIN; mood <= MOOD_MAX; mood++) {
        const face = expressionFor(moment.customer?.expression, mood);
        if (!agrees(face, mood)) wrong.push(`${id} at ${mood}: ${face}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

/**
 * Words that tell what the customer's face or body is doing, and the faces they cannot stand
 * beside: someone who looks at the floor, stares, sighs or looks away is not smiling; someone who
 * smiles, grins, laughs or waves is not frowning.
 */
const CUES: { words: RegExp; not: 'content' | 'unhappy' }[] = [
  {
    words: /naar de grond|kijkt strak|zonder (op te kijken|je aan te kijken)|ongemakkelijk|zucht|trekt een gezicht|at the floor|\bstares?\b|without looking (up|at you)|awkward|\bsighs?\b|pulls a face/i,
    not: 'content',
  },
  { words: /glimlach|grijns|\blach|zwaai|\bsmil|\bgrin|\blaugh|\bwav(es|ing)\b/i, not: 'unhappy' },
];

/** Every mood a player can reach each node and ending with (an ending: after the last choice and the ending's own effects). */
function reachableMoods(scenario: Scenario): Map<string, Set<number>> {
  const g = exploreStates(scenario);
  const moods = new Map<string, Set<number>>();
  const add = (id: string, mood: number) => (moods.get(id) ?? moods.set(id, new Set()).get(id)!).add(mood);
  g.states.forEach((state) => add(state.node, state.mood));
  g.next.forEach((ways, s) =>
    ways.forEach((to, c) => {
      if (typeof to !== 'string') return;
      const after = memoryAfter(g.states[s], g.choices.get(g.states[s].node)![c].way.effects).mood;
      add(to, moodAfter(after, scenario.endings[to].effects));
    }),
  );
  return moods;
}

/** The words about the customer at a moment: what they do, and the situation's sentences about them by name. */
function wordsAbout(name: string, situation: Text, does: Text | undefined): string[] {
  const first = name.split(' ')[0];
  const texts = (t: Text | undefined) => (t === undefined ? [] : typeof t === 'string' ? [t] : Object.values(t));
  const aboutThem = texts(situation).flatMap((t) => t.split(/(?<=[.!?])\s+/)).filter((sentence) => sentence.startsWith(first));
  return [...texts(does), ...aboutThem];
}

describe('the customer\'s face agrees with the words that describe it', () => {
  it('knows the words of the tram\'s onlooker moment, where Noor was drawn beaming as she looked at the floor', () => {
    expect('Noor kijkt naar de grond.').toMatch(CUES[0].words);
    expect('She smiles politely.').toMatch(CUES[1].words);
    expect(SAYS[expressionFor('worried', 4)]).toBe('content');
  });

  // On the phone the caller is heard, not seen: there is no face.
  const seen = files.filter((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as Scenario).setting !== 'phone');
  it.each(seen)('%s: at every mood that reaches a moment, and in an assessment', (file) => {
    const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
    const wrong: string[] = [];
    for (const [id, moods] of reachableMoods(scenario)) {
      const moment = scenario.nodes[id] ?? scenario.endings[id];
      const situation = 'situation' in moment ? moment.situation : moment.text;
      const words = wordsAbout(scenario.customer.name, situation, moment.customer?.does);
      const named = moment.customer?.expression;
      const faces = new Set([...moods].map((mood) => expressionFor(named, mood)));
      faces.add(writtenExpression(named, scenario.customer.initialMood ?? 0));
      for (const cue of CUES) {
        const said = words.find((w) => cue.words.test(w));
        if (!said) continue;
        for (const face of faces) if (SAYS[face] === cue.not) wrong.push(`${id}: ${face} beside "${said}" (moods ${[...moods].sort((a, b) => a - b).join(',')})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
