/**
 * The SCORM 1.2 and SCORM 2004 packages (`npm run package`) played inside a platform whose API is
 * scorm-again: the launch address comes from the package's imsmanifest.xml, the game plays two
 * decisions, the learner leaves, a new session on a fresh device resumes the run from
 * suspend_data, and plays it to its ending. The platform's last commit must hold the status, the
 * overall score, warmth / initiative / outcome as objectives, and suspend_data within the limit.
 */
import { expect, test, type Browser, type FrameLocator } from '@playwright/test';
import { pathsToEndings } from '../src/engine/analyse';
import { plannedPaths, readScenario } from './helpers';
import { LMS_ORIGIN, packageText, readPackage, serveCourse, serveScormLms, type ScormLms, type ScormVersion } from './lms-host';

test.use({ locale: 'nl-NL' });

const ID = 'toy-shop-saturday';
const scenario = readScenario(ID);
// A path without time-outs, so the clock needs no jumps.
const plan = plannedPaths(scenario).find((p) => !p.keys.includes(0))!;
/** The decision the learner is at after the plan's first two choices. */
const third = pathsToEndings(scenario)[plan.ending].steps[2].node;

async function choose(course: FrameLocator, text: string): Promise<void> {
  const option = course.locator('button[data-option]', { hasText: text });
  await expect(option).toBeEnabled();
  await option.click();
}

/** Presses "Begin" on a new run's intro (who you are, the scene), as the learner must before the first decision. */
async function begin(course: FrameLocator): Promise<void> {
  const button = course.locator('#begin-button');
  await expect(button).toBeVisible();
  await button.click();
}

async function session(browser: Browser, version: ScormVersion, files: Record<string, Uint8Array>, saved?: Record<string, string>) {
  const manifest = packageText(files, 'imsmanifest.xml');
  const href = new RegExp(`identifier="sco-${ID}"[^>]*href="([^"]+)"`).exec(manifest)![1].replace(/&amp;/g, '&');
  const mastery =
    version === '1.2'
      ? /<adlcp:masteryscore>(\d+)<\/adlcp:masteryscore>/.exec(manifest)![1]
      : /<imsss:minNormalizedMeasure>([\d.]+)<\/imsss:minNormalizedMeasure>/.exec(manifest)![1];
  const context = await browser.newContext({ locale: 'nl-NL' });
  await serveCourse(context, files);
  const lms: ScormLms = await serveScormLms(context, version, { href, mastery, saved });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${LMS_ORIGIN}/lms.html`);
  return { context, page, lms, course: page.frameLocator('iframe[title="course"]') };
}

const last = (lms: ScormLms) => lms.commits.at(-1) ?? {};

for (const [version, zip] of [
  ['1.2', 'frontlijn-scorm12.zip'],
  ['2004', 'frontlijn-scorm2004.zip'],
] as const) {
  test(`SCORM ${version}: plays, resumes on another device from suspend_data, reports status, score and objectives`, async ({ browser }) => {
    const files = readPackage(zip);
    const k = version === '1.2'
      ? { status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', exit: 'cmi.core.exit', location: 'cmi.core.lesson_location' }
      : { status: 'cmi.completion_status', raw: 'cmi.score.raw', exit: 'cmi.exit', location: 'cmi.location' };

    // First session: two decisions, then the learner closes the window.
    const first = await session(browser, version, files);
    await begin(first.course);
    await expect(first.course.locator('#situation-heading')).toContainText('Beslissing 1');
    await choose(first.course, plan.texts[0]!.nl);
    await expect(first.course.locator('#situation-heading')).toContainText('Beslissing 2');
    await choose(first.course, plan.texts[1]!.nl);
    await expect(first.course.locator('#situation-heading')).toContainText('Beslissing 3');
    // The platform knows where the learner is: the third decision.
    // (The commit of the first choice already names a decision: wait for the second choice's.)
    await expect.poll(() => last(first.lms)[k.location]).toBe(third);
    await expect.poll(() => last(first.lms)[k.exit]).toBe('suspend');
    expect(last(first.lms)[k.status]).toBe('incomplete');
    const saved = last(first.lms);
    expect(saved['cmi.suspend_data'].length).toBeGreaterThan(0);
    await first.context.close();

    // Second session, a fresh browser (nothing in IndexedDB): the platform's data resumes the run.
    const second = await session(browser, version, files, saved);
    await expect(second.course.locator('#situation-heading')).toContainText('Beslissing 3');
    for (let i = 2; i < plan.keys.length; i++) {
      await choose(second.course, plan.texts[i]!.nl);
      if (i < plan.keys.length - 1) await expect(second.course.locator('#situation-heading')).toContainText(`Beslissing ${i + 2}`);
    }
    await expect(second.course.locator('#ending-heading')).toBeVisible();

    const passed = plan.scores.overall >= 60;
    await expect.poll(() => last(second.lms)[k.raw]).toBe(String(plan.scores.overall));
    const done = last(second.lms);
    if (version === '1.2') {
      expect(done['cmi.core.lesson_status']).toBe(passed ? 'passed' : 'failed');
      expect(done['cmi.core.exit']).toBe('');
    } else {
      expect(done['cmi.completion_status']).toBe('completed');
      expect(done['cmi.success_status']).toBe(passed ? 'passed' : 'failed');
      expect(Number(done['cmi.score.scaled'])).toBeCloseTo(plan.scores.overall / 100, 5);
      expect(done['cmi.exit']).toBe('normal');
    }
    (['warmth', 'initiative', 'outcome'] as const).forEach((dim, n) => {
      expect(done[`cmi.objectives.${n}.id`]).toBe(dim);
      expect(done[`cmi.objectives.${n}.score.raw`]).toBe(String(plan.scores[dim]));
      const status = done[version === '1.2' ? `cmi.objectives.${n}.status` : `cmi.objectives.${n}.success_status`];
      expect(status).toBe(plan.scores[dim] >= 60 ? 'passed' : 'failed');
    });
    // The whole run, in the compact record, within SCORM 1.2's CMIString4096.
    expect(done['cmi.suspend_data'].length).toBeGreaterThan(saved['cmi.suspend_data'].length);
    expect(done['cmi.suspend_data'].length).toBeLessThanOrEqual(4096);
    await second.context.close();
  });
}
