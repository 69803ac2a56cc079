/**
 * Each built-in scenario played to each of its endings by keyboard alone (keys 1–4, Tab, Enter),
 * in assessment mode, checking the report's scores against the engine's own replay and scoring
 * of the same path. No CSP violation may happen along the way.
 */
import { expect, test } from '@playwright/test';
import { builtinIds, expectNoCspViolations, expectReportScores, plannedPaths, pressOption, readScenario, waitForOptions, watchCsp, untilCountdownRuns } from './helpers';

test.use({ locale: 'nl-NL' });

for (const id of builtinIds()) {
  const scenario = readScenario(id);
  for (const plan of plannedPaths(scenario)) {
    test(`${id}: keyboard only to the ending "${plan.ending}" (${plan.tone})`, async ({ page }) => {
      await watchCsp(page);
      await page.clock.install();
      await page.goto(`/#/play/${id}?mode=assessment`);

      for (let i = 0; i < plan.keys.length; i++) {
        await waitForOptions(page);
        await expect(page.locator('#situation-heading')).toContainText(`Beslissing ${i + 1}`);
        const key = plan.keys[i];
        if (key === 0) {
          // This path lets the customer wait: once the countdown runs (the first decision: after
          // the time to read its situation), jump past the deadline.
          await untilCountdownRuns(page);
          await expect(page.getByText(`${scenario.customer.name} wacht`)).toBeVisible();
          await page.clock.fastForward(400_000);
        } else {
          await pressOption(page, plan.texts[i]!.nl);
        }
        if (i < plan.keys.length - 1) {
          await expect(page.locator('#situation-heading')).toContainText(`Beslissing ${i + 2}`);
          // After each choice the focus is on the new situation's heading; after a time-out, on
          // the notice that says the time ran out.
          if (key === 0) await expect(page.getByRole('status').filter({ hasText: 'De tijd was om' })).toBeFocused();
          else await expect(page.locator('#situation-heading')).toBeFocused();
        }
      }

      const endingTitle = page.locator('#ending-heading');
      await expect(endingTitle).toBeVisible();
      await expect(endingTitle).toBeFocused();
      await expect(endingTitle).toHaveText(String((scenario.endings[plan.ending].title as { nl?: string }).nl ?? scenario.endings[plan.ending].title));

      // Tab to "Naar het rapport" and follow it with Enter.
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Naar het rapport' })).toBeFocused();
      await page.keyboard.press('Enter');

      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText('Rapport van de mystery shopper')).toBeVisible();
      await expectReportScores(page, plan.scores, 'nl');
      await expectNoCspViolations(page);
    });
  }
}
