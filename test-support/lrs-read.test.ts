/**
 * The test LRS, started as playwright.config.ts starts it but with a clock the test can move
 * (test-support/lrs-clock.cjs), across the moment its statement ids wrap. Paging through it with
 * `more` leaves out what was stored after the wrap; allStatements reads everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { queryStatements, sendStatements, type LrsTarget } from '../src/xapi/lrs-client';
import type { XapiStatement } from '../src/xapi/types';
import { allStatements } from './lrs-read';

// The uuid v1 of xapi-statements (uuid 3.x): the first 8 hex digits are the low 32 bits of the
// time in 100 ns since 1582, i.e. ((ms + 12219292800000) mod 2^28) × 10000 mod 2^32.
const timeLow = (ms: number) => (((ms + 12219292800000) % 2 ** 28) * 10000) % 2 ** 32;
/** The first millisecond after `from` at which the ids' string order starts again from 0. */
function nextWrap(from: number): number {
  let ms = from;
  while (timeLow(ms + 1) >= timeLow(ms)) ms++;
  return ms + 1;
}

let lrs: ChildProcess;
let dir: string;
let clock: string;
let target: LrsTarget;
/** Sets the LRS's clock to `at` (ms since 1970) from now on. */
const setLrsClock = (at: number) => writeFileSync(clock, String(at - Date.now()));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontlijn-lrs-read-'));
  clock = join(dir, 'offset');
  writeFileSync(clock, '0');
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  // As e2e/lrs-port.ts starts it: in memory, any credentials accepted.
  const env = { AUTH_REPO: 'test', EVENTS_REPO: 'test', MODELS_REPO: 'memory', STORAGE_REPO: 'memory', NODE_ENV: 'test' };
  lrs = spawn(process.execPath, ['--import', './test-support/lrs-clock.mjs', 'node_modules/xapi-statements/dist/index.js'], {
    env: { ...process.env, ...env, EXPRESS_PORT: String(port), LRS_CLOCK_FILE: clock },
    stdio: 'ignore',
  });
  target = { endpoint: `http://localhost:${port}/xAPI/`, auth: `Basic ${Buffer.from('frontlijn:unit').toString('base64')}` };
  await vi.waitFor(async () => expect((await fetch(`http://localhost:${port}/xAPI/about`)).ok).toBe(true), { timeout: 50_000, interval: 100 });
}, 60_000); // a guard against a hang: the LRS starts in seconds, several times that on a loaded machine

afterAll(() => {
  lrs?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const statement = (name: string): XapiStatement => ({
  id: randomUUID(),
  actor: { objectType: 'Agent', name, account: { homePage: 'https://frontlijn.test', name: name.toLowerCase() } },
  verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { en: 'answered' } },
  object: { objectType: 'Activity', id: 'https://frontlijn.test/xapi/scenarios/toy' },
  context: { registration: randomUUID(), revision: 'h1', language: 'en-GB', contextActivities: { parent: [] }, extensions: {} },
  timestamp: '2026-12-05T12:00:00.000Z',
});

async function store(list: XapiStatement[]): Promise<void> {
  expect(await sendStatements(target, list)).toEqual(list.map(() => ({ kind: 'delivered' })));
}

it('reads every statement the LRS stored, also those stored after its ids wrapped', async () => {
  const wrap = nextWrap(Date.now() + 60_000);
  // Other players' statements, a minute before the wrap: more than one page of 50.
  setLrsClock(wrap - 60_000);
  for (let i = 0; i < 6; i++) await store(Array.from({ length: 10 }, () => statement('Other')));
  // The player the check is about, just after it.
  setLrsClock(wrap + 1_000);
  const mine = Array.from({ length: 10 }, () => statement('Kill'));
  for (let i = 0; i < mine.length; i += 2) await store(mine.slice(i, i + 2));

  const all = await allStatements(target, { ascending: true });
  expect(all).toHaveLength(70);
  expect(all.filter((s) => (s.actor as { name?: string }).name === 'Kill').map((s) => s.id)).toEqual(mine.map((s) => s.id));

  // What the e2e helper did before: pages of 50, following `more`. The LRS has every one of them
  // (each reads back by id), yet the listing leaves them all out.
  const paged = await queryStatements(target, { ascending: true, limit: 50 });
  expect(paged.filter((s) => (s.actor as { name?: string }).name === 'Kill')).toHaveLength(0);
});

it('fails rather than follow `more`', async () => {
  await expect(allStatements(target, {}, 50)).rejects.toThrow(/more than 50 statements/);
});
