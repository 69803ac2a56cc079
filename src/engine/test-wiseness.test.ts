/**
 * Test-wiseness: small hand-made scenarios where each cue is present or absent, what the validator
 * warns about them (in English and Dutch, with places), the summary's figures, and proof that
 * the walks follow the same rules as a replayed run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from './types';
import type { ValidationResult } from './contract';
import { validateScenario } from './validate';
import { analyseScenario } from './analyse';
import { replayRun } from './replay';
import { scoreState } from './score';
import { testWiseness, walk, LONGEST_BEST_LIMIT } from './test-wiseness';
import { MIN_DECISIONS_FOR_WARNINGS } from './test-wiseness-findings';

/** An option: its text and its points on every dimension (and mood). */
interface Opt {
  text: string | { nl: string; en: string };
  points: number;
  mood?: number;
}

/**
 * A chain of decisions d1 → d2 → … ; at the last one the top-scoring option leads to the fan
 * ending, the others to the lost one.
 */
function chain(decisions: Opt[][], extra: Partial<Scenario> = {}): Scenario {
  const nodes: Scenario['nodes'] = {};
  decisions.forEach((options, i) => {
    const last = i === decisions.length - 1;
    const top = Math.max(...options.map((o) => o.points));
    nodes[`d${i + 1}`] = {
      situation: `Decision ${i + 1}.`,
      options: options.map((o, k) => ({
        id: `o${k + 1}`,
        text: o.text,
        effects: { warmth: o.points, initiative: o.points, outcome: o.points, mood: o.mood ?? 0 },
        feedback: 'What this does.',
        next: last ? (o.points === top ? 'fan' : 'lost') : `d${i + 2}`,
      })),
    } as Scenario['nodes'][string];
  });
  return {
    formatVersion: 1,
    id: 'cue-test',
    title: 'Cues',
    description: 'A test.',
    setting: 'shop',
    player: 'You work in a shop.',
    customer: { name: 'Sam' },
    languages: ['en'],
    start: 'd1',
    nodes,
    endings: {
      fan: { tone: 'fan', title: 'Fan', text: 'She comes back.' },
      lost: { tone: 'lost', title: 'Lost', text: 'She leaves.' },
    },
    ...extra,
  } as Scenario;
}

/** A decision where the longest option is the best. */
const longBest = (): Opt[] => [
  { text: 'Good morning! It has just sold out, but this one is very similar. Shall I show you?', points: 2 },
  { text: 'Sold out.', points: -2 },
  { text: 'Look over there.', points: 0 },
];
/** A decision where the best option is neither the longest nor the shortest. */
const midBest = (): Opt[] => [
  { text: 'It has gone. Shall I order one?', points: 2 },
  { text: 'No.', points: 0 },
  { text: 'We do not have it any more, I am afraid, and I really could not tell you when it will come back.', points: -2 },
];

const validate = (s: Scenario, lang: 'en' | 'nl' = 'en'): ValidationResult => {
  const r = validateScenario(JSON.stringify(s, null, 2), { lang });
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r;
};
const codes = (r: ValidationResult) => r.problems.map((p) => p.code).filter((c) => ['length-strategy', 'longest-is-best', 'mood-saturated'].includes(c));

describe('test-wiseness', () => {
  it('warns when always picking the longest option wins, and names the decisions where the longest is best', () => {
    const r = validate(chain([longBest(), longBest(), longBest(), longBest(), longBest()]));
    expect(codes(r)).toEqual(['longest-is-best', 'length-strategy']);
    const strategy = r.problems.find((p) => p.code === 'length-strategy')!;
    // Placed at the first option the strategy picks that is a top-scoring one.
    expect(strategy.path).toEqual(['nodes', 'd1', 'options', 0]);
    expect(strategy.message).toContain('always picks the longest option');
    expect(strategy.message).toContain('fan ending "fan"');
    expect(strategy.message).toContain('overall score of 100');
    const cue = r.problems.find((p) => p.code === 'longest-is-best')!;
    expect(cue.path).toEqual(['nodes', 'd1', 'options']);
    expect(cue.message).toContain('In 5 of the 5 decisions');
    expect(cue.message).toContain('"d1", "d2", "d3", "d4" and "d5"');
    expect(r.analysis?.summary.testWiseness).toEqual({
      longest: { en: { ending: 'fan', tone: 'fan', overall: 100 } },
      shortest: { en: { ending: 'lost', tone: 'lost', overall: 0 } },
      random: expect.objectContaining({ runs: 200 }),
      longestBest: { en: { count: 5, decisions: 5, share: 1 } },
    });
  });

  it('says it in Dutch, at the same places', () => {
    const s = chain([longBest(), longBest(), longBest(), longBest(), longBest()]);
    const en = validate(s, 'en');
    const nl = validate(s, 'nl');
    expect(nl.problems.map((p) => [p.code, p.line, p.column])).toEqual(en.problems.map((p) => [p.code, p.line, p.column]));
    expect(nl.problems.find((p) => p.code === 'length-strategy')!.message).toMatch(/^Een speler die altijd de langste optie kiest \(in de Engelse teksten\), komt zonder een woord te lezen bij het fan-einde "fan", met een totaalscore van 100\./);
    expect(nl.problems.find((p) => p.code === 'longest-is-best')!.message).toContain('Bij 5 van de 5 beslissingen waarvan de opties verschillend scoren (100%), is de langste Engelse optie een van de best scorende');
  });

  it('warns about the shortest option too', () => {
    const shortBest = (): Opt[] => [
      { text: 'Yes, of course.', points: 2 },
      { text: 'I am afraid that is really not something I can help you with today, sorry.', points: -2 },
      { text: 'Maybe ask my colleague over there.', points: 0 },
    ];
    const r = validate(chain([shortBest(), shortBest(), shortBest(), shortBest(), shortBest()]));
    expect(codes(r)).toEqual(['length-strategy']);
    expect(r.problems.find((p) => p.code === 'length-strategy')!.message).toContain('always picks the shortest option');
  });

  it('says nothing when length tells nothing', () => {
    const r = validate(chain([midBest(), midBest(), midBest(), midBest(), midBest()]));
    expect(codes(r)).toEqual([]);
    const tw = r.analysis!.summary.testWiseness!;
    expect(tw.longest.en).toMatchObject({ tone: 'lost', overall: 0 });
    expect(tw.shortest.en).toMatchObject({ tone: 'lost', overall: 50 });
    expect(tw.longestBest.en).toEqual({ count: 0, decisions: 5, share: 0 });
  });

  it(`warns about the longest option only above ${LONGEST_BEST_LIMIT * 100}% of the decisions`, () => {
    // 2 of 5 (40%): no warning; 3 of 5 (60%): a warning naming exactly those three.
    const two = validate(chain([longBest(), longBest(), midBest(), midBest(), midBest()]));
    expect(codes(two)).not.toContain('longest-is-best');
    expect(two.analysis!.summary.testWiseness!.longestBest.en).toEqual({ count: 2, decisions: 5, share: 0.4 });
    const three = validate(chain([midBest(), longBest(), midBest(), longBest(), longBest()]));
    const cue = three.problems.find((p) => p.code === 'longest-is-best')!;
    expect(cue.message).toContain('In 3 of the 5 decisions whose options score differently (60%)');
    expect(cue.message).toContain('at nodes "d2", "d4" and "d5"');
    expect(cue.path).toEqual(['nodes', 'd2', 'options']);
  });

  it('counts only decisions whose options score differently', () => {
    const same = (): Opt[] => [
      { text: 'A very long answer that scores the same as the other one.', points: 1 },
      { text: 'Short.', points: 1 },
    ];
    const tw = validate(chain([same(), same(), midBest(), midBest(), longBest()])).analysis!.summary.testWiseness!;
    expect(tw.longestBest.en).toEqual({ count: 1, decisions: 3, share: 0.333 });
  });

  it('measures each language on its own', () => {
    // Long in English, short in Dutch: only the English texts give the best option away.
    const mixed = (): Opt[] => [
      { text: { en: 'Good morning! It has just sold out, but this one is very similar. Shall I show you?', nl: 'Op, maar deze lijkt erop.' }, points: 2 },
      { text: { en: 'Sold out.', nl: 'Helaas, die is helemaal uitverkocht en ik weet echt niet wanneer er weer iets komt.' }, points: -2 },
      { text: { en: 'Look over there.', nl: 'Kijk daar eens.' }, points: 0 },
    ];
    const r = validate(chain([mixed(), mixed(), mixed(), mixed(), mixed()], { languages: ['nl', 'en'] }));
    const warnings = r.problems.filter((p) => codes({ ...r, problems: [p] }).length);
    expect(warnings.map((p) => [p.code, p.message.includes('English')])).toEqual([
      ['longest-is-best', true],
      ['length-strategy', true],
    ]);
    expect(r.analysis!.summary.testWiseness!.longest).toEqual({ nl: { ending: 'lost', tone: 'lost', overall: 0 }, en: { ending: 'fan', tone: 'fan', overall: 100 } });
  });

  it('warns when the mood is stuck at +5 for several decisions on the best path', () => {
    const happy = (): Opt[] => midBest().map((o) => ({ ...o, mood: o.points > 0 ? 1 : -1 }));
    const stuck = validate(chain([happy(), happy(), happy(), happy(), happy()], { customer: { name: 'Sam', initialMood: 3 } } as Partial<Scenario>));
    expect(codes(stuck)).toEqual(['mood-saturated']);
    const w = stuck.problems.find((p) => p.code === 'mood-saturated')!;
    // The mood is 3, 4, then 5 from d3 on.
    expect(w.path).toEqual(['nodes', 'd3']);
    expect(w.message).toContain('already +5, the highest, at nodes "d3", "d4" and "d5" in a row');
    expect(validate(chain([happy(), happy(), happy(), happy(), happy()], { customer: { name: 'Sam', initialMood: 3 } } as Partial<Scenario>), 'nl').problems.find((p) => p.code === 'mood-saturated')!.message).toContain('al +5, het hoogste');
    // Starting lower, the mood reaches +5 only at the last two decisions: not "several in a row".
    expect(codes(validate(chain([happy(), happy(), happy(), happy(), happy()], { customer: { name: 'Sam', initialMood: 2 } } as Partial<Scenario>)))).toEqual([]);
  });

  it('warns when the mood is stuck at -5', () => {
    const sour = (): Opt[] => midBest().map((o) => ({ ...o, mood: -1 }));
    const r = validate(chain([sour(), sour(), sour(), sour(), sour()], { customer: { name: 'Sam', initialMood: -5 } } as Partial<Scenario>));
    expect(r.problems.find((p) => p.code === 'mood-saturated')!.message).toContain('already -5, the lowest, at nodes "d1", "d2", "d3", "d4" and "d5" in a row');
  });

  it(`gives the figures but no warnings for a sketch of fewer than ${MIN_DECISIONS_FOR_WARNINGS} decisions`, () => {
    const r = validate(chain([longBest(), longBest(), longBest()]));
    expect(codes(r)).toEqual([]);
    expect(r.analysis!.summary.testWiseness!.longest.en).toMatchObject({ tone: 'fan', overall: 100 });
  });

  it('plays at random with a seed: the same figures every time, and every run counted', () => {
    const s = chain([midBest(), midBest(), midBest(), midBest(), midBest()]);
    const a = analyseScenario(s);
    const one = testWiseness(s, a);
    expect(testWiseness(s, a)).toEqual(one);
    expect(one.random.runs).toBe(200);
    // The last decision's best option (1 in 3) leads to the fan ending; points average out at 50.
    expect(one.random.fanShare).toBeGreaterThan(0.25);
    expect(one.random.fanShare).toBeLessThan(0.42);
    expect(one.random.meanOverall).toBeGreaterThan(40);
    expect(one.random.meanOverall).toBeLessThan(60);
    expect(testWiseness(s, a, { seed: 2 }).random).not.toEqual(one.random);
    expect(testWiseness(s, a, { runs: 10 }).random.runs).toBe(10);
  });

  it('walks exactly as a replayed run goes, in the built-in scenarios', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json') && !n.endsWith('.schema.json'))) {
      const s = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Scenario;
      const a = analyseScenario(s);
      let k = 0;
      for (const pick of [(o: unknown[]) => o[0], (o: unknown[]) => o[o.length - 1], (o: unknown[]) => o[k++ % o.length]]) {
        const w = walk(s, a, pick as never)!;
        const events = w.steps.map((st, i) => ({ type: 'choice.select' as const, node: st.node, option: st.option as string, at: i + 1 }));
        const run = { formatVersion: 1, id: 'r', scenarioId: s.id, scenarioHash: '', playerId: null, mode: 'assessment' as const, timerScale: 0 as const, startedAt: 0, events };
        const replayed = replayRun(s, run);
        expect(replayed.ending, f).toBe(w.ending);
        expect(scoreState(a, replayed, s.scoring?.weights), f).toEqual(w.scores);
      }
    }
  });
});

describe('a longer way that pays', () => {
  /** The toy shop as it was: running down the online shop led back to the children and the alternative (two more decisions). */
  const oldToyShop = (): string => {
    const s = JSON.parse(readFileSync(new URL('../../scenarios/toy-shop-saturday.json', import.meta.url), 'utf8')) as Scenario;
    const knock = s.nodes.online.options.find((o) => o.id === 'knock-online')!;
    knock.next = [{ when: { mood: { max: -3 } }, to: 'walks-out' }, { to: 'kids' }];
    return JSON.stringify(s, null, 2);
  };

  it('is found where an option that costs points keeps the highest score reachable, and named in both languages', () => {
    const text = oldToyShop();
    const en = validateScenario(text);
    expect(en.ok).toBe(true);
    const tw = testWiseness(en.scenario!, en.analysis!);
    expect(tw.longWays).toEqual([{ node: 'online', option: 'knock-online', over: ['order-here'] }]);
    const warning = en.problems.find((p) => p.code === 'long-way-pays')!;
    expect(warning.severity).toBe('warning');
    expect(warning.path).toEqual(['nodes', 'online', 'options', 3]);
    expect(warning.message).toContain('Option "knock-online" of node "online" costs points, yet it keeps the highest score reachable');
    const nl = validateScenario(text, { lang: 'nl' }).problems.find((p) => p.code === 'long-way-pays')!;
    expect(nl.message).toContain('Optie "knock-online" van knooppunt "online" kost punten, maar houdt toch de hoogste score bereikbaar');
    // Each language points to its own part of the guide, where the advice is.
    const readme = readFileSync(new URL('../../scenarios/README.md', import.meta.url), 'utf8');
    expect(warning.message).toContain('"The scoring rubric" in scenarios/README.md');
    expect(nl.message).toContain('"De scoringsregels" in scenarios/README.md');
    expect(readme).toContain('**A longer way must not pay.**');
    expect(readme).toContain('**Een langere weg mag niet lonen.**');
  });

  it('is not found when the rude option ends the talk, as in the toy shop today', () => {
    const r = validateScenario(readFileSync(new URL('../../scenarios/toy-shop-saturday.json', import.meta.url), 'utf8'));
    expect(testWiseness(r.scenario!, r.analysis!).longWays).toEqual([]);
    expect(r.problems.map((p) => p.code)).not.toContain('long-way-pays');
  });
});
