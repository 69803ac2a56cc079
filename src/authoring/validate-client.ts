/**
 * The page's side of validation: sends a file's bytes to the validation worker and waits, with a
 * time limit. If the worker takes too long it is stopped (and a fresh one started), and the file is
 * refused with a reason, so no file can keep the page busy.
 */
import type { ValidateRequest, ValidateResponse } from './validate.worker';

/** How long validation may take before the file is refused. */
export const VALIDATE_TIMEOUT_MS = 3000;

export type ValidateOutcome =
  | ({ kind: 'done'; ms: number } & Omit<ValidateResponse, 'id'>)
  | { kind: 'timeout'; ms: number }
  | { kind: 'crashed'; ms: number; detail: string };

let worker: Worker | null = null;
let nextId = 1;

function spawn(): Worker {
  return new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module', name: 'frontlijn-validate' });
}

/** Starts the worker ahead of the first file, so the first validation is as quick as the rest. */
export function warmUp(): void {
  worker ??= spawn();
}

/** Stops the worker (when the authoring screen closes). */
export function shutDown(): void {
  worker?.terminate();
  worker = null;
}

/** Validates the bytes off the main thread. Never rejects. */
export function validateBytes(bytes: Uint8Array, timeoutMs = VALIDATE_TIMEOUT_MS): Promise<ValidateOutcome> {
  const w = (worker ??= spawn());
  const id = nextId++;
  const t0 = performance.now();
  // Copy into a buffer of our own and transfer it: no copying of megabytes across threads.
  const buffer = bytes.slice().buffer as ArrayBuffer;
  return new Promise((resolve) => {
    const finish = (o: ValidateOutcome) => {
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      resolve(o);
    };
    const onMessage = (e: MessageEvent<ValidateResponse>) => {
      if (e.data.id !== id) return;
      const { result, draft } = e.data;
      finish({ kind: 'done', ms: performance.now() - t0, result, draft });
    };
    const onError = (e: ErrorEvent) => {
      e.preventDefault();
      if (worker === w) worker = null;
      w.terminate();
      finish({ kind: 'crashed', ms: performance.now() - t0, detail: e.message || 'worker error' });
    };
    const timer = setTimeout(() => {
      if (worker === w) worker = null;
      w.terminate();
      finish({ kind: 'timeout', ms: performance.now() - t0 });
    }, timeoutMs);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const req: ValidateRequest = { id, bytes: buffer };
    w.postMessage(req, [buffer]);
  });
}
