/**
 * The findings of the graph analysis, in plain manager language: what is wrong, where, and how
 * to fix it. Structural problems first (unreachable parts, dead ends, loops), then conditions
 * that never hold, then weak content.
 */
import type { Finding, JsonPath } from './contract';
import type { Condition, Option, Scenario } from './types';
import { DIMENSIONS } from './types';
import type { Choice, StateGraph } from './analyse-graph';
import { MAX_FLAG_SETS } from './analyse-graph';
import type { GraphOrder } from './analyse-order';
import { statesReachingEnding } from './analyse-order';
import type { Optimum } from './analyse-dp';
import { routesOf } from './compile-rules';
import type { StoryState } from './compile-rules';
import type { MessageRef, StateRef, UnsetFlag, Why } from './message-args';
import { msg } from './message-args';
import { englishText } from './messages-en';
import { suggest } from './messages';
import { isBlank } from './text';

/** By default at most this many findings with the same code are listed; then one that says how many more. */
const PER_CODE = 40;

const stateRef = (s: StoryState): StateRef => ({ mood: s.mood, flags: Object.keys(s.flags).filter((k) => s.flags[k]) });
const choiceRef = (c: Choice) => ({ node: c.node, option: c.id });
const choicePath = (c: Choice): JsonPath => (c.index < 0 ? ['nodes', c.node, 'timeLimit'] : ['nodes', c.node, 'options', c.index]);
const routePath = (c: Choice, r: number): JsonPath => (typeof c.way.next === 'string' ? [...choicePath(c), 'next'] : [...choicePath(c), 'next', r]);

/** Collects findings, at most `perCode` per code. */
class Collector {
  readonly findings: Finding[] = [];
  private counts = new Map<string, number>();
  constructor(private readonly perCode: number) {}
  add(severity: Finding['severity'], ref: MessageRef, path: JsonPath): void {
    const n = (this.counts.get(ref.key) ?? 0) + 1;
    this.counts.set(ref.key, n);
    if (n <= this.perCode) this.findings.push({ severity, code: ref.key, message: englishText(ref), ref, path });
  }
  close(): Finding[] {
    for (const [code, n] of this.counts) {
      if (n <= this.perCode) continue;
      const first = this.findings.find((f) => f.code === code) as Finding;
      const ref = msg('more-like-this', { more: n - this.perCode, code });
      this.findings.push({ ...first, path: [], message: englishText(ref), ref });
    }
    return this.findings;
  }
}

/** Everything the analysis reports about a scenario's graph and content. */
export function findingsOf(scenario: Scenario, g: StateGraph, order: GraphOrder | null, opt: Optimum | null, perCode = PER_CODE): Finding[] {
  const out = new Collector(perCode);
  if (g.truncated === 'flags') out.add('error', msg('too-many-states', { flags: true, max: MAX_FLAG_SETS }), []);
  else if (g.truncated) out.add('error', msg('too-many-states', { flags: false, max: g.maxStates }), []);
  else if (order) {
    structure(g, order, out);
    conditions(g, out);
  }
  content(g, out);
  // Score ranges are only meaningful once the graph itself is sound.
  if (opt && !out.findings.some((f) => f.severity === 'error')) {
    for (const d of DIMENSIONS) {
      const r = opt.ranges[d];
      if (r.min === r.max) out.add('warning', msg('flat-dimension', { dimension: d, points: r.min }), []);
    }
  }
  return out.close();
}

/** Why an id is never reached: the ways there never apply, only an unreached node leads there, or nothing does. */
function whyUnreached(g: StateGraph): (id: string) => Why {
  const fromReached = new Set<string>();
  const fromUnreached = new Map<string, string>();
  for (const [node, choices] of g.choices) {
    for (const c of choices) {
      for (const route of routesOf(c.way.next)) {
        const to = route?.to;
        if (typeof to !== 'string') continue;
        if (g.nodeReached.has(node)) fromReached.add(to);
        else if (!fromUnreached.has(to)) fromUnreached.set(to, node);
      }
    }
  }
  return (id) => (fromReached.has(id) ? { kind: 'conditions' } : fromUnreached.has(id) ? { kind: 'via', node: fromUnreached.get(id) as string } : { kind: 'none' });
}

function structure(g: StateGraph, order: GraphOrder, out: Collector): void {
  let reasons: ((id: string) => Why) | undefined; // worked out only when something is unreached: it reads every route
  const why = (id: string) => (reasons ??= whyUnreached(g))(id);
  for (const id of g.nodeIds) if (!g.nodeReached.has(id)) out.add('error', msg('unreachable-node', { id, why: why(id) }), ['nodes', id]);
  for (const id of g.endingIds) if (!g.endingReached.has(id)) out.add('error', msg('unreachable-ending', { id, why: why(id) }), ['endings', id]);
  const stuck = new Map<string, StoryState[]>();
  for (const s of g.deadEnds) stuck.set(g.states[s].node, [...(stuck.get(g.states[s].node) ?? []), g.states[s]]);
  for (const [id, states] of stuck) {
    out.add('error', msg('dead-end', { id, states: states.slice(0, 3).map(stateRef), more: Math.max(0, states.length - 3) }), ['nodes', id]);
  }
  for (const { state, choice } of g.noRoute.slice(0, 200)) {
    out.add('error', msg('no-route', { choice: choiceRef(choice), state: stateRef(g.states[state]) }), [...choicePath(choice), 'next']);
  }
  loops(g, order, out);
  // Without loops, and with a way on from every state, every way leads to an ending.
  if (order.loops.length === 0 && g.deadEnds.length === 0 && g.noRoute.length === 0 && g.droppedEdges === 0) return;
  const reaches = statesReachingEnding(g);
  const nodeReaches = new Set(g.next.map((_, s) => (reaches[s] ? g.states[s].node : '')));
  for (const id of g.nodeIds) {
    if (g.nodeReached.has(id) && !nodeReaches.has(id) && !stuck.has(id)) out.add('error', msg('no-ending', { id }), ['nodes', id]);
  }
}

function loops(g: StateGraph, order: GraphOrder, out: Collector): void {
  const position = new Map(g.nodeIds.map((id, i) => [id, i]));
  const seen = new Set<string>();
  for (const members of order.loops) {
    const names = [...new Set(members.map((s) => g.states[s].node))].sort((a, b) => (position.get(a) as number) - (position.get(b) as number));
    if (seen.has(names.join(','))) continue;
    seen.add(names.join(','));
    const inside = (to: number | string | null) => typeof to === 'number' && order.component[to] === order.component[members[0]];
    const gain = members
      .flatMap((s) => (g.choices.get(g.states[s].node) as Choice[]).filter((_, c) => inside(g.next[s][c])))
      .map((c) => ({ choice: choiceRef(c), dimension: DIMENSIONS.find((_, i) => c.points[i] > 0) }))
      .find((x) => x.dimension);
    if (gain) out.add('error', msg('score-loop', { nodes: names, choice: gain.choice, dimension: gain.dimension as string }), ['nodes', names[0]]);
    else out.add('error', msg('loop', { nodes: names }), ['nodes', names[0]]);
  }
}

function conditions(g: StateGraph, out: Collector): void {
  const moods = (node: string) => {
    const at = g.states.filter((s) => s.node === node).map((s) => s.mood);
    return { low: Math.min(...at), high: Math.max(...at) };
  };
  let unsetOf: ((when: Condition | undefined) => UnsetFlag[]) | undefined; // worked out only when a condition never holds
  const unset = (when: Condition | undefined) => (unsetOf ??= unsetFlags(g))(when);
  for (const [node, choices] of g.choices) {
    if (!g.nodeReached.has(node)) continue;
    for (const c of choices) {
      if (!c.available) {
        const when = (c.way as Option).when;
        out.add('error', msg('condition-never-holds', { choice: choiceRef(c), route: null, ...moods(node), unset: unset(when) }), [...choicePath(c), 'when']);
        continue;
      }
      routesOf(c.way.next).forEach((route, r) => {
        if (c.routeTaken[r] || typeof route?.to !== 'string') return;
        if (route.when && !c.routeHeld[r]) {
          out.add('error', msg('condition-never-holds', { choice: choiceRef(c), route: route.to, unset: unset(route.when) }), [...routePath(c, r), 'when']);
        } else out.add('warning', msg('route-never-taken', { choice: choiceRef(c), route: route.to }), routePath(c, r));
      });
    }
  }
}

/**
 * The flags a condition needs set (`true`, or `false` under a `not`) that no option or time-out of
 * the scenario ever sets, each with the closest flag that is set: a condition on such a flag never
 * holds, and the usual cause is a typo in its name.
 */
function unsetFlags(g: StateGraph): (when: Condition | undefined) => UnsetFlag[] {
  const set = new Set<string>();
  for (const choices of g.choices.values()) {
    for (const c of choices) for (const [flag, on] of Object.entries(c.way.effects?.flags ?? {})) if (on === true) set.add(flag);
  }
  return (when) => {
    const needed = new Set<string>();
    const walk = (cond: Condition | undefined, negated: boolean): void => {
      if (!cond || typeof cond !== 'object') return;
      for (const [flag, value] of Object.entries(cond.flags ?? {})) if (value !== negated && !set.has(flag)) needed.add(flag);
      for (const part of [...(cond.all ?? []), ...(cond.any ?? [])]) walk(part, negated);
      walk(cond.not, !negated);
    };
    walk(when, false);
    return [...needed].map((flag) => ({ flag, suggestion: suggest(flag, set) }));
  };
}

/** Whether a text holds some words (in any language). */
function hasText(text: unknown): boolean {
  if (typeof text === 'string') return !isBlank(text);
  return !!text && typeof text === 'object' && Object.values(text).some((v) => typeof v === 'string' && !isBlank(v));
}

/** Content findings: options that all score alike, and ways out without feedback. */
function content(g: StateGraph, out: Collector): void {
  for (const [id, choices] of g.choices) {
    const options = choices.filter((c) => c.index >= 0);
    const alike = (c: Choice) => c.points.every((p, i) => p === options[0].points[i]) && (c.way.effects?.mood ?? 0) === (options[0].way.effects?.mood ?? 0);
    if (options.length >= 2 && options.every(alike)) out.add('warning', msg('same-scores', { id }), ['nodes', id, 'options']);
    for (const c of choices) {
      if (hasText(c.way.feedback)) continue;
      const text = c.index >= 0 ? ((c.way as Option).text ?? null) : null;
      out.add('warning', msg('missing-feedback', { choice: { node: id, option: c.index >= 0 ? (c.id ?? '') : null }, text }), choicePath(c));
    }
  }
}
