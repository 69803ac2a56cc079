/**
 * For `npm run bench`: builds the game (or reuses a build) and serves it with `vite preview` on a
 * free port (never 4173/5173, which the e2e suite and the dev server use), and launches the same
 * headless Chromium the e2e suite uses. Owns only those processes, and stops them.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, chromiumExecutable } from '../test-support/browser';

const RESERVED = new Set([4173, 5173]);
/** The Vite config to build and serve with (BENCH_VITE_CONFIG for experiments). */
const CONFIG = resolve(process.env.BENCH_VITE_CONFIG ?? 'vite.config.ts');

/** A TCP port that is free now (asks the OS, skips the ports the project reserves). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((ok, fail) => {
      const srv = createServer();
      srv.once('error', fail);
      srv.listen(0, '127.0.0.1', () => {
        const addr = srv.address();
        const p = typeof addr === 'object' && addr ? addr.port : 0;
        srv.close(() => ok(p));
      });
    });
    if (!RESERVED.has(port)) return port;
  }
}

/** Runs `vite build` into outDir with the project's own vite.config.ts. */
export async function buildGame(outDir: string): Promise<void> {
  await build({ configFile: CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

export interface Served {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves outDir with `vite preview` (gzip, as the preview server does) on a free port. */
export async function serve(outDir: string): Promise<Served> {
  if (!existsSync(resolve(outDir, 'index.html'))) throw new Error(`No build in ${outDir}: run without --reuse-dist.`);
  const port = await freePort();
  const server: PreviewServer = await preview({
    configFile: CONFIG,
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        const http = server.httpServer as { close(cb: () => void): void; closeAllConnections?: () => void };
        http.close(() => ok());
        http.closeAllConnections?.();
      }),
  };
}

/** The e2e suite's Chromium (Debian's /usr/bin/chromium), headless. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true });
}
