/**
 * How a customer looks and stands, derived from the scenario's `customer.look` and the current
 * expression. Authored colours are checked (#rrggbb only) before they reach an SVG attribute.
 */
import type { Customer, Expression } from '../../../engine/types';

export const SKIN = ['#f6d7c3', '#eac0a0', '#d19f7c', '#a8744f', '#7d5136', '#4f3222'];

export type Pose = 'down' | 'crossed' | 'hips' | 'wave' | 'chin' | 'hands' | 'watch';

export interface Look {
  skin: string;
  hair: string;
  clothes: string;
  hairStyle: 'short' | 'long' | 'bun' | 'bald' | 'curly';
  age: 'child' | 'young' | 'adult' | 'senior';
  wheelchair: boolean;
}

const HEX = /^#[0-9a-fA-F]{6}$/;

function colour(value: unknown, fallback: string): string {
  return typeof value === 'string' && HEX.test(value) ? value : fallback;
}

/** Fills in a drawable look from authored hints (any of them may be missing or wrong). */
export function resolveLook(look: Customer['look'] | null | undefined): Look {
  const l = look ?? {};
  const skinIndex = Number.isInteger(l.skin) && l.skin! >= 1 && l.skin! <= 6 ? l.skin! - 1 : 2;
  const age = l.age && ['child', 'young', 'adult', 'senior'].includes(l.age) ? l.age : 'adult';
  const hairStyle = l.hairStyle && ['short', 'long', 'bun', 'bald', 'curly'].includes(l.hairStyle) ? l.hairStyle : 'short';
  return {
    skin: SKIN[skinIndex],
    hair: colour(l.hair, age === 'senior' ? '#b9b6ae' : '#4a3426'),
    clothes: colour(l.clothes, '#3a6ea5'),
    hairStyle,
    age,
    wheelchair: l.wheelchair === true,
  };
}

/** The body language that goes with a face. */
export function poseFor(expression: Expression): Pose {
  switch (expression) {
    case 'angry':
    case 'annoyed':
      return 'crossed';
    case 'impatient':
      return 'watch';
    case 'delighted':
      return 'wave';
    case 'confused':
      return 'chin';
    case 'worried':
    case 'sad':
      return 'hands';
    case 'surprised':
      return 'hips';
    default:
      return 'down';
  }
}

/** A darker shade of a #rrggbb colour, for outlines and shadows. */
export function shade(hex: string, amount = 0.25): string {
  const n = parseInt(hex.slice(1), 16);
  const f = (v: number) => Math.max(0, Math.round(v * (1 - amount)));
  const r = f((n >> 16) & 255);
  const g = f((n >> 8) & 255);
  const b = f(n & 255);
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
}
