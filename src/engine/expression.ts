/**
 * The customer's face: what the scene shows must agree with what the mood meter says beside it.
 * A story may name an expression for a moment (`customer.expression`), written for the mood the
 * author expected there; a player who took another path may have a calmer or angrier customer.
 * The named expression is shown only when it fits the mood now; otherwise the face is the mood's
 * face nearest to it that fits, so an angry, arms-crossed customer never stands beside "at ease".
 */
import { MOOD_MAX, MOOD_MIN, type Expression } from './types';

/** The customer's expression for a mood, used when the story does not name one. */
export function expressionForMood(mood: number): Expression {
  if (mood >= 4) return 'delighted';
  if (mood >= 2) return 'happy';
  if (mood >= -1) return 'neutral';
  if (mood === -2) return 'impatient';
  if (mood === -3) return 'annoyed';
  return 'angry';
}

/**
 * The moods (-5..5, inclusive) with which each expression agrees with the meter's words
 * (play.mood_* in the UI strings: -5 furious … -1 a bit tense, 0 neutral, 1 at ease … 5
 * delighted). A frowning, worried or sad face only beside words that say something is wrong (-1 and
 * below), a smile only beside words that say the customer is content (1 and up), and a face that
 * is neither (neutral, surprised, confused) only beside mild words (-2 to 2): a worried face never
 * stands beside "neutral", nor a happy one beside "neutral".
 */
export const EXPRESSION_MOODS: Readonly<Record<Expression, readonly [number, number]>> = {
  delighted: [2, 5],
  happy: [1, 5],
  neutral: [-2, 2],
  surprised: [-2, 2],
  confused: [-2, 2],
  worried: [-5, -1],
  sad: [-5, -1],
  impatient: [-4, -1],
  annoyed: [-5, -1],
  angry: [-5, -2],
};

/** Whether a face agrees with the mood the meter shows. */
export function fitsMood(expression: Expression, mood: number): boolean {
  const range = EXPRESSION_MOODS[expression];
  return !!range && mood >= range[0] && mood <= range[1];
}

/** The faces the meter's moods are drawn with (delighted, happy, neutral, impatient, annoyed, angry). */
const MOOD_FACES: readonly Expression[] = [...new Set(Array.from({ length: MOOD_MAX - MOOD_MIN + 1 }, (_, i) => expressionForMood(MOOD_MIN + i)))];

/** How many moods lie between two faces' ranges (0 where they overlap). */
function gap(a: Expression, b: Expression): number {
  const [a0, a1] = EXPRESSION_MOODS[a];
  const [b0, b1] = EXPRESSION_MOODS[b];
  return Math.max(0, b0 - a1, a0 - b1);
}

/**
 * The face to show: the story's expression when it fits the mood. When it does not, a mood's face
 * that fits the mood and is as near to the story's as the meter allows (the mood's own on a tie):
 * a customer the story has looking at the floor, worried, is at most smiling where the meter says
 * "very happy", not waving with delight, and neutral where it says "pleased".
 */
export function expressionFor(named: Expression | undefined, mood: number): Expression {
  if (named === undefined || !EXPRESSION_MOODS[named]) return expressionForMood(mood);
  if (fitsMood(named, mood)) return named;
  let face = expressionForMood(mood);
  for (const other of MOOD_FACES) if (fitsMood(other, mood) && gap(other, named) < gap(face, named)) face = other;
  return face;
}

/**
 * The face as the story wrote it, whatever the mood now: the named expression, else the face of
 * the mood the customer came in with. The same for every player on the same step, so it tells
 * nothing about how their choices landed (an assessment shows it until the end, with no meter).
 */
export function writtenExpression(named: Expression | undefined, initialMood: number): Expression {
  return named ?? expressionForMood(initialMood);
}
