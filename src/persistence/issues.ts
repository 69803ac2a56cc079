/**
 * Storage issues as events: the store reports, the UI listens (a banner in plain words).
 * Remembers the last issue so a listener that subscribes late still hears it.
 */
import type { StorageIssue } from './api';

export class IssueHub {
  private listeners = new Set<(issue: StorageIssue) => void>();
  last: StorageIssue | undefined;

  emit(issue: StorageIssue): void {
    this.last = issue;
    for (const l of this.listeners) {
      try {
        l(issue);
      } catch (e) {
        console.error('[frontlijn] storage issue listener failed', e);
      }
    }
  }

  on(listener: (issue: StorageIssue) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** True for the browser's "disk full" errors (named differently across engines). */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const name = (e as { name?: unknown }).name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (e as { code?: unknown }).code === 22;
}
