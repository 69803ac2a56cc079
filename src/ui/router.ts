/**
 * The hash routes: which screen a `#/…` address shows, with its parameters (route parameters
 * and the query after `?`, merged into one record). Pure, so it is unit-tested without a DOM.
 */
import { expandRoomParams } from './room-link';

export type RouteName =
  | 'who'
  | 'scenarios'
  | 'mode'
  | 'play'
  | 'report'
  | 'settings'
  | 'history'
  | 'players'
  | 'teams'
  | 'room'
  | 'debrief'
  | 'results'
  | 'import-run'
  | 'author'
  | 'author-map'
  | 'not-found';

export interface Route {
  name: RouteName;
  params: Record<string, string>;
  /** The hash as given, without the leading '#'. */
  path: string;
}

/** Patterns in order; `:name` matches one path segment. */
const PATTERNS: [RouteName, string][] = [
  ['who', ''],
  ['scenarios', 'scenarios'],
  ['mode', 'mode/:id'],
  ['play', 'play/:id'],
  ['report', 'report/:runId'],
  ['settings', 'settings'],
  ['history', 'history'],
  ['players', 'players'],
  ['teams', 'teams'],
  ['room', 'room'],
  ['debrief', 'debrief'],
  ['results', 'results'],
  ['import-run', 'import-run/:data'],
  ['author', 'author'],
  ['author-map', 'author/map/:id'],
];

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parses `#/play/toy-shop?from=greet` into { name: 'play', params: { id, from } }. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const pathPart = (q < 0 ? raw : raw.slice(0, q)).replace(/^\/+/, '').replace(/\/+$/, '');
  const query = q < 0 ? '' : raw.slice(q + 1);
  const segments = pathPart === '' ? [] : pathPart.split('/');
  const params: Record<string, string> = Object.create(null);
  for (const [k, v] of new URLSearchParams(query)) params[k] = v;
  for (const [name, pattern] of PATTERNS) {
    const parts = pattern === '' ? [] : pattern.split('/');
    if (parts.length !== segments.length) continue;
    const found: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length; i++) {
      if (parts[i].startsWith(':')) found[parts[i].slice(1)] = safeDecode(segments[i]);
      else if (parts[i] !== segments[i]) ok = false;
    }
    if (ok) {
      Object.assign(params, found);
      return { name, params: name === 'play' ? expandRoomParams(params) : params, path: raw };
    }
  }
  return { name: 'not-found', params, path: raw };
}

/** Builds a hash for a route, e.g. href('play/x', { from: 'n2' }) → '#/play/x?from=n2' (empty values left out). */
export function href(path: string, query?: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') q.set(k, v);
  const qs = q.toString();
  return `#/${path.replace(/^\/+/, '')}${qs ? `?${qs}` : ''}`;
}
