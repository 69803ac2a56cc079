import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Run } from '../engine/types';
import { finishedRun } from './test/fixtures';
import { canonicalRun, generateDeviceKey, outgoing, signRun, verifyRun } from './run-signature';

const run: Run = { ...finishedRun('r1', 'anna', ['good', 'bad']), seed: 'r1' };

describe('canonicalRun', () => {
  it('does not depend on key order or undefined fields', () => {
    const reordered = Object.fromEntries(Object.entries(run).reverse()) as unknown as Run;
    expect(canonicalRun(reordered)).toBe(canonicalRun(run));
    expect(canonicalRun({ ...run, startNode: undefined, reflection: undefined } as Run)).toBe(canonicalRun(run));
    const events = run.events.map((e) => Object.fromEntries(Object.entries(e).reverse()) as unknown as Run['events'][number]);
    expect(canonicalRun({ ...run, events })).toBe(canonicalRun(run));
  });

  it('leaves out the reflection and the order options were shown in (it follows from the seed)', () => {
    const shown = run.events.map((e) => ({ ...e, shown: ['bad', 'good'] }));
    expect(canonicalRun({ ...run, reflection: 'I was rushed', events: shown } as Run)).toBe(canonicalRun(run));
  });

  it('changes with every field that says what happened or how it counts', () => {
    const edits: Partial<Run>[] = [
      { id: 'r2' },
      { scenarioId: 'other' },
      { scenarioHash: '0000000000000000' },
      { playerId: 'bram' },
      { playerId: null },
      { mode: 'coaching' },
      { timerScale: 0 },
      { startedAt: run.startedAt + 1 },
      { seed: 'other' },
      { startNode: 'b' },
      { events: run.events.slice(0, 1) },
      { events: [{ ...run.events[0], at: run.events[0].at + 1 }, run.events[1]] },
      { finishedAt: undefined },
      { finishedAt: run.finishedAt! + 1 },
    ];
    const all = new Set([canonicalRun(run), ...edits.map((e) => canonicalRun({ ...run, ...e }))]);
    expect(all.size).toBe(edits.length + 1);
  });
});

describe('signRun / verifyRun', () => {
  it('verifies the run signed and nothing else', async () => {
    const pair = await generateDeviceKey();
    const signature = await signRun(run, pair);
    expect(signature.key).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(await verifyRun({ ...run, reflection: 'later words' } as Run, signature)).toBe(true);
    expect(await verifyRun({ ...run, mode: 'coaching' }, signature)).toBe(false);
    const other = await signRun(run, await generateDeviceKey());
    expect(await verifyRun(run, { key: other.key, sig: signature.sig })).toBe(false);
    expect(await verifyRun(run, { key: 'AAAA', sig: signature.sig })).toBe(false);
  });

  it('outgoing signs own runs, passes imported signatures on, and leaves unverified runs unsigned', async () => {
    const pair = await generateDeviceKey();
    const foreign = await signRun(run, await generateDeviceKey());
    const out = await outgoing([run, { ...run, id: 'r2', signature: foreign }, { ...run, id: 'r3', unverified: true }], async () => pair);
    expect(await verifyRun(out[0], out[0].signature!)).toBe(true);
    expect(out[1].signature).toEqual(foreign);
    expect(out[2]).not.toHaveProperty('signature');
    expect(out[2]).not.toHaveProperty('unverified');
  });
});

describe('without WebCrypto (an http:// address)', () => {
  afterEach(() => vi.unstubAllGlobals());
  const webCrypto = globalThis.crypto;
  const withoutWebCrypto = () => vi.stubGlobal('crypto', { getRandomValues: webCrypto.getRandomValues.bind(webCrypto) });

  it('signs and checks with the same key and signature bytes as WebCrypto, both ways', async () => {
    const hard = await generateDeviceKey();
    const fromHard = await signRun(run, hard);
    withoutWebCrypto();
    expect(globalThis.crypto.subtle).toBeUndefined();
    const soft = await generateDeviceKey();
    const fromSoft = await signRun(run, soft);
    expect(fromSoft.key).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(fromSoft.sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
    // The soft check reads WebCrypto's signatures and its own, and refuses a changed run.
    expect(await verifyRun(run, fromHard)).toBe(true);
    expect(await verifyRun(run, fromSoft)).toBe(true);
    expect(await verifyRun({ ...run, mode: 'coaching' }, fromSoft)).toBe(false);
    expect(await verifyRun(run, { key: fromHard.key, sig: fromSoft.sig })).toBe(false);
    expect(await verifyRun(run, { key: 'AAAA', sig: fromSoft.sig })).toBe(false);
    // WebCrypto reads the soft key's signature.
    vi.unstubAllGlobals();
    expect(await verifyRun(run, fromSoft)).toBe(true);
    expect(await verifyRun({ ...run, playerId: 'bram' }, fromSoft)).toBe(false);
  });
});
