/**
 * Vite plugin: adds a strict Content-Security-Policy `<meta>` to the built index.html (not in dev,
 * where Vite's HMR client needs inline styles and a websocket). No inline scripts or styles, no
 * eval, no remote scripts or styles: the game fetches from its own origin and sends xAPI statements
 * only to the LRS a person configured. (The one exception: the page of
 * a direct link to a scenario carries its stylesheet and boot script inline, and vite-plugin-perf
 * allows exactly those texts by their sha256 hashes, never 'unsafe-inline'.)
 */
import type { Plugin } from 'vite';

export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'media-src': "'self' blob: data:",
  // An LRS (xAPI, issue #14) is chosen at run time (Settings, a launch link, cmi5), so any HTTPS
  // origin may receive statements; localhost only reaches the device itself (an LRS on the
  // facilitator's laptop, the tests). FRONTLIJN_LRS_ORIGINS (space separated) narrows nothing but
  // adds plain-HTTP origins a deployment needs. No secret is ever part of the build.
  'connect-src': ["'self' https: http://localhost:* http://127.0.0.1:*", process.env.FRONTLIJN_LRS_ORIGINS ?? ''].join(' ').trim(),
  'font-src': "'self'",
  'worker-src': "'self' blob:",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

export function cspPolicy(directives: Record<string, string> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

export function cspPlugin(directives: Record<string, string> = CSP_DIRECTIVES): Plugin {
  return {
    name: 'frontlijn-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler() {
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: cspPolicy(directives) },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
