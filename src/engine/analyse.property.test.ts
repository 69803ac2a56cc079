import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { generateScenario } from '../../test-support/generate';
import { analyseScenario } from './analyse';
import { compileScenario } from './compile';
import { availableOptions, firstMemory, flagsAfter, moodAfter, routeIndex } from './compile-rules';
import type { FlagSet } from './compile-rules';
import { contentHash } from './hash';
import type { Dimension, Effects, Scenario } from './types';
import { DIMENSIONS } from './types';

const small = fc
  .record({ nodes: fc.integer({ min: 1, max: 14 }), seed: fc.integer({ min: 1, max: 1_000_000 }), flags: fc.integer({ min: 0, max: 2 }) })
  .map((o) => generateScenario(o));

/** Every complete path by brute force (the generator's graphs have no loops). */
function enumerate(s: Scenario) {
  const totals: Record<Dimension, number>[] = [];
  const lengths: number[] = [];
  const add = (raw: Record<Dimension, number>, e: Effects | undefined) => {
    const out = { ...raw };
    for (const d of DIMENSIONS) out[d] += e?.[d] ?? 0;
    return out;
  };
  const walk = (node: string, mood: number, flags: FlagSet, raw: Record<Dimension, number>, depth: number): void => {
    if (s.endings[node]) {
      totals.push(add(raw, s.endings[node].effects));
      lengths.push(depth);
      return;
    }
    const n = s.nodes[node];
    const ways = availableOptions(n.options, { ...firstMemory(s), mood, flags }).map((o) => ({ effects: o.effects, next: o.next }));
    if (n.timeLimit) ways.push({ effects: n.timeLimit.effects, next: n.timeLimit.next });
    for (const w of ways) {
      const m2 = moodAfter(mood, w.effects);
      const f2 = flagsAfter(flags, w.effects);
      const r = routeIndex(w.next, { ...firstMemory(s), mood: m2, flags: f2 });
      const to = typeof w.next === 'string' ? w.next : w.next[r].to;
      walk(to, m2, f2, add(raw, w.effects), depth + 1);
    }
  };
  walk(s.start, s.customer.initialMood ?? 0, {}, { warmth: 0, initiative: 0, outcome: 0 }, 0);
  return { totals, lengths };
}

describe('analysis properties', () => {
  it('score ranges and path lengths equal a brute-force enumeration of every complete path', () => {
    fc.assert(
      fc.property(small, (s) => {
        const a = analyseScenario(s);
        const { totals, lengths } = enumerate(s);
        for (const d of DIMENSIONS) {
          expect(a.ranges[d].min).toBe(Math.min(...totals.map((t) => t[d])));
          expect(a.ranges[d].max).toBe(Math.max(...totals.map((t) => t[d])));
        }
        expect(a.summary.shortestPath).toBe(Math.min(...lengths));
        expect(a.summary.longestPath).toBe(Math.max(...lengths));
      }),
      { numRuns: 60 },
    );
  });

  it('the compiled machine, run as an XState actor, ends where the analysis best path says', () => {
    fc.assert(
      fc.property(small, (s) => {
        const a = analyseScenario(s);
        const actor = createActor(compileScenario(s), { input: { startedAt: 0 } }).start();
        let at = 0;
        for (const step of a.bestPath.steps) {
          actor.send(step.option === null ? { type: 'timer.expire', at: (at += 1) } : { type: 'choice.select', option: step.option, at: (at += 1) });
        }
        const snap = actor.getSnapshot();
        expect(snap.status).toBe('done');
        expect(snap.value).toBe(a.bestPath.ending);
        expect(snap.context.steps).toHaveLength(a.bestPath.steps.length);
      }),
      { numRuns: 40 },
    );
  });

  it('the content hash ignores key order and changes with content', () => {
    const shuffle = (v: unknown, flip: boolean): unknown => {
      if (Array.isArray(v)) return v.map((x) => shuffle(x, !flip));
      if (v && typeof v === 'object') {
        const keys = Object.keys(v);
        if (flip) keys.reverse();
        return Object.fromEntries(keys.map((k) => [k, shuffle((v as Record<string, unknown>)[k], !flip)]));
      }
      return v;
    };
    fc.assert(
      fc.property(small, fc.boolean(), (s, flip) => {
        const h = contentHash(s);
        expect(contentHash(shuffle(s, flip) as Scenario)).toBe(h);
        expect(contentHash({ ...s, title: `${JSON.stringify(s.title)}!` })).not.toBe(h);
      }),
      { numRuns: 30 },
    );
  });
});
