/**
 * Opens the device's store: IndexedDB when the browser allows it, else an in-memory store with an
 * issue the UI shows in plain words (private mode, blocked by another tab, cannot open).
 */
import type { Store, StorageIssue } from './api';
import { IdbStore, openIdb } from './idb';
import { IssueHub } from './issues';
import { MemoryStore } from './memory';
import { lazyScorer } from './lazy-scorer';
import type { Scorer } from './scoring';

export type * from './api';
export type { LrsConnection, Outbox, OutboxCounts, OutboxItem, StatementSource, SourceContext } from './outbox';
export { DEFAULT_SETTINGS } from './api';
export { createMemoryStore, MemoryStore } from './memory';
export { lazyScorer, prepareScorer } from './lazy-scorer';

/** How long to wait for another tab to let go before playing in memory. */
const BLOCKED_GRACE_MS = 2500;
/**
 * How long to wait for the database to open at all before playing in memory: some browsers
 * (Safari, known for it) never answer the open request. An upgrade of a big database still opens
 * well within this on a slow phone.
 */
export const OPEN_TIMEOUT_MS = 4000;

export interface OpenStoreOptions {
  /** Database name (tests). */
  name?: string;
  /** Force the memory store (e.g. `?storage=memory` for testing the private-mode path). */
  memory?: boolean;
  /** See OPEN_TIMEOUT_MS (tests). */
  openTimeoutMs?: number;
  /** Scores finished runs (default: the engine's, loaded when first needed; tests pass their own). */
  scorer?: Scorer;
}

/** Opens the database, or rejects (name 'TimeoutError') when the browser does not answer in time. */
function openInTime(hub: IssueHub, hooks: Parameters<typeof openIdb>[1], ms: number): Promise<Awaited<ReturnType<typeof openIdb>>> {
  const opening = openIdb(hub, hooks);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('The database did not answer'), { name: 'TimeoutError' })), ms);
  });
  // A database that opens after all is closed again: this tab plays on without it.
  late.catch(() => opening.then((db) => db.close()).catch(() => undefined));
  return Promise.race([opening, late]).finally(() => clearTimeout(timer));
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** Opens the best store this browser allows. Never rejects. */
export async function openStore(opts: OpenStoreOptions = {}): Promise<{ store: Store; issue?: StorageIssue }> {
  if (opts.memory) return { store: new MemoryStore({ scorer: lazyScorer }), issue: { kind: 'unavailable', detail: 'memory requested' } };
  const hub = new IssueHub();
  const timeoutMs = opts.openTimeoutMs ?? OPEN_TIMEOUT_MS;
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  let hangTimer: ReturnType<typeof setTimeout> | undefined;
  let opening!: Promise<Awaited<ReturnType<typeof openIdb>>>;
  let store: IdbStore | undefined;
  const onTerminated = () => store?.connectionLost();
  const stuck = new Promise<'blocked' | 'timeout'>((resolve) => {
    const onBlocked = () => {
      // Another tab holds the database: its own grace, not the time-out, decides.
      clearTimeout(hangTimer);
      blockedTimer = setTimeout(() => resolve('blocked'), BLOCKED_GRACE_MS);
    };
    // The browser answered and is upgrading the database (which may take long on a big one): wait for it.
    const onUpgrade = () => clearTimeout(hangTimer);
    hangTimer = setTimeout(() => resolve('timeout'), timeoutMs);
    opening = openIdb(hub, { onBlocked, onTerminated, onUpgrade, name: opts.name });
  });
  try {
    const winner = await Promise.race([opening, stuck]);
    clearTimeout(blockedTimer);
    clearTimeout(hangTimer);
    if (winner === 'blocked' || winner === 'timeout') {
      // Keep playing in memory; if the database opens later, do not hold it open.
      opening.then((db) => db.close()).catch(() => undefined);
      if (winner === 'timeout') console.warn('[frontlijn] storage: the database did not answer; playing in memory');
      return { store: new MemoryStore({ scorer: lazyScorer }), issue: { kind: winner } };
    }
    // After the browser closed the connection (site data cleared), the store opens it again.
    const reopen = () => openInTime(hub, { onTerminated, name: opts.name }, timeoutMs);
    store = new IdbStore(winner, hub, opts.scorer ?? lazyScorer, reopen);
    return { store };
  } catch (e) {
    clearTimeout(blockedTimer);
    clearTimeout(hangTimer);
    const noIdb = typeof indexedDB === 'undefined' || (e instanceof Error && e.name === 'NoIndexedDB');
    const issue: StorageIssue = noIdb
      ? { kind: 'unavailable', detail: describe(e) }
      : e instanceof Error && (e.name === 'InvalidStateError' || e.name === 'SecurityError' || e.name === 'UnknownError')
        ? { kind: 'unavailable', detail: describe(e) }
        : { kind: 'failed', detail: describe(e) };
    console.warn('[frontlijn] storage: playing in memory', e);
    return { store: new MemoryStore({ scorer: lazyScorer }), issue };
  }
}
