/**
 * Reads a results file off the main thread: decoding, JSON.parse and every check (a replay of each
 * run against its scenario version) happen here, so 10,000 runs or megabytes of nested brackets
 * never freeze the page. The scenario versions the device already knows are asked of the page
 * (they live in its store). See results-import.ts for the page's side.
 */
import type { StoredScenario } from './api';
import { ImportError, readResultsFile, type ReadOptions, type ResultsRead } from './results-file';

export type ToWorker = { type: 'read'; bytes: ArrayBuffer; now: number; opts: ReadOptions } | { type: 'known'; reqId: number; version: StoredScenario | undefined };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'known'; reqId: number; hash: string; scenarioId: string }
  | { type: 'done'; bundle: ResultsRead }
  | { type: 'failed'; code?: ImportError['code']; params?: ImportError['params']; message: string };

const post = (m: FromWorker) => self.postMessage(m);
const waiting = new Map<number, (v: StoredScenario | undefined) => void>();
let nextReq = 1;

function known(hash: string, scenarioId: string): Promise<StoredScenario | undefined> {
  const reqId = nextReq++;
  return new Promise((resolve) => {
    waiting.set(reqId, resolve);
    post({ type: 'known', reqId, hash, scenarioId });
  });
}

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'known') {
    waiting.get(m.reqId)?.(m.version);
    waiting.delete(m.reqId);
    return;
  }
  try {
    const bundle = await readResultsFile(new Uint8Array(m.bytes), known, m.now, m.opts);
    post({ type: 'done', bundle });
  } catch (err) {
    if (err instanceof ImportError) post({ type: 'failed', code: err.code, params: err.params, message: err.message });
    else post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};

post({ type: 'ready' });
