/**
 * Every built-in scenario file in scenarios/: valid without warnings, meets the minimums of
 * issue 3, and every ending is walked and scored. Generic: it checks whatever files are there,
 * and insists on the built-in ids.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../src/engine/validate';
import { pathsToEndings } from '../src/engine/analyse';
import { applyEvent, initialPlayState } from '../src/engine/replay';
import { resolveWeights, scoreState } from '../src/engine/score';
import { t } from '../src/engine/text';
import type { PlayState, ScenarioPath } from '../src/engine/contract';
import type { Run, RunEvent, Scenario } from '../src/engine/types';
import { DIMENSIONS, ENDING_TONES, LANGS } from '../src/engine/types';
import { testWiseness } from '../src/engine/test-wiseness';
import { exploreStates } from '../src/engine/analyse-graph';
import { bestFrom } from '../src/engine/best-from';

const dir = dirname(fileURLToPath(import.meta.url));
const BUILT_IN = ['toy-shop-saturday', 'fuel-station-evening', 'cafe-terrace-sun', 'tram-card-reader', 'return-no-receipt', 'age-check', 'phone-complaint', 'ramp-at-the-stop', 'shelf-price', 'ticket-machine-tourist'];
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();

/** Replays a path event by event, as the game would, taking time-outs at their deadline. */
function walk(scenario: Scenario, path: ScenarioPath): PlayState {
  const run: Run = { formatVersion: 1, id: 'walk', scenarioId: scenario.id, scenarioHash: '', playerId: null, mode: 'assessment', timerScale: 1, startedAt: 1_000, events: [] };
  let state = initialPlayState(scenario, run);
  for (const step of path.steps) {
    const event: RunEvent =
      step.option === null
        ? { type: 'timer.expire', node: step.node, at: state.deadline ?? state.enteredAt }
        : { type: 'choice.select', node: step.node, option: step.option, at: state.enteredAt + 2_000 };
    state = applyEvent(scenario, state, event, run.events.length);
    run.events.push(event);
  }
  return state;
}

/** Every text value in the scenario, with its JSON path. */
function texts(value: unknown, path: string, out: [string, unknown][]): [string, unknown][] {
  if (!value || typeof value !== 'object') return out;
  for (const [key, v] of Object.entries(value)) {
    const p = `${path}.${key}`;
    if (['title', 'description', 'player', 'intro', 'situation', 'says', 'does', 'text', 'feedback'].includes(key) && !(key === 'description' && path.endsWith('look'))) out.push([p, v]);
    else texts(v, p, out);
  }
  return out;
}

describe('the built-in scenarios', () => {
  it('are all there', () => {
    expect(files.map((f) => f.replace(/\.json$/, ''))).toEqual(expect.arrayContaining(BUILT_IN));
  });

  describe.each(files)('%s', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const result = validateScenario(text);
    const scenario = result.scenario as Scenario;
    const analysis = result.analysis!;

    it('validates with no errors and no warnings', () => {
      expect(result.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message}`)).toEqual([]);
      expect(result.ok).toBe(true);
      expect(scenario.id).toBe(file.replace(/\.json$/, ''));
    });

    it('meets the minimums of issue 3', () => {
      const s = analysis.summary;
      expect(s.decisions).toBeGreaterThanOrEqual(10);
      expect(s.longestPath).toBeGreaterThanOrEqual(6);
      expect(s.averageOptions).toBeGreaterThanOrEqual(3);
      expect(s.endings).toBeGreaterThanOrEqual(3);
      expect(new Set(Object.values(scenario.endings).map((e) => e.tone))).toEqual(new Set(ENDING_TONES));
      expect(s.timedDecisions).toBeGreaterThanOrEqual(1);
      expect(s.conditionalBranches).toBeGreaterThanOrEqual(1);
      expect(t(scenario.intro, 'nl').length).toBeGreaterThan(20);
      expect(scenario.estimatedMinutes).toBeGreaterThanOrEqual(3);
      expect(scenario.estimatedMinutes).toBeLessThanOrEqual(6);
      expect(scenario.ambience).toBeTruthy();
      expect([...scenario.languages].sort()).toEqual([...LANGS].sort());
      const expressions = new Set(Object.values(scenario.nodes).map((n) => n.customer?.expression).filter(Boolean));
      expect(expressions.size).toBeGreaterThanOrEqual(3);
    });

    it('has every text in Dutch and English', () => {
      for (const [path, value] of texts(scenario, '', [])) {
        if (typeof value === 'string') continue;
        for (const lang of LANGS) expect(typeof (value as Record<string, unknown>)[lang] === 'string' && ((value as Record<string, string>)[lang]).trim() !== '', `${path}.${lang}`).toBe(true);
      }
    });

    it('reaches every ending with scores within 0–100', () => {
      const paths = pathsToEndings(scenario);
      expect(Object.keys(paths).sort()).toEqual(Object.keys(scenario.endings).sort());
      for (const [ending, path] of Object.entries(paths)) {
        const end = walk(scenario, path);
        expect(end.ending).toBe(ending);
        const scores = scoreState(analysis, end, scenario.scoring?.weights);
        for (const v of Object.values(scores)) expect(v).toBeGreaterThanOrEqual(0);
        for (const v of Object.values(scores)) expect(v).toBeLessThanOrEqual(100);
        for (const d of DIMENSIONS) expect(end.raw[d]).toBeGreaterThanOrEqual(analysis.ranges[d].min);
      }
    });

    it('scores 100 on the best path per dimension, and the best path overall beats every ending walk', () => {
      for (const d of DIMENSIONS) {
        const end = walk(scenario, analysis.bestPaths[d]);
        expect(end.ending).toBe(analysis.bestPaths[d].ending);
        expect(scoreState(analysis, end)[d]).toBe(100);
      }
      const best = scoreState(analysis, walk(scenario, analysis.bestPath), scenario.scoring?.weights);
      expect(scenario.endings[analysis.bestPath.ending].tone).toBe('fan');
      for (const path of Object.values(pathsToEndings(scenario))) {
        expect(best.overall).toBeGreaterThanOrEqual(scoreState(analysis, walk(scenario, path), scenario.scoring?.weights).overall);
      }
      expect(best.overall).toBeGreaterThanOrEqual(80);
    });

    it('cannot be won without reading: text length, mood at its limit', () => {
      const tw = testWiseness(scenario, analysis);
      for (const lang of scenario.languages) {
        for (const strategy of ['longest', 'shortest'] as const) {
          const walked = tw[strategy][lang]!;
          expect(walked.tone, `always the ${strategy} option (${lang}) ends "${walked.ending}"`).not.toBe('fan');
          expect(walked.scores.overall, `always the ${strategy} option (${lang})`).toBeLessThan(60);
        }
        expect(tw.lengthCue[lang]!.share, `longest option is top-scoring (${lang}) at ${tw.lengthCue[lang]!.longestBest.join(', ')}`).toBeLessThanOrEqual(0.45);
      }
      expect(tw.saturated).toEqual([]);
    });

    it('never makes a way that costs points the best one, where another option earns points', () => {
      // The report's tip after a decision is the option that keeps the highest score reachable. A
      // rude option that leads through more decisions (more points to earn) must not become it.
      const weights = resolveWeights(scenario.scoring?.weights);
      const worth = (effects: Scenario['nodes'][string]['options'][number]['effects']) => DIMENSIONS.reduce((sum, d) => sum + weights[d] * (effects?.[d] ?? 0), 0);
      const g = exploreStates(scenario);
      const wrong: string[] = [];
      for (let s = 0; s < g.next.length; s++) {
        const state = g.states[s];
        const options = scenario.nodes[state.node].options;
        const outlook = bestFrom(scenario, analysis, { ...state, raw: { warmth: 0, initiative: 0, outcome: 0 } });
        for (const best of outlook.best) {
          const own = worth(options.find((o) => o.id === best)?.effects);
          const earning = outlook.options.filter((o) => worth(options.find((x) => x.id === o.option)?.effects) > 0).map((o) => o.option);
          if (own < 0 && earning.length) wrong.push(`${state.node} (mood ${state.mood}): ${best} over ${earning.join(', ')}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('pressing 1 every time does no better, over many runs, than a random player', () => {
      const RUNS = 1000;
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        const run: Run = { formatVersion: 1, id: `r${i}`, scenarioId: scenario.id, scenarioHash: '', playerId: null, mode: 'assessment', timerScale: 0, startedAt: 1_000, seed: `seed-${i}`, events: [] };
        let state = initialPlayState(scenario, run);
        for (let step = 0; state.node !== null; step++) {
          // Key 1: the option shown first, in this run's order.
          state = applyEvent(scenario, state, { type: 'choice.select', node: state.node, option: state.available[0].id, at: 2_000 + step }, step);
        }
        total += scoreState(analysis, state, scenario.scoring?.weights).overall;
      }
      const random = testWiseness(scenario, analysis, { runs: RUNS, seed: 7 }).random.meanOverall;
      // Both are means of 1,000 seeded runs (standard error about 0.6 points): 3 points is noise.
      expect(total / RUNS).toBeLessThanOrEqual(random + 3);
    });

    it('scores the worst play low: a lost ending is below the best path', () => {
      const lost = Object.entries(pathsToEndings(scenario)).find(([id]) => scenario.endings[id].tone === 'lost');
      expect(lost).toBeDefined();
      const score = scoreState(analysis, walk(scenario, lost![1]), scenario.scoring?.weights);
      const best = scoreState(analysis, walk(scenario, analysis.bestPath), scenario.scoring?.weights);
      expect(score.overall).toBeLessThan(best.overall);
    });
  });
});
