import { describe, expect, it } from 'vitest';
import { firstView, fitView, panBy, READABLE_K, revealNode, zoomAt, MAX_K } from './viewport';
import type { Layout } from './layout';

function layout(width: number, height: number): Layout {
  return {
    width,
    height,
    nodes: new Map([
      ['start', { id: 'start', x: width / 2, y: 40, width: 200, height: 70 }],
      ['far', { id: 'far', x: width - 10, y: height - 10, width: 200, height: 70 }],
    ]),
    edges: new Map(),
  };
}

describe('viewport', () => {
  it('fits a small graph whole and centred', () => {
    const v = fitView(layout(400, 300), { width: 800, height: 600 });
    expect(v.k).toBe(1.2);
    expect(v.x).toBeCloseTo((800 - 400 * 1.2) / 2);
  });

  it('starts a big graph at its start node, readable, instead of shrinking it to dots', () => {
    const f = { width: 800, height: 600 };
    const big = layout(4000, 3000);
    expect(fitView(big, f).k).toBeLessThan(READABLE_K);
    const v = firstView(big, f, 'start');
    expect(v.k).toBe(READABLE_K);
    expect(2000 * v.k + v.x).toBeCloseTo(400);
  });

  it('zooms around the pointer and clamps the zoom', () => {
    const v = zoomAt({ x: 0, y: 0, k: 1 }, 2, { x: 100, y: 50 });
    expect(v).toEqual({ k: 2, x: -100, y: -50 });
    expect(zoomAt({ x: 0, y: 0, k: 2 }, 100, { x: 0, y: 0 }).k).toBe(MAX_K);
    expect(panBy(v, 10, -5)).toEqual({ k: 2, x: -90, y: -55 });
  });

  it('reveals a node only when it is out of view', () => {
    const l = layout(2000, 2000);
    const f = { width: 800, height: 600 };
    const inView = { x: -600, y: 0, k: 1 };
    expect(revealNode(inView, l, f, 'start')).toBe(inView);
    const moved = revealNode(inView, l, f, 'far');
    expect(1990 * moved.k + moved.x).toBeCloseTo(400);
    expect(1990 * moved.k + moved.y).toBeCloseTo(300);
  });
});
