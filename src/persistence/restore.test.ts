import { describe, expect, it } from 'vitest';
import { restoreEvent, restoreProfile, restoreRun, restoreTeam, Repairs } from './restore';

describe('restoreEvent', () => {
  it('keeps every kind of run event, timer.start included', () => {
    for (const e of [
      { type: 'choice.select', node: 'door', option: 'greet', at: 1 },
      { type: 'timer.expire', node: 'door', at: 2 },
      { type: 'timer.scale', scale: 10, at: 3 },
      { type: 'timer.start', node: 'kids', at: 4 },
    ]) {
      expect(restoreEvent({ ...e, extra: 'dropped' })).toEqual(e);
    }
  });

  it('keeps the order the options were shown in, and refuses a broken one', () => {
    const e = { type: 'choice.select', node: 'door', option: 'greet', at: 1, shown: ['nod', 'greet', 'tidy'] };
    expect(restoreEvent(e)).toEqual(e);
    expect(restoreEvent({ ...e, shown: 'greet' })).toBeNull();
    expect(restoreEvent({ ...e, shown: ['<b>'] })).toBeNull();
    expect(restoreEvent({ ...e, shown: ['a', 'b', 'c', 'd', 'e'] })).toBeNull();
  });

  it('refuses a timer.start without a valid node or time', () => {
    expect(restoreEvent({ type: 'timer.start', at: 4 })).toBeNull();
    expect(restoreEvent({ type: 'timer.start', node: '<script>', at: 4 })).toBeNull();
    expect(restoreEvent({ type: 'timer.start', node: 'kids', at: 'soon' })).toBeNull();
  });

  it('a stored run with a timer.start keeps all its events (strict, as an import)', () => {
    const run = {
      formatVersion: 1,
      id: 'run-1',
      scenarioId: 'toy-shop-saturday',
      scenarioHash: 'hash1234',
      playerId: null,
      mode: 'coaching',
      timerScale: 1,
      startedAt: 1_700_000_000_000,
      events: [
        { type: 'choice.select', node: 'sold-out', option: 'plan', at: 1_700_000_002_000 },
        { type: 'timer.start', node: 'kids', at: 1_700_000_009_000 },
        { type: 'choice.select', node: 'kids', option: 'x', at: 1_700_000_012_000 },
      ],
    };
    const r = new Repairs();
    expect(restoreRun(run, r, { strict: true })?.events).toEqual(run.events);
    expect(restoreRun({ ...run, seed: 'c0ffee-42' }, r, { strict: true })?.seed).toBe('c0ffee-42');
    expect(restoreRun({ ...run, seed: { not: 'a seed' } }, r, { strict: true })).toBeNull();
  });
});

describe('restoreProfile, restoreTeam', () => {
  it('keep names without bidi controls or zero-width characters (a stored or imported name cannot turn a sentence around)', () => {
    expect(restoreProfile({ id: 'p1', name: '\u202EAnna\u200B', teamId: null, createdAt: 1 })?.name).toBe('Anna');
    expect(restoreTeam({ id: 't1', name: 'Kassa\u2067 \u200F', createdAt: 1 })?.name).toBe('Kassa');
    expect(restoreProfile({ id: 'p2', name: '\u200B\u202E', teamId: null, createdAt: 1 })?.name).toBe('?');
  });
});
