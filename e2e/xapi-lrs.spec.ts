/**
 * xAPI against a real LRS (Learning Locker's statement service, started by playwright.config.ts):
 * a facilitator connects the device in Settings, a player plays a scenario, and every decision and
 * each dimension score can be read back with the statements API.
 */
import { expect, test, type Page } from '@playwright/test';
import { plannedPaths, pressOption, readQr, readScenario, waitForOptions } from './helpers';
import { LRS_ENDPOINT, VERB, connectInSettings, lrsStatements, statementsOf } from './lrs-support';
import { beginIfShown, playToEnd, readDb } from './persist-support';

const TOY = 'toy-shop-saturday';
test.use({ locale: 'en-GB' });

test('a scenario played with an LRS in Settings: every decision and dimension score reads back from the LRS', async ({ page }, info) => {
  const scenario = readScenario(TOY);
  const plan = plannedPaths(scenario).find((p) => !p.keys.includes(0))!;
  // One name per attempt and per repeat: the LRS keeps every earlier one's statements.
  const name = `Speler ${info.testId.slice(0, 8)}-${info.repeatEachIndex}-${info.retry}`;

  await page.goto('/#/');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: /^start$/i }).click();
  // The who-screen moves on by itself: let it, or it can take the page away from Settings.
  await expect(page).toHaveURL(/#\/scenarios/);
  // A pass mark just above this path's overall score: the run must be reported as failed.
  const passMark = Math.min(100, plan.scores.overall + 1);
  await connectInSettings(page, LRS_ENDPOINT, passMark);
  // The key is not shown again, and not in the page's address.
  await expect(page.getByLabel('Write key')).toHaveValue('');

  await page.goto(`/#/play/${TOY}?mode=assessment`);
  for (let i = 0; i < plan.keys.length; i++) {
    await waitForOptions(page);
    await expect(page.locator('#situation-heading')).toContainText(`Decision ${i + 1}`);
    await pressOption(page, plan.texts[i]!.en);
  }
  await expect(page.locator('#ending-heading')).toBeVisible();

  const expected = 1 + plan.keys.length + 5;
  await expect.poll(async () => (await statementsOf(name)).length, { timeout: 30_000 }).toBe(expected);
  const got = await statementsOf(name);
  const registration = got[0].context.registration;
  expect(got.every((s) => s.context.registration === registration)).toBe(true);
  expect(got[0].verb.id).toBe(VERB.initialized);

  // Every decision, in order, with the option chosen and the options as shown.
  const answered = await statementsOf(name, { verb: VERB.answered, registration });
  expect(answered.map((s) => s.result?.response)).toEqual(plan.options);
  for (const s of answered) expect(s.object.definition?.choices?.length).toBeGreaterThanOrEqual(2);

  // One scored per dimension, on its objective activity, with the report's scores.
  const scored = await statementsOf(name, { verb: VERB.scored, registration });
  const byDim = Object.fromEntries(scored.map((s) => [s.object.id.split('/').at(-1), s.result!.score!]));
  for (const d of ['warmth', 'initiative', 'outcome'] as const) {
    expect(Math.round(byDim[d].scaled * 100)).toBe(plan.scores[d]);
    expect(byDim[d].raw).toBeGreaterThanOrEqual(byDim[d].min);
    expect(byDim[d].raw).toBeLessThanOrEqual(byDim[d].max);
  }
  const mastery = got.find((s) => s.verb.id === VERB.passed || s.verb.id === VERB.failed)!;
  expect(mastery.verb.id).toBe(plan.scores.overall >= passMark ? VERB.passed : VERB.failed);
  expect(mastery.result?.score?.raw).toBe(plan.scores.overall);

  // The device says what it sent.
  await page.goto('/#/settings');
  await expect(page.getByRole('status', { name: 'Learning Record Store (xAPI)' })).toHaveText(`${expected} sent · 0 waiting`);
});

test('two phones join by room links that carry the LRS; the facilitator sees them live and compares both teams from the LRS', async ({ browser, page }, info) => {
  test.setTimeout(150_000);
  const scenario = readScenario(TOY);
  const plans = plannedPaths(scenario).filter((p) => !p.keys.includes(0));
  const tag = `${info.testId.slice(0, 6)}${info.retry}`;
  const phones = [
    { name: `Fien ${tag}`, teamName: `Winkel A ${tag}`, plan: plans[0], link: '' },
    { name: `Joris ${tag}`, teamName: `Winkel B ${tag}`, plan: plans[plans.length - 1], link: '' },
  ];

  // The facilitator's laptop: connected in Settings; room mode makes a link per team that carries the LRS.
  await connectInSettings(page, LRS_ENDPOINT);
  await page.goto('/#/room');
  await page.getByLabel('Scenario').selectOption(TOY);
  for (const p of phones) {
    await page.getByLabel('Or make a new team').fill(p.teamName);
    await page.getByRole('button', { name: 'Add team' }).click();
    await expect(page.getByLabel('Team to join')).toHaveValue(/.+/);
    await page.getByLabel(/Phones send their results to this laptop’s LRS/).check();
    await page.getByRole('button', { name: 'Show the code' }).click();
    p.link = (await readQr(page.getByRole('img', { name: /QR code: open/ }))).text;
    expect(p.link).toContain(`endpoint=${encodeURIComponent(LRS_ENDPOINT)}`);
    // The key is in the code, not written out on the projector.
    await expect(page.locator('.link code')).not.toContainText('auth=');
    await page.getByRole('button', { name: 'Projector off' }).click();
  }
  await page.getByRole('button', { name: 'Show the code' }).click();
  const roster = page.getByRole('region', { name: 'In the room (from the LRS)' });
  await expect(roster).toContainText('Nobody has started yet.');

  for (const p of phones) {
    const ctx = await browser.newContext({ locale: 'en-GB' });
    const phone = await ctx.newPage();
    await phone.goto(p.link);
    await phone.getByLabel('Your name').fill(p.name);
    await phone.getByRole('button', { name: /^start$/i }).click();
    for (let i = 0; i < p.plan.keys.length; i++) {
      await waitForOptions(phone);
      await expect(phone.locator('#situation-heading')).toContainText(`Decision ${i + 1}`);
      await pressOption(phone, p.plan.texts[i]!.en);
    }
    await expect(phone.locator('#ending-heading')).toBeVisible();
    // The key did not stay in the address bar.
    expect(phone.url()).not.toContain('auth=');
    await expect.poll(async () => (await statementsOf(p.name, { verb: VERB.answered })).map((s) => s.result?.response), { timeout: 30_000 }).toEqual(p.plan.options);
    await ctx.close();
  }
  // The room's roster (showing the second team's code) has updated from the LRS.
  await expect(roster.getByRole('listitem')).toHaveText([`${phones[1].name} · ${phones[1].teamName}: finished`], { timeout: 30_000 });
  await expect(roster).not.toContainText(phones[0].name);

  // Team scores from the LRS.
  await page.goto(`/#/teams?scenario=${TOY}`);
  await page.getByLabel('From the LRS (all rooms and shops)').check();
  const board = page.getByRole('table', { name: /Leaderboard/ });
  for (const p of phones) {
    const row = board.getByRole('row', { name: new RegExp(p.name) });
    await expect(row).toBeVisible();
    await expect(row).toContainText(p.teamName);
    await expect(row.getByRole('cell').nth(2)).toHaveAccessibleName(`${p.plan.scores.warmth} out of 100`);
    await expect(row.getByRole('cell').nth(5)).toHaveAccessibleName(`${p.plan.scores.overall} out of 100`);
  }
  await expect(page.getByRole('table', { name: 'Average score per dimension, per team (0–100)' }).getByRole('row', { name: new RegExp(phones[1].teamName) })).toBeVisible();

  // Debrief from the LRS: one team's decisions, with names on.
  await page.goto(`/#/debrief?scenario=${TOY}`);
  await page.getByLabel('From the LRS (all rooms and shops)').check();
  await page.getByLabel('Team', { exact: true }).selectOption({ label: phones[0].teamName });
  await expect(page.getByText('Based on 1 player: each one’s latest assessment run.')).toBeVisible();
  await page.getByLabel('Show names').check();
  await expect(page.getByText(phones[0].name, { exact: true })).toBeVisible();
  await expect(page.getByText(phones[1].name, { exact: true })).toHaveCount(0);
});

test('guests read back from the LRS are told apart: a guest here by their number here, one from elsewhere by a code from their id', async ({ browser, page }) => {
  test.slow(); // two devices each play a scenario to its end
  // A phone connected to the LRS plays as a guest; the laptop, connected too, plays as its own guest.
  const ctx = await browser.newContext({ locale: 'en-GB' });
  const phone = await ctx.newPage();
  const guestPlays = async (device: Page): Promise<string> => {
    await connectInSettings(device, LRS_ENDPOINT);
    await device.goto('/#/');
    await device.getByRole('button', { name: 'Play as Guest', exact: true }).click();
    await expect(device).toHaveURL(/#\/scenarios/);
    await device.goto(`/#/play/${TOY}?mode=assessment`);
    await beginIfShown(device);
    await playToEnd(device);
    const id = (await readDb(device)).profiles[0].id;
    await expect.poll(async () => (await lrsStatements({ verb: VERB.completed })).some((s) => s.actor.account?.name === id), { timeout: 30_000 }).toBe(true);
    return id;
  };
  const fromPhone = await guestPlays(phone);
  await ctx.close();
  const here = await guestPlays(page);
  const code = fromPhone.replace(/[^0-9a-z]/gi, '').slice(-4).toUpperCase();

  await page.goto(`/#/teams?scenario=${TOY}`);
  await page.getByLabel('From the LRS (all rooms and shops)').check();
  const board = page.getByRole('table', { name: /Leaderboard/ });
  await expect(board.getByRole('rowheader').first()).toBeVisible();
  const all = page.getByRole('button', { name: /^Show all/ });
  if (await all.isVisible()) await all.click();
  // Never the bare account id, which the statements carry instead of a name.
  await expect(board.getByRole('rowheader', { name: `Guest (${code})`, exact: true })).toHaveCount(1);
  await expect(board.getByRole('rowheader', { name: 'Guest 1', exact: true })).toHaveCount(1);
  await expect(board).not.toContainText(fromPhone);
  await expect(board).not.toContainText(here);

  // The debrief from the LRS, names on: the same names.
  await page.goto(`/#/debrief?scenario=${TOY}`);
  await page.getByLabel('From the LRS (all rooms and shops)').check();
  await page.getByLabel('Show names').check();
  await expect(page.getByText(new RegExp(`Guest \\(${code}\\)`)).first()).toBeVisible();
  await expect(page.getByText(/(^|, )Guest 1(, |$)/).first()).toBeVisible();
  await expect(page.locator('main')).not.toContainText(fromPhone);
});
