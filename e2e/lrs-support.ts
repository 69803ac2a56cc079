/**
 * The test LRS (started by playwright.config.ts) as the tests read it: its endpoint, a key, and
 * the statements API with filters, in one answer (its paging loses statements: test-support/lrs-read.ts).
 */
import { expect, type Page } from '@playwright/test';
import { lrsPortFor } from './lrs-port';
import type { StatementQuery } from '../src/xapi/lrs-client';
import { allStatements } from '../test-support/lrs-read';

export const LRS_PORT = lrsPortFor(Number(process.env.PW_PORT ?? 4173));
export const LRS_ENDPOINT = `http://localhost:${LRS_PORT}/xAPI/`;
/** The key typed into Settings (any key works with the test auth). */
export const LRS_KEY = 'frontlijn:e2e-secret';
const target = { endpoint: LRS_ENDPOINT, auth: `Basic ${Buffer.from(LRS_KEY).toString('base64')}` };

export type Stmt = {
  id: string;
  actor: { name?: string; account?: { name: string } };
  verb: { id: string };
  object: { id: string; definition?: { choices?: { id: string }[] } };
  result?: { response?: string; score?: { scaled: number; raw: number; min: number; max: number }; success?: boolean; extensions?: Record<string, unknown> };
  context: { registration: string; revision: string; team?: { account: { name: string } }; extensions: Record<string, unknown> };
};

/** Every statement matching the query, as the LRS returns it (all of them, in one answer). */
export async function lrsStatements(query: StatementQuery = {}): Promise<Stmt[]> {
  return (await allStatements(target, query)) as unknown as Stmt[];
}

/** The statements of the players with this name (the actor's name), oldest first. */
export async function statementsOf(playerName: string, query: StatementQuery = {}): Promise<Stmt[]> {
  const all = await lrsStatements({ ascending: true, ...query });
  return all.filter((s) => s.actor.name === playerName);
}

export const VERB = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  scored: 'http://adlnet.gov/expapi/verbs/scored',
};

/** Connects the app's device to an LRS the way a facilitator does: Settings, endpoint, key, Connect. */
export async function connectInSettings(page: Page, endpoint: string, passMark?: number): Promise<void> {
  await page.goto('/#/settings');
  await page.getByLabel('Endpoint').fill(endpoint);
  await page.getByLabel('Write key').fill(LRS_KEY);
  if (passMark !== undefined) await page.getByLabel('Pass mark (overall score 0–100)').fill(String(passMark));
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Learning Record Store (xAPI)' })).toHaveText(/\d+ sent · \d+ waiting/);
}

