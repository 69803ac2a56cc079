/**
 * Vite plugin (build only) that owns the build-time changes for the speed of a direct link.
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
 * same parse of the HTML. The router maps the path `/play/<id>/` to `#/play/<id>` (src/main.ts).
 * The preload is `crossorigin` (anonymous) so it matches the game's plain same-origin `fetch()`.
 * Nothing is inlined: the CSP forbids inline scripts.
 */
import type { Plugin, ResolvedConfig, Rollup } from 'vite';

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

/** The page for a direct link to one scenario. */
export function scenarioPage(indexHtml: string, base: string, scenarioFile: string): string {
  const href = `${base}${scenarioFile}`;
  const link = `<link rel="preload" as="fetch" type="application/json" crossorigin href="${escapeAttr(href)}">`;
  return addToHead(indexHtml, link);
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function text(asset: OutputAsset): string {
  return typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
}

export function perfPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'frontlijn-perf',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle: OutputBundle) {
        const index = bundle['index.html'];
        if (!index || index.type !== 'asset') return;
        const base = config.base.endsWith('/') ? config.base : config.base + '/';
        if (!base.startsWith('/') && !/^https?:/.test(base)) {
          this.warn(`per-scenario pages need an absolute base (got "${config.base}"); skipped`);
          return;
        }
        const html = text(index);
        for (const fileName of Object.keys(bundle)) {
          const m = SCENARIO_ASSET.exec(fileName);
          if (!m) continue;
          this.emitFile({ type: 'asset', fileName: `play/${m[1]}/index.html`, source: scenarioPage(html, base, fileName) });
        }
      },
    },
  };
}
