/**
 * How the scene's label (the picture's accessible name) says the customer looks: in the mood
 * meter's words. The faces' own names share the meter's vocabulary ("geïrriteerd" names the
 * annoyed face and mood -3), so a label built from the face said "Yara kijkt geïrriteerd" beside
 * a meter saying "Yara is wat gespannen" (mood -1, where the annoyed face is also drawn). Where
 * the meter is shown, the label takes its words; a face that tells the customer's situation
 * rather than only their mood (surprised, confused, worried, sad) is named beside them. Where no
 * meter is shown (an assessment, until the end), there is nothing to contradict, and the label
 * names the face the story wrote.
 */
import { expressionForMood } from '../../../engine/expression';
import { MOOD_MAX, MOOD_MIN, type Expression } from '../../../engine/types';
import type { Params } from '../../../i18n';

type Translate = (key: string, params?: Params) => string;

/** The faces that show nothing but a mood: the ones the meter's moods are drawn with. */
const MOOD_FACES: ReadonlySet<Expression> = new Set(
  Array.from({ length: MOOD_MAX - MOOD_MIN + 1 }, (_, i) => expressionForMood(MOOD_MIN + i)),
);

/**
 * The words after "{name} kijkt" / "{name}, looking": the meter's words for `mood` (with a
 * situation's face before them), or the face's name when `mood` is null (no meter shown).
 */
export function faceWords(face: Expression, mood: number | null, t: Translate): string {
  if (mood === null) return t(`play.expr_${face}`);
  const meter = t(`play.mood_${Math.max(MOOD_MIN, Math.min(MOOD_MAX, Math.round(mood)))}`);
  return MOOD_FACES.has(face) ? meter : t('play.face_and_mood', { face: t(`play.expr_${face}`), mood: meter });
}
