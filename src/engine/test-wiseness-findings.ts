/**
 * What the validator says about test-wiseness (test-wiseness.ts): warnings when a player who does
 * not read could score well (always the longest or the shortest option), when the longest option
 * is the best too often, when the customer's mood is stuck at a limit on the best path, and when an
 * option that costs points keeps the highest score reachable (a longer way pays); and
 * the figures for the summary. Pure.
 */
import type { Finding, JsonPath, TestWisenessSummary } from './contract';
import type { Lang, Scenario } from './types';
import { msg, type MessageRef } from './message-args';
import { englishText } from './messages-en';
import { topScoringSteps, LENGTH_SCORE_LIMIT, LONGEST_BEST_LIMIT, type TestWiseness, type WalkResult } from './test-wiseness';

/**
 * Below this many decisions a scenario is a sketch (like the README's two-decision tutorial): one
 * decision moves the longest-is-best share by a third or more, and a random player already ends
 * well half the time, so the figures are shown in the summary but not warned about.
 */
export const MIN_DECISIONS_FOR_WARNINGS = 4;

/** At most this many mood-saturated (or long-way) warnings, then one that says how many more (a long path can have dozens). */
const MAX_SATURATED = 5;

const warning = (ref: MessageRef, path: JsonPath, code: string = ref.key): Finding => ({ severity: 'warning', code, message: englishText(ref), ref, path });

function optionPath(scenario: Scenario, node: string, option: string | null): JsonPath {
  const index = scenario.nodes[node]?.options.findIndex((o) => o.id === option) ?? -1;
  return index < 0 ? ['nodes', node] : ['nodes', node, 'options', index];
}

function lengthStrategy(scenario: Scenario, strategy: 'longest' | 'shortest', lang: Lang, w: WalkResult): Finding | null {
  if (w.tone !== 'fan' && w.scores.overall < LENGTH_SCORE_LIMIT) return null;
  const top = topScoringSteps(scenario, w.steps);
  const first = top[0] ?? null;
  const ref = msg('length-strategy', {
    strategy,
    lang,
    ending: w.ending,
    fan: w.tone === 'fan',
    overall: w.scores.overall,
    best: top.length,
    decisions: w.steps.length,
    first: first?.node ?? null,
  });
  return warning(ref, first ? optionPath(scenario, first.node, first.option) : ['endings', w.ending]);
}

/** The test-wiseness warnings of a valid scenario, in file order of the languages. */
export function testWisenessFindings(scenario: Scenario, tw: TestWiseness): Finding[] {
  if (Object.keys(scenario.nodes).length < MIN_DECISIONS_FOR_WARNINGS) return [];
  const out: Finding[] = [];
  for (const lang of scenario.languages ?? []) {
    for (const strategy of ['longest', 'shortest'] as const) {
      const w = tw[strategy][lang];
      const f = w && lengthStrategy(scenario, strategy, lang, w);
      if (f) out.push(f);
    }
    const cue = tw.lengthCue[lang];
    if (cue && cue.share > LONGEST_BEST_LIMIT && cue.longestBest.length > 0) {
      const ref = msg('longest-is-best', { lang, nodes: cue.longestBest, decisions: cue.decisions, percent: Math.round(cue.share * 100), limit: Math.round(LONGEST_BEST_LIMIT * 100) });
      out.push(warning(ref, ['nodes', cue.longestBest[0], 'options']));
    }
  }
  for (const run of tw.saturated.slice(0, MAX_SATURATED)) out.push(warning(msg('mood-saturated', { mood: run.mood, nodes: run.nodes }), ['nodes', run.nodes[0]]));
  if (tw.saturated.length > MAX_SATURATED) {
    const more = msg('more-like-this', { more: tw.saturated.length - MAX_SATURATED, code: 'mood-saturated' });
    out.push(warning(more, ['nodes', tw.saturated[MAX_SATURATED].nodes[0]], 'mood-saturated'));
  }
  for (const w of tw.longWays.slice(0, MAX_SATURATED)) out.push(warning(msg('long-way-pays', w), optionPath(scenario, w.node, w.option)));
  if (tw.longWays.length > MAX_SATURATED) {
    const more = msg('more-like-this', { more: tw.longWays.length - MAX_SATURATED, code: 'long-way-pays' });
    out.push(warning(more, optionPath(scenario, tw.longWays[MAX_SATURATED].node, tw.longWays[MAX_SATURATED].option), 'long-way-pays'));
  }
  return out;
}

/** The figures of the summary: what each naive strategy reaches, and how often the longest option is the best. */
export function summariseTestWiseness(tw: TestWiseness): TestWisenessSummary {
  const walks = (w: TestWiseness['longest']): TestWisenessSummary['longest'] => {
    const out: TestWisenessSummary['longest'] = {};
    for (const [lang, r] of Object.entries(w) as [Lang, WalkResult][]) out[lang] = { ending: r.ending, tone: r.tone, overall: r.scores.overall };
    return out;
  };
  const longestBest: TestWisenessSummary['longestBest'] = {};
  for (const [lang, c] of Object.entries(tw.lengthCue) as [Lang, NonNullable<TestWiseness['lengthCue'][Lang]>][]) {
    longestBest[lang] = { count: c.longestBest.length, decisions: c.decisions, share: Math.round(c.share * 1000) / 1000 };
  }
  return { longest: walks(tw.longest), shortest: walks(tw.shortest), random: { ...tw.random }, longestBest };
}
