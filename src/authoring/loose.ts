/**
 * Reading untrusted, possibly malformed scenario data without trusting its shape: every helper
 * takes `unknown`, reads only own properties, and never touches a prototype.
 */
import type { Text } from '../engine/types';

/** The value as a plain record when it is a non-array object, else null. */
export function rec(x: unknown): Record<string, unknown> | null {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : null;
}

/** An own property, never an inherited one (so "constructor" or "__proto__" read nothing). */
export function own(o: Record<string, unknown> | null, key: string): unknown {
  return o && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

export function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

export function arr(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

/** A Text value (string or per-language strings), or undefined when it is neither. */
export function text(x: unknown): Text | undefined {
  if (typeof x === 'string') return x;
  const o = rec(x);
  if (!o) return undefined;
  const out: { nl?: string; en?: string } = {};
  const nl = str(own(o, 'nl'));
  const en = str(own(o, 'en'));
  if (nl !== undefined) out.nl = nl;
  if (en !== undefined) out.en = en;
  return nl === undefined && en === undefined ? undefined : out;
}

/** Own keys of a record, capped so a hostile object cannot make us loop for long. */
export function keys(o: Record<string, unknown> | null, max = 5000): string[] {
  if (!o) return [];
  const k = Object.keys(o);
  return k.length > max ? k.slice(0, max) : k;
}
