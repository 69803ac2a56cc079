/**
 * Practice mode shows the customer's face beside the mood meter's words: on every node and ending
 * of every built-in scenario, at every mood the meter can show, the two must not contradict each
 * other (a worried face beside "neutral" did, on the tram's card reader).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expressionFor } from '../src/engine/expression';
import { EXPRESSIONS, MOOD_MAX, MOOD_MIN, type Expression, type Scenario } from '../src/engine/types';

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
