/**
 * The page's side of reading a results file: the bytes go to a worker (results-import.worker.ts)
 * that parses and checks them, answering its questions about scenario versions this device knows.
 * Only the checked bundle comes back. Where no worker can start, the file is read here instead.
 */
import { ImportError, readResultsFile, type KnownVersion, type ReadOptions, type ResultsRead } from './results-file';
import type { FromWorker, ToWorker } from './results-import.worker';

/** How long the worker may take to start (its code loads once, on a slow connection too). */
const START_TIMEOUT_MS = 20_000;

/** Starts the worker; resolves null when it cannot start. */
function start(): Promise<Worker | null> {
  if (typeof Worker === 'undefined') return Promise.resolve(null);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./results-import.worker.ts', import.meta.url), { type: 'module', name: 'frontlijn-results-import' });
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false), START_TIMEOUT_MS);
    const onMessage = (e: MessageEvent<FromWorker>) => {
      if (e.data?.type === 'ready') done(true);
    };
    const onError = (e: Event) => {
      e.preventDefault();
      done(false);
    };
    function done(ok: boolean) {
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      if (!ok) worker.terminate();
      resolve(ok ? worker : null);
    }
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
}

/** Reads and checks a results file off the main thread; throws ImportError as readResultsFile does. */
export async function readResultsFileOffThread(bytes: Uint8Array, known: KnownVersion, now = Date.now(), opts: ReadOptions = {}): Promise<ResultsRead> {
  const worker = await start();
  if (!worker) return readResultsFile(bytes, known, now, opts);
  // A buffer of our own, transferred: no copy of megabytes across threads.
  const buffer = bytes.slice().buffer as ArrayBuffer;
  try {
    return await new Promise<ResultsRead>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.type === 'known') {
          known(m.hash, m.scenarioId).then(
            (version) => worker.postMessage({ type: 'known', reqId: m.reqId, version } satisfies ToWorker),
            () => worker.postMessage({ type: 'known', reqId: m.reqId, version: undefined } satisfies ToWorker),
          );
        } else if (m.type === 'done') resolve(m.bundle);
        else if (m.type === 'failed') reject(m.code ? new ImportError(m.code, m.params) : new Error(m.message));
      };
      worker.onerror = (e) => {
        e.preventDefault();
        reject(new Error(e.message || 'The results file could not be read'));
      };
      worker.postMessage({ type: 'read', bytes: buffer, now, opts } satisfies ToWorker, [buffer]);
    });
  } finally {
    worker.terminate();
  }
}
