import { readFileSync } from 'node:fs';
import validateStatement from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { analyseScenario, applyEvent, contentHash, initialPlayState, validateScenario } from '../engine';
import type { Run, RunEvent, Scenario } from '../engine';
import { DEFAULT_MASTERY_THRESHOLD, RunStatements, buildStatements, playerAgent, registrationOf, teamGroup, VERBS, type StatementOptions } from './statements';
import type { XapiStatement } from './types';

const IDS = ['toy-shop-saturday', 'fuel-station-evening', 'cafe-terrace-sun', 'tram-card-reader'];
const BASE = 'https://lrs-test.frontlijn.invalid/xapi';

function load(id: string): { scenario: Scenario; hash: string } {
  const v = validateScenario(readFileSync(new URL(`../../scenarios/${id}.json`, import.meta.url), 'utf8'));
  if (!v.ok || !v.scenario) throw new Error(`${id} does not validate`);
  return { scenario: v.scenario, hash: contentHash(v.scenario) };
}

/** A seeded walk: picks option `pick(step)`; lets the time run out on timed nodes where `expire(step)`. */
function play(scenario: Scenario, hash: string, id: string, pick: (i: number) => number, expire: (i: number) => boolean = () => false): Run {
  const t0 = 1_700_000_000_000;
  const run: Run = { formatVersion: 1, id, scenarioId: scenario.id, scenarioHash: hash, playerId: 'p-1', mode: 'assessment', timerScale: 1, startedAt: t0, seed: `seed-${id}`, events: [] };
  let state = initialPlayState(scenario, run);
  for (let i = 0; state.node !== null && i < 200; i++) {
    let event: RunEvent;
    if (state.deadline !== null && expire(i)) event = { type: 'timer.expire', node: state.node, at: state.deadline, shown: state.available.map((o) => o.id) };
    else {
      const at = state.enteredAt + 1500;
      event = { type: 'choice.select', node: state.node, option: state.available[pick(i) % state.available.length].id, at, shown: state.available.map((o) => o.id) };
    }
    state = applyEvent(scenario, state, event, run.events.length);
    run.events.push(event);
  }
  run.finishedAt = run.events.at(-1)!.at;
  return run;
}

function options(scenario: Scenario, over: Partial<StatementOptions> = {}): StatementOptions {
  return {
    base: BASE,
    actor: playerAgent('https://frontlijn.invalid', 'p-1', 'Anna'),
    team: teamGroup('https://frontlijn.invalid', 'team-7', 'Kassa'),
    lang: 'nl',
    analysis: analyseScenario(scenario),
    ...over,
  };
}

describe('xAPI statements of a run', () => {
  for (const id of IDS) {
    it(`${id}: every statement of varied runs passes xapi-validation`, () => {
      const { scenario, hash } = load(id);
      const opts = options(scenario);
      for (let k = 0; k < 6; k++) {
        const run = play(scenario, hash, `${id}-${k}`, (i) => i * 7 + k, (i) => (i + k) % 3 === 0);
        const statements = buildStatements(scenario, run, opts);
        for (const s of statements) expect(validateStatement(JSON.parse(JSON.stringify(s))), `${s.verb.id} ${s.object.id}`).toEqual([]);
        // The validator is not blind: a broken copy is refused.
        expect(validateStatement({ ...statements[1], id: 'not-a-uuid', result: { score: { scaled: 2 } } }).length).toBeGreaterThan(0);
        const decisions = run.events.filter((e) => e.type === 'choice.select' || e.type === 'timer.expire').length;
        // initialized + one per decision + completed + passed/failed + 3 dimensions
        expect(statements).toHaveLength(1 + decisions + 2 + 3);
        expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
      }
    });
  }

  it('answers are choice interactions: the response is the option id, the choices as shown, in nl and en', () => {
    const { scenario, hash } = load('toy-shop-saturday');
    const run = play(scenario, hash, 'r1', (i) => i + 1);
    const statements = buildStatements(scenario, run, options(scenario));
    const answered = statements.filter((s) => s.verb.id === VERBS.answered.id);
    const choices = run.events.filter((e) => e.type === 'choice.select');
    expect(answered).toHaveLength(choices.length);
    answered.forEach((s, i) => {
      const e = choices[i] as Extract<RunEvent, { type: 'choice.select' }>;
      expect(s.result?.response).toBe(e.option);
      expect(s.object.id).toBe(`${BASE}/scenarios/toy-shop-saturday/nodes/${e.node}`);
      expect(s.object.definition?.interactionType).toBe('choice');
      expect(s.object.definition?.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
      expect(s.object.definition?.choices?.map((c) => c.id)).toEqual(e.shown);
      const option = scenario.nodes[e.node].options.find((o) => o.id === e.option)!;
      const c = s.object.definition!.choices!.find((x) => x.id === e.option)!;
      expect(c.description).toEqual({ 'nl-NL': (option.text as { nl: string }).nl, 'en-GB': (option.text as { en: string }).en });
      expect(typeof s.result?.extensions?.[`${BASE}/extensions/mood`]).toBe('number');
      expect(s.timestamp).toBe(new Date(e.at).toISOString());
    });
  });

  it('a time-out is its own statement, with the mood after it', () => {
    const { scenario, hash } = load('fuel-station-evening');
    const run = play(scenario, hash, 'r2', () => 0, () => true);
    const expired = run.events.filter((e) => e.type === 'timer.expire');
    expect(expired.length).toBeGreaterThan(0);
    const statements = buildStatements(scenario, run, options(scenario));
    const timedOut = statements.filter((s) => s.verb.id === `${BASE}/verbs/timed-out`);
    expect(timedOut).toHaveLength(expired.length);
    for (const s of timedOut) {
      expect(s.result?.response).toBeUndefined();
      expect(s.result?.extensions?.[`${BASE}/extensions/mood`]).toEqual(expect.any(Number));
    }
  });

  it('context: registration per run, revision = content hash, scenario as parent, team group, language, mode, timer', () => {
    const { scenario, hash } = load('cafe-terrace-sun');
    const run = play(scenario, hash, 'r3', () => 0);
    for (const s of buildStatements(scenario, run, options(scenario, { lang: 'en' }))) {
      expect(s.context.registration).toBe(registrationOf('r3'));
      expect(s.context.revision).toBe(hash);
      expect(s.context.contextActivities.parent?.map((a) => a.id)).toEqual([`${BASE}/scenarios/cafe-terrace-sun`]);
      expect(s.context.team).toEqual({ objectType: 'Group', name: 'Kassa', account: { homePage: 'https://frontlijn.invalid', name: 'team-7' } });
      expect(s.context.language).toBe('en-GB');
      expect(s.context.extensions).toEqual({ [`${BASE}/extensions/mode`]: 'assessment', [`${BASE}/extensions/timer-scale`]: 1 });
      expect(s.actor).toEqual({ objectType: 'Agent', name: 'Anna', account: { homePage: 'https://frontlijn.invalid', name: 'p-1' } });
      expect(JSON.stringify(s)).not.toContain('mbox');
    }
    expect(registrationOf('r3')).not.toBe(registrationOf('r4'));
  });

  it('ends with completed, passed or failed against the threshold, and one scored per dimension', () => {
    const { scenario, hash } = load('toy-shop-saturday');
    const analysis = analyseScenario(scenario);
    const best = analysis.bestPath.steps.map((s) => s.option);
    // Walk the best path: pick by id.
    const bestRun: Run = { ...play(scenario, hash, 'r5', () => 0), id: 'best', events: [] };
    let state = initialPlayState(scenario, bestRun);
    for (let i = 0; state.node !== null; i++) {
      const e: RunEvent = { type: 'choice.select', node: state.node, option: best[i]!, at: state.enteredAt + 1000 };
      state = applyEvent(scenario, state, e, i);
      bestRun.events.push(e);
    }
    bestRun.finishedAt = bestRun.events.at(-1)!.at;
    const s = buildStatements(scenario, bestRun, options(scenario));
    const tail = s.slice(-5);
    expect(tail.map((x) => x.verb.id)).toEqual([VERBS.completed.id, VERBS.passed.id, VERBS.scored.id, VERBS.scored.id, VERBS.scored.id]);
    expect(tail[1].result).toMatchObject({ success: true, score: { raw: expect.any(Number), min: 0, max: 100 } });
    expect(tail.slice(2).map((x) => x.object.id)).toEqual(['warmth', 'initiative', 'outcome'].map((d) => `${BASE}/scenarios/toy-shop-saturday/dimensions/${d}`));
    for (const x of tail.slice(2)) {
      const { scaled, raw, min, max } = x.result!.score!;
      expect(raw).toBeGreaterThanOrEqual(min);
      expect(raw).toBeLessThanOrEqual(max);
      expect(scaled).toBeGreaterThanOrEqual(0);
      expect(scaled).toBeLessThanOrEqual(1);
    }
    // The same run fails against an impossible threshold (configurable per room/deployment).
    const strict = buildStatements(scenario, bestRun, options(scenario, { masteryThreshold: 101 }));
    expect(strict.at(-4)?.verb.id).toBe(VERBS.failed.id);
    expect(strict.at(-4)?.result?.success).toBe(false);
    expect(DEFAULT_MASTERY_THRESHOLD).toBe(60);
  });

  it('ids are deterministic, and building event by event gives exactly the statements of the whole log', () => {
    const { scenario, hash } = load('tram-card-reader');
    const run = play(scenario, hash, 'r6', (i) => i * 3, (i) => i % 2 === 0);
    const whole = buildStatements(scenario, run, options(scenario));
    expect(buildStatements(scenario, run, options(scenario))).toEqual(whole);
    const inc = new RunStatements(scenario, run, options(scenario));
    const parts: XapiStatement[] = [];
    for (let n = 0; n <= run.events.length; n++) {
      const finished = n === run.events.length ? run.finishedAt : undefined;
      parts.push(...inc.advance({ events: run.events.slice(0, n), finishedAt: finished }));
    }
    expect(parts).toEqual(whole);
    // Another run of the same choices has other ids.
    const other = buildStatements(scenario, { ...run, id: 'r7' }, options(scenario));
    expect(other.map((s) => s.id).filter((x) => whole.some((w) => w.id === x))).toEqual([]);
  });
});

describe('xAPI statements in a cmi5 launch', () => {
  const CMI5 = 'https://w3id.org/xapi/cmi5/context/';
  const SESSION = `${CMI5}extensions/sessionid`;
  const PUBLISHER = { objectType: 'Activity' as const, id: 'https://frontlijn.app/course/frontlijn/au/cafe-terrace-sun' };
  const LMS_REGISTRATION = '760e3480-ba55-4991-94b0-01820dbd23a2';
  const template = {
    contextActivities: { grouping: [PUBLISHER], category: [{ id: `${CMI5}categories/cmi5` }, { id: 'https://lms.test/category/onboarding' }] },
    extensions: { [SESSION]: 'session-1', [`${BASE}/extensions/mode`]: 'set-by-the-lms' },
    language: 'nl-BE',
  };

  it('every statement is cmi5 allowed: the template wins, ours is added, the run stays identifiable', () => {
    const { scenario, hash } = load('cafe-terrace-sun');
    const run = play(scenario, hash, 'r8', (i) => i, (i) => i === 1);
    const statements = buildStatements(scenario, run, options(scenario, { lang: 'en', cmi5: { registration: LMS_REGISTRATION, contextTemplate: template } }));
    expect(statements.length).toBeGreaterThan(5);
    for (const s of statements) {
      expect(validateStatement(JSON.parse(JSON.stringify(s))), `${s.verb.id} ${s.object.id}`).toEqual([]);
      expect(s.context.registration).toBe(LMS_REGISTRATION);
      expect(s.context.extensions[SESSION]).toBe('session-1');
      // The template's grouping is kept as it was; our scenario activity is added as the parent.
      expect(s.context.contextActivities.grouping).toEqual([PUBLISHER]);
      expect(s.context.contextActivities.parent?.map((a) => a.id)).toEqual([`${BASE}/scenarios/cafe-terrace-sun`]);
      // Never the category of cmi5 defined statements; the LMS's other categories stay.
      expect(s.context.contextActivities.category?.map((a) => a.id)).toEqual(['https://lms.test/category/onboarding']);
      // The template's values are never overwritten; ours fill in what it lacks.
      expect(s.context.language).toBe('nl-BE');
      expect(s.context.extensions[`${BASE}/extensions/mode`]).toBe('set-by-the-lms');
      expect(s.context.extensions[`${BASE}/extensions/timer-scale`]).toBe(1);
      expect(s.context.revision).toBe(hash);
      expect(s.context.team?.account.name).toBe('team-7');
      // The run's own registration, so two runs of one LMS registration stay apart.
      expect(s.context.extensions[`${BASE}/extensions/run`]).toBe(registrationOf('r8'));
    }
    // Ids stay those of the run and its events: a resend does not duplicate.
    expect(statements.map((s) => s.id)).toEqual(buildStatements(scenario, run, options(scenario, { lang: 'en' })).map((s) => s.id));
    // The template itself is left as it was.
    expect(template.contextActivities.grouping).toEqual([PUBLISHER]);
  });

  it('without a launch nothing of cmi5 is added', () => {
    const { scenario, hash } = load('cafe-terrace-sun');
    const run = play(scenario, hash, 'r9', () => 0);
    for (const s of buildStatements(scenario, run, options(scenario))) {
      expect(s.context.registration).toBe(registrationOf('r9'));
      expect(Object.keys(s.context.contextActivities)).toEqual(['parent']);
      expect(JSON.stringify(s.context)).not.toContain('cmi5');
      expect(s.context.extensions[`${BASE}/extensions/run`]).toBeUndefined();
    }
  });
});
