/**
 * The current hash route as reactive state. Listens to `hashchange`; `navigate()` changes the
 * address (and so the screen).
 */
import { parseHash, type Route } from '../router';

class RouteState {
  current = $state.raw<Route>(parseHash(typeof location !== 'undefined' ? location.hash : ''));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.current = parseHash(location.hash);
      });
    }
  }

  /** Goes to a hash such as '#/scenarios'; `replace` keeps the back button from returning here. */
  navigate(hash: string, replace = false): void {
    const target = hash.startsWith('#') ? hash : `#${hash}`;
    if (replace) {
      history.replaceState(history.state, '', target);
      this.current = parseHash(target);
    } else if (location.hash === target) {
      this.current = parseHash(target);
    } else {
      location.hash = target;
    }
  }

  /**
   * Adds `key=value` to the current address without opening its screen again (no new history
   * entry, no hashchange): the play screen names its finished run, so a reload shows that run.
   */
  amendQuery(key: string, value: string): void {
    const raw = location.hash;
    const q = raw.indexOf('?');
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway, not UI state
    const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    if (query.get(key) === value) return;
    query.set(key, value);
    history.replaceState(history.state, '', `${q < 0 ? raw : raw.slice(0, q)}?${query}`);
  }
}

export const route = new RouteState();
