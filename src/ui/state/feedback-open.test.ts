import { afterEach, describe, expect, it, vi } from 'vitest';
import { feedbackWasOpen, rememberFeedback } from './feedback-open';

/** A sessionStorage that counts its reads. */
function storage() {
  const items = new Map<string, string>();
  const getItem = vi.fn((k: string) => items.get(k) ?? null);
  vi.stubGlobal('sessionStorage', {
    getItem,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  });
  return getItem;
}

describe('feedbackWasOpen', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells the feedback shown after a step, for that run and step only', () => {
    storage();
    rememberFeedback('run-1', 2);
    expect(feedbackWasOpen('run-1', 2)).toBe(true);
    expect(feedbackWasOpen('run-1', 3)).toBe(false);
    expect(feedbackWasOpen('run-2', 2)).toBe(false);
    rememberFeedback('run-1', null);
    expect(feedbackWasOpen('run-1', 2)).toBe(false);
  });

  it('does not read sessionStorage before the first step (a new run: nothing to show)', () => {
    const getItem = storage();
    expect(feedbackWasOpen('run-1', 0)).toBe(false);
    expect(getItem).not.toHaveBeenCalled();
  });
});
