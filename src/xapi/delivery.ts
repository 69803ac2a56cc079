/**
 * Delivery of the outbox to the LRS: batches of queued statements, sent one batch at a time,
 * removed only once the LRS confirmed them (so a killed browser resends, never loses; the LRS
 * keeps one copy per statement id). Retries network errors and 5xx with exponential backoff;
 * parks a statement the LRS refuses (400) with its reason; stops on 401/403 until the
 * connection is set again. Flushes on start, on `online` and when the page becomes visible.
 */
import type { LrsConnection, Outbox } from '../persistence/outbox';
import { sendStatements } from './lrs-client';

export type DeliveryState =
  /** No LRS connected: everything stays on this device. */
  | { kind: 'off' }
  | { kind: 'idle' }
  | { kind: 'sending' }
  /** The last try failed (network, 5xx); the next comes at `retryAt`. */
  | { kind: 'waiting'; retryAt: number; reason: string }
  /** 401/403: sending stopped until the key is changed. */
  | { kind: 'stopped'; status: number; reason: string };

export interface DeliveryOptions {
  fetch?: typeof fetch;
  batchSize?: number;
  /** First retry delay (ms); doubles per failed try up to maxDelay. */
  baseDelay?: number;
  maxDelay?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class Delivery {
  state: DeliveryState = { kind: 'off' };
  private connection: LrsConnection | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private timer: unknown = null;
  private listeners = new Set<(s: DeliveryState) => void>();
  private readonly o: Required<DeliveryOptions>;

  constructor(
    private readonly outbox: Outbox,
    options: DeliveryOptions = {},
  ) {
    this.o = {
      fetch: options.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a)),
      batchSize: options.batchSize ?? 25,
      baseDelay: options.baseDelay ?? 1000,
      maxDelay: options.maxDelay ?? 5 * 60_000,
      now: options.now ?? (() => Date.now()),
      setTimer: options.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
      clearTimer: options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)),
    };
  }

  /** Listens to state changes; returns the unsubscribe function. */
  on(listener: (s: DeliveryState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: DeliveryState): void {
    this.state = state;
    for (const l of this.listeners) l(state);
  }

  /** Connects (or, with null, disconnects) and flushes what is queued. */
  connect(connection: LrsConnection | null): Promise<void> {
    this.connection = connection;
    this.failures = 0;
    this.clearTimer();
    if (!connection) {
      this.set({ kind: 'off' });
      return Promise.resolve();
    }
    this.set({ kind: 'idle' });
    return this.flush();
  }

  /** Sends everything queued now (one flush at a time; a call during one runs another after it). */
  flush(): Promise<void> {
    if (!this.connection || this.state.kind === 'stopped') return this.running ?? Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.clearTimer();
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    });
    return this.running;
  }

  /** Flushes on `online` and when the page becomes visible. Returns the function that stops listening. */
  listen(win: Window = window, doc: Document = document): () => void {
    const onOnline = () => void this.flush();
    const onVisible = () => {
      if (doc.visibilityState === 'visible') void this.flush();
    };
    win.addEventListener('online', onOnline);
    doc.addEventListener('visibilitychange', onVisible);
    return () => {
      win.removeEventListener('online', onOnline);
      doc.removeEventListener('visibilitychange', onVisible);
    };
  }

  private clearTimer(): void {
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    this.set({ kind: 'sending' });
    for (let guard = 0; guard < 10_000; guard++) {
      const batch = await this.outbox.nextBatch(this.o.batchSize);
      if (batch.length === 0) break;
      const outcomes = await sendStatements(connection, batch.map((i) => i.statement), this.o.fetch);
      if (this.connection !== connection) return; // reconnected meanwhile: that flush takes over
      const delivered = batch.filter((_, k) => outcomes[k].kind === 'delivered').map((i) => i.id);
      await this.outbox.delivered(delivered);
      for (let k = 0; k < batch.length; k++) {
        const o = outcomes[k];
        if (o.kind === 'parked') await this.outbox.park(batch[k].id, o.reason);
      }
      const stop = outcomes.find((o) => o.kind === 'stopped');
      if (stop && stop.kind === 'stopped') {
        this.set({ kind: 'stopped', status: stop.status, reason: stop.reason });
        return;
      }
      const retry = outcomes.find((o) => o.kind === 'retry');
      if (retry && retry.kind === 'retry') {
        this.failures++;
        const delay = Math.min(this.o.maxDelay, this.o.baseDelay * 2 ** (this.failures - 1));
        this.set({ kind: 'waiting', retryAt: this.o.now() + delay, reason: retry.reason });
        this.timer = this.o.setTimer(() => {
          this.timer = null;
          void this.flush();
        }, delay);
        return;
      }
      this.failures = 0;
    }
    this.set({ kind: 'idle' });
  }
}
