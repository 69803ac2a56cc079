/**
 * Timed decisions (WCAG 2.2.1): a calm countdown with "more time" from the start, a time-out that
 * happens at the deadline and is shown as such, and timers that are off never run out.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoCspViolations, readScenario, waitForOptions, watchCsp, untilCountdownRuns } from './helpers';

test.use({ locale: 'nl-NL' });

const id = 'toy-shop-saturday';
const scenario = readScenario(id);
const seconds = scenario.nodes[scenario.start].timeLimit?.seconds ?? 0;

test('a timer that runs out: the customer waited, and coaching says what that did', async ({ page }) => {
  expect(seconds, 'the first decision of this scenario is timed').toBeGreaterThan(0);
  await watchCsp(page);
  await page.clock.install();
  await page.goto(`/#/play/${id}?mode=coaching`);
  await waitForOptions(page);
  const countdown = page.getByRole('timer');
  // first the time to read the situation, said as such; then the countdown
  await expect(page.getByText('Lees rustig', { exact: true })).toBeVisible();
  await expect(countdown).toHaveText('de tijd start zo');
  // Two lines on the screen, one sentence to a screen reader (not "Lees rustig de tijd start zo").
  await expect(page.getByRole('paragraph').filter({ has: countdown })).toHaveText('Lees rustig, de tijd start zo');
  await expect(page.getByRole('button', { name: 'Meer tijd' })).toBeVisible();
  await untilCountdownRuns(page);
  await expect(page.getByText(`${scenario.customer.name} wacht`)).toBeVisible();
  await expect(countdown).toHaveText(new RegExp(`nog (${seconds}|${seconds - 1}) seconden`));
  await page.clock.fastForward((seconds + 1) * 1000);
  await expect(page.getByRole('heading', { name: `Je liet ${scenario.customer.name} wachten` })).toBeVisible();
  await expect(page.getByRole('region', { name: `Je liet ${scenario.customer.name} wachten` })).toContainText('Warmte −1');
  // said in so many words, not only by the heading
  await expect(page.getByRole('region', { name: `Je liet ${scenario.customer.name} wachten` }).getByText('De tijd was om voordat je iets koos.')).toBeVisible();
  await page.getByRole('button', { name: 'Verder', exact: true }).click();
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 2');
  // the feedback said the time ran out: the next decision does not say it again
  await expect(page.getByText('De tijd was om')).toHaveCount(0);
  await expectNoCspViolations(page);
});

test('"more time" stretches the running countdown tenfold, shown in minutes', async ({ page }) => {
  expect(seconds, 'the first decision of this scenario is timed').toBeGreaterThan(0);
  await page.clock.install();
  await page.goto(`/#/play/${id}?mode=assessment`);
  await waitForOptions(page);
  await page.getByRole('button', { name: 'Meer tijd' }).click();
  await untilCountdownRuns(page);
  // Real time keeps flowing on a busy machine, so allow a few seconds' slack: without the stretch
  // the countdown could never show more than the original limit.
  const left = async () => {
    const m = /nog (\d+):(\d\d) min/.exec((await page.getByRole('timer').textContent()) ?? '');
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  await expect.poll(left).toBeGreaterThan(seconds * 10 - 15);
  expect(await left()).toBeLessThanOrEqual(seconds * 10);
  await page.clock.fastForward((seconds + 5) * 1000);
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 1');
});

test('timers switched off in the settings never run out', async ({ page }) => {
  await page.clock.install();
  await page.goto('/#/settings');
  await page.getByRole('radio', { name: /Uit: geen tijdslimieten/ }).check();
  await expect(page.getByText('Bewaard.')).toBeVisible();
  await page.goto(`/#/play/${id}?mode=assessment`);
  await waitForOptions(page);
  await expect(page.getByText(`${scenario.customer.name} wacht`)).toHaveCount(0);
  await page.clock.fastForward(30 * 60 * 1000);
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 1');
  await expect(page.locator('button[data-option]').first()).toBeEnabled();
});

test('a timer turned off during a decision says so, with no empty bar left to read as time run out', async ({ page }) => {
  await page.goto(`/#/play/${id}?mode=coaching`);
  await waitForOptions(page);
  const bar = page.locator('.countdown svg.bar');
  await expect(bar).toBeVisible();
  await page.getByRole('button', { name: 'Timer uitzetten' }).click();
  await expect(page.getByRole('timer')).toHaveText('Geen tijdslimiet');
  await expect(page.getByRole('paragraph').filter({ has: page.getByRole('timer') })).toHaveText(`${scenario.customer.name} wacht, Geen tijdslimiet`);
  await expect(bar).toBeHidden();
});

// Coaching: the feedback after a choice comes first; the next timed decision's countdown starts
// only when "Verder" is pressed (and after a reload during the feedback, the feedback comes back).
const kidsSeconds = scenario.nodes.kids?.timeLimit?.seconds ?? 0;
const toKids: [string, string][] = [
  ['door', 'greet'],
  ['wish', 'kids-along'],
  ['sold-out', 'plan'],
];

function optionName(node: string, option: string): string {
  const text = scenario.nodes[node]?.options.find((o) => o.id === option)?.text;
  const nl = typeof text === 'string' ? text : (text?.nl ?? '');
  return nl.slice(0, 40);
}

async function chooseToKids(page: Page): Promise<void> {
  for (const [i, [node, option]] of toKids.entries()) {
    await waitForOptions(page);
    await page.getByRole('button', { name: optionName(node, option) }).click();
    await expect(page.getByRole('heading', { name: 'Wat dit deed' })).toBeVisible();
    if (i < toKids.length - 1) await page.getByRole('button', { name: 'Verder', exact: true }).click();
  }
  // Reading the feedback: no countdown shows or runs.
  await expect(page.getByRole('timer')).toHaveCount(0);
}

async function expectFullTimeAfterContinue(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Verder', exact: true }).click();
  await waitForOptions(page);
  // The countdown starts once the options are in view: a player on a short screen scrolls to them.
  const first = page.locator('button[data-option]').first();
  await first.scrollIntoViewIfNeeded();
  await expect(page.getByText(`${scenario.customer.name} wacht`)).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(new RegExp(`nog (${kidsSeconds}|${kidsSeconds - 1}) seconden`));
  await expect(page.getByRole('heading', { name: `Je liet ${scenario.customer.name} wachten` })).toHaveCount(0);
}

test('coaching: the next countdown starts with the full time when the feedback is dismissed', async ({ page }) => {
  expect(kidsSeconds, 'the kids decision of this scenario is timed').toBeGreaterThan(0);
  await watchCsp(page);
  await page.clock.install();
  await page.goto(`/#/play/${id}?mode=coaching`);
  await chooseToKids(page);
  // Read the feedback for longer than the whole time limit.
  await page.clock.fastForward((kidsSeconds + 5) * 1000);
  await expect(page.getByRole('heading', { name: 'Wat dit deed' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Je liet ${scenario.customer.name} wachten` })).toHaveCount(0);
  await expectFullTimeAfterContinue(page);
  // It then runs as usual.
  await page.clock.fastForward((kidsSeconds + 1) * 1000);
  await expect(page.getByRole('heading', { name: `Je liet ${scenario.customer.name} wachten` })).toBeVisible();
  await expectNoCspViolations(page);
});

test('coaching: a reload during the feedback shows it again, and the countdown starts on "Verder"', async ({ page }) => {
  expect(kidsSeconds, 'the kids decision of this scenario is timed').toBeGreaterThan(0);
  await page.clock.install();
  await page.goto(`/#/play/${id}?mode=coaching`);
  await chooseToKids(page);
  await page.clock.fastForward(4000);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Wat dit deed' })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveCount(0);
  await page.clock.fastForward((kidsSeconds + 5) * 1000);
  await expect(page.getByRole('heading', { name: 'Wat dit deed' })).toBeVisible();
  await expectFullTimeAfterContinue(page);
});

test('coaching: a reload during the feedback after an untimed decision shows that feedback again', async ({ page }) => {
  const untimed = readScenario('age-check');
  expect(untimed.nodes[untimed.start].timeLimit, 'the first decision of age-check is untimed').toBeUndefined();
  await page.goto('/#/play/age-check?mode=coaching');
  await waitForOptions(page);
  await page.locator('button[data-option]').first().click();
  const feedback = page.getByRole('region', { name: 'Wat dit deed' });
  await expect(page.getByRole('heading', { name: 'Wat dit deed' })).toBeVisible();
  const lesson = (await feedback.textContent()) ?? '';
  expect(lesson).toContain('Je koos:');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Wat dit deed' })).toBeVisible();
  await expect(feedback).toHaveText(lesson);
  await page.getByRole('button', { name: 'Verder', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Wat dit deed' })).toHaveCount(0);
  // Dismissed: another reload goes on at the next decision.
  await page.reload();
  await expect(page.locator('button[data-option]').first()).toBeEnabled();
  await expect(page.getByRole('heading', { name: 'Wat dit deed' })).toHaveCount(0);
});

test('in the tram the one waiting is the passenger, by name: "Noor wacht", not "De klant wacht"', async ({ page }) => {
  const tram = readScenario('tram-card-reader');
  const name = tram.customer.name;
  const tramSeconds = tram.nodes[tram.start].timeLimit?.seconds ?? 0;
  expect(tramSeconds, 'the first decision of the tram scenario is timed').toBeGreaterThan(0);
  await page.clock.install();
  await page.goto('/#/play/tram-card-reader?mode=coaching');
  await expect(page.getByText(`Op sommige momenten wacht ${name} op je.`, { exact: false })).toBeVisible();
  await waitForOptions(page);
  await untilCountdownRuns(page);
  await expect(page.getByText(`${name} wacht`, { exact: true })).toBeVisible();
  await expect(page.getByText(/de klant/i)).toHaveCount(0);
  await page.clock.fastForward((tramSeconds + 1) * 1000);
  await expect(page.getByRole('heading', { name: `Je liet ${name} wachten` })).toBeVisible();
});
