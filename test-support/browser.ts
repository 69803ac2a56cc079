/**
 * Finds a Chromium to drive: Debian's /usr/bin/chromium first, then Playwright's own download if
 * this machine has one, else a clear message (never `npx playwright install`: downloads fail here).
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumExecutable(): string | undefined {
  for (const c of CANDIDATES) if (c && existsSync(c)) return c;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined; // Playwright's own browser: no override needed
  } catch {
    /* fall through */
  }
  throw new Error(
    'No Chromium found. Install Debian\'s browser with `sudo apt-get install -y chromium` ' +
      '(or set CHROMIUM_PATH to a Chromium binary). `.ci/run` does this for you.',
  );
}

/** Flags that keep headless Chromium quiet on a machine without internet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
