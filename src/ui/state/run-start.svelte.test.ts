import { describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../engine/types';
import { MemoryStore } from '../../persistence/memory';
import toyShop from '../../../scenarios/toy-shop-saturday.json';

// The engine's compile and first state, watched; the main thread's yield, held by the test.
const seen = vi.hoisted(() => ({ calls: [] as string[], release: [] as (() => void)[] }));
vi.mock('../../engine/replay', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../engine/replay')>();
  return {
    ...real,
    machineFor: (s: Scenario) => (seen.calls.push('compile'), real.machineFor(s)),
    initialPlayState: (...a: Parameters<typeof real.initialPlayState>) => (seen.calls.push('first state'), real.initialPlayState(...a)),
  };
});
vi.mock('../start-gate', () => ({
  yieldToMain: () => new Promise<void>((resolve) => seen.release.push(() => (seen.calls.push('yield'), resolve()))),
}));

const { LiveRun, newRun } = await import('./run.svelte');

describe('LiveRun.start', () => {
  it('compiles the scenario, lets the main thread go, and only then makes the first state', async () => {
    const scenario = structuredClone(toyShop) as unknown as Scenario;
    const run = newRun({ scenario, hash: 'h1', playerId: 'p1', mode: 'coaching', timerScale: 1 });
    const started = LiveRun.start(new MemoryStore(), scenario, run);
    await Promise.resolve();
    expect(seen.calls).toEqual(['compile']);
    for (const release of seen.release.splice(0)) release();
    const live = await started;
    expect(seen.calls).toEqual(['compile', 'yield', 'first state']);
    expect(live.state.node).toBe(scenario.start);
  });
});
