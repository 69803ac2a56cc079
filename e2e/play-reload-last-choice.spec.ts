/**
 * A reload right after the run's last choice shows what the player saw then: in practice mode the
 * feedback on that choice (its "Verder" then leads to the ending), in scored mode the ending.
 */
import { expect, test, type Page } from '@playwright/test';
import { plannedPaths, pressOption, readScenario, waitForOptions } from './helpers';

const ID = 'toy-shop-saturday';
const scenario = readScenario(ID);
// A path with a choice at every decision (no time-out to wait for).
const path = plannedPaths(scenario).find((p) => !p.keys.includes(0))!;
const endingTitle = (scenario.endings[path.ending].title as { nl: string }).nl;
const lastChoice = path.texts.at(-1)!.nl;

test.use({ locale: 'nl-NL' });

async function start(page: Page, mode: RegExp) {
  await page.goto(`/#/mode/${ID}`);
  await page.getByRole('radio', { name: mode }).check();
  await page.getByRole('button', { name: /^Start/ }).click();
  await waitForOptions(page);
}

/** sessionStorage.setItem throws, as where a browser refuses the tab's own storage. */
async function refuseTabStorage(page: Page) {
  await page.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (this === sessionStorage) throw new DOMException('refused', 'QuotaExceededError');
      set.call(this, key, value);
    };
  });
}

/**
 * Chooses the path's options (in practice mode "Verder" after each feedback but the last), and
 * reloads as the last choice's outcome, `shown`, first comes on screen: the player reloads the
 * moment they see it, before anything the app does after that frame.
 */
async function reloadOnLastChoice(page: Page, shown: string) {
  const next = page.getByRole('button', { name: 'Verder', exact: true });
  for (const [i, choice] of path.texts.entries()) {
    if (i === path.texts.length - 1) {
      await page.evaluate((sel) => {
        const watch = new MutationObserver(() => {
          if (!document.querySelector(sel)) return;
          watch.disconnect();
          requestAnimationFrame(() => location.reload());
        });
        watch.observe(document.body, { subtree: true, childList: true });
      }, shown);
      const reloaded = page.waitForEvent('load');
      await pressOption(page, choice!.nl);
      await reloaded;
      return;
    }
    await pressOption(page, choice!.nl);
    await expect(next.or(page.locator('#situation-heading')).first()).toBeVisible();
    if (await next.isVisible()) {
      await next.click();
      await expect(next).toHaveCount(0);
    }
  }
}

for (const size of [{ name: 'phone', width: 360, height: 740 }, { name: 'desktop', width: 1280, height: 800 }]) {
  test.describe(size.name, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('practice: a reload right after the last choice shows its feedback again', async ({ page }) => {
      await start(page, /^Oefenen/);
      const runId = await page.locator('[data-run-id]').getAttribute('data-run-id');
      const feedback = page.getByRole('region', { name: 'Wat dit deed' });
      const ending = page.getByRole('heading', { name: endingTitle });

      await reloadOnLastChoice(page, '#feedback-heading');
      await expect(feedback).toContainText(lastChoice);
      await expect(page.locator('#feedback-heading')).toBeFocused();
      await expect(ending).toHaveCount(0);
      await expect(page.locator('[data-run-id]')).toHaveAttribute('data-run-id', runId!);

      // A while later (the address names the run by then): the same feedback.
      await expect(page).toHaveURL(new RegExp(`run=${runId}`));
      await page.reload();
      await expect(feedback).toContainText(lastChoice);
      await page.getByRole('button', { name: 'Verder', exact: true }).click();
      await expect(ending).toBeFocused();

      // Read and moved on: a reload now shows the ending.
      await page.reload();
      await expect(ending).toBeVisible();
      await expect(feedback).toHaveCount(0);
    });

    // Also in a browser that refuses the tab's own storage (sessionStorage: some private windows, a
    // full disk): the address names the finished run.
    for (const refused of [false, true]) {
      test(`scored: ${refused ? "with the tab's storage refused, " : ''}a reload right after the last choice shows the ending again`, async ({ page }) => {
        if (refused) await refuseTabStorage(page);
        await start(page, /^Toets/);
        const runId = await page.locator('[data-run-id]').getAttribute('data-run-id');
        await reloadOnLastChoice(page, '#ending-heading');
        await expect(page.getByRole('heading', { name: endingTitle })).toBeVisible();
        await expect(page.getByRole('button', { name: 'Beginnen' })).toHaveCount(0);
        await expect(page.locator('[data-run-id]')).toHaveAttribute('data-run-id', runId!);
        await expect(page.getByRole('link', { name: 'Naar het rapport' })).toBeVisible();
      });
    }
  });
}

/** Plays the path to its ending (in practice mode "Verder" after each feedback). */
async function playToEnding(page: Page) {
  const next = page.getByRole('button', { name: 'Verder', exact: true });
  for (const choice of path.texts) {
    await pressOption(page, choice!.nl);
    await expect(next.or(page.locator('#situation-heading')).or(page.locator('#ending-heading')).first()).toBeVisible();
    if (await next.isVisible()) await next.click();
  }
  await expect(page.getByRole('heading', { name: endingTitle })).toBeVisible();
}

test.describe('after the ending, the page left by a full load', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the next guest on a shared laptop starts a round of their own, not the last one\'s ending', async ({ page }) => {
    await start(page, /^Toets/);
    const first = await page.locator('[data-run-id]').getAttribute('data-run-id');
    await playToEnding(page);

    // The address typed again: home, a new guest, the same scenario in practice mode.
    await page.goto('/');
    await page.getByRole('button', { name: 'Speel als Gast', exact: true }).click();
    await expect(page.getByText('Speler: Gast 2').first()).toBeAttached();
    await start(page, /^Oefenen/);
    await expect(page.getByRole('heading', { name: endingTitle })).toHaveCount(0);
    await expect(page.locator('[data-run-id]')).not.toHaveAttribute('data-run-id', first!);
  });

  test('the same player opening the scenario again plays a new round', async ({ page }) => {
    await start(page, /^Toets/);
    const first = await page.locator('[data-run-id]').getAttribute('data-run-id');
    await playToEnding(page);

    await page.goto('/');
    await start(page, /^Toets/);
    await expect(page.getByRole('heading', { name: endingTitle })).toHaveCount(0);
    await expect(page.locator('[data-run-id]')).not.toHaveAttribute('data-run-id', first!);
  });
});
