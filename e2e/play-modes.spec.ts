/**
 * Coaching versus assessment: coaching shows after each choice what it did (the dimensions and
 * the mood, with the option's feedback) and waits for Continue; assessment shows nothing until
 * the report. The mode is chosen on the mode screen, by keyboard.
 */
import { expect, test } from '@playwright/test';
import { expectNoCspViolations, pressOption, readScenario, waitForOptions, watchCsp } from './helpers';
import type { Option } from '../src/engine/types';

test.use({ locale: 'nl-NL' });

const id = 'toy-shop-saturday';
const scenario = readScenario(id);
const first = scenario.nodes[scenario.start];
const option: Option = first.options[0];
const nl = (text: unknown) => (typeof text === 'string' ? text : (text as { nl: string }).nl);

async function chooseMode(page: import('@playwright/test').Page, label: RegExp) {
  await page.goto(`/#/mode/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Hoe wil je spelen?' })).toBeVisible();
  await page.getByRole('radio', { name: label }).check();
  await page.getByRole('button', { name: /^Start/ }).click();
}

test('the mode screen says in one plain line what each mode means', async ({ page }) => {
  await page.goto(`/#/mode/${id}`);
  await expect(page.getByRole('radio', { name: /^Toets/ })).toBeVisible();
  await expect(page.getByText('Geen uitleg tot het einde. Deze rondes tellen mee wanneer teams hun scores vergelijken.')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('No hints until the end. These runs count when teams compare their scores.')).toBeVisible();
});

test('coaching shows what a choice did and why, then Continue moves on', async ({ page }) => {
  await watchCsp(page);
  await chooseMode(page, /^Oefenen/);
  await waitForOptions(page);
  // The badge names the mode as the mode screen did, and says what it means.
  await expect(page.getByText('Oefenen', { exact: true })).toBeVisible();
  await expect(page.getByText('Na elke keuze zie je wat die deed en waarom.')).toBeVisible();
  await pressOption(page, nl(option.text));

  const feedback = page.getByRole('region', { name: 'Wat dit deed' });
  await expect(feedback).toBeVisible();
  await expect(page.locator('#feedback-heading')).toBeFocused();
  await expect(feedback).toContainText(nl(option.text));
  // The feedback is about decision 1: the step badge says so until Continue.
  await expect(page.getByText('Beslissing 1', { exact: true })).toBeVisible();
  await expect(page.getByText('Beslissing 2', { exact: true })).toHaveCount(0);
  if (option.feedback) await expect(feedback).toContainText(nl(option.feedback));
  const labels: Record<string, string> = { warmth: 'Warmte', initiative: 'Initiatief', outcome: 'Resultaat', mood: 'Stemming' };
  for (const [dim, label] of Object.entries(labels)) {
    const v = option.effects?.[dim as 'warmth'] ?? 0;
    if (v > 0) await expect(feedback.getByText(`${label} +${v}`)).toBeVisible();
    if (v < 0) await expect(feedback.getByText(`${label} −${Math.abs(v)}`)).toBeVisible();
  }
  // The next situation waits for Continue (keyboard: Tab to it, Enter).
  await expect(page.locator('#situation-heading')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Verder', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 2');
  await expect(page.locator('#situation-heading')).toBeFocused();
  await expectNoCspViolations(page);
});

/**
 * Plays to the ending, the first option each time (its key, "1"), pressing "Verder" after coaching
 * feedback. Each move waits until the page has moved on (feedback, the next step or the ending),
 * so a move is never sent twice and never waits on a button that has already gone.
 */
async function playOut(page: import('@playwright/test').Page) {
  const ending = page.locator('#ending-heading');
  const next = page.getByRole('button', { name: 'Verder', exact: true });
  const option = page.locator('button[data-option]:enabled').first();
  const heading = page.locator('#situation-heading');
  for (let i = 0; i < 60; i++) {
    await expect(ending.or(next).or(option).first()).toBeVisible();
    if (await ending.isVisible()) return;
    if (await next.isVisible()) {
      await next.click();
      await expect(next).toHaveCount(0);
      continue;
    }
    // Counts and allTextContents never wait: the heading may be gone by the time it is read.
    const step = (await heading.allTextContents()).join();
    await page.keyboard.press('1');
    await expect
      .poll(async () => (await ending.count()) > 0 || (await next.count()) > 0 || (await heading.allTextContents()).join() !== step)
      .toBe(true);
  }
}

test('the report says which runs count for the team: assessment yes, coaching not', async ({ page }) => {
  test.slow(); // two runs played to their end
  const handIn = page.getByRole('region', { name: 'Deze ronde inleveren' });
  await chooseMode(page, /^Oefenen/);
  await waitForOptions(page);
  await playOut(page);
  await page.getByRole('link', { name: 'Naar het rapport' }).click();
  await expect(page.getByText(/ · Soort ronde: Oefenen$/)).toBeVisible();
  await expect(handIn).toContainText('De trainer ziet dit als oefenronde: die telt niet mee wanneer teams hun scores vergelijken.');
  await expect(handIn).not.toContainText('telt je ronde mee');

  await chooseMode(page, /Toets/);
  await waitForOptions(page);
  await playOut(page);
  await page.getByRole('link', { name: 'Naar het rapport' }).click();
  await expect(handIn).toContainText('Dan telt je ronde mee voor het team.');
  await expect(handIn).not.toContainText('oefenronde');
  await expect(page.getByText(/ · Soort ronde: Toets$/)).toBeVisible();
  // What the code carries, said plainly: its choices are signed by this device (a phone or a laptop), so they
  // cannot be changed unseen. This player came without a name: the code holds none.
  await expect(handIn).toContainText('De code bevat geen naam (alleen ‘Gast 1’), wel je keuzes en hun tijden. Je keuzes en hun tijden zijn ondertekend door dit apparaat');
  // The trainer's laptop numbers its guests itself: the player is told, and how to be known.
  const number = handIn.getByText('Op de laptop van de trainer krijgt een gast een nummer van die laptop; dat kan een ander zijn dan ‘Gast 1’ hier.', { exact: false });
  await expect(number).toContainText('vul dan eerst je naam in bij ‘Voeg je naam toe’.');
  await page.getByRole('textbox', { name: 'Je naam' }).fill('Noor');
  await page.getByRole('button', { name: 'Naam bewaren' }).click();
  await expect(handIn).toContainText('De code bevat je naam, team, keuzes en hun tijden. Je keuzes en hun tijden zijn ondertekend door dit apparaat');
  await expect(number).toHaveCount(0);
});

test('assessment shows no hints until the end', async ({ page }) => {
  await watchCsp(page);
  await chooseMode(page, /Toets/);
  await waitForOptions(page);
  await expect(page.getByText('Toets', { exact: true })).toBeVisible();
  await expect(page.getByText('Geen uitleg tot het einde: deze ronde telt mee.')).toBeVisible();
  await pressOption(page, nl(option.text));
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 2');
  await expect(page.getByRole('region', { name: 'Wat dit deed' })).toHaveCount(0);
  if (option.feedback) await expect(page.getByText(nl(option.feedback))).toHaveCount(0);
  await expectNoCspViolations(page);
});

test('the panels built ahead while the player reads show nothing until their moment', async ({ page }) => {
  // The ending, the mood meter and the time-out notice are built once, off the page, while the
  // first decision is read (panel-rehearsal.ts): the assessment still hides the mood, no ending
  // or notice shows or is announced, and the ending, when it comes, is there once with its words.
  test.slow(); // played to its end
  await page.goto(`/#/play/${id}?mode=assessment`);
  await waitForOptions(page);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('frontlijn:panels-built', 'mark').length)).toBe(1);
  await expect(page.getByText('Stemming: zie je aan het einde')).toBeVisible();
  await expect(page.getByRole('meter')).toHaveCount(0);
  await expect(page.getByText('Zo liep het af')).toHaveCount(0);
  await expect(page.locator('#ending-heading, #timeout-notice')).toHaveCount(0);
  await playOut(page);
  const title = await page.locator('#ending-heading').textContent();
  expect(Object.values(scenario.endings).map((e) => nl(e.title))).toContain(title);
  await expect(page.getByText('Zo liep het af')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: title! })).toHaveCount(1);
  await expect(page.getByRole('meter', { name: `Stemming van ${scenario.customer.name}` })).toBeVisible();
});

test('"play from here" (?from=<node>) starts a test run at that node that is never compared', async ({ page }) => {
  const from = Object.keys(scenario.nodes).find((n) => n !== scenario.start)!;
  await page.goto(`/#/play/${id}?from=${from}&mode=coaching`);
  await waitForOptions(page);
  await expect(page.getByText(`Testronde vanaf ‘${from}’: telt niet mee`)).toBeVisible();
  await expect(page.getByText(nl(scenario.nodes[from].situation))).toBeVisible();
  await page.goto(`/#/play/${id}?from=no-such-node`);
  await expect(page.getByRole('alert')).toContainText('no-such-node');
});

test('the agreed performance marks are set: first choice ready, choice, situation painted', async ({ page }) => {
  await page.goto(`/#/play/${id}?mode=assessment`);
  await waitForOptions(page);
  const marks = (name: string) => page.evaluate((n) => performance.getEntriesByName(n, 'mark').length, name);
  await expect.poll(() => marks('frontlijn:first-choice-ready')).toBe(1);
  await page.keyboard.press('1');
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 2');
  await expect.poll(() => marks('frontlijn:choice')).toBe(1);
  await expect.poll(() => marks('frontlijn:situation-painted')).toBe(1);
});
