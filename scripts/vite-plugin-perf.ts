/**
 * Vite plugin that owns the build-time changes for the speed of a direct link.
 *
 * A link straight to a scenario (what a facilitator shows as a QR code) must need exactly
 * HTML → one parallel wave: under "Slow 4G" every extra round trip costs 562.5 ms. A hash
 * (`#/play/<id>`) never reaches the server, so index.html cannot know which scenario to fetch.
 * This plugin therefore emits one small page per built-in scenario:
 *
 *   dist/play/<id>/index.html = dist/index.html + <link rel="preload" as="fetch" crossorigin
 *                               href="/scenarios/<id>.<sha8>.json">
 *
 * so the browser discovers the entry JS, its CSS, modulepreloads and the scenario's JSON in the
 * same parse of the HTML. The router maps the path `/play/<id>/` to `#/play/<id>` (src/ui/path-form.ts).
 * The preload is `crossorigin` (anonymous) so it matches the game's plain same-origin `fetch()`.
 * index.html itself starts with a tiny inline script (allowed by its CSP hash, see earlyScript):
 * opened at `#/play/<id>`, it preloads that scenario's JSON and the play screen's code in the same
 * wave as the app, and elsewhere the first screen's code.
 *
 * The entry (src/main.ts) is tiny and imports the app in steps (src/start.ts and what it needs):
 * every page gets `modulepreload` links for that code and its stylesheets (a per-scenario page
 * has them inline, with the play screen's). index.html itself (the "who is playing" first screen)
 * also gets `modulepreload` + stylesheet links for that lazily loaded screen's chunk, so `/` is
 * also HTML → one wave (the per-scenario pages do not get them: they show the game). On a
 * per-scenario page whose boot script is inline, that wave comes after the page's first frame: the
 * boot script adds the entry, the preloads and the scenario's JSON then (see deferPreloads).
 *
 * index.html itself (`/`) carries the app's header and first screen ("who is playing", while the
 * device's players are read) pre-rendered in each language, the same boot script inline and the
 * stylesheets inline (see firstScreenPage), so that `/` too paints from the HTML alone; there too
 * the boot script starts the app after the first frame (the early script then preloads nothing).
 * It also carries every built-in's first decision as data (see playPages), so that an old link
 * `/#/play/<id>` shows it from the HTML alone too, as `/play/<id>/` does.
 *
 * The built-in catalog (`virtual:scenario-catalog`) gets each scenario's engine `contentHash`,
 * computed once here, so the device does not hash the scenario on the way to the first choice.
 *
 * Also: the scenario JSON assets are minified (their content hash is computed on the parsed
 * scenario, so ids and hashes do not change), and `vite preview` — which is also how a
 * facilitator serves the game to the phones in a room — sends Brotli (quality 11, compressed
 * once and kept in memory) to browsers that accept it, and long-lived caching for hashed assets.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { Connect, Plugin, ResolvedConfig, Rollup } from 'vite';
import { contentHash } from '../src/engine/hash';
import { homeAddress } from '../src/boot/boot';
import type { Scenario } from '../src/engine/types';

type OutputAsset = Rollup.OutputAsset;
type OutputBundle = Rollup.OutputBundle;

/** Files emitted by scripts/vite-plugin-scenarios.ts: `scenarios/<id>.<sha8>.json`. */
const SCENARIO_ASSET = /^scenarios\/([A-Za-z0-9_-]+)\.([0-9a-f]{8})\.json$/;

/** Inserts `tags` into the `<head>` of `html`, before its first script or stylesheet. */
export function addToHead(html: string, tags: string): string {
  const first = /<(script|link)\b/i.exec(html.slice(0, html.search(/<\/head>/i) >>> 0));
  if (first) return html.slice(0, first.index) + tags + '\n    ' + html.slice(first.index);
  const close = html.search(/<\/head>/i);
  if (close < 0) throw new Error('vite-plugin-perf: index.html has no </head>');
  return html.slice(0, close) + '  ' + tags + '\n  ' + html.slice(close);
}

/** One pre-rendered variant of a scenario's first decision (src/prerender/render.ts). */
export interface PageVariant {
  lang: string;
  title: string;
  /** The mode badge's words in each mode. */
  modeLabels: Record<string, string>;
  /** The line that says what the mode means, in each mode. */
  modeHints?: Record<string, string>;
  html: string;
  /** The countdown's words (see FirstDecision in src/prerender/render.ts). */
  secondsOne?: string;
  secondsOther?: string;
  readMs?: number;
  warning?: string;
  /** The header's words the boot script puts in place (see HeaderWords). */
  playingAs?: string;
  switchPlayer?: string;
  guestN?: string;
  soundOn?: string;
  soundOff?: string;
}

/**
 * The header's words the boot script puts in place of the markup's: "Playing as {name}" and "Next
 * player" (for a named player; the markup says "Guest"), "Guest {n}" for a numbered guest, the
 * sound button's title on and off.
 */
type HeaderWords = Pick<PageVariant, 'playingAs' | 'switchPlayer' | 'guestN' | 'soundOn' | 'soundOff'>;

/** What makes the first decision of a direct link playable before the app has loaded. */
export interface PageBoot {
  /** URL of the boot script (src/boot/boot.ts). */
  script: string;
  /**
   * The boot script's text: when given, the page carries it inline, right after #app, allowed by
   * its CSP hash (`script-src 'self' 'sha256-…'`), so the first decision needs the HTML alone.
   */
  code?: string;
  scenarioId: string;
  start: string;
  /** The first decision's time limit in seconds, if any. */
  seconds?: number;
  variants: PageVariant[];
  /**
   * The app's stylesheet (its `<link>` is replaced by this text, allowed by its CSP hash), which
   * also holds the text of the lazily loaded stylesheets `alsoInlined` (the play screen's).
   */
  css?: { href: string; text: string; alsoInlined?: string[] };
  /** Code the play screen needs beyond the entry: modulepreloaded in the same wave. */
  preload?: string[];
}

/** One language's version of a pre-rendered page, as #boot carries it (src/boot/boot.ts shows one). */
function version(lang: string, attrs: [string, string | undefined][], html: string): string {
  return `<div lang="${escapeAttr(lang)}" ${dataAttrs([['lang', lang], ...attrs])}>${html}</div>`;
}

/** The header's words for who is playing and for sound (FirstDecision, FirstScreen in src/prerender/render.ts). */
function headerAttrs(v: HeaderWords): [string, string | undefined][] {
  return [
    ['playing-as', v.playingAs],
    ['switch-player', v.switchPlayer],
    ['guest-n', v.guestN],
    ['sound-on', v.soundOn],
    ['sound-off', v.soundOff],
  ];
}

/**
 * A scenario's first decision pre-rendered in each language: `<div id="boot">` with one version
 * per language (src/boot/boot.ts shows one), and `app`'s attributes (data-app…: what the boot
 * script starts the app with).
 */
export function bootRoot(boot: PageBoot, app: [string, string | undefined][]): string {
  const variants = boot.variants
    .map((v) =>
      version(
        v.lang,
        [
          ['title', v.title],
          ['mode-coaching', v.modeLabels.coaching],
          ['mode-assessment', v.modeLabels.assessment],
          ['mode-coaching-hint', v.modeHints?.coaching],
          ['mode-assessment-hint', v.modeHints?.assessment],
          ['seconds-one', v.secondsOne],
          ['seconds-other', v.secondsOther],
          ['read-ms', v.readMs === undefined ? undefined : String(v.readMs)],
          ['warning', v.warning],
          ...headerAttrs(v),
        ],
        v.html,
      ),
    )
    .join('');
  const attrs = dataAttrs([
    ['scenario', boot.scenarioId],
    ['start', boot.start],
    ['seconds', boot.seconds === undefined ? undefined : String(boot.seconds)],
    ...app,
  ]);
  return `<div id="boot" ${attrs}>${variants}</div>`;
}

/**
 * The page for a direct link to one scenario: index.html with the scenario's JSON preloaded and,
 * when `boot` is given, its first decision pre-rendered in each language (hidden, not laid out,
 * until src/boot/boot.ts shows the right one, see #boot in global.css) with the boot script ahead
 * of the app's.
 */
export function scenarioPage(indexHtml: string, base: string, scenarioFile: string, boot?: PageBoot): string {
  const href = `${base}${scenarioFile}`;
  let tags = `<link rel="preload" as="fetch" type="application/json" crossorigin href="${escapeAttr(href)}">`;
  if (!boot) return addToHead(indexHtml, tags);
  const inline = boot.code === undefined ? null : inlineScript(boot.code);
  if (!inline) tags = `<script type="module" async crossorigin fetchpriority="high" src="${escapeAttr(boot.script)}"></script>\n    ` + tags;
  const app = /<div id="app"><\/div>/;
  if (!app.test(indexHtml)) throw new Error('vite-plugin-perf: index.html has no <div id="app"></div>');
  const nl = boot.variants.find((v) => v.lang === 'nl');
  let page = nl ? indexHtml.replace(/<title>[^<]*<\/title>/i, `<title>${escapeHtml(nl.title)}</title>`) : indexHtml;
  const allowed = inline ? allowScript(page, inline) : page;
  // Without a Content-Security-Policy to allow it in, the script stays a file of its own.
  const inlined = inline !== null && allowed !== page;
  page = allowed;
  // With the boot script inline, the app starts only after the first frame: the boot script adds
  // its entry then (see startApp in src/boot/boot.ts), which the page names on #boot instead of
  // carrying its script tag, so that nothing of the app runs on the way to the first paint.
  const entry = inlined ? /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(page) : null;
  if (entry) page = page.replace(entry[0], '');
  const root = bootRoot(boot, entry ? [['app', entry[1]]] : []);
  if (inline && !inlined) tags = `<script type="module" async crossorigin fetchpriority="high" src="${escapeAttr(boot.script)}"></script>\n    ` + tags;
  if (boot.css) {
    const inlined = inlineStylesheet(page, boot.css.href, boot.css.text);
    // The play screen's text is in the <style> too: disabled links (never fetched) tell Vite's
    // loader of the lazy play screen so, as inlineStylesheet does for the entry's own.
    if (inlined !== page) tags += (boot.css.alsoInlined ?? []).map((f) => `\n    <link rel="stylesheet" crossorigin href="${escapeAttr(f)}" disabled>`).join('');
    page = inlined;
  }
  tags += (boot.preload ?? []).map((f) => `\n    <link rel="modulepreload" crossorigin href="${escapeAttr(f)}">`).join('');
  const after = inlined ? `\n    <script>${inline}</script>` : '';
  const built = lowerPriority(addToHead(page.replace(app, () => `${root}\n    <div id="app"></div>${after}`), tags), boot.script);
  return entry ? deferPreloads(built) : built;
}

/** The first screen of `/` pre-rendered in one language (renderFirstScreen in src/prerender/render.ts). */
export interface ScreenVariant {
  lang: string;
  title: string;
  /** The app's "Loading…", shown when a link is followed before the app has arrived. */
  loading: string;
  html: string;
  /** The header's words the boot script puts in place (see HeaderWords). */
  playingAs?: string;
  switchPlayer?: string;
  guestN?: string;
  soundOn?: string;
  soundOff?: string;
}

/** What makes the first screen of `/` show before the app has loaded. */
export interface FirstScreenBoot {
  /** The boot script's text (src/boot/boot.ts), carried inline after #app. */
  code: string;
  variants: ScreenVariant[];
  /**
   * The app's stylesheet (its `<link>` is replaced by this text), which also holds the text of
   * the stylesheets `alsoInlined` (the first screen's, linked by the page: those links are then
   * disabled, never fetched, and tell Vite's loader that the text is already there).
   */
  css?: { href: string; text: string; alsoInlined?: string[] };
  /** The first screen's own code (its lazily loaded chunk and what only it needs). */
  firstCode?: string[];
  /**
   * The built-ins' first decisions, for `#/play/<id>` (see playPages): each as its own page
   * has it, with what the app needs there (the entry and `modules`, the scenario's JSON `fetch`).
   */
  plays?: { boot: PageBoot; modules: string[]; fetch: string }[];
}

/**
 * index.html with its first screen pre-rendered in each language inside `<div id="boot"
 * data-page="who">` (hidden, not laid out, until src/boot/boot.ts shows the right one) and the
 * boot script inline right after #app, allowed by its CSP hash, as on a direct link's page. As
 * there, the page names the app's entry and its modules on #boot instead of carrying their tags
 * (deferPreloads), with the first screen's code (data-app-first): the boot script adds them after
 * the first frame where it shows the screen, and at once anywhere else. Unchanged when the page has
 * no Content-Security-Policy to allow the script in, or the script cannot be inlined.
 */
export function firstScreenPage(indexHtml: string, boot: FirstScreenBoot): string {
  const inline = inlineScript(boot.code);
  const app = /<div id="app"><\/div>/;
  if (!inline || !app.test(indexHtml)) return indexHtml;
  let page = allowScript(indexHtml, inline);
  if (page === indexHtml) return indexHtml;
  const variants = boot.variants
    .map((v) => version(v.lang, [['title', v.title], ['loading', v.loading], ...headerAttrs(v)], v.html))
    .join('');
  page = page.replace(app, () => `<div id="boot" data-page="who">${variants}</div>\n    <div id="app"></div>\n    <script>${inline}</script>`);
  if (boot.css) {
    const inlined = inlineStylesheet(page, boot.css.href, boot.css.text);
    if (inlined !== page) {
      page = inlined;
      // The first screen's own text is in the <style> too: its links stay, disabled (see inlineStylesheet).
      for (const href of boot.css.alsoInlined ?? []) {
        page = page.replace(`<link rel="stylesheet" crossorigin href="${escapeAttr(href)}">`, `<link rel="stylesheet" crossorigin href="${escapeAttr(href)}" disabled>`);
      }
    }
  }
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(page);
  if (!entry) return page;
  const first = boot.firstCode?.length ? ` data-app-first="${escapeAttr(boot.firstCode.join(' '))}"` : '';
  const plays = boot.plays ?? [];
  const listed = plays.length ? ` data-plays="${escapeAttr(plays.map((p) => p.boot.scenarioId).join(' '))}"` : '';
  page = page.replace(entry[0], '').replace('<div id="boot" data-page="who">', `<div id="boot" data-page="who" data-app="${escapeAttr(entry[1])}"${first}${listed}>`);
  return deferPreloads(playPages(page, `<script>${inline}</script>`, entry[1], plays));
}

/**
 * index.html at `#/play/<id>` (a bookmarked or shared link of a built-in from before direct links
 * had pages of their own): the hash never reaches the server, so the page carries every built-in's
 * first decision, each as its own page's #boot (bootRoot), as a JSON string in a data block
 * `<script type="application/json" data-play="<id>">` (never run, so outside the CSP's script-src;
 * `<` escaped, so no markup can end it). As data, the browser only scans past it: as markup (a
 * `<template>` each), parsing the ten built-ins cost `/` about 110 ms of main thread at 4× CPU,
 * as data about 3. The boot script turns the one the address names into markup. They come after
 * the boot script, so that `/` shows its own first screen without waiting for them: about 20 KB
 * of Brotli for ten built-ins in two languages.
 */
export function playPages(page: string, after: string, entry: string, plays: NonNullable<FirstScreenBoot['plays']>): string {
  if (!plays.length || !page.includes(after)) return page;
  const blocks = plays.map((p) => {
    const root = bootRoot(p.boot, [['app', entry], ['app-modules', p.modules.join(' ')], ['app-fetch', p.fetch]]);
    return `<script type="application/json" data-play="${escapeAttr(p.boot.scenarioId)}">${JSON.stringify(root).replace(/</g, '\\u003c')}</script>`;
  });
  return page.replace(after, () => [after, ...blocks].join('\n    '));
}

/**
 * Takes the app's preloads (its modules, the scenario's JSON) out of the page's head and lists them
 * on #boot (data-app-modules, data-app-fetch), for the boot script to add with the app's entry
 * after the first frame: their responses (handled, and the modules compiled, on the main thread)
 * no longer come between the page and its first paint, and on a slow network they no longer share
 * the bandwidth with the page itself. The app still needs one wave for all of them.
 */
export function deferPreloads(html: string): string {
  const modules: string[] = [];
  const fetches: string[] = [];
  const head = html.slice(0, html.search(/<\/head>/i) >>> 0);
  const out = head.replace(/<link rel="(modulepreload|preload)"[^>]*>\s*/g, (tag, rel: string) => {
    const href = /\shref="([^"]+)"/.exec(tag)?.[1];
    if (!href || (rel === 'preload' && !/\sas="fetch"/.test(tag))) return tag;
    (rel === 'modulepreload' ? modules : fetches).push(href);
    return '';
  });
  const attrs = [modules.length ? ` data-app-modules="${modules.join(' ')}"` : '', fetches.length ? ` data-app-fetch="${fetches.join(' ')}"` : ''].join('');
  return (out + html.slice(head.length)).replace(/<div id="boot" ([^>]*)>/, (_m, a: string) => `<div id="boot" ${a}${attrs}>`);
}

/**
 * The boot script as the text of a classic inline `<script>`: run where the parser meets it, right
 * after #boot and #app, before the app's module scripts (which wait for the page to be read). Its
 * top-level names stay inside a function, strict as in a module. Null when the text could end the
 * element early or is a module with imports or exports (then it stays a file).
 */
export function inlineScript(code: string): string | null {
  const body = code.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '').trim();
  if (/<\/script|<!--/i.test(body) || /(^|[;}\s])(import|export)\s*[{*\w"'`]/.test(body)) return null;
  return `(()=>{"use strict";${body}\n})();`;
}

/** Allows exactly this inline script in the page's Content-Security-Policy (`script-src … 'sha256-…'`). */
export function allowScript(html: string, script: string): string {
  const csp = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src &#39;self&#39;)/;
  if (!csp.test(html)) return html;
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  return html.replace(csp, (m) => `${m} &#39;sha256-${hash}&#39;`);
}

/**
 * Everything the page fetches besides the boot script — the app, the play screen, the scenario —
 * comes in the same wave but at low priority, so on a slow network the boot script is not
 * slowed down by sharing the bandwidth with them (Chromium serves higher priorities first).
 */
export function lowerPriority(html: string, bootScript: string): string {
  return html.replace(/<(script type="module"|link rel="modulepreload"|link rel="preload")( crossorigin)?( [^>]*)>/g, (tag, kind: string, cors = '', rest: string) =>
    tag.includes(`src="${bootScript}"`) || tag.includes('fetchpriority=') ? tag : `<${kind}${cors} fetchpriority="low"${rest}>`,
  );
}

/**
 * Replaces the `<link rel="stylesheet">` of `href` by a `<style>` with the same text, and allows
 * exactly that text in the page's Content-Security-Policy (`style-src … 'sha256-…'`): the first
 * decision then paints with the HTML, without waiting for a second download.
 */
export function inlineStylesheet(html: string, href: string, css: string): string {
  const link = new RegExp(`<link rel="stylesheet"[^>]*href="${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
  const csp = /(<meta http-equiv="Content-Security-Policy" content="[^"]*style-src &#39;self&#39;)/;
  if (!link.test(html) || !csp.test(html) || /<\/style/i.test(css)) return html;
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  // The link stays, disabled (never fetched): Vite's loader looks for it before adding a stylesheet
  // a lazy chunk lists, and the entry's own is listed with every chunk that imports from the entry;
  // added again, it would be downloaded and restyle the whole page when the app starts.
  const marker = `<link rel="stylesheet" crossorigin href="${escapeAttr(href)}" disabled>`;
  return html.replace(csp, (m) => `${m} &#39;sha256-${hash}&#39;`).replace(link, () => `${marker}<style>${css}</style>`);
}

function dataAttrs(attrs: [string, string | undefined][]): string {
  return attrs
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([k, v]) => `data-${k}="${escapeAttr(v)}"`)
    .join(' ');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

const CATALOG_ID = '\0virtual:scenario-catalog';

/**
 * Adds `hash` (the engine's contentHash of the parsed file) to each entry of the catalog module
 * that scripts/vite-plugin-scenarios.ts generates. Entries are matched to files by the 8-hex
 * SHA-256 prefix in their URL, i.e. to the exact text that was emitted. Returns null when the
 * module does not have the expected shape (then nothing is changed).
 */
export function addCatalogHashes(code: string, scenarioTexts: string[]): string | null {
  const m = /^export const catalog = (\[[\s\S]*\]);\n/.exec(code);
  if (!m) return null;
  const bySha = new Map<string, string>();
  for (const text of scenarioTexts) bySha.set(createHash('sha256').update(text).digest('hex').slice(0, 8), text);
  const entries = JSON.parse(m[1]) as { url?: string; hash?: string }[];
  for (const e of entries) {
    const sha = /\.([0-9a-f]{8})\.json$/.exec(e.url ?? '')?.[1];
    const text = sha ? bySha.get(sha) : undefined;
    if (!text) continue;
    try {
      e.hash = contentHash(JSON.parse(text) as Scenario);
    } catch {
      /* an unparsable file keeps no hash; the device reports it */
    }
  }
  return `export const catalog = ${JSON.stringify(entries)};\n` + code.slice(m[0].length);
}

/**
 * The app's code, which src/main.ts (a tiny entry) imports in steps: every page preloads it and
 * its stylesheets in the same wave as the entry.
 */
const APP_START = /\/src\/start\.ts$/;
/** The screen `/` shows first (App.svelte's lazily loaded route ''). */
const FIRST_SCREEN = /\/src\/ui\/screens\/WhoScreen\.svelte$/;
/** The screen a direct link shows (loaded lazily by App.svelte, preloaded by its page). */
const PLAY_SCREEN = /\/src\/ui\/screens\/PlayScreen\.svelte$/;

type OutputChunk = Rollup.OutputChunk;

/** The files a lazily loaded chunk needs that the entry does not already load: JS and CSS. */
export function lazyChunkFiles(bundle: OutputBundle, isTarget: (moduleId: string) => boolean): { js: string[]; css: string[] } {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  // the chunk the module starts, else the one it was grouped into (vite.config.ts codeSplitting)
  const target =
    chunks.find((c) => c.facadeModuleId && isTarget(c.facadeModuleId)) ?? chunks.find((c) => (c.moduleIds ?? Object.keys(c.modules ?? {})).some(isTarget));
  if (!target) return { js: [], css: [] };
  const inEntry = new Set<string>();
  const walk = (name: string, into: Set<string>) => {
    if (into.has(name)) return;
    into.add(name);
    const c = bundle[name];
    if (c?.type === 'chunk') for (const i of c.imports) walk(i, into);
  };
  for (const c of chunks) if (c.isEntry) walk(c.fileName, inEntry);
  const needed = new Set<string>();
  walk(target.fileName, needed);
  const js = [...needed].filter((f) => !inEntry.has(f));
  const css = js.flatMap((f) => {
    const c = bundle[f];
    const meta = c?.type === 'chunk' ? (c as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata : undefined;
    return meta ? [...meta.importedCss] : [];
  });
  return { js, css };
}

/**
 * The inline script at the top of index.html, which runs before the parser reaches the app's code:
 * at `#/play/<id>` of a built-in scenario it starts fetching that scenario's JSON at once (a
 * `crossorigin` preload, which the app's plain same-origin `fetch()` then takes, instead of a wave
 * later when the app has run) and the play screen's code; at any other address the code of the
 * "who is playing" screen, which `/` shows first and the play route does not need.
 */
export function earlyScript(
  scenarioUrls: Record<string, string>,
  playCode: string[],
  firstScreenCode: string[],
  home?: (address: Location) => boolean,
  templated: string[] = [],
): string {
  // Where the page shows its pre-rendered first screen, the boot script fetches all of the app
  // after the first frame (firstScreenPage): the same test as its own (homeAddress), as its text.
  // So it does at `#/play/<id>` of a built-in whose first decision the page carries (playPages).
  const skip = home ? `if((${String(home)})(location))return;` : '';
  return (
    `(()=>{${skip}const u=${JSON.stringify(scenarioUrls)},m=/^#\\/play\\/([A-Za-z0-9_-]+)\\/?(?:\\?|$)/.exec(location.hash),` +
    `add=(rel,href,as)=>{const l=document.createElement("link");l.rel=rel;if(as)l.as=as;l.crossOrigin="anonymous";l.href=href;document.head.append(l)},` +
    `play=m!==null&&Object.hasOwn(u,m[1]);` +
    (templated.length ? `if(play&&${JSON.stringify(templated)}.includes(m[1]))return;` : '') +
    `if(play)add("preload",u[m[1]],"fetch");` +
    `for(const f of play?${JSON.stringify(playCode)}:${JSON.stringify(firstScreenCode)})add("modulepreload",f)})();`
  );
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** Minified JSON text, or the input unchanged when it does not parse. */
export function minifyJson(source: string): string {
  try {
    return JSON.stringify(JSON.parse(source));
  } catch {
    return source;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

function brotli(raw: Buffer): Buffer {
  return brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } });
}

/** Every servable text file below dir. */
function textFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...textFiles(p));
    else if (TYPES[extname(e.name)]) out.push(p);
  }
  return out;
}

/**
 * Middleware for `vite preview`: Brotli for text files of the build. Everything is compressed
 * once when the server starts (quality 11 costs ~1 s for the whole build), never per request.
 */
export function brotliMiddleware(distDir: string): Connect.NextHandleFunction {
  const root = resolve(distDir);
  const cache = new Map<string, { mtime: number; body: Buffer }>();
  if (existsSync(root)) {
    for (const file of textFiles(root)) cache.set(file, { mtime: statSync(file).mtimeMs, body: brotli(readFileSync(file)) });
  }
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !/\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''))) return next();
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return next();
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    const type = TYPES[extname(file)];
    if (!type || !file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
    const mtime = statSync(file).mtimeMs;
    let hit = cache.get(file);
    if (!hit || hit.mtime !== mtime) {
      hit = { mtime, body: brotli(readFileSync(file)) };
      cache.set(file, hit);
    }
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Encoding', 'br');
    res.setHeader('Content-Length', String(hit.body.length));
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', path.startsWith('/assets/') || path.startsWith('/scenarios/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : hit.body);
  };
}

function text(asset: OutputAsset): string {
  return typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
}

/** The boot script's entry (added to the build's inputs in vite.config.ts). */
const BOOT_ENTRY = /\/src\/boot\/boot\.ts$/;

type Renderer = typeof import('../src/prerender/render');

/**
 * Bundles src/prerender/render.ts for Node with the app's Svelte setup (a second, server-side
 * Vite build into node_modules/.cache, where its imports of svelte and idb resolve) and loads it.
 */
async function loadRenderer(root: string): Promise<Renderer> {
  const [{ build }, { svelte }] = await Promise.all([import('vite'), import('@sveltejs/vite-plugin-svelte')]);
  const outDir = resolve(root, 'node_modules/.cache/frontlijn-prerender');
  await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    // The first screen imports the built-in catalog, which it does not show while loading.
    plugins: [svelte(), { name: 'frontlijn-prerender-catalog', resolveId: (id) => (id === 'virtual:scenario-catalog' ? CATALOG_ID : null), load: (id) => (id === CATALOG_ID ? 'export const catalog = [];' : null) }],
    build: {
      ssr: resolve(root, 'src/prerender/render.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      rollupOptions: { output: { entryFileNames: 'render-[hash].mjs' } },
    },
  });
  const file = readdirSync(outDir).find((f) => /^render-.*\.mjs$/.test(f));
  if (!file) throw new Error('vite-plugin-perf: the pre-render build wrote no render module');
  return (await import(pathToFileURL(join(outDir, file)).href)) as Renderer;
}

export function perfPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'frontlijn-perf',
    configResolved(c) {
      config = c;
    },
    transform(code, id) {
      if (id !== CATALOG_ID || config.command !== 'build') return null;
      const dir = resolve(config.root, 'scenarios');
      const texts = existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
            .map((f) => readFileSync(join(dir, f), 'utf8'))
        : [];
      const out = addCatalogHashes(code, texts);
      if (out === null) this.warn('virtual:scenario-catalog has an unexpected shape: no build-time hashes');
      return out === null ? null : { code: out, map: null };
    },
    configurePreviewServer(server) {
      server.middlewares.use(brotliMiddleware(resolve(server.config.root, server.config.build.outDir)));
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle: OutputBundle) {
        const index = bundle['index.html'];
        if (!index || index.type !== 'asset') return;
        const base = config.base.endsWith('/') ? config.base : config.base + '/';
        if (!base.startsWith('/') && !/^https?:/.test(base)) {
          this.warn(`per-scenario pages need an absolute base (got "${config.base}"); skipped`);
          return;
        }
        const html = text(index);
        const bootChunk = Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && c.isEntry && BOOT_ENTRY.test((c.facadeModuleId ?? '').replace(/\\/g, '/')));
        const renderer = bootChunk ? await loadRenderer(config.root) : null;
        if (!bootChunk) this.warn('no src/boot/boot.ts entry: direct links are not pre-rendered');
        const cssHref = /<link rel="stylesheet"[^>]*href="([^"]+)"/.exec(html)?.[1];
        const cssAsset = cssHref ? bundle[cssHref.slice(base.length)] : undefined;
        const appStart = lazyChunkFiles(bundle, (id) => APP_START.test(id.replace(/\\/g, '/')));
        const playOnly = lazyChunkFiles(bundle, (id) => PLAY_SCREEN.test(id.replace(/\\/g, '/')));
        const play = { js: unique([...appStart.js, ...playOnly.js]), css: unique([...appStart.css, ...playOnly.css]) };
        const playCss = play.css.map((f) => bundle[f]).filter((a): a is OutputAsset => a?.type === 'asset');
        const css =
          cssHref && cssAsset?.type === 'asset'
            ? { href: cssHref, text: [cssAsset, ...playCss].map(text).join('\n'), alsoInlined: playCss.map((a) => base + a.fileName) }
            : undefined;
        const preload = play.js.map((f) => base + f);
        let bootFileUsed = false;
        const scenarioUrls: Record<string, string> = {};
        /** The built-ins' first decisions, for index.html at `#/play/<id>` (playPages). */
        const plays: NonNullable<FirstScreenBoot['plays']> = [];
        for (const fileName of Object.keys(bundle)) {
          const m = SCENARIO_ASSET.exec(fileName);
          if (!m) continue;
          scenarioUrls[m[1]] = base + fileName;
          const asset = bundle[fileName];
          if (asset.type === 'asset') asset.source = minifyJson(text(asset));
          let boot: PageBoot | undefined;
          if (renderer && bootChunk && asset.type === 'asset') {
            const scenario = JSON.parse(text(asset)) as Scenario;
            const variants: PageVariant[] = [];
            let seconds: number | undefined;
            for (const lang of scenario.languages ?? ['nl', 'en']) {
              const r = renderer.renderFirstDecision(scenario, lang);
              if (!r) continue;
              variants.push({ lang, title: r.title, html: r.html, modeLabels: r.modeLabels, modeHints: r.modeHints, secondsOne: r.secondsOne, secondsOther: r.secondsOther, warning: r.warning, readMs: r.readMs, playingAs: r.playingAs, switchPlayer: r.switchPlayer, guestN: r.guestN, soundOn: r.soundOn, soundOff: r.soundOff });
              seconds = r.seconds;
            }
            if (variants.length) boot = { script: base + bootChunk.fileName, code: bootChunk.code, scenarioId: scenario.id, start: scenario.start, seconds, variants, css, preload };
          }
          if (boot) plays.push({ boot, modules: preload, fetch: base + fileName });
          const page = scenarioPage(html, base, fileName, boot);
          if (bootChunk && page.includes(`src="${base + bootChunk.fileName}"`)) bootFileUsed = true;
          this.emitFile({ type: 'asset', fileName: `play/${m[1]}/index.html`, source: page });
        }
        // Every page carries the boot script inline: its file would be fetched by nobody.
        if (bootChunk && !bootFileUsed) delete bundle[bootChunk.fileName];
        const firstOnly = lazyChunkFiles(bundle, (id) => FIRST_SCREEN.test(id.replace(/\\/g, '/')));
        const first = { js: unique([...appStart.js, ...firstOnly.js]), css: unique([...appStart.css, ...firstOnly.css]) };
        // What only the play screen or only the first screen needs is preloaded by the early
        // script, for the address opened (without a Content-Security-Policy to allow that script
        // in, all of it by links of its own).
        const firstCode = first.js.filter((f) => !appStart.js.includes(f)).map((f) => base + f);
        // The first screen of `/` is pre-rendered (firstScreenPage) when the boot script can be inline.
        const home = renderer !== null && bootChunk !== undefined && inlineScript(bootChunk.code) !== null;
        const early = earlyScript(
          scenarioUrls,
          play.js.filter((f) => !appStart.js.includes(f)).map((f) => base + f),
          firstCode,
          home ? homeAddress : undefined,
          home ? plays.map((p) => p.boot.scenarioId) : [],
        );
        const allowed = allowScript(html, early);
        const withEarly = allowed !== html;
        // The first screen's stylesheets; with it pre-rendered, also the play screen's, for the
        // built-ins' first decisions (all of them inlined by firstScreenPage).
        const pageCss = home ? unique([...first.css, ...play.css]) : first.css;
        const links = [
          ...pageCss.map((f) => `<link rel="stylesheet" crossorigin href="${escapeAttr(base + f)}">`),
          ...(withEarly ? appStart.js : unique([...first.js, ...play.js])).map((f) => `<link rel="modulepreload" crossorigin href="${escapeAttr(base + f)}">`),
        ];
        let page = withEarly ? addToHead(allowed, `<script>${early}</script>`) : html;
        if (links.length) page = page.replace(/<\/head>/i, `  ${links.join('\n    ')}\n  </head>`);
        if (home && renderer && bootChunk) {
          const firstCss = pageCss.map((f) => bundle[f]).filter((a): a is OutputAsset => a?.type === 'asset');
          page = firstScreenPage(page, {
            code: bootChunk.code,
            variants: (['nl', 'en'] as const).map((lang) => ({ lang, ...renderer.renderFirstScreen(lang) })),
            css: cssHref && cssAsset?.type === 'asset' ? { href: cssHref, text: [cssAsset, ...firstCss].map(text).join('\n'), alsoInlined: firstCss.map((a) => base + a.fileName) } : undefined,
            firstCode,
            plays,
          });
        }
        index.source = page;
      },
    },
  };
}
