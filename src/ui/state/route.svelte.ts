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
}

export const route = new RouteState();
