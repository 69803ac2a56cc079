/**
 * The current hash route as reactive state. Listens to `hashchange`; `navigate()` changes the
 * address (and so the screen).
 */
import { parseHash, type Route, type RouteName } from '../router';

/** What a history entry made by `route.open` keeps: the address it was opened from. */
interface Opened {
  openedFrom: string;
}

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
   * Opens `hash` as a new history entry that remembers the screen it was opened from, so that
   * `leave` there can return to that entry instead of adding one after it (see `leave`).
   */
  open(hash: string): void {
    const target = hash.startsWith('#') ? hash : `#${hash}`;
    history.pushState({ openedFrom: location.hash } satisfies Opened, '', target);
    this.current = parseHash(target);
  }

  /**
   * Leaves the screen shown for `hash` (room mode's projector view for its setup): back to the
   * entry it was opened from when that is `hash`'s screen, as the browser's Back would, so Back
   * afterwards goes where the trainer was before and not into the view just left; otherwise
   * (opened from elsewhere, or by its address) `hash` takes the place of the view in the history.
   */
  leave(hash: string): void {
    const target = hash.startsWith('#') ? hash : `#${hash}`;
    const from: unknown = (history.state as Partial<Opened> | null)?.openedFrom;
    if (typeof from === 'string' && parseHash(from).name === parseHash(target).name) {
      history.back();
      return;
    }
    history.replaceState(null, '', target);
    this.current = parseHash(target);
  }

  /**
   * Sets `key=value` in the current address, or takes `key` out (`value` null), without opening its
   * screen again (no new history entry, no hashchange): the play screen names its finished run, so
   * a reload shows that run; the teams views say whether they are on the projector. Only while the
   * address is still `screen`'s: a screen whose effect runs late (its code arrived after the
   * address moved on) must not rewrite the next screen's address.
   */
  amendQuery(screen: RouteName, key: string, value: string | null): void {
    const raw = location.hash;
    if (parseHash(raw).name !== screen) return;
    const q = raw.indexOf('?');
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway, not UI state
    const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    if (query.get(key) === value) return;
    if (value === null) query.delete(key);
    else query.set(key, value);
    const rest = query.toString();
    history.replaceState(history.state, '', `${q < 0 ? raw : raw.slice(0, q)}${rest ? `?${rest}` : ''}`);
  }
}

export const route = new RouteState();
