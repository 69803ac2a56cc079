/**
 * The debrief on a projector: a 1280×720 (and 1920×1080) screen shows the whole decision — the
 * situation and every option with its share, and the feedback of the option being discussed — in
 * type read from the back of the room (22 px or more), without the app's menu and without
 * scrolling, at every decision of every built-in scenario; the room's "Debrief" opens it on the
 * projector; what it shows is read whole on its folded line; its list of scenarios follows the
 * language. Screenshots at 360, 1280×720 and 1920×1080 are attached.
 */
import { readdirSync } from 'node:fs';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { decisionOrder } from '../src/ui/screens/teams/debrief-order';
import { loadScenario, seedEveryDecision, seedFuelStation } from './persist-support';

const FUEL = 'fuel-station-evening';
const PROJECTOR = { width: 1280, height: 720 };
const WIDE = { width: 1920, height: 1080 };
const PHONE = { width: 360, height: 740 };
/** Every built-in scenario. */
const BUILT_INS = readdirSync(new URL('../scenarios', import.meta.url))
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => f.replace(/\.json$/, ''));
/** The smallest type that can be read from the back of a room, on a 1280 px wide projector or wider. */
const READABLE_PX = 22;

async function shot(page: Page, info: TestInfo, name: string, fullPage = false): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  await info.attach(name, { path, contentType: 'image/png' });
}

/** The element lies wholly inside the window, as the page is scrolled now. */
async function expectInView(page: Page, el: Locator, what: string): Promise<void> {
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, `${what} is drawn`).not.toBeNull();
  expect(box!.y, `${what}: top in view`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom in view`).toBeLessThanOrEqual(vp.height);
}

/** A line shown whole: in the window and not cut off with an ellipsis. */
async function expectReadWhole(line: Locator): Promise<void> {
  await expect(line).toBeInViewport({ ratio: 1 });
  expect(await line.evaluate((el) => el.scrollWidth - el.clientWidth), 'pixels cut off').toBe(0);
}

/** The decision shown: its situation, each option (its text, share and feedback) and how many came to it, all on this screen. */
async function expectDecisionInView(page: Page, where: string): Promise<void> {
  const decision = page.getByRole('region').filter({ has: page.locator('#db-situation') });
  await expectInView(page, page.locator('#db-situation'), `${where}: the situation`);
  const options = decision.getByRole('listitem');
  expect(await options.count()).toBeGreaterThanOrEqual(2);
  for (const option of await options.all()) {
    const label = (await option.innerText()).slice(0, 40);
    await expectInView(page, option, `${where}: option “${label}”, its share and its feedback`);
  }
  // And how many players came to it, under the options, in either language.
  await expectInView(page, decision.getByText(/^\d+ (of \d+ players? came to this decision|van \d+ spelers? kwamen? bij deze beslissing)\.$/), `${where}: how many players came to it`);
}

/**
 * Each piece of text in the decision shown (the situation, what the customer says and does, how
 * many came to it, each option with its share, and the feedback shown), as the page is scrolled
 * now: where it lies outside the window or is smaller than READABLE_PX. Empty: all of it can be
 * read from the back of the room without scrolling.
 */
function unreadable(page: Page): Promise<string[]> {
  return page.evaluate((least) => {
    const decision = document.getElementById('db-situation')!.closest('section')!;
    const out: string[] = [];
    const walker = document.createTreeWalker(decision, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent!.trim();
      if (!text) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      const size = parseFloat(getComputedStyle(node.parentElement!).fontSize);
      const what = `“${text.slice(0, 30)}”`;
      if (box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) out.push(`${what} out of view (${Math.round(box.top)}–${Math.round(box.bottom)} of ${innerHeight} px)`);
      if (size < least) out.push(`${what} at ${size.toFixed(1)} px`);
    }
    return out;
  }, READABLE_PX);
}

for (const id of BUILT_INS) {
  test(`every decision of ${id}, with each option's feedback in turn, can be read on a 1280×720 projector (in Dutch on 1920×1080 too)`, async ({ page }, info) => {
    test.slow(); // every decision of the scenario, each option's feedback, in two languages, and in Dutch at two sizes
    await seedEveryDecision(page, info.outputPath('runs.json'), id);
    const decisions = Object.keys(loadScenario(id).nodes).length;
    for (const [lang, language, decision, of] of [['en', 'Language', 'Decision', 'of'], ['nl', 'Taal', 'Beslissing', 'van']] as const) {
      // 1920×1080 scales the same layout up, so it is the Dutch text (the longer) that could not fit there.
      for (const size of lang === 'nl' ? [PROJECTOR, WIDE] : [PROJECTOR]) {
        await page.setViewportSize(size);
        await page.goto('/#/teams');
        await page.goto(`/#/debrief?scenario=${id}&projector=1`);
        if (lang === 'nl' && size === PROJECTOR) await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
        await expect(page.getByRole('group', { name: language })).toBeVisible();
        for (let n = 1; n <= decisions; n++) {
          await expect(page.getByText(`${decision} ${n} ${of} ${decisions}`, { exact: true })).toBeVisible();
          const where = `${id} (${lang}) at ${size.width}×${size.height}, decision ${n}`;
          expect(await unreadable(page), `${where}, no feedback shown`).toEqual([]);
          // The clicker shows each option's feedback in turn, then goes on to the next decision.
          const options = page.getByRole('region').filter({ has: page.locator('#db-situation') }).getByRole('listitem').getByRole('button');
          const count = await options.count();
          expect(count).toBeGreaterThanOrEqual(2);
          for (let k = 0; k < count; k++) {
            await page.keyboard.press('PageDown');
            await expect(options.nth(k)).toHaveAttribute('aria-expanded', 'true');
            await expect(options.nth(k)).toBeFocused();
            expect(await unreadable(page), `${where}, the feedback of option ${k + 1}`).toEqual([]);
          }
          if (n < decisions) await page.keyboard.press('PageDown');
        }
      }
    }
  });
}

test('on a 1280×720 projector every decision fits the first screen, and Next brings the next one into view', async ({ page }, info) => {
  test.slow(); // every decision the players met, at two screen sizes
  await page.setViewportSize(PROJECTOR);
  await seedFuelStation(page, info.outputPath('fuel.json'));
  await page.goto(`/#/debrief?scenario=${FUEL}&team=pomp`);
  await expect(page.getByText(/^Decision 1 of the \d+ decisions that players met$/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.getByLabel('Projector (large)').check();

  // The app's menu gives way, as on the room's projector view; the choices fold into one line.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  // Read whole at 1280 px: the scenario, the players and which of their runs (before: cut off
  // after the scenario's first word).
  await expectReadWhole(page.getByText('Showing: Fuel station, evening: anything hot? · Pomp · Latest run', { exact: true }));
  await expect(page.getByLabel('Scenario')).toBeHidden();
  // Where the trainer is, in short on the projector.
  const total = Number(/^Decision 1 of (\d+)$/.exec(await page.getByText(/^Decision 1 of \d+$/).innerText())![1]);
  expect(total).toBeGreaterThan(3);
  await shot(page, info, 'debrief-projector-1280x720-1');
  await expectDecisionInView(page, 'decision 1');

  // At the first decision "Previous" cannot be pressed, and looks it: grey, not the white of an
  // enabled secondary button (as it is one step on).
  const previous = page.getByRole('button', { name: 'Previous decision' });
  await expect(previous).toBeDisabled();
  await expect(previous).toHaveCSS('background-color', 'rgb(239, 236, 228)');
  await expect(previous).toHaveCSS('color', 'rgb(74, 85, 99)');

  // "Next decision" from the keyboard, as a trainer at the laptop does: the next decision is in
  // view, its heading focused, at every step.
  const next = page.getByRole('button', { name: 'Next decision' });
  for (let n = 2; n <= total; n++) {
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(`Decision ${n} of ${total}`, { exact: true })).toBeVisible();
    await expect(page.locator('#db-situation')).toBeFocused();
    await expectDecisionInView(page, `decision ${n}`);
    if (n === 2) {
      await shot(page, info, 'debrief-projector-1280x720-2');
      await expect(previous).toHaveCSS('background-color', 'rgb(255, 255, 255)');
      await expect(previous).toHaveCSS('color', 'rgb(11, 93, 99)');
    }
  }
  await expect(next).toBeDisabled();
  await previous.click();
  await expectDecisionInView(page, `back to decision ${total - 1}`);

  // A full HD projector: the same, larger.
  await page.setViewportSize(WIDE);
  await expectDecisionInView(page, 'at 1920×1080');
  await shot(page, info, 'debrief-projector-1920x1080');

  // The folded choices open; projector mode off brings the menu back.
  await page.getByText('Showing: Fuel station').click();
  await page.getByLabel('Projector (large)').uncheck();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByLabel('Projector (large)')).toBeFocused();
  await page.setViewportSize(PHONE);
  await page.getByLabel('Projector (large)').check();
  await shot(page, info, 'debrief-projector-360', true);
});

test('the room’s Debrief opens the debrief on the projector, in Dutch too', async ({ page }, info) => {
  await page.setViewportSize(PROJECTOR);
  await seedFuelStation(page, info.outputPath('fuel.json'));
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.goto('/#/room');
  await page.getByLabel('Scenario').selectOption(FUEL);
  await page.getByLabel('Team om bij aan te sluiten').selectOption({ label: 'Pomp' });
  await page.getByRole('button', { name: 'Toon de code' }).click();
  await page.getByRole('link', { name: 'Nabespreken' }).click();
  await expect(page.getByText(/^Beslissing 1 van \d+$/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
  await shot(page, info, 'debrief-from-room-nl-1280x720');
  await expectReadWhole(page.getByText('Je ziet: Tankstation, ’s avonds: nog iets warms? · Pomp · Laatste ronde', { exact: true }));
  await expectDecisionInView(page, 'beslissing 1');
  await shot(page, info, 'debrief-from-room-nl-1280x720');
  await page.getByRole('button', { name: 'Volgende beslissing' }).click();
  await expect(page.getByText(/^Beslissing 2 van \d+$/)).toBeVisible();
  await expectDecisionInView(page, 'beslissing 2');
});

/** How many lines the element's text takes. */
function lines(el: Locator): Promise<number> {
  return el.evaluate((e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  });
}

test('off the projector at 1280 px, Previous and Next sit on one line beside where we are, in the same place at every decision, in Dutch and English', async ({ page }, info) => {
  await seedEveryDecision(page, info.outputPath('runs.json'), 'tram-card-reader');
  await page.setViewportSize(PROJECTOR);
  for (const [lang, previousName, nextName, where] of [
    ['Nederlands', 'Vorige beslissing', 'Volgende beslissing', /^Beslissing \d+ van de \d+ beslissingen die spelers tegenkwamen$/],
    ['English', 'Previous decision', 'Next decision', /^Decision \d+ of the \d+ decisions that players met$/],
  ] as const) {
    await page.goto('/#/teams');
    await page.getByRole('button', { name: lang }).click();
    await page.goto('/#/debrief?scenario=tram-card-reader');
    await expect(page.getByText(where)).toBeVisible();
    const previous = page.getByRole('button', { name: previousName });
    const next = page.getByRole('button', { name: nextName });
    let first: number | null = null;
    for (let n = 1; n <= 10; n++) {
      const [p, x] = [(await previous.boundingBox())!, (await next.boundingBox())!];
      expect(await lines(next), `${nextName} at decision ${n}: one line`).toBe(1);
      expect(await lines(previous), `${previousName} at decision ${n}: one line`).toBe(1);
      expect(Math.round(x.y), `${nextName} beside ${previousName} at decision ${n}`).toBe(Math.round(p.y));
      first ??= Math.round(x.x);
      expect(Math.round(x.x), `${nextName} where it was at decision ${n}`).toBe(first);
      if (n === 1) await shot(page, info, `debrief-steps-${lang}-1280`);
      await next.click();
    }
  }
});

test('the debrief’s and the leaderboard’s scenario lists follow the language: by title, in Dutch after English', async ({ page }) => {
  await page.setViewportSize(PROJECTOR);
  for (const [hash, title] of [['#/debrief', 'Nabespreken'], ['#/teams', 'Teamscores']]) {
    await page.goto('/#/results');
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`/${hash}`);
    const select = page.getByLabel('Scenario');
    await expect(select.locator('option')).not.toHaveCount(0);
    const en = await select.locator('option').allTextContents();
    expect(en, hash).toEqual([...en].sort((a, b) => a.localeCompare(b, 'en')));
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const nl = await select.locator('option').allTextContents();
    expect(nl, hash).toEqual([...nl].sort((a, b) => a.localeCompare(b, 'nl')));
  }
});

test('where two options tie for best, the debrief marks each as one of the best, and a lone best as the best', async ({ page }, info) => {
  // The tram's diagnosis: a pay-later slip and waiving the fare weigh the same (5 points each).
  const tram = loadScenario('tram-card-reader');
  const nl = (t: unknown) => (t as { nl: string }).nl;
  await seedEveryDecision(page, info.outputPath('runs.json'), 'tram-card-reader');
  await page.setViewportSize(PROJECTOR);
  await page.goto('/#/teams');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.goto('/#/debrief?scenario=tram-card-reader');
  const options = page.getByRole('region').filter({ has: page.locator('#db-situation') }).getByRole('listitem');
  const option = (node: string, id: string) => options.filter({ hasText: nl(tram.nodes[node].options.find((o) => o.id === id)!.text) });
  // The first decision has one best option: "Beste keuze".
  await expect(page.locator('#db-situation')).toHaveText(nl(tram.nodes.beep.situation));
  await expect(option('beep', 'step-aside')).toContainText(/^Beste keuze\b/);
  await expect(options.filter({ hasText: 'Een van de beste keuzes' })).toHaveCount(0);
  const next = page.getByRole('button', { name: 'Volgende beslissing' });
  const order = decisionOrder(tram);
  for (let n = 2; n <= order.indexOf('diagnosis') + 1; n++) {
    await next.click();
    await expect(page.getByText(`Beslissing ${n} van de ${order.length} beslissingen die spelers tegenkwamen`)).toBeVisible();
  }
  await expect(page.locator('#db-situation')).toHaveText(nl(tram.nodes.diagnosis.situation));
  for (const id of ['explain-slip', 'waive']) await expect(option('diagnosis', id)).toContainText(/^Een van de beste keuzes\b/);
  await expect(options.filter({ hasText: /^Beste keuze/ })).toHaveCount(0);
  await expect(options.filter({ hasText: 'Een van de beste keuzes' })).toHaveCount(2);
});
