/**
 * `npm run package`: builds the game for learning platforms and writes, beside dist/, three zips
 * in packages/:
 *
 *   frontlijn-scorm12.zip     SCORM 1.2 (imsmanifest.xml + the ADL schema files + the game)
 *   frontlijn-scorm2004.zip   SCORM 2004 4th edition (idem)
 *   frontlijn-cmi5.zip        cmi5 (cmi5.xml + the game)
 *
 * One item per built-in scenario. The game is built with relative addresses (the platform serves
 * it from a folder of its own) and without the service worker (the platform owns the page's
 * lifecycle). Options: --mastery=60 (pass mark, % of the overall score), --mode=assessment|coaching,
 * --lang=nl|en (SCORM titles), --move-on=CompletedOrPassed (cmi5), --course-id=<IRI> (cmi5),
 * --lrs=<origin> (cmi5: the only LRS the page may talk to; default any https origin).
 */
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { build } from 'vite';
import { cmi5Xml, scorm12Manifest, scorm2004Manifest, type MoveOn, type PackageOptions, type PackageScenario } from './lms/manifests';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'packages');
const appDir = join(outDir, '.app');

function arg(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(relative(appDir, p).split('\\').join('/'));
  }
  return out;
}

function builtinScenarios(): PackageScenario[] {
  const dir = join(root, 'scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => {
      const s = JSON.parse(readFileSync(join(dir, f), 'utf8')) as PackageScenario;
      return { id: s.id, title: s.title, description: s.description };
    });
}

/** A zip with fixed dates, so the same build gives the same bytes. */
function zip(files: Record<string, Uint8Array | string>): Uint8Array {
  const z: Zippable = {};
  const mtime = new Date('2026-01-01T00:00:00Z');
  for (const [name, data] of Object.entries(files)) {
    z[name] = [typeof data === 'string' ? new TextEncoder().encode(data) : data, { mtime, level: name.endsWith('.mp3') || name.endsWith('.webm') ? 0 : 9 }];
  }
  return zipSync(z);
}

/** The page may talk to the LRS of a cmi5 launch: its origin is known only at launch, so https (or --lrs). */
export function cmi5Csp(html: string, lrs: string): string {
  return html.replace(/connect-src &#39;self&#39;|connect-src 'self'/, (m) => `${m} ${lrs}`);
}

async function main(): Promise<void> {
  const mastery = Number(arg('mastery', '60')) / 100;
  if (!(mastery >= 0 && mastery <= 1)) throw new Error('--mastery must be 0..100');
  const options: Omit<PackageOptions, 'files'> = {
    scenarios: builtinScenarios(),
    mastery,
    mode: arg('mode', 'assessment') === 'coaching' ? 'coaching' : 'assessment',
    lang: arg('lang', 'nl') === 'en' ? 'en' : 'nl',
    moveOn: arg('move-on', 'CompletedOrPassed') as MoveOn,
    courseId: arg('course-id', 'https://frontlijn.app/course/frontlijn'),
  };
  if (!['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'].includes(options.moveOn)) throw new Error(`--move-on: unknown value ${options.moveOn}`);

  rmSync(outDir, { recursive: true, force: true });
  process.env.FRONTLIJN_PACKAGE = '1';
  await build({ root, base: './', logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });

  const files = listFiles(appDir);
  const app: Record<string, Uint8Array> = {};
  for (const f of files) app[f] = new Uint8Array(readFileSync(join(appDir, f)));
  const xsd = (dir: string): Record<string, Uint8Array> =>
    Object.fromEntries(
      readdirSync(join(root, 'scripts/lms/xsd', dir))
        .filter((f) => !f.startsWith('validate-'))
        .map((f) => [f, new Uint8Array(readFileSync(join(root, 'scripts/lms/xsd', dir, f)))]),
    );

  const written: string[] = [];
  const put = (name: string, content: Record<string, Uint8Array | string>) => {
    const bytes = zip(content);
    writeFileSync(join(outDir, name), bytes);
    written.push(`${name} (${Math.round(bytes.length / 1024)} KiB)`);
  };
  put('frontlijn-scorm12.zip', { ...app, ...xsd('scorm12'), 'imsmanifest.xml': scorm12Manifest({ ...options, files }) });
  put('frontlijn-scorm2004.zip', { ...app, ...xsd('scorm2004'), 'imsmanifest.xml': scorm2004Manifest({ ...options, files }) });
  const cmi5App = { ...app, 'index.html': cmi5Csp(readFileSync(join(appDir, 'index.html'), 'utf8'), arg('lrs', 'https:')) };
  put('frontlijn-cmi5.zip', { ...cmi5App, 'cmi5.xml': cmi5Xml({ ...options, files }) });
  rmSync(appDir, { recursive: true, force: true });
  console.log(`packages/: ${written.join(', ')}; ${options.scenarios.length} scenarios, pass mark ${Math.round(mastery * 100)}%`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
