/**
 * A timed decision a new hire understands: the time to read before the clock starts is said,
 * the warning comes near the end only, a time-out says once that the question changed (or that
 * the visit ended) and how the customer reacted, and "more time" gives more time once, while
 * turning the timer off is a separate, named action whose box stays in place.
 */
import { expect, test, type Page } from '@playwright/test';
import { readScenario, untilCountdownRuns, waitForOptions } from './helpers';

const id = 'toy-shop-saturday';
const scenario = readScenario(id);
const start = scenario.nodes[scenario.start];
const seconds = start.timeLimit?.seconds ?? 0;
const text = (v: unknown, lang: 'nl' | 'en') => (typeof v === 'string' ? v : ((v as Record<string, string> | undefined)?.[lang] ?? ''));
const reactionNl = text(start.timeLimit?.customer?.does, 'nl');
const reactionEn = text(start.timeLimit?.customer?.does, 'en');

// A path on which Sandra is annoyed (mood -3) at the timed "kids" decision: letting the time run
// out there ends the visit ("walks-out").
const kids = scenario.nodes.kids;
const toAnnoyedKids = ['nod', 'zeg-het-maar', 'stockroom'];
const walksOut = scenario.endings['walks-out'];

/** Plays to the "kids" decision with Sandra annoyed (coaching: past each feedback), its countdown running. */
async function toKidsAnnoyed(page: Page, mode: 'coaching' | 'assessment'): Promise<void> {
  await page.clock.install();
  await page.goto(`/#/play/${id}?mode=${mode}`);
  for (const option of toAnnoyedKids) {
    await waitForOptions(page);
    await page.locator(`button[data-option="${option}"]`).click();
    if (mode === 'coaching') await page.getByRole('button', { name: /^(Verder|Continue)$/ }).click();
  }
  await waitForOptions(page);
  // (the countdown starts once the options are in view: a player scrolls to them)
  const kidsOption = page.locator('button[data-option="testers"], button[data-option="make-up"]').first();
  await kidsOption.scrollIntoViewIfNeeded();
  await untilCountdownRuns(page);
}

/** Opens a new run at its timed first decision, with the countdown running. */
async function openCounting(page: Page, mode: 'coaching' | 'assessment'): Promise<void> {
  await page.clock.install();
  await page.goto(`/#/play/${id}?mode=${mode}`);
  await waitForOptions(page);
  await untilCountdownRuns(page);
}

test.describe('nl', () => {
  test.use({ locale: 'nl-NL' });

  test('assessment: after a time-out the next decision says the time ran out, with the customer\'s reaction', async ({ page }) => {
    expect(reactionNl, 'the first decision has a time-out reaction').not.toBe('');
    await openCounting(page, 'assessment');
    await page.clock.fastForward((seconds + 1) * 1000);
    const notice = page.getByRole('status').filter({ hasText: 'De tijd was om: Sandra wachtte niet langer. Dit is een nieuwe vraag.' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(reactionNl);
    await expect(notice).toBeFocused();
    await expect(page.locator('#situation-heading')).toContainText('Beslissing 2');
    // the next choice: the notice has done its job
    await page.locator('button[data-option]').first().click();
    await expect(page.getByText('De tijd was om')).toHaveCount(0);
  });

  test('assessment: a time-out that ends the visit says so on the ending, with the customer\'s reaction', async ({ page }) => {
    await toKidsAnnoyed(page, 'assessment');
    await page.clock.fastForward((kids.timeLimit!.seconds + 1) * 1000);
    await expect(page.locator('#ending-heading')).toHaveText(text(walksOut.title, 'nl'));
    await expect(page.locator('#ending-heading')).toBeFocused();
    const ending = page.getByRole('region', { name: text(walksOut.title, 'nl') });
    const notice = ending.getByRole('status').filter({ hasText: 'De tijd was om: Sandra wachtte niet langer.' });
    await expect(notice).toBeVisible();
    await expect(notice).not.toContainText('nieuwe vraag');
    await expect(notice).toContainText(text(kids.timeLimit?.customer?.says, 'nl'));
    await expect(notice).toContainText(text(kids.timeLimit?.customer?.does, 'nl'));
  });

  test('"Meer tijd" gives more time once; a second tap there does not turn the timer off', async ({ page }) => {
    await openCounting(page, 'assessment');
    const more = page.getByRole('button', { name: 'Meer tijd' });
    const box = (await more.boundingBox())!;
    await more.click();
    await expect(page.getByRole('status').filter({ hasText: 'Meer tijd gegeven' })).toBeVisible();
    await expect(more).toHaveCount(0);
    // the second tap of a double tap lands where the button was
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByRole('timer')).toHaveText(/^nog \d:\d\d min$/);
    await expect(page.getByRole('button', { name: 'Timer uitzetten' })).toBeVisible();
    await expect(page.getByText('Geen tijdslimiet')).toHaveCount(0);
    // more time: past the first limit, the customer still waits
    await page.clock.fastForward((seconds + 5) * 1000);
    await expect(page.locator('#situation-heading')).toContainText('Beslissing 1');
  });

  test('assessment: "Timer uitzetten" says beforehand what the report will say; off, the box stays in place', async ({ page }) => {
    await openCounting(page, 'assessment');
    const off = page.getByRole('button', { name: 'Timer uitzetten' });
    await expect(off).toHaveAccessibleDescription('In een toets meldt je rapport dan: zonder timer gespeeld.');
    await expect(page.getByText('In een toets meldt je rapport dan: zonder timer gespeeld.')).toBeVisible();
    const option = page.locator('button[data-option]').first();
    const before = (await option.boundingBox())!.y;
    await off.click();
    await expect(page.getByRole('timer')).toHaveText('Geen tijdslimiet');
    await expect(page.getByRole('status').filter({ hasText: 'Timer uitgezet' })).toBeFocused();
    expect(Math.abs((await option.boundingBox())!.y - before)).toBeLessThan(2);
    await page.clock.fastForward(30 * 60 * 1000);
    await expect(page.locator('#situation-heading')).toContainText('Beslissing 1');
    await expect(option).toBeEnabled();
  });
});

test.describe('en', () => {
  test.use({ locale: 'en-GB' });

  test('while the situation is read the box says the clock starts soon; the warning comes near the end only', async ({ page }) => {
    await page.clock.install();
    await page.goto(`/#/play/${id}?mode=assessment`);
    await waitForOptions(page);
    await expect(page.getByText('Take your time', { exact: true })).toBeVisible();
    await expect(page.getByRole('timer')).toHaveText('the clock starts soon');
    await expect(page.getByText('Almost out of time. Need more?')).toHaveCount(0);
    await untilCountdownRuns(page);
    await expect(page.getByRole('timer')).toHaveText(/^\d+ seconds left$/);
    // (half the time left: no warning yet)
    await page.clock.fastForward((seconds / 2) * 1000);
    await expect(page.getByRole('timer')).toHaveText(/^1\d seconds left$/);
    await expect(page.getByText('Almost out of time. Need more?')).toHaveCount(0);
    await page.clock.fastForward((seconds / 2 - 7) * 1000);
    await expect(page.getByRole('timer')).toHaveText(/^[1-7] seconds? left$/);
    await expect(page.getByText('Almost out of time. Need more?')).toHaveCount(1);
  });

  test('coaching: the feedback on a time-out shows what the customer did', async ({ page }) => {
    await openCounting(page, 'coaching');
    await page.clock.fastForward((seconds + 1) * 1000);
    const feedback = page.getByRole('region', { name: `You let ${scenario.customer.name} wait` });
    await expect(feedback).toContainText(reactionEn);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    // The feedback said it: the next decision does not say it again.
    await expect(page.locator('#situation-heading')).toContainText('Decision 2');
    await expect(page.locator('#situation-heading')).toBeFocused();
    await expect(page.getByText('Time ran out')).toHaveCount(0);
  });

  test('coaching: a time-out that ended the visit while the run was closed is said on the ending', async ({ page }) => {
    await toKidsAnnoyed(page, 'coaching');
    // The player leaves; the customer does not wait.
    await page.goto('/#/settings');
    await page.clock.fastForward((kids.timeLimit!.seconds + 5) * 1000);
    await page.goto(`/#/play/${id}?mode=coaching`);
    await expect(page.locator('#ending-heading')).toHaveText(text(walksOut.title, 'en'));
    const notice = page.getByRole('region', { name: text(walksOut.title, 'en') }).getByRole('status');
    await expect(notice).toContainText('Time ran out: Sandra did not wait any longer.');
    await expect(notice).not.toContainText('new question');
    await expect(notice).toContainText(text(kids.timeLimit?.customer?.does, 'en'));
  });

  test('coaching: a time-out that ends the visit is said once, in its feedback', async ({ page }) => {
    await toKidsAnnoyed(page, 'coaching');
    await page.clock.fastForward((kids.timeLimit!.seconds + 1) * 1000);
    await expect(page.getByRole('region', { name: `You let ${scenario.customer.name} wait` })).toContainText(text(kids.timeLimit?.customer?.does, 'en'));
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect(page.locator('#ending-heading')).toHaveText(text(walksOut.title, 'en'));
    await expect(page.getByText('Time ran out')).toHaveCount(0);
  });
});
