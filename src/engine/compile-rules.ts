/**
 * The story rules shared by the compiled machine, the replay and the analysis: when a condition
 * holds, how effects change mood and flags, and which route a choice takes. One implementation,
 * so the live game, the replay and the score ranges can never disagree.
 */
import type { Condition, Effects, Next, Option, Route } from './types';
import { MOOD_MAX, MOOD_MIN } from './types';

/** Flags that are true; a flag that is absent or false counts as false. */
export type FlagSet = Readonly<Record<string, boolean>>;

/**
 * Whether a condition holds for a mood and a set of flags. An absent condition always holds.
 * Every key of the condition must hold (AND); `any` needs one of its parts, `not` inverts.
 */
export function holds(condition: Condition | undefined, mood: number, flags: FlagSet): boolean {
  if (!condition) return true;
  const m = condition.mood;
  if (m) {
    if (typeof m.min === 'number' && mood < m.min) return false;
    if (typeof m.max === 'number' && mood > m.max) return false;
  }
  const f = condition.flags;
  if (f) {
    // for-in, not Object.keys: the analysis asks this for every state, and a key array each time was garbage.
    for (const name in f) {
      if (Object.prototype.hasOwnProperty.call(f, name) && (flags[name] === true) !== (f[name] === true)) return false;
    }
  }
  if (condition.all) {
    for (const part of condition.all) if (!holds(part, mood, flags)) return false;
  }
  if (condition.any) {
    let one = false;
    for (const part of condition.any) {
      if (holds(part, mood, flags)) {
        one = true;
        break;
      }
    }
    if (!one) return false;
  }
  if (condition.not && holds(condition.not, mood, flags)) return false;
  return true;
}

/** Clamps a mood to the customer's range (-5..5) and rounds it to a whole number. */
export function clampMood(mood: number): number {
  const m = Math.round(mood);
  return m < MOOD_MIN ? MOOD_MIN : m > MOOD_MAX ? MOOD_MAX : m;
}

/** The mood after applying effects (clamped to -5..5). */
export function moodAfter(mood: number, effects: Effects | undefined): number {
  return effects && typeof effects.mood === 'number' ? clampMood(mood + effects.mood) : mood;
}

/**
 * The flags after applying effects: a new object holding only the flags that are true, or the
 * same object when nothing changes.
 */
export function flagsAfter(flags: FlagSet, effects: Effects | undefined): FlagSet {
  const set = effects?.flags;
  if (!set) return flags;
  let changed = false;
  for (const name in set) {
    if (Object.prototype.hasOwnProperty.call(set, name) && (flags[name] === true) !== (set[name] === true)) {
      changed = true;
      break;
    }
  }
  if (!changed) return flags;
  const out: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
  for (const name of Object.keys(flags)) if (flags[name] === true) out[name] = true;
  for (const name of Object.keys(set)) {
    if (set[name] === true) out[name] = true;
    else delete out[name];
  }
  return out;
}

/** A `next` as a list of routes (a plain id becomes one unconditional route). */
export function routesOf(next: Next): Route[] {
  return typeof next === 'string' ? [{ to: next }] : Array.isArray(next) ? next : [];
}

/**
 * The index of the route taken after a choice, decided on the mood and flags AFTER the choice's
 * effects: the first route whose condition holds. -1 when none holds (an invalid scenario).
 */
export function routeIndex(next: Next, mood: number, flags: FlagSet): number {
  if (typeof next === 'string') return 0;
  const routes = routesOf(next);
  for (let i = 0; i < routes.length; i++) if (holds(routes[i].when, mood, flags)) return i;
  return -1;
}

/** The options of a node that are available with this mood and these flags. */
export function availableOptions(options: readonly Option[], mood: number, flags: FlagSet): Option[] {
  const out: Option[] = [];
  for (const option of options) if (holds(option.when, mood, flags)) out.push(option);
  return out;
}
