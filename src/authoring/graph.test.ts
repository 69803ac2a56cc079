import { describe, expect, it } from 'vitest';
import { buildGraph, flagOf } from './graph';
import { layoutGraph } from './layout';
import { msg } from '../engine/message-args';

const scenario = {
  start: 'greet',
  nodes: {
    greet: {
      situation: { nl: 'Een klant komt binnen.', en: 'A customer walks in.' },
      customer: { says: 'Hallo?' },
      options: [
        { id: 'a', text: 'Hello!', effects: { warmth: 2, mood: 1 }, feedback: 'Good.', next: 'ask' },
        { id: 'b', text: 'Wait.', effects: { warmth: -1 }, next: 'lost' },
      ],
      timeLimit: { seconds: 20, effects: { warmth: -1, mood: -1 }, next: 'lost' },
    },
    ask: {
      situation: 'What now?',
      options: [{ id: 'a', text: 'Help', next: [{ when: { mood: { max: -3 } }, to: 'lost' }, { to: 'fan' }] }],
    },
    orphan: { situation: 'Never seen', options: [{ id: 'a', text: 'x', next: 'nowhere' }] },
  },
  endings: {
    fan: { title: 'Fan', text: 'Happy', tone: 'fan', effects: { outcome: 2 } },
    lost: { title: 'Lost', text: 'Gone', tone: 'lost' },
  },
};

describe('buildGraph', () => {
  const g = buildGraph({
    scenario,
    findings: [{ severity: 'warning', code: 'missing-feedback', message: 'Option b has no feedback.', path: ['nodes', 'greet', 'options', 1] }],
    bestPath: { steps: [{ node: 'greet', option: 'a' }, { node: 'ask', option: 'a' }], ending: 'fan' },
  });
  const node = (id: string) => g.nodes.find((n) => n.id === id)!;

  it('tells decisions, timed decisions and endings apart', () => {
    expect(node('greet').kind).toBe('timed');
    expect(node('greet').seconds).toBe(20);
    expect(node('ask').kind).toBe('decision');
    expect(node('fan')).toMatchObject({ kind: 'ending', tone: 'fan', effects: { outcome: 2 } });
    expect(node('greet').isStart).toBe(true);
  });

  it('draws one edge per option route and one for the time-out', () => {
    const fromGreet = g.edges.filter((e) => e.from === 'greet');
    expect(fromGreet.map((e) => [e.option, e.to])).toEqual([
      ['a', 'ask'],
      ['b', 'lost'],
      [null, 'lost'],
    ]);
    const routes = g.edges.filter((e) => e.from === 'ask');
    expect(routes.map((e) => [e.to, e.conditional])).toEqual([
      ['lost', true],
      ['fan', false],
    ]);
    expect(g.edges.find((e) => e.from === 'orphan')!.broken).toBe(true);
  });

  it('marks the best path on nodes and on the exact edges taken', () => {
    expect(['greet', 'ask', 'fan'].every((id) => node(id).onBestPath)).toBe(true);
    expect(node('lost').onBestPath).toBe(false);
    expect(g.edges.filter((e) => e.onBestPath).map((e) => `${e.from}>${e.to}`)).toEqual(['greet>ask', 'ask>fan']);
  });

  it('marks the naive players\' paths beside the best path, each on its own nodes and edges', () => {
    const n = buildGraph({
      scenario,
      bestPath: { steps: [{ node: 'greet', option: 'a' }, { node: 'ask', option: 'a' }], ending: 'fan' },
      naivePaths: { longest: { steps: [{ node: 'greet', option: 'a' }, { node: 'ask', option: 'a' }], ending: 'fan' }, shortest: { steps: [{ node: 'greet', option: 'b' }], ending: 'lost' } },
    });
    const marks = (kind: 'longest' | 'shortest') => n.edges.filter((e) => e.naive.includes(kind)).map((e) => `${e.from}>${e.option}>${e.to}`);
    expect(marks('longest')).toEqual(['greet>a>ask', 'ask>a>fan']);
    expect(marks('shortest')).toEqual(['greet>b>lost']);
    expect(n.nodes.filter((x) => x.naive.length).map((x) => [x.id, x.naive])).toEqual([
      ['greet', ['longest', 'shortest']],
      ['ask', ['longest']],
      ['fan', ['longest']],
      ['lost', ['shortest']],
    ]);
    expect(g.edges.every((e) => e.naive.length === 0)).toBe(true);
  });

  it('flags unreachable nodes and dead ends even without an analysis, and attaches findings', () => {
    expect(node('orphan').flags).toEqual(expect.arrayContaining(['unreachable', 'dead-end']));
    expect(node('greet').flags).toEqual(['warning']);
    expect(node('greet').messages).toEqual(['Option b has no feedback.']);
    expect(node('ask').flags).toEqual([]);
  });

  it('reads hostile data without touching prototypes', () => {
    const hostile = JSON.parse('{"start":"__proto__","nodes":{"__proto__":{"situation":"x","options":[{"id":"a","text":"t","next":"constructor"}]},"constructor":{"situation":1}},"endings":{"toString":{"title":"t","tone":"fan"}}}');
    const h = buildGraph({ scenario: hostile });
    expect(h.nodes.map((n) => n.id).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(({} as Record<string, unknown>).situation).toBeUndefined();
    expect(buildGraph({ scenario: null }).nodes).toEqual([]);
    expect(buildGraph({ scenario: 'nonsense' }).edges).toEqual([]);
  });

  it('lays every node and drawable edge out', () => {
    const l = layoutGraph(g);
    expect(l.nodes.size).toBe(g.nodes.length);
    expect(l.edges.size).toBe(g.edges.filter((e) => !e.broken).length);
    const greet = l.nodes.get('greet')!;
    const fan = l.nodes.get('fan')!;
    expect(fan.y).toBeGreaterThan(greet.y);
  });
});

describe('flagOf', () => {
  it('maps the engine codes to map flags', () => {
    expect(flagOf('unreachable-node', 'error')).toBe('unreachable');
    expect(flagOf('unreachable-ending', 'error')).toBe('unreachable');
    expect(flagOf('dead-end', 'error')).toBe('dead-end');
    expect(flagOf('no-ending', 'error')).toBe('dead-end');
    expect(flagOf('score-loop', 'error')).toBe('loop');
    expect(flagOf('missing-feedback', 'warning')).toBe('warning');
  });
});

describe('buildGraph in the UI language', () => {
  const ref = msg('missing-feedback', { choice: { node: 'greet', option: 'b' }, text: 'Wait.' });
  const finding = { severity: 'warning' as const, code: 'missing-feedback', message: 'Option "b" of node "greet" ("Wait.") has no feedback.', ref, path: ['nodes', 'greet', 'options', 1] };
  const messages = (lang?: 'nl' | 'en') => buildGraph({ scenario, findings: [finding], lang }).nodes.find((n) => n.id === 'greet')!.messages;

  it('words an analysis finding in Dutch or English, and keeps a problem without facts as it is', () => {
    expect(messages('nl')).toEqual(['Optie "b" van knooppunt "greet" ("Wait.") heeft geen feedback. Schrijf een of twee zinnen die het gedrag benoemen en wat het met de klant doet.']);
    expect(messages('en')[0]).toMatch(/^Option "b" of node "greet" \("Wait\."\) has no feedback\. Add one or two sentences/);
    expect(messages()).toEqual([finding.message]);
    const { ref: _ref, ...plain } = finding;
    expect(buildGraph({ scenario, findings: [plain], lang: 'nl' }).nodes.find((n) => n.id === 'greet')!.messages).toEqual([finding.message]);
  });
});
