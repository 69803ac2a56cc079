import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkLine, ImportSession } from './import-session.svelte';
import { shutDown } from './validate-client';

/** A validation worker that starts and then never answers: a check that takes very long. */
class SlowWorker extends EventTarget {
  static made: SlowWorker[] = [];
  terminated = false;
  constructor() {
    super();
    SlowWorker.made.push(this);
    queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: { ready: true } })));
  }
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

/** What a page has and Node lacks: Vite turns `new Worker(new URL(…))` into code that reads `self`. */
function inPage(): void {
  vi.stubGlobal('self', globalThis);
  vi.stubGlobal('location', new URL('http://localhost/'));
  vi.stubGlobal('Worker', SlowWorker);
}

const options = { builtInIds: [], store: { saveScenario: async () => undefined, listScenarios: async () => [] }, lang: 'en' as const };

describe('checkLine', () => {
  it('says "checked in" only for a file that was checked to the end', () => {
    const result = { ok: false, problems: [] } as never;
    expect(checkLine({ result })).toBe('file');
    expect(checkLine({ result, refusal: { kind: 'built-in-id', id: 'x' } })).toBe('file');
    expect(checkLine({ refusal: { kind: 'stopped' } })).toBe('file_stopped');
    expect(checkLine({ refusal: { kind: 'timeout', ms: 20_000 } })).toBe('file_timeout');
    expect(checkLine({ refusal: { kind: 'crashed', detail: 'x' } })).toBe('file_not_checked');
    expect(checkLine({ refusal: { kind: 'unavailable' } })).toBe('file_not_checked');
  });
});

describe('ImportSession', () => {
  afterEach(() => {
    shutDown();
    vi.unstubAllGlobals();
    SlowWorker.made = [];
  });

  it('a check can be stopped: the file is refused as stopped, nothing is stored, and the next check gets a fresh worker', async () => {
    inPage();
    const session = new ImportSession();
    const saveScenario = vi.fn(async () => undefined);
    const checking = session.importBytes(new TextEncoder().encode('{"id": "big"}'), 'big.json', { ...options, store: { ...options.store, saveScenario } });
    expect(session.status).toBe('checking');
    await vi.waitFor(() => expect(SlowWorker.made).toHaveLength(1));
    session.stop();
    const report = await checking;
    expect(report.refusal).toEqual({ kind: 'stopped' });
    // Its line says the check was stopped, never "checked in N ms".
    expect(checkLine(report)).toBe('file_stopped');
    expect(session.status).toBe('done');
    expect(session.report?.fileName).toBe('big.json');
    expect(saveScenario).not.toHaveBeenCalled();
    expect(SlowWorker.made[0].terminated).toBe(true);

    void session.importBytes(new TextEncoder().encode('{}'), 'next.json', options);
    await vi.waitFor(() => expect(SlowWorker.made).toHaveLength(2));
    session.stop();
  });

  it('a check that runs past the limit is stopped anyway, and says so', async () => {
    vi.useFakeTimers();
    try {
      inPage();
      const session = new ImportSession();
      const checking = session.importBytes(new TextEncoder().encode('{}'), 'huge.json', options);
      await vi.advanceTimersByTimeAsync(19_000);
      expect(session.status).toBe('checking');
      await vi.advanceTimersByTimeAsync(1_000);
      const report = await checking;
      expect(report.refusal?.kind).toBe('timeout');
      expect(checkLine(report)).toBe('file_timeout');
    } finally {
      vi.useRealTimers();
    }
  });
});
