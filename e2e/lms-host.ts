/**
 * A learning platform for the package specs, inside Playwright: the unzipped package is served
 * from a made-up origin (page.route, no server), with an LMS page around it. SCORM: the page's
 * API object is scorm-again (Scorm12API / Scorm2004API), its commits are recorded, and a later
 * "session" starts from the last commit, as a platform resumes an attempt.
 */
import { existsSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { BrowserContext, Route } from '@playwright/test';

/** localhost on another port: a secure context like the real thing, never actually listened on. */
export const LMS_ORIGIN = `http://localhost:${Number(process.env.PW_PORT ?? 4173) + 1000}`;

export function readPackage(name: string): Record<string, Uint8Array> {
  const file = new URL(`../packages/${name}`, import.meta.url);
  if (!existsSync(file)) throw new Error(`packages/${name} is missing: run \`npm run package\` first (npm test does)`);
  return unzipSync(new Uint8Array(readFileSync(file)));
}

export function packageText(files: Record<string, Uint8Array>, path: string): string {
  return new TextDecoder().decode(files[path]);
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  svg: 'image/svg+xml',
  xml: 'application/xml',
  xsd: 'application/xml',
  mp3: 'audio/mpeg',
  webm: 'audio/webm',
  webmanifest: 'application/manifest+json',
};

/** Serves the package's files under `${LMS_ORIGIN}/course/`; 404 for anything else there. */
export async function serveCourse(context: BrowserContext, files: Record<string, Uint8Array>): Promise<void> {
  await context.route(`${LMS_ORIGIN}/course/**`, (route: Route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.slice('/course/'.length));
    const body = files[path];
    if (!body) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, body: Buffer.from(body), contentType: TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream' });
  });
}

export type ScormVersion = '1.2' | '2004';

export interface ScormLms {
  /** Every commit the content made, flattened (`{"cmi.core.lesson_status": ...}`), in order. */
  commits: Record<string, string>[];
}

/**
 * The SCORM LMS page at `${LMS_ORIGIN}/lms.html`: scorm-again's API with the package's launch
 * data (mastery from the manifest), optionally the state of an earlier session, and the SCO in an
 * iframe titled "course".
 */
export async function serveScormLms(
  context: BrowserContext,
  version: ScormVersion,
  launch: { href: string; mastery: string; saved?: Record<string, string> },
): Promise<ScormLms> {
  const lms: ScormLms = { commits: [] };
  const lib = readFileSync(new URL(`../node_modules/scorm-again/dist/${version === '1.2' ? 'scorm12' : 'scorm2004'}.min.js`, import.meta.url), 'utf8');
  const saved = { ...(launch.saved ?? {}) };
  // What an LMS does between sessions: a suspended attempt resumes.
  if (version === '1.2') {
    if (saved['cmi.core.exit'] === 'suspend') saved['cmi.core.entry'] = 'resume';
    saved['cmi.student_data.mastery_score'] = launch.mastery;
    delete saved['cmi.core.exit'];
    delete saved['cmi.core.session_time'];
  } else {
    if (saved['cmi.exit'] === 'suspend') saved['cmi.entry'] = 'resume';
    saved['cmi.scaled_passing_score'] = launch.mastery;
    delete saved['cmi.exit'];
    delete saved['cmi.session_time'];
  }
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title></head><body>
<h1>Test LMS</h1>
<script src="/scorm-again.js"></script>
<script>
  const saved = ${JSON.stringify(saved)};
  const settings = { lmsCommitUrl: '/commit', dataCommitFormat: 'flattened', autocommit: false, logLevel: 5 };
  const api = new ${version === '1.2' ? 'Scorm12API' : 'Scorm2004API'}(settings);
  api.loadFromFlattenedJSON(saved, '');
  window.${version === '1.2' ? 'API' : 'API_1484_11'} = api;
  const frame = document.createElement('iframe');
  frame.title = 'course';
  frame.style.width = '100%';
  frame.style.height = '90vh';
  frame.src = '/course/' + ${JSON.stringify(launch.href)};
  document.body.append(frame);
</script></body></html>`;
  await context.route(`${LMS_ORIGIN}/lms.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page }));
  await context.route(`${LMS_ORIGIN}/scorm-again.js`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: lib }));
  await context.route(`${LMS_ORIGIN}/commit`, (route) => {
    const body = route.request().postDataJSON() as Record<string, unknown>;
    // Empty lists (objectives, interactions) come as objects: only the values are data.
    lms.commits.push(Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v !== 'object').map(([k, v]) => [k, String(v)])));
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ result: true, errorCode: 0 }) });
  });
  return lms;
}

/** A recorded xAPI statement, with the Authorization header it came with. */
export interface ReceivedStatement {
  statement: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data
  auth: string | null;
}

export interface Cmi5Lms {
  /** The address the LMS opens the AU at (the cmi5.xml url plus the launch parameters). */
  launchUrl: string;
  registration: string;
  sessionId: string;
  /** How often the AU asked the fetch URL for its token. */
  fetches: number;
  /** What the LRS received, in order. */
  statements: ReceivedStatement[];
}

export const LRS_ENDPOINT = 'https://lrs.test/xapi';
const AUTH_TOKEN = 'ZnJvbnRsaWpuOnRlc3Q=';

/**
 * A cmi5 LMS and the LRS behind it, for one registration: the LMS writes LMS.LaunchData into the
 * LRS, serves the one-time fetch URL (a second use gets the spec's error), and the LRS — a minimal
 * in-test statements endpoint that records what it receives (the real LRS of the xAPI work can
 * take its place) — answers the state and agent profile reads.
 */
export async function serveCmi5Lms(context: BrowserContext, au: { url: string; id: string; masteryScore: number; moveOn: string }): Promise<Cmi5Lms> {
  const registration = crypto.randomUUID();
  const sessionId = crypto.randomUUID();
  const actor = { objectType: 'Agent', name: 'Sam de Vries', account: { homePage: 'https://lms.test', name: 'sam' } };
  const launchUrl =
    `${LMS_ORIGIN}/course/${au.url}&` +
    new URLSearchParams({ endpoint: LRS_ENDPOINT, fetch: `${LMS_ORIGIN}/cmi5/fetch/${registration}`, actor: JSON.stringify(actor), registration, activityId: au.id });
  const lms: Cmi5Lms = { launchUrl, registration, sessionId, fetches: 0, statements: [] };
  const launchData = {
    contextTemplate: {
      contextActivities: { grouping: [{ id: 'https://frontlijn.app/course/frontlijn' }] },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': sessionId },
    },
    launchMode: 'Normal',
    launchMethod: 'AnyWindow',
    moveOn: au.moveOn,
    masteryScore: au.masteryScore,
  };
  const cors = {
    'Access-Control-Allow-Origin': LMS_ORIGIN,
    'Access-Control-Allow-Methods': 'GET, PUT, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
    'Access-Control-Expose-Headers': 'ETag',
  };
  await context.route(`${LMS_ORIGIN}/cmi5/fetch/**`, (route) => {
    lms.fetches++;
    const body = lms.fetches === 1 ? { 'auth-token': AUTH_TOKEN } : { 'error-code': '1', 'error-text': 'The fetch URL has already been used' };
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  });
  await context.route(`${LRS_ENDPOINT}/**`, (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const auth = req.headers()['authorization'] ?? null;
    if (auth !== `Basic ${AUTH_TOKEN}`) return route.fulfill({ status: 401, headers: cors, body: '' });
    if (url.pathname.endsWith('/activities/state') && req.method() === 'GET') {
      const ok = url.searchParams.get('stateId') === 'LMS.LaunchData' && url.searchParams.get('registration') === registration && url.searchParams.get('activityId') === au.id;
      return route.fulfill({ status: ok ? 200 : 404, headers: cors, contentType: 'application/json', body: ok ? JSON.stringify(launchData) : '' });
    }
    if (url.pathname.endsWith('/agents/profile')) return route.fulfill({ status: 404, headers: cors, body: '' });
    if (url.pathname.endsWith('/statements') && req.method() === 'PUT') {
      const statement = req.postDataJSON() as Record<string, unknown>;
      if (statement.id !== url.searchParams.get('statementId')) return route.fulfill({ status: 400, headers: cors, body: 'statementId' });
      lms.statements.push({ statement, auth });
      return route.fulfill({ status: 204, headers: cors, body: '' });
    }
    if (url.pathname.endsWith('/statements') && req.method() === 'POST') {
      const list = req.postDataJSON() as Record<string, unknown>[];
      for (const statement of list) lms.statements.push({ statement, auth });
      return route.fulfill({ status: 200, headers: cors, contentType: 'application/json', body: JSON.stringify(list.map((s) => s.id)) });
    }
    return route.fulfill({ status: 404, headers: cors, body: '' });
  });
  return lms;
}
