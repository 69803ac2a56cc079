import { afterEach, describe, expect, it, vi } from 'vitest';
import { addReceived, loadReceived, RECEIVED_KEY } from './received-log';

/** A localStorage of one Map (the unit tests run in node). */
function storage(refuse = false): Map<string, string> {
  const data = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => {
      if (refuse) throw new DOMException('denied', 'SecurityError');
      return data.get(k) ?? null;
    },
    setItem: (k: string, v: string) => {
      if (refuse) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, v);
    },
  });
  return data;
}
afterEach(() => vi.unstubAllGlobals());

describe('the Received log', () => {
  it('keeps what came in for the next page load, newest first, at most 50', () => {
    storage();
    let shown = loadReceived();
    expect(shown).toEqual([]);
    for (let i = 1; i <= 52; i++) shown = addReceived({ ok: i % 2 === 0, text: `entry ${i}` }, shown);
    const again = loadReceived();
    expect(again).toEqual(shown);
    expect(again).toHaveLength(50);
    expect(again[0]).toEqual({ ok: true, text: 'entry 52' });
    expect(again.at(-1)!.text).toBe('entry 3');
  });

  it('adds on top of what another tab stored meanwhile', () => {
    storage();
    const mine = addReceived({ ok: true, text: 'here' }, []);
    addReceived({ ok: false, text: 'other tab' }, mine);
    expect(addReceived({ ok: true, text: 'here again' }, mine).map((e) => e.text)).toEqual(['here again', 'other tab', 'here']);
  });

  it('reads a damaged or foreign value as an empty log, and keeps only whole entries', () => {
    const data = storage();
    data.set(RECEIVED_KEY, '{not json');
    expect(loadReceived()).toEqual([]);
    data.set(RECEIVED_KEY, JSON.stringify({ ok: true }));
    expect(loadReceived()).toEqual([]);
    data.set(RECEIVED_KEY, JSON.stringify([{ ok: true, text: 'fine' }, { ok: 'yes', text: 1 }, null, '<b>x</b>']));
    expect(loadReceived()).toEqual([{ ok: true, text: 'fine' }]);
  });

  it('still shows the entry on this page when storage refuses', () => {
    storage(true);
    expect(addReceived({ ok: true, text: 'new' }, [{ ok: false, text: 'old' }]).map((e) => e.text)).toEqual(['new', 'old']);
    expect(loadReceived()).toEqual([]);
  });
});
