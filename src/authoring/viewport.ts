/**
 * The map's view: a translation and a zoom factor, and the pure functions that fit, zoom, pan
 * and reveal. Frame sizes are in CSS pixels, layout coordinates in map units.
 */
import type { Layout, Point } from './layout';

export interface View {
  x: number;
  y: number;
  k: number;
}

export const MIN_K = 0.15;
export const MAX_K = 2.5;
/** Below this zoom the words on the map are too small to read. */
export const READABLE_K = 0.8;
const PAD = 16;

export interface Frame {
  width: number;
  height: number;
}

/** The whole graph, centred, at most a little magnified. */
export function fitView(layout: Layout, f: Frame): View {
  const k = Math.max(MIN_K, Math.min(1.2, (f.width - PAD * 2) / Math.max(1, layout.width), (f.height - PAD * 2) / Math.max(1, layout.height)));
  return { k, x: (f.width - layout.width * k) / 2, y: Math.max(PAD, (f.height - layout.height * k) / 2) };
}

/** The first view: the whole graph when it stays readable, else the start node at the top, readable. */
export function firstView(layout: Layout, f: Frame, start: string): View {
  const whole = fitView(layout, f);
  if (whole.k >= READABLE_K) return whole;
  const s = layout.nodes.get(start);
  const k = READABLE_K;
  return { k, x: f.width / 2 - (s?.x ?? layout.width / 2) * k, y: PAD - ((s?.y ?? 0) - (s?.height ?? 0) / 2 - 8) * k };
}

/** Zooms by a factor, keeping the point `at` of the frame where it is. */
export function zoomAt(v: View, factor: number, at: Point): View {
  const k = Math.max(MIN_K, Math.min(MAX_K, v.k * factor));
  const f = k / v.k;
  return { k, x: at.x - (at.x - v.x) * f, y: at.y - (at.y - v.y) * f };
}

export function panBy(v: View, dx: number, dy: number): View {
  return { ...v, x: v.x + dx, y: v.y + dy };
}

/** Centres a node when it is outside (or at the very edge of) the frame; otherwise the view stays. */
export function revealNode(v: View, layout: Layout, f: Frame, id: string): View {
  const n = layout.nodes.get(id);
  if (!n) return v;
  const sx = n.x * v.k + v.x;
  const sy = n.y * v.k + v.y;
  const margin = 40;
  if (sx >= margin && sx <= f.width - margin && sy >= margin && sy <= f.height - margin) return v;
  return { ...v, x: f.width / 2 - n.x * v.k, y: f.height / 2 - n.y * v.k };
}
