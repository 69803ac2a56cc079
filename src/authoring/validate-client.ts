/**
 * The page's side of validation: sends a file's bytes to the validation worker and waits. The
 * page stays free meanwhile (the check runs in the worker), the manager can stop a check that takes
 * long, and a check that runs past a generous limit is stopped anyway (a fresh worker is started),
 * so no file can keep the checker busy. A real scenario is checked in milliseconds; the limit is far
 * above what a busy laptop needs for the largest file accepted (5 MB).
 */
import type { ReadyMessage, ValidateRequest, ValidateResponse } from './validate.worker';
import type { Lang } from '../engine/types';
import { guideInApp } from './guide-name';

/** How long validation may take before the file is refused. */
export const VALIDATE_TIMEOUT_MS = 20_000;
/** How long the worker may take to start (its code loads once, on a slow connection too). */
export const START_TIMEOUT_MS = 20_000;

export type ValidateOutcome =
  | ({ kind: 'done'; ms: number } & Omit<ValidateResponse, 'id'>)
  | { kind: 'timeout'; ms: number }
  /** The manager stopped the check (the `stop` signal). */
  | { kind: 'stopped'; ms: number }
  | { kind: 'crashed'; ms: number; detail: string }
  /** The worker could not start (blocked, or its code failed to load). */
  | { kind: 'unavailable'; ms: number };

interface Running {
  worker: Worker;
  /** Resolves true when the worker's code has loaded, false when it failed to start. */
  ready: Promise<boolean>;
}

let running: Running | null = null;
let nextId = 1;

function spawn(): Running {
  const worker = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module', name: 'frontlijn-validate' });
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => done(false), START_TIMEOUT_MS);
    const onMessage = (e: MessageEvent<ReadyMessage>) => {
      if (e.data && (e.data as ReadyMessage).ready) done(true);
    };
    const onError = (e: Event) => {
      e.preventDefault();
      done(false);
    };
    function done(ok: boolean) {
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      resolve(ok);
    }
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
  return { worker, ready };
}

function stopWorker(r: Running): void {
  r.worker.terminate();
  if (running === r) running = null;
}

/** Starts the worker ahead of the first file, so the first validation is as quick as the rest. */
export function warmUp(): void {
  running ??= spawn();
}

/** Stops the worker (when the authoring screen closes). */
export function shutDown(): void {
  if (running) stopWorker(running);
}

/**
 * Validates the bytes off the main thread, with the problems' messages in `lang`. Never rejects.
 * Aborting `stop` ends the check at once (its worker is replaced).
 */
export async function validateBytes(bytes: Uint8Array, lang: Lang, stop?: AbortSignal, timeoutMs = VALIDATE_TIMEOUT_MS): Promise<ValidateOutcome> {
  const r = (running ??= spawn());
  const t00 = performance.now();
  if (!(await r.ready)) {
    stopWorker(r);
    return { kind: 'unavailable', ms: performance.now() - t00 };
  }
  const w = r.worker;
  const id = nextId++;
  const t0 = performance.now();
  // Copy into a buffer of our own and transfer it: no copying of megabytes across threads.
  const buffer = bytes.slice().buffer as ArrayBuffer;
  return new Promise((resolve) => {
    const finish = (o: ValidateOutcome) => {
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      stop?.removeEventListener('abort', onStop);
      resolve(o);
    };
    const onStop = () => {
      stopWorker(r);
      finish({ kind: 'stopped', ms: performance.now() - t0 });
    };
    const onMessage = (e: MessageEvent<ValidateResponse>) => {
      if (!e.data || e.data.id !== id) return;
      const { result, hash, draft } = e.data;
      finish({ kind: 'done', ms: performance.now() - t0, result, hash, draft });
    };
    const onError = (e: ErrorEvent) => {
      e.preventDefault();
      stopWorker(r);
      finish({ kind: 'crashed', ms: performance.now() - t0, detail: e.message || 'worker error' });
    };
    const timer = setTimeout(() => {
      stopWorker(r);
      finish({ kind: 'timeout', ms: performance.now() - t0 });
    }, timeoutMs);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    if (stop?.aborted) return onStop();
    stop?.addEventListener('abort', onStop);
    const req: ValidateRequest = { id, bytes: buffer, lang, guide: guideInApp(lang) };
    w.postMessage(req, [buffer]);
  });
}
