/**
 * Talking to a Learning Record Store over the xAPI 1.0.3 statements API: send statements and
 * read them back. Owns no state; every call gets the target (endpoint + Authorization value) and
 * a fetch, so a cmi5 launch, an xAPI launch link or the facilitator's Settings can each configure
 * it, and tests pass a fake fetch.
 *
 * What a send means (issue #14): 200/204 and a 409 for a statement the LRS already has in the same
 * form count as delivered; a 400 parks the statement with the LRS's reason; 401/403 stop sending;
 * 5xx and network errors are retried later. A batch refused as a whole (400/409) is split, so one
 * bad statement never holds up the others.
 */
import type { XapiStatement } from './types';

/** Where to send: the xAPI endpoint (ending in "/") and the Authorization header value. */
export interface LrsTarget {
  endpoint: string;
  auth: string;
}

export type SendOutcome =
  | { kind: 'delivered' }
  | { kind: 'parked'; reason: string }
  | { kind: 'stopped'; status: number; reason: string }
  | { kind: 'retry'; reason: string };

type Fetch = typeof fetch;

export const XAPI_VERSION = '1.0.3';

/** The statements resource of an endpoint ("https://lrs/xAPI" and "https://lrs/xAPI/" alike). */
export function statementsUrl(endpoint: string): URL {
  return new URL('statements', endpoint.endsWith('/') ? endpoint : `${endpoint}/`);
}

function headers(target: LrsTarget, json = false): Record<string, string> {
  const h: Record<string, string> = { 'X-Experience-API-Version': XAPI_VERSION, Authorization: target.auth };
  if (json) h['Content-Type'] = 'application/json';
  return h;
}

/** The LRS's reason in its own words (Learning Locker: message and warnings), at most 500 characters. */
async function reasonOf(res: Response): Promise<string> {
  let text = '';
  try {
    text = await res.text();
    const body = JSON.parse(text) as { message?: unknown; warnings?: unknown };
    const parts = [typeof body.message === 'string' ? body.message : '', ...(Array.isArray(body.warnings) ? body.warnings.map(String) : [])].filter(Boolean);
    if (parts.length) text = parts.join('; ');
  } catch {
    /* not JSON: the text as it is */
  }
  return `${res.status}${text ? `: ${text}` : ''}`.slice(0, 500);
}

/** Whether the LRS's copy is the same statement (it may add stored, authority, version and defaults). */
export function sameStatement(ours: unknown, theirs: unknown, path = ''): boolean {
  if (path === 'timestamp') return true; // LRSs normalise the time's format
  if (ours === null || typeof ours !== 'object') return ours === theirs;
  if (theirs === null || typeof theirs !== 'object') return false;
  if (Array.isArray(ours)) {
    return Array.isArray(theirs) && ours.length === theirs.length && ours.every((v, i) => sameStatement(v, theirs[i], `${path}[${i}]`));
  }
  const t = theirs as Record<string, unknown>;
  return Object.entries(ours).every(([k, v]) => v === undefined || sameStatement(v, t[k], path ? `${path}.${k}` : k));
}

/** Reads one statement by id (null when the LRS does not have it). */
export async function getStatement(target: LrsTarget, id: string, fetchImpl: Fetch = fetch): Promise<unknown> {
  const url = statementsUrl(target.endpoint);
  url.searchParams.set('statementId', id);
  const res = await fetchImpl(url, { headers: headers(target) });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(await reasonOf(res));
  return res.json();
}

async function post(target: LrsTarget, statements: XapiStatement[], fetchImpl: Fetch): Promise<Response | { error: string }> {
  try {
    return await fetchImpl(statementsUrl(target.endpoint), { method: 'POST', headers: headers(target, true), body: JSON.stringify(statements) });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Sends statements in one POST (split when the LRS refuses the batch) and says what became of
 * each, in order. Never throws.
 */
export async function sendStatements(target: LrsTarget, statements: XapiStatement[], fetchImpl: Fetch = fetch): Promise<SendOutcome[]> {
  if (statements.length === 0) return [];
  const res = await post(target, statements, fetchImpl);
  const all = (o: SendOutcome) => statements.map(() => o);
  if ('error' in res) return all({ kind: 'retry', reason: res.error });
  if (res.status === 200 || res.status === 204) {
    void res.body?.cancel().catch(() => undefined);
    return all({ kind: 'delivered' });
  }
  if (res.status === 401 || res.status === 403) return all({ kind: 'stopped', status: res.status, reason: await reasonOf(res) });
  if (res.status === 400 || res.status === 409) {
    const reason = await reasonOf(res);
    if (statements.length > 1) {
      const out: SendOutcome[] = [];
      for (const s of statements) out.push(...(await sendStatements(target, [s], fetchImpl)));
      return out;
    }
    if (res.status === 400) return [{ kind: 'parked', reason }];
    // 409: delivered when the LRS holds the same statement under this id, else a real conflict.
    try {
      const stored = await getStatement(target, statements[0].id, fetchImpl);
      if (stored && sameStatement(JSON.parse(JSON.stringify(statements[0])), stored)) return [{ kind: 'delivered' }];
      return [{ kind: 'parked', reason }];
    } catch (e) {
      return [{ kind: 'retry', reason: e instanceof Error ? e.message : String(e) }];
    }
  }
  return all({ kind: 'retry', reason: await reasonOf(res) });
}

/** Filters of the statements API (xAPI 1.0.3, 7.2.3). */
export interface StatementQuery {
  verb?: string;
  activity?: string;
  registration?: string;
  agent?: object;
  since?: string;
  until?: string;
  related_activities?: boolean;
  limit?: number;
  ascending?: boolean;
}

/**
 * Every statement matching the query, following `more` links until the LRS has no more. `more`
 * is relative to the LRS's server (resolved against the endpoint's origin). At most `maxPages`.
 */
export async function queryStatements(target: LrsTarget, query: StatementQuery, fetchImpl: Fetch = fetch, maxPages = 200): Promise<Record<string, unknown>[]> {
  const url = statementsUrl(target.endpoint);
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    url.searchParams.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const out: Record<string, unknown>[] = [];
  let next: URL | null = url;
  for (let page = 0; next && page < maxPages; page++) {
    const res = await fetchImpl(next, { headers: headers(target) });
    if (!res.ok) throw new Error(await reasonOf(res));
    const body = (await res.json()) as { statements?: unknown; more?: unknown };
    if (Array.isArray(body.statements)) out.push(...(body.statements as Record<string, unknown>[]));
    next = typeof body.more === 'string' && body.more ? new URL(body.more, next) : null;
  }
  return out;
}
