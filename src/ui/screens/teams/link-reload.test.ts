import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LINK_KEY, loggedBeforeReload, rememberLogged, resetForTest } from './link-reload';

/** A sessionStorage of one Map (the unit tests run in node). */
function storage(): Map<string, string> {
  const data = new Map<string, string>();
  vi.stubGlobal('sessionStorage', { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => data.set(k, v) });
  return data;
}
beforeEach(() => resetForTest());
afterEach(() => vi.unstubAllGlobals());

describe('a hand-in link and a reload of its tab', () => {
  it('on a reload of the same link, gives what was logged for it before', () => {
    storage();
    expect(loggedBeforeReload('abc', () => false)).toBeNull();
    rememberLogged('abc', ['Run of Cem in “Toy shop” added.']);
    resetForTest(); // the page is reloaded
    expect(loggedBeforeReload('abc', () => true)).toEqual(['Run of Cem in “Toy shop” added.']);
  });

  it('is a new visit for another link, a page not reloaded, or a second link of the same page', () => {
    storage();
    rememberLogged('abc', ['added']);
    resetForTest();
    expect(loggedBeforeReload('other', () => true)).toBeNull();
    resetForTest();
    expect(loggedBeforeReload('abc', () => false)).toBeNull();
    resetForTest();
    expect(loggedBeforeReload('abc', () => true)).toEqual(['added']);
    // Opened again later on the same page (the link pasted or clicked again): a new visit.
    expect(loggedBeforeReload('abc', () => true)).toBeNull();
  });

  it('reads damaged storage, or none, as a new visit', () => {
    const data = storage();
    data.set(LINK_KEY, '{broken');
    expect(loggedBeforeReload('abc', () => true)).toBeNull();
    resetForTest();
    data.set(LINK_KEY, JSON.stringify({ data: 'abc', texts: [1] }));
    expect(loggedBeforeReload('abc', () => true)).toBeNull();
    vi.unstubAllGlobals();
    resetForTest();
    expect(loggedBeforeReload('abc', () => true)).toBeNull();
    expect(() => rememberLogged('abc', [])).not.toThrow();
  });
});
