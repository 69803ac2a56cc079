/**
 * The BroadcastChannel fallback of the tab guard (browsers without Web Locks): two module
 * instances stand for two tabs.
 */
import { describe, expect, it, vi } from 'vitest';

type Guard = typeof import('./tab-guard');

async function tab(): Promise<Guard> {
  vi.resetModules();
  return import('./tab-guard');
}

describe('tab guard without Web Locks', () => {
  it('refuses a run another tab plays, and lets it be taken over', async () => {
    expect(typeof BroadcastChannel).toBe('function');
    const a = await tab();
    const b = await tab();
    const lostA = vi.fn();
    const first = await a.claimRun('run-1', { onLost: lostA });
    expect(first.ok).toBe(true);

    const second = await b.claimRun('run-1');
    expect(second.ok).toBe(false);
    // Another run is free.
    expect((await b.claimRun('run-2')).ok).toBe(true);

    const lostB = vi.fn();
    const claim = await b.takeOverRun('run-1', { onLost: lostB });
    await vi.waitFor(() => expect(lostA).toHaveBeenCalledTimes(1));
    // Now the first tab is refused until it takes the run back.
    expect((await a.claimRun('run-1')).ok).toBe(false);
    claim.release();
    expect((await a.claimRun('run-1')).ok).toBe(true);
    expect(lostB).not.toHaveBeenCalled();
  });
});
