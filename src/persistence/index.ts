/**
 * Opens the device's store: IndexedDB when the browser allows it, else an in-memory store with an
 * issue the UI shows in plain words (private mode, blocked by another tab, cannot open).
 */
import type { Store, StorageIssue } from './api';
import { IdbStore, openIdb } from './idb';
import { IssueHub } from './issues';
import { MemoryStore } from './memory';
import { lazyScorer } from './lazy-scorer';

export type * from './api';
export type { LrsConnection, Outbox, OutboxCounts, OutboxItem, StatementSource, SourceContext } from './outbox';
export { DEFAULT_SETTINGS } from './api';
export { createMemoryStore, MemoryStore } from './memory';
export { lazyScorer, prepareScorer } from './lazy-scorer';

/** How long to wait for another tab to let go before playing in memory. */
const BLOCKED_GRACE_MS = 2500;

export interface OpenStoreOptions {
  /** Database name (tests). */
  name?: string;
  /** Force the memory store (e.g. `?storage=memory` for testing the private-mode path). */
  memory?: boolean;
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** Opens the best store this browser allows. Never rejects. */
export async function openStore(opts: OpenStoreOptions = {}): Promise<{ store: Store; issue?: StorageIssue }> {
  if (opts.memory) return { store: new MemoryStore({ scorer: lazyScorer }), issue: { kind: 'unavailable', detail: 'memory requested' } };
  const hub = new IssueHub();
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  let opening!: Promise<Awaited<ReturnType<typeof openIdb>>>;
  const blocked = new Promise<'blocked'>((resolve) => {
    const onBlocked = () => {
      blockedTimer = setTimeout(() => resolve('blocked'), BLOCKED_GRACE_MS);
    };
    opening = openIdb(hub, { onBlocked, name: opts.name });
  });
  try {
    const winner = await Promise.race([opening, blocked]);
    clearTimeout(blockedTimer);
    if (winner === 'blocked') {
      // Keep playing in memory; if the other tab lets go later, do not hold the database open.
      opening.then((db) => db.close()).catch(() => undefined);
      return { store: new MemoryStore({ scorer: lazyScorer }), issue: { kind: 'blocked' } };
    }
    return { store: new IdbStore(winner, hub, lazyScorer) };
  } catch (e) {
    clearTimeout(blockedTimer);
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
