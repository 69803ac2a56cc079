import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutable, CHROMIUM_ARGS } from './test-support/browser';
import { lrsPortFor, LRS_ENV } from './e2e/lrs-port';

const executablePath = chromiumExecutable();
// PW_PORT: another port, to run a second suite (e.g. from a git worktree) beside one on 4173.
const port = Number(process.env.PW_PORT ?? 4173);
// A real LRS for the xAPI tests (Learning Locker's statement service, in memory): see e2e/lrs-support.ts.
const lrsPort = lrsPortFor(port);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    // The service worker (offline play) is tested on its own in e2e/pwa-offline.spec.ts; elsewhere
    // it would serve files from its cache and hide what a spec does to the network.
    serviceWorkers: 'block',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: CHROMIUM_ARGS } } }],
  webServer: [
    {
      command: `npx vite preview --port ${port} --strictPort`,
      url: `http://localhost:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'node node_modules/xapi-statements/dist/index.js',
      url: `http://localhost:${lrsPort}/xAPI/about`,
      env: { ...LRS_ENV, EXPRESS_PORT: String(lrsPort) },
      reuseExistingServer: !process.env.CI,
      timeout: 90_000,
    },
  ],
});
