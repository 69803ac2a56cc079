/**
 * Where statements go, from what a person or a launch gave: the xAPI launch link (the "tincan
 * launch" convention: endpoint, auth and actor in the query string) and the facilitator's
 * Settings (endpoint and a write key). Pure: reads the strings it is given.
 */
import type { XapiAgent } from './types';
import type { LrsConnection } from '../persistence/outbox';

/** An endpoint as stored: absolute http(s) URL ending in "/"; null when it is not one. */
export function normaliseEndpoint(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    url.hash = '';
    url.search = '';
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  } catch {
    return null;
  }
}

/**
 * The Authorization value for a write key: "Basic …"/"Bearer …" as given, "key:secret" as HTTP
 * Basic, anything else taken as an already encoded Basic credential.
 */
export function authFromKey(key: string): string {
  const k = key.trim();
  if (/^(Basic|Bearer)\s+\S/i.test(k)) return k;
  if (k.includes(':')) return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(k)))}`;
  return `Basic ${k}`;
}

function first<T>(v: T | T[] | undefined): T | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** A launch's actor (xAPI Agent JSON, or TinCan's older form with arrays); null when unusable. */
export function parseActor(text: string | null): XapiAgent | null {
  if (!text) return null;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const name = first(raw.name as string | string[] | undefined);
  const agent: XapiAgent = { objectType: 'Agent' };
  if (typeof name === 'string' && name) agent.name = name.slice(0, 200);
  const account = first(raw.account as Record<string, unknown> | Record<string, unknown>[] | undefined);
  if (account && typeof account === 'object') {
    const homePage = account.homePage ?? account.accountServiceHomePage;
    const accountName = account.name ?? account.accountName;
    if (typeof homePage === 'string' && typeof accountName === 'string') agent.account = { homePage, name: accountName };
  }
  const mbox = first(raw.mbox as string | string[] | undefined);
  // An e-mail address only when the deployment's launch provides one.
  if (!agent.account && typeof mbox === 'string' && /^mailto:[^@\s]+@[^@\s]+$/.test(mbox)) agent.mbox = mbox;
  return agent.account || agent.mbox ? agent : null;
}

/** The query parameters of the page's URL, from the search part and from the hash route's query. */
export function launchParams(search: string, hash: string): URLSearchParams {
  const out = new URLSearchParams(search);
  const q = hash.indexOf('?');
  if (q >= 0) for (const [k, v] of new URLSearchParams(hash.slice(q + 1))) out.set(k, v);
  return out;
}

/** The connection an xAPI launch link gives (endpoint, auth, actor), or null when it gives none. */
export function connectionFromLaunch(params: URLSearchParams): LrsConnection | null {
  const endpoint = normaliseEndpoint(params.get('endpoint') ?? '');
  const auth = params.get('auth');
  if (!endpoint || !auth) return null;
  const connection: LrsConnection = { endpoint, auth: authFromKey(auth), source: 'launch' };
  const actor = parseActor(params.get('actor'));
  if (actor) connection.actor = actor;
  const mastery = Number(params.get('mastery'));
  if (params.has('mastery') && Number.isFinite(mastery) && mastery >= 0 && mastery <= 100) connection.masteryThreshold = mastery;
  return connection;
}

/** The launch parameters to remove from the address bar once read (the key must not linger there). */
export const LAUNCH_KEYS = ['endpoint', 'auth', 'actor', 'registration', 'activity_id', 'mastery'];

/** The address without the launch parameters (in the search part and in the hash route's query). */
export function withoutLaunchParams(href: string): string {
  const url = new URL(href);
  for (const k of LAUNCH_KEYS) url.searchParams.delete(k);
  const q = url.hash.indexOf('?');
  if (q >= 0) {
    const hp = new URLSearchParams(url.hash.slice(q + 1));
    for (const k of LAUNCH_KEYS) hp.delete(k);
    const rest = hp.toString();
    url.hash = url.hash.slice(0, q) + (rest ? `?${rest}` : '');
  }
  return url.href;
}
