/**
 * The cmi5 package (`npm run package`): the LMS launches an AU from cmi5.xml, with its LRS behind
 * it (e2e/lms-host.ts). The AU fetches its token once, reads LMS.LaunchData, sends `initialized`;
 * a reload mid-run neither fetches again nor sends `initialized` again and resumes the run; at the
 * ending come `completed`, `passed` or `failed` with the score against the masteryScore, and
 * `terminated`, in the order the cmi5 spec requires, each in the session's context. The game's own
 * statements (about the scenario) are "cmi5 allowed": the launch's registration, the session id,
 * the LMS's context template, and all of them before `terminated`, the session's last statement.
 */
import xapiValidation from '@learninglocker/xapi-validation';
import { expect, test } from '@playwright/test';
import { begin, expectNoCspViolations, plannedPaths, readScenario, watchCsp } from './helpers';
import { LRS_ENDPOINT, packageText, readPackage, serveCmi5Lms, serveCourse } from './lms-host';

test.use({ locale: 'nl-NL' });

const ID = 'fuel-station-evening';
const scenario = readScenario(ID);
const plan = plannedPaths(scenario).find((p) => !p.keys.includes(0))!;
const VERB = 'http://adlnet.gov/expapi/verbs/';
// A CommonJS module: Playwright's loader hands over its exports object, Vitest's the function.
const validateStatement = ((xapiValidation as unknown as { default?: typeof xapiValidation }).default ?? xapiValidation) as typeof xapiValidation;

test('cmi5: token fetched once, a reload sends no second initialized, the ending sends completed, passed/failed, terminated in order', async ({ browser }) => {
  const files = readPackage('frontlijn-cmi5.zip');
  const xml = packageText(files, 'cmi5.xml');
  const au = new RegExp(`<au id="([^"]+/au/${ID})" moveOn="([A-Za-z]+)" masteryScore="([\\d.]+)"[\\s\\S]*?<url>([^<]+)</url>`).exec(xml)!;
  const context = await browser.newContext({ locale: 'nl-NL' });
  await serveCourse(context, files);
  const lms = await serveCmi5Lms(context, { id: au[1], moveOn: au[2], masteryScore: Number(au[3]), url: au[4].replace(/&amp;/g, '&') });
  // The first send of the game's end statements is cut off: the outbox sends them again after its
  // backoff, and terminated waits for that (it must stay the session's last statement).
  let cutOff = 0;
  await context.route(`${LRS_ENDPOINT}/statements`, (route) => {
    const body = route.request().method() === 'POST' ? (route.request().postDataJSON() as { verb: { id: string }; object: { id: string } }[]) : [];
    const end = body.some((s) => s.object.id !== au[1] && (s.verb.id === `${VERB}passed` || s.verb.id === `${VERB}failed`));
    if (end && cutOff++ === 0) return route.abort('connectionreset');
    return route.fallback();
  });
  const page = await context.newPage();
  await watchCsp(page);
  await page.clock.install();
  // The cmi5-defined statements (about the AU); the game's own xAPI statements (one per decision,
  // about the scenario) go to the same LRS through the outbox the launch connected.
  const auStatements = () => lms.statements.filter((s) => s.statement.object.id === au[1]);
  const verbs = () => auStatements().map((s) => s.statement.verb.id.replace(VERB, ''));
  // Those may arrive twice (a send cut off by the reload is sent again, with the same id: an LRS stores it once).
  const answered = () => [
    ...new Map(lms.statements.filter((s) => s.statement.object.id !== au[1] && s.statement.verb.id === `${VERB}answered`).map((s) => [s.statement.id, s])).values(),
  ];

  await page.goto(lms.launchUrl);
  // A new run opens with its intro (who you are, the scene): the learner presses "Begin".
  await begin(page);
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 1');
  await expect.poll(verbs).toEqual(['initialized']);
  const choose = async (text: string) => {
    const option = page.locator('button[data-option]', { hasText: text });
    await expect(option).toBeEnabled();
    await option.click();
  };
  await choose(plan.texts[0]!.nl);
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 2');
  await choose(plan.texts[1]!.nl);
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 3');

  // A reload in the middle of the session: the run goes on where it was, the session too.
  await page.reload();
  await expect(page.locator('#situation-heading')).toContainText('Beslissing 3');
  for (let i = 2; i < plan.keys.length; i++) {
    await choose(plan.texts[i]!.nl);
    if (i < plan.keys.length - 1) await expect(page.locator('#situation-heading')).toContainText(`Beslissing ${i + 2}`);
  }
  await expect(page.locator('#ending-heading')).toBeVisible();

  const mastery = Number(au[3]);
  const passed = plan.scores.overall / 100 >= mastery;
  await expect.poll(verbs).toEqual(['initialized', 'completed', passed ? 'passed' : 'failed', 'terminated']);
  expect(lms.fetches).toBe(1);
  expect(cutOff).toBeGreaterThan(1);

  await expect.poll(() => answered().map((s) => s.statement.result.response)).toEqual(plan.options);
  for (const { auth } of answered()) expect(auth).toBe('Basic ZnJvbnRsaWpuOnRlc3Q=');
  const [, completed, judged, terminated] = auStatements().map((s) => s.statement);
  for (const { statement, auth } of auStatements()) {
    expect(auth).toBe('Basic ZnJvbnRsaWpuOnRlc3Q=');
    expect(statement.object.id).toBe(au[1]);
    expect(statement.actor.account.name).toBe('sam');
    expect(statement.context.registration).toBe(lms.registration);
    expect(statement.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe(lms.sessionId);
    expect(statement.context.contextActivities.category.map((c: { id: string }) => c.id)).toContain('https://w3id.org/xapi/cmi5/context/categories/cmi5');
  }
  expect(completed.result.completion).toBe(true);
  expect(judged.result.success).toBe(passed);
  expect(judged.result.score).toEqual({ scaled: plan.scores.overall / 100, raw: plan.scores.overall, min: 0, max: 100 });
  expect(judged.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(mastery);
  for (const s of [completed, judged]) {
    expect(s.context.contextActivities.category.map((c: { id: string }) => c.id)).toContain('https://w3id.org/xapi/cmi5/context/categories/moveon');
  }
  expect(terminated.result.duration).toMatch(/^PT/);

  // The game's own statements, once each (a resend keeps its id): "cmi5 allowed" (cmi5 7.1.3).
  const game = [...new Map(lms.statements.filter((s) => s.statement.object.id !== au[1]).map((s) => [s.statement.id, s.statement])).values()];
  // initialized + one per decision + completed + passed/failed + one scored per dimension.
  expect(game).toHaveLength(1 + plan.keys.length + 2 + 3);
  const runIds = new Set<string>();
  for (const statement of game) {
    expect(validateStatement(statement), `${statement.verb.id} ${statement.object.id}`).toEqual([]);
    expect(statement.context.registration).toBe(lms.registration);
    expect(statement.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe(lms.sessionId);
    expect(statement.context.contextActivities.grouping).toEqual([{ id: 'https://frontlijn.app/course/frontlijn' }]);
    expect(statement.context.contextActivities.parent.map((a: { id: string }) => a.id)).toEqual([expect.stringMatching(new RegExp(`/scenarios/${ID}$`))]);
    expect(JSON.stringify(statement.context.contextActivities.category ?? [])).not.toContain('w3id.org/xapi/cmi5/context/categories');
    runIds.add(Object.entries(statement.context.extensions).find(([k]) => k.endsWith('/extensions/run'))?.[1] as string);
  }
  // One run, told apart from the learner's other runs under this registration.
  expect([...runIds]).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
  // Terminated is the session's last statement: received last, and the latest timestamp of all.
  expect(lms.statements.at(-1)!.statement.verb.id).toBe(`${VERB}terminated`);
  const latest = Math.max(...lms.statements.map((s) => Date.parse(s.statement.timestamp)));
  expect(Date.parse(terminated.timestamp)).toBe(latest);
  const initialized = Date.parse(auStatements()[0].statement.timestamp);
  for (const statement of game) expect(Date.parse(statement.timestamp)).toBeGreaterThanOrEqual(initialized);
  // Timestamps in order: nothing after terminated.
  const times = auStatements().map((s) => Date.parse(s.statement.timestamp));
  expect([...times].sort((a, b) => a - b)).toEqual(times);

  // Another reload after the end: nothing more is sent, the report is shown.
  await page.reload();
  await expect(page.getByText('Rapport van de mystery shopper')).toBeVisible();
  expect(verbs()).toHaveLength(4);
  expect(lms.statements.at(-1)!.statement.verb.id).toBe(`${VERB}terminated`);
  await expectNoCspViolations(page);
  await context.close();
});
