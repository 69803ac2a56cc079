/**
 * A learning platform for the package specs, inside Playwright: the unzipped package is served
 * from a made-up origin (page.route, no server), with an LMS page around it. SCORM: the page's
 * API object is scorm-again (Scorm12API / Scorm2004API), its commits are recorded, and a later
 * "session" starts from the last commit, as a platform resumes an attempt.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { BrowserContext, Route } from '@playwright/test';

/** localhost on another port: a secure context like the real thing, never actually listened on. */
export const LMS_ORIGIN = `http://localhost:${Number(process.env.PW_PORT ?? 4173) + 1000}`;

export function readPackage(name: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(new URL(`../packages/${name}`, import.meta.url))));
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
