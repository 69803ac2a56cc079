import { describe, expect, it } from 'vitest';
import { analyseScenario, pathsToEndings } from './analyse';
import { replayRun } from './replay';
import { scoreState } from './score';
import type { Finding } from './contract';
import type { DecisionNode, Run, Scenario } from './types';
import { sampleScenario, variant } from '../../test-support/generate-samples';
import { generateScenario } from '../../test-support/generate';

const codes = (s: Scenario): string[] => analyseScenario(s).findings.map((f) => f.code);
const find = (s: Scenario, code: string): Finding => {
  const f = analyseScenario(s).findings.find((x) => x.code === code);
  if (!f) throw new Error(`no ${code} in ${JSON.stringify(analyseScenario(s).findings)}`);
  return f;
};

function walk(s: Scenario, steps: { node: string; option: string | null }[]) {
  let at = 1000;
  const run: Run = {
    formatVersion: 1, id: 'r', scenarioId: s.id, scenarioHash: '', playerId: null, mode: 'assessment', timerScale: 0, startedAt: 0,
    events: steps.map((st) => (st.option === null ? { type: 'timer.expire', node: st.node, at: (at += 1000) } : { type: 'choice.select', node: st.node, option: st.option, at: (at += 1000) })),
  };
  return replayRun(s, run);
}

describe('analyseScenario on a good scenario', () => {
  const s = sampleScenario();
  const a = analyseScenario(s);

  it('has no findings', () => expect(a.findings).toEqual([]));

  it('computes the score ranges over all complete paths, conditions included', () => {
    expect(a.ranges).toEqual({ warmth: { min: -2, max: 3 }, initiative: { min: -1, max: 3 }, outcome: { min: -3, max: 4 } });
  });

  it('returns best paths that replay to 100 on their dimension and overall', () => {
    for (const d of ['warmth', 'initiative', 'outcome'] as const) {
      const end = walk(s, a.bestPaths[d].steps);
      expect(end.ending).toBe(a.bestPaths[d].ending);
      expect(scoreState(a, end)[d]).toBe(100);
    }
    expect(scoreState(a, walk(s, a.bestPath.steps)).overall).toBe(100);
  });

  it('summarises the scenario', () => {
    expect(a.summary).toMatchObject({
      id: 'sample-bakery', nodes: 6, decisions: 3, timedDecisions: 1, endings: 3, shortestPath: 2, longestPath: 3,
      averageOptions: 2.67, conditionalBranches: 3, languages: ['nl', 'en'], estimatedMinutes: 3,
    });
    expect(a.stateCount).toBe(9);
  });

  it('finds a path to every ending', () => {
    const paths = pathsToEndings(s);
    expect(Object.keys(paths).sort()).toEqual(['fan', 'lost', 'neutral']);
    for (const [ending, path] of Object.entries(paths)) expect(walk(s, path.steps).ending).toBe(ending);
    expect(pathsToEndings(s, 'close').lost).toBeUndefined();
  });

  it('uses the scoring weights for the best path', () => {
    const w = variant((x) => {
      x.scoring = { weights: { warmth: 0, initiative: 0, outcome: 1 } };
    });
    expect(analyseScenario(w).bestPath.ending).toBe('fan');
  });
});

describe('analyseScenario findings', () => {
  it('reports unreachable nodes and endings', () => {
    const s = variant((x) => {
      x.nodes.orphan = { ...x.nodes.close };
      x.endings.secret = { title: 'S', text: 'S', tone: 'neutral' };
    });
    expect(find(s, 'unreachable-node')).toMatchObject({ severity: 'error', path: ['nodes', 'orphan'] });
    expect(find(s, 'unreachable-node').message).toMatch(/no option, route or time-out leads there/);
    expect(find(s, 'unreachable-ending').path).toEqual(['endings', 'secret']);
    const chained = variant((x) => {
      x.nodes.orphan = { ...x.nodes.close };
      x.nodes.orphan2 = { ...x.nodes.close, options: x.nodes.close.options.map((o) => ({ ...o, next: 'orphan' })) };
      x.nodes.ask.options[1].next = [{ when: { mood: { min: 9 } }, to: 'orphan2' }, { to: 'close' }];
    });
    const f = analyseScenario(chained).findings.filter((x) => x.code === 'unreachable-node');
    expect(f.map((x) => x.message)).toEqual([
      expect.stringMatching(/"orphan" can never be reached: only node "orphan2" leads there/),
      expect.stringMatching(/"orphan2" can never be reached: the options and routes that lead there never apply/),
    ]);
  });

  it('reports a dead end with the mood and flags that cause it', () => {
    const s = variant((x) => {
      x.nodes.close.options[1].when = { mood: { min: 0 } };
      x.nodes.close.options[2].when = { mood: { min: 0 } };
    });
    const f = find(s, 'dead-end');
    expect(f.path).toEqual(['nodes', 'close']);
    expect(f.message).toMatch(/stuck at node "close" when it is reached with mood -\d and no flags set/);
  });

  it('reports loops, naming their nodes, and score loops', () => {
    const loop = variant((x) => {
      x.nodes.l1 = { situation: 'a', options: [{ id: 'x', text: 'x', feedback: 'f', next: 'l2' }, { id: 'y', text: 'y', feedback: 'f', effects: { warmth: -1 }, next: 'l2' }] };
      x.nodes.l2 = { situation: 'b', options: [{ id: 'x', text: 'x', feedback: 'f', next: 'l1' }, { id: 'y', text: 'y', feedback: 'f', effects: { warmth: -1 }, next: 'neutral' }] };
      x.nodes.close.options[1].next = 'l1';
    });
    expect(find(loop, 'loop').message).toMatch(/nodes "l1" and "l2" lead back to each other/);
    expect(codes(loop)).not.toContain('score-loop');
    const gain = variant((x) => {
      x.nodes.close.options[1].next = 'ask';
    });
    expect(find(gain, 'score-loop').message).toMatch(/pile up points/);
    const self = variant((x) => {
      x.nodes.ask.options[0].next = 'ask';
    });
    expect(find(self, 'score-loop').message).toMatch(/node "ask" leads back to itself, and option "order" of node "ask" adds initiative points/);
  });

  it('accepts a loop that a flag lets players take only once', () => {
    const s = variant((x) => {
      x.nodes.again = {
        situation: 'Again?',
        options: [
          { id: 'retry', text: 'Try again', feedback: 'f', effects: { warmth: 1, flags: { retried: true } }, next: 'close', when: { flags: { retried: false } } },
          { id: 'stop', text: 'Stop', feedback: 'f', effects: { outcome: -1 }, next: 'neutral' },
        ],
      };
      x.nodes.close.options[1].next = 'again';
    });
    const a = analyseScenario(s);
    expect(a.findings).toEqual([]);
    expect(a.summary.longestPath).toBe(6);
    expect(a.ranges.warmth.max).toBe(4);
  });

  it('reports nodes from which no ending can be reached', () => {
    const s = variant((x) => {
      x.nodes.trap1 = { situation: 'a', options: [{ id: 'x', text: 'x', feedback: 'f', next: 'trap2' }, { id: 'y', text: 'y', feedback: 'f', effects: { warmth: 1 }, next: 'trap2' }] };
      x.nodes.trap2 = { situation: 'b', options: [{ id: 'x', text: 'x', feedback: 'f', next: 'trap1' }, { id: 'y', text: 'y', feedback: 'f', effects: { warmth: 1 }, next: 'trap1' }] };
      x.nodes.close.options[1].next = 'trap1';
    });
    expect(find(s, 'no-ending').path).toEqual(['nodes', 'trap1']);
  });

  it('reports conditions that never hold, and routes an earlier route always takes', () => {
    const s = variant((x) => {
      x.nodes.close.options[0].when = { flags: { ordered: true }, mood: { max: -5 } };
      x.nodes.ask.options[1].next = [{ when: { mood: { min: 5 } }, to: 'fan' }, { to: 'close' }];
      x.nodes.close.options[2].next = [{ when: { mood: { min: -5 } }, to: 'fan' }, { to: 'neutral' }];
    });
    const f = analyseScenario(s).findings;
    expect(f.find((x) => x.path.join('/') === 'nodes/close/options/0/when')?.code).toBe('condition-never-holds');
    expect(f.find((x) => x.path.join('/') === 'nodes/ask/options/1/next/0/when')?.code).toBe('condition-never-holds');
    expect(f.find((x) => x.path.join('/') === 'nodes/close/options/2/next/1')).toMatchObject({ code: 'route-never-taken', severity: 'warning' });
  });

  it('names the flags a never-holding condition needs that nothing sets, also under "not", with the set flag they resemble', () => {
    const s = variant((x) => {
      x.nodes.close.options[0].when = { any: [{ flags: { orderd: true } }, { not: { flags: { phoned: false } } }], not: { flags: { ordered: true } } };
    });
    const f = find(s, 'condition-never-holds');
    expect(f.path).toEqual(['nodes', 'close', 'options', 0, 'when']);
    expect(f.ref).toMatchObject({ args: { unset: [{ flag: 'orderd', suggestion: 'ordered' }, { flag: 'phoned', suggestion: null }] } });
    expect(f.message).toContain('its condition needs the flags "orderd" and "phoned", but no option or time-out ever sets them — did you mean "ordered" for "orderd"?');
  });

  it('reports a choice after which no route applies', () => {
    const s = variant((x) => {
      x.nodes.ask.options[1].next = [{ when: { mood: { max: -3 } }, to: 'lost' }];
    });
    expect(find(s, 'no-route').path).toEqual(['nodes', 'ask', 'options', 1, 'next']);
  });

  it('warns about weak content', () => {
    const s = variant((x) => {
      for (const o of x.nodes.greet.options) o.effects = { warmth: 1 };
      delete x.nodes.ask.options[0].feedback;
      x.nodes.greet.timeLimit!.feedback = { nl: ' ', en: '' };
    });
    const f = analyseScenario(s).findings;
    expect(f.find((x) => x.code === 'same-scores')).toMatchObject({ severity: 'warning', path: ['nodes', 'greet', 'options'] });
    expect(f.filter((x) => x.code === 'missing-feedback').map((x) => x.path)).toEqual([
      ['nodes', 'greet', 'timeLimit'],
      ['nodes', 'ask', 'options', 0],
    ]);
  });

  it('warns about a dimension no path can score on', () => {
    const s = variant((x) => {
      for (const n of Object.values(x.nodes)) for (const o of n.options) delete o.effects?.initiative;
    });
    expect(find(s, 'flat-dimension').message).toMatch(/initiative/);
  });

  it('stops with an error instead of hanging when the states multiply', () => {
    const s = variant(() => {});
    const a = analyseScenario(s, { maxStates: 3 });
    expect(a.findings.map((f) => f.code)).toEqual(['too-many-states']);
    expect(a.findings[0].message).toMatch(/more than 3 combinations of node, mood and flags/);
    expect(a.ranges.warmth).toEqual({ min: 0, max: 0 });
  });

  it('stops at the cap when flags multiply (2^20 combinations), without exhausting memory', () => {
    const nodes: Record<string, DecisionNode> = {};
    for (let i = 0; i < 20; i++) {
      const next = i === 19 ? 'end' : `n${i + 1}`;
      nodes[`n${i}`] = { situation: 's', options: [{ id: 'a', text: 'a', feedback: 'f', effects: { warmth: 1, flags: { [`f${i}`]: true } }, next }, { id: 'b', text: 'b', feedback: 'f', next }] };
    }
    const s: Scenario = { ...sampleScenario(), start: 'n0', nodes, endings: { end: { title: 'e', text: 'e', tone: 'fan' } } };
    const a = analyseScenario(s);
    expect(a.findings.map((f) => f.code)).toEqual(['too-many-states']);
    expect(a.findings[0].message).toMatch(/flags of this story can be combined in more than 4,096 ways/);
  });

  it('handles a 2,000-node chain (the most a file may have) without overflowing the stack', () => {
    const nodes: Record<string, DecisionNode> = {};
    for (let i = 0; i < 2_000; i++) {
      const next = i === 1_999 ? 'end' : `n${i + 1}`;
      nodes[`n${i}`] = { situation: 's', options: [{ id: 'a', text: 'a', feedback: 'f', effects: { warmth: 1 }, next }, { id: 'b', text: 'b', feedback: 'f', next }] };
    }
    const s: Scenario = { ...sampleScenario(), start: 'n0', nodes, endings: { end: { title: 'e', text: 'e', tone: 'fan' } } };
    const a = analyseScenario(s);
    expect(a.ranges.warmth).toEqual({ min: 0, max: 2_000 });
    expect(a.summary.longestPath).toBe(2_000);
    expect(a.bestPaths.warmth.steps).toHaveLength(2_000);
    const loop = { ...s, nodes: { ...nodes, n1999: { ...nodes.n1999, options: [nodes.n1999.options[0], { ...nodes.n1999.options[1], next: 'n0' }] } } };
    expect(analyseScenario(loop).findings.map((f) => f.code)).toContain('score-loop');
  });
});

describe('analyseScenario with fractional and large points', () => {
  /** The same scenario with every score multiplied by `factor` (the mood left as it is). */
  function scaled(s: Scenario, factor: number): Scenario {
    const copy = structuredClone(s);
    const scale = (e: { warmth?: number; initiative?: number; outcome?: number } | undefined) => {
      if (!e) return;
      for (const d of ['warmth', 'initiative', 'outcome'] as const) if (typeof e[d] === 'number') e[d] = e[d] * factor;
    };
    for (const node of Object.values(copy.nodes)) {
      for (const o of node.options) scale(o.effects);
      scale(node.timeLimit?.effects);
    }
    for (const ending of Object.values(copy.endings)) scale(ending.effects);
    return copy;
  }

  it('gives the same paths and proportional ranges for fractional and large points', () => {
    const s = generateScenario({ nodes: 60, seed: 11, flags: 2 });
    const a = analyseScenario(s);
    for (const factor of [0.5, 1000]) {
      const b = analyseScenario(scaled(s, factor));
      expect(b.bestPath).toEqual(a.bestPath);
      expect(b.bestPaths).toEqual(a.bestPaths);
      expect(b.summary.shortestPath).toBe(a.summary.shortestPath);
      expect(b.summary.longestPath).toBe(a.summary.longestPath);
      for (const d of ['warmth', 'initiative', 'outcome'] as const) {
        expect(b.ranges[d].min).toBe(a.ranges[d].min * factor);
        expect(b.ranges[d].max).toBe(a.ranges[d].max * factor);
      }
    }
  });
});
