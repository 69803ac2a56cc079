/**
 * Vite plugin that owns how the built-in scenarios in scenarios/*.json reach the browser.
 *
 * - `virtual:scenario-catalog` exports `catalog`: one small entry per scenario (what a scenario
 *   card needs) with the URL of its full JSON, so the first screen never downloads scenario text.
 * - Each entry carries the scenario's content hash and the hashes of its earlier versions the app
 *   shipped (scenarios/versions.txt, scenario-versions.ts): runs on those count without asking.
 * - Build: each scenario is emitted as `scenarios/<id>.<sha8>.json` (immutable, cacheable).
 * - Dev: the files are served from /scenarios/<id>.json, and editing one sends an HMR event
 *   `frontlijn:scenario-update` { file, text, id, ok, problems }: the file is checked with the
 *   engine's validateScenario (the CLI's validator, loaded through Vite so edits to it apply too)
 *   and its problems travel along, for src/authoring/hot-reload.ts to show in the page.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { HotProblem, ScenarioUpdate } from '../src/authoring/hot-update';
import { hashOfText, readVersions, VERSIONS_FILE, type ShippedVersion } from './scenario-versions';

const VIRTUAL_ID = 'virtual:scenario-catalog';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

export interface CatalogEntryOut {
  id: string;
  url: string;
  title: unknown;
  description: unknown;
  setting: unknown;
  ambience: unknown;
  estimatedMinutes: unknown;
  languages: unknown;
  customer: unknown;
  tags: unknown;
  role: unknown;
  trains: unknown;
  /** contentHash of the file (the same the app would compute). */
  hash?: string;
  /** Hashes of the earlier versions of this scenario the app shipped, oldest first. */
  earlier: string[];
}

/** At most this many problems travel to the page (the CLI lists them all). */
const MAX_HOT_PROBLEMS = 200;

type Validate = (input: string | Uint8Array, options?: { lang?: 'nl' | 'en' }) => {
  ok: boolean;
  problems: HotProblem[];
  scenario?: { id: string };
};

/** Checks a changed file with the engine's validator; a broken validator is reported, not thrown. */
async function checkFile(server: ViteDevServer | undefined, bytes: Uint8Array, fallbackId: string): Promise<Omit<ScenarioUpdate, 'file' | 'text'>> {
  try {
    if (!server) throw new Error('no dev server');
    const mod = (await server.ssrLoadModule('/src/engine/validate.ts')) as { validateScenario: Validate };
    const r = mod.validateScenario(bytes);
    // The same problems in Dutch, in the same order (only for a file that has any).
    const nl = r.problems.length ? mod.validateScenario(bytes, { lang: 'nl' }).problems : [];
    return {
      id: r.scenario?.id ?? fallbackId,
      ok: r.ok,
      problems: r.problems
        .slice(0, MAX_HOT_PROBLEMS)
        .map((p, i) => ({ severity: p.severity, code: p.code, message: p.message, messageNl: nl[i]?.message, line: p.line, column: p.column })),
    };
  } catch (e) {
    const message = `The validator could not run: ${e instanceof Error ? e.message : String(e)}`;
    return { id: fallbackId, ok: false, problems: [{ severity: 'error', code: 'validator-failed', message, line: 1, column: 1 }] };
  }
}

interface ScenarioFile {
  file: string;
  text: string;
  sha: string;
  id: string;
  data: Record<string, unknown> | null;
}

function readScenarioFiles(dir: string): ScenarioFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      let data: Record<string, unknown> | null = null;
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
      } catch {
        data = null;
      }
      const id = typeof data?.id === 'string' ? data.id : file.replace(/\.json$/, '');
      const sha = createHash('sha256').update(text).digest('hex').slice(0, 8);
      return { file, text, sha, id, data };
    });
}

/** The file's content hash; none for a file that is not a scenario (the validator reports it). */
function hashOf(s: ScenarioFile): string | undefined {
  try {
    return hashOfText(s.text);
  } catch {
    return undefined;
  }
}

function entry(s: ScenarioFile, url: string, shipped: ShippedVersion[]): CatalogEntryOut {
  const d = s.data ?? {};
  const hash = hashOf(s);
  return {
    id: s.id,
    url,
    title: d.title ?? s.id,
    description: d.description ?? '',
    setting: d.setting ?? 'other',
    ambience: d.ambience ?? d.setting ?? 'none',
    estimatedMinutes: d.estimatedMinutes ?? null,
    languages: d.languages ?? [],
    customer: d.customer && typeof d.customer === 'object' ? { name: (d.customer as { name?: unknown }).name ?? '', look: (d.customer as { look?: unknown }).look ?? null } : null,
    tags: d.tags ?? [],
    role: d.role ?? null,
    trains: Array.isArray(d.trains) ? d.trains : [],
    ...(hash ? { hash } : {}),
    earlier: shipped.filter((v) => v.id === s.id && v.hash !== hash).map((v) => v.hash),
  };
}

export function scenariosPlugin(options: { dir?: string } = {}): Plugin {
  const dir = resolve(options.dir ?? 'scenarios');
  let isBuild = false;
  // A relative base ('./', the learning-platform packages) gives addresses relative to the page.
  let base = '/';
  let server: ViteDevServer | undefined;

  return {
    name: 'frontlijn-scenarios',
    configResolved(config) {
      isBuild = config.command === 'build';
      base = config.base === '' || config.base.startsWith('.') ? '' : config.base.endsWith('/') ? config.base : `${config.base}/`;
    },
    resolveId(id) {
      if (id === VIRTUAL_ID) return RESOLVED_ID;
      return null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const files = readScenarioFiles(dir).filter((s) => s.data);
      const shipped = readVersions(dir);
      if (!isBuild) this.addWatchFile(join(dir, VERSIONS_FILE));
      const entries = files.map((s) => {
        if (isBuild) {
          const fileName = `scenarios/${s.id}.${s.sha}.json`;
          this.emitFile({ type: 'asset', fileName, source: s.text });
          return entry(s, `${base}${fileName}`, shipped);
        }
        this.addWatchFile(join(dir, s.file));
        return entry(s, `/scenarios/${s.file}`, shipped);
      });
      return `export const catalog = ${JSON.stringify(entries)};\nexport default catalog;\n`;
    },
    configureServer(srv) {
      server = srv;
      srv.watcher.add(dir);
      srv.middlewares.use((req, res, next) => {
        const m = /^\/scenarios\/([A-Za-z0-9_.-]+\.json)(\?.*)?$/.exec(req.url ?? '');
        // Module imports (`?import`, e.g. the engine importing scenario.schema.json) are Vite's.
        if (!m || /[?&](import|raw|url)\b/.test(m[2] ?? '')) return next();
        const path = join(dir, m[1]);
        if (!existsSync(path)) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(path));
      });
    },
    async handleHotUpdate(ctx) {
      if (!ctx.file.startsWith(dir) || !ctx.file.endsWith('.json') || ctx.file.endsWith('.schema.json')) return;
      const mod = server?.moduleGraph.getModuleById(RESOLVED_ID);
      if (mod) server?.moduleGraph.invalidateModule(mod);
      const file = ctx.file.slice(dir.length + 1);
      let bytes = new Uint8Array(0);
      try {
        bytes = new Uint8Array(readFileSync(ctx.file));
      } catch {
        bytes = new Uint8Array(0);
      }
      const text = new TextDecoder().decode(bytes);
      const checked = await checkFile(server, bytes, file.replace(/\.json$/, ''));
      const data: ScenarioUpdate = { file, text, ...checked };
      server?.ws.send({ type: 'custom', event: 'frontlijn:scenario-update', data });
      return [];
    },
  };
}
