/**
 * The findings of the graph analysis, in plain manager language: what is wrong, where, and how
 * to fix it. Structural problems first (unreachable parts, dead ends, loops), then conditions
 * that never hold, then weak content.
 */
import type { Finding, JsonPath } from './contract';
import type { Scenario } from './types';
import { DIMENSIONS } from './types';
import type { Choice, StateGraph } from './analyse-graph';
import { MAX_FLAG_SETS, routeOf, stateCount } from './analyse-graph';
import { AVAILABLE, choiceAt, HAS_FEEDBACK, routeTo, sameEffects } from './analyse-choices';
import type { GraphOrder } from './analyse-order';
import { statesReachingEnding } from './analyse-order';
import type { Optimum } from './analyse-dp';
import type { ChoiceRef, MessageRef, StateRef, Why } from './message-args';
import { msg } from './message-args';
import { englishText } from './messages-en';

/** By default at most this many findings with the same code are listed; then one that says how many more. */
const PER_CODE = 40;

/** A (mood, flags) state for a message. */
function stateRef(mood: number, flags: Readonly<Record<string, boolean>>): StateRef {
  return { mood, flags: Object.keys(flags).filter((k) => flags[k]) };
}

/** An option (or the time-out) of a node, for a message. */
function choiceRef(c: Choice, node: string): ChoiceRef {
  return { node, option: c.id };
}

function choicePath(c: Choice, node: string): JsonPath {
  return c.index < 0 ? ['nodes', node, 'timeLimit'] : ['nodes', node, 'options', c.index];
}

function routePath(c: Choice, node: string, r: number, scenario: Scenario): JsonPath {
  const next = c.index < 0 ? scenario.nodes[node].timeLimit?.next : scenario.nodes[node].options[c.index]?.next;
  return typeof next === 'string' ? [...choicePath(c, node), 'next'] : [...choicePath(c, node), 'next', r];
}

/** Collects findings, at most PER_CODE per code. */
class Collector {
  readonly findings: Finding[] = [];
  private counts = new Map<string, number>();
  constructor(private readonly perCode: number) {}
  add(severity: Finding['severity'], ref: MessageRef, path: JsonPath): void {
    const code = ref.key;
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    if (n <= this.perCode) this.findings.push({ severity, code, message: englishText(ref), ref, path });
  }
  close(): Finding[] {
    for (const [code, n] of this.counts) {
      if (n > this.perCode) {
        const first = this.findings.find((f) => f.code === code) as Finding;
        const ref = msg('more-like-this', { more: n - this.perCode, code });
        this.findings.push({ ...first, path: [], message: englishText(ref), ref });
      }
    }
    return this.findings;
  }
}

/** Everything the analysis reports about a scenario's graph and content. */
export function findingsOf(
  scenario: Scenario,
  g: StateGraph,
  order: GraphOrder | null,
  opt: Optimum | null,
  perCode: number = PER_CODE,
): Finding[] {
  const out = new Collector(perCode);
  if (g.truncated === 'flags') {
    out.add('error', msg('too-many-states', { flags: true, max: MAX_FLAG_SETS }), []);
  } else if (g.truncated) {
    out.add('error', msg('too-many-states', { flags: false, max: g.maxStates }), []);
  } else if (g.start >= 0 && order) {
    structure(scenario, g, order, out);
    conditions(scenario, g, out);
  }
  content(scenario, g, out);
  // Score ranges are only meaningful once the graph itself is sound.
  if (opt && g.start >= 0 && !g.truncated && !out.findings.some((f) => f.severity === 'error')) {
    for (const d of DIMENSIONS) {
      const r = opt.ranges[d];
      if (r.min === r.max) {
        out.add('warning', msg('flat-dimension', { dimension: d, points: r.min }), []);
      }
    }
  }
  return out.close();
}

function structure(scenario: Scenario, g: StateGraph, order: GraphOrder, out: Collector): void {
  // Who mentions each id: reached nodes (then their conditions keep it out) or only unreached ones.
  // Only needed for a message: worked out when the first one is written.
  let fromReached: Set<string> | null = null;
  const fromUnreached = new Map<string, string>();
  const mentioned = (): Set<string> => {
    if (fromReached) return fromReached;
    fromReached = new Set<string>();
    for (let n = 0; n < g.nodeIds.length; n++) {
      for (let c = g.choiceStart[n]; c < g.choiceStart[n + 1]; c++) {
        for (let r = 0; r < g.routeStart[c + 1] - g.routeStart[c]; r++) {
          const to = routeTo(g, c, r);
          if (to === undefined) continue;
          if (g.nodeReached[n]) fromReached.add(to);
          else if (!fromUnreached.has(to)) fromUnreached.set(to, g.nodeIds[n]);
        }
      }
    }
    return fromReached;
  };
  const why = (id: string): Why =>
    mentioned().has(id) ? { kind: 'conditions' } : fromUnreached.has(id) ? { kind: 'via', node: fromUnreached.get(id) as string } : { kind: 'none' };
  g.nodeIds.forEach((id, i) => {
    if (!g.nodeReached[i]) out.add('error', msg('unreachable-node', { id, why: why(id) }), ['nodes', id]);
  });
  g.endingIds.forEach((id, i) => {
    if (!g.endingReached[i]) out.add('error', msg('unreachable-ending', { id, why: why(id) }), ['endings', id]);
  });
  const stuck = new Set<number>();
  const byNode = new Map<number, number[]>();
  for (const s of g.deadEnds) byNode.set(g.stateNode[s], [...(byNode.get(g.stateNode[s]) ?? []), s]);
  for (const [node, states] of byNode) {
    stuck.add(node);
    const id = g.nodeIds[node];
    const when = states.slice(0, 3).map((s) => stateRef(g.stateMood[s], g.flagSets[g.stateFlags[s]]));
    out.add('error', msg('dead-end', { id, states: when, more: Math.max(0, states.length - 3) }), ['nodes', id]);
  }
  for (const [s, c] of g.noRoute.slice(0, 200)) {
    const node = g.nodeIds[g.stateNode[s]];
    const ch = choiceAt(g, c);
    out.add('error', msg('no-route', { choice: choiceRef(ch, node), state: stateRef(g.stateMood[s], g.flagSets[g.stateFlags[s]]) }), [...choicePath(ch, node), 'next']);
  }
  loops(g, order, out);
  // Without loops, and with a way on from every state, every way leads to an ending: skip the search.
  if (order.loops.length === 0 && g.deadEnds.length === 0 && g.noRoute.length === 0 && g.droppedEdges === 0) return;
  const reaches = statesReachingEnding(g);
  const nodeReaches = new Uint8Array(g.nodeIds.length);
  for (let s = 0; s < stateCount(g); s++) if (reaches[s]) nodeReaches[g.stateNode[s]] = 1;
  g.nodeIds.forEach((id, i) => {
    if (g.nodeReached[i] && !nodeReaches[i] && !stuck.has(i)) {
      out.add('error', msg('no-ending', { id }), ['nodes', id]);
    }
  });
}

function loops(g: StateGraph, order: GraphOrder, out: Collector): void {
  const seen = new Set<string>();
  for (const members of order.loops) {
    // A set, not includes(): a loop may span thousands of states and nodes.
    const nodes = [...new Set(members.map((s) => g.stateNode[s]))].sort((a, b) => a - b);
    const key = nodes.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    const names = nodes.map((n) => g.nodeIds[n]);
    const comp = order.component[members[0]];
    let gain: { choice: ChoiceRef; dimension: string } | null = null;
    for (const s of members) {
      for (let e = g.edgeStart[s]; e < g.edgeStart[s + 1] && !gain; e++) {
        const t = g.edgeTarget[e];
        if (t < 0 || order.component[t] !== comp) continue;
        const ch = choiceAt(g, g.edgeChoice[e]);
        const d = DIMENSIONS.find((_, i) => ch.points[i] > 0);
        if (d) gain = { choice: choiceRef(ch, g.nodeIds[g.stateNode[s]]), dimension: d };
      }
    }
    if (gain) out.add('error', msg('score-loop', { nodes: names, ...gain }), ['nodes', names[0]]);
    else out.add('error', msg('loop', { nodes: names }), ['nodes', names[0]]);
  }
}

function conditions(scenario: Scenario, g: StateGraph, out: Collector): void {
  let lo: Int8Array | null = null;
  let hi: Int8Array | null = null;
  const moodsAt = (n: number): { low: number; high: number } => {
    if (!lo || !hi) {
      // Only needed for a message: computed once, when the first one is written.
      lo = new Int8Array(g.nodeIds.length).fill(99);
      hi = new Int8Array(g.nodeIds.length).fill(-99);
      for (let s = 0; s < stateCount(g); s++) {
        const v = g.stateNode[s];
        if (g.stateMood[s] < lo[v]) lo[v] = g.stateMood[s];
        if (g.stateMood[s] > hi[v]) hi[v] = g.stateMood[s];
      }
    }
    return { low: lo[n], high: hi[n] };
  };
  g.nodeIds.forEach((id, n) => {
    if (!g.nodeReached[n]) return;
    for (let c = g.choiceStart[n]; c < g.choiceStart[n + 1]; c++) {
      // Most choices have nothing to report: a choice object is built only for the others.
      if (g.choiceBits[c] & AVAILABLE && routesTaken(g, c)) continue;
      const ch = choiceAt(g, c);
      if (!ch.available) {
        out.add('error', msg('condition-never-holds', { choice: choiceRef(ch, id), route: null, ...moodsAt(n) }), [...choicePath(ch, id), 'when']);
        continue;
      }
      for (let r = 0; r < ch.routeCount; r++) {
        const route = routeOf(ch, r);
        if (!route || g.routeTaken[ch.base + r]) continue;
        const path = routePath(ch, id, r, scenario);
        if (route.when && !g.routeHeld[ch.base + r]) {
          out.add('error', msg('condition-never-holds', { choice: choiceRef(ch, id), route: route.to }), [...path, 'when']);
        } else {
          out.add('warning', msg('route-never-taken', { choice: choiceRef(ch, id), route: route.to }), path);
        }
      }
    }
  });
}

/** Content findings, from what prepareChoices read (the scenario's objects are only visited again for a message). */
function content(scenario: Scenario, g: StateGraph, out: Collector): void {
  for (let n = 0; n < g.nodeIds.length; n++) {
    const id = g.nodeIds[n];
    const first = g.choiceStart[n];
    const last = g.choiceStart[n + 1];
    if (countOptions(g, first, last) >= 2) {
      if (allSameEffects(g, first, last)) {
        out.add('warning', msg('same-scores', { id }), ['nodes', id, 'options']);
      }
    }
    for (let k = first; k < last; k++) {
      if (g.choiceBits[k] & HAS_FEEDBACK) continue;
      const c = choiceAt(g, k);
      if (c.index >= 0) {
        out.add('warning', msg('missing-feedback', { choice: { node: id, option: c.id ?? '' }, text: scenario.nodes[id].options[c.index]?.text ?? null }), ['nodes', id, 'options', c.index]);
      } else {
        out.add('warning', msg('missing-feedback', { choice: { node: id, option: null }, text: null }), ['nodes', id, 'timeLimit']);
      }
    }
  }
}

/** Whether every route of choice c was taken at least once. */
function routesTaken(g: StateGraph, c: number): boolean {
  for (let r = g.routeStart[c]; r < g.routeStart[c + 1]; r++) if (!g.routeTaken[r]) return false;
  return true;
}

/** How many options (not the time-out) the choices first .. last - 1 of a node hold. */
function countOptions(g: StateGraph, first: number, last: number): number {
  let n = 0;
  for (let c = first; c < last; c++) if (g.choiceIndex[c] >= 0) n++;
  return n;
}

/** Whether every option (not the time-out) of a node moves the scores and mood like the first (compared in the choice table: this runs for every node). */
function allSameEffects(g: StateGraph, first: number, last: number): boolean {
  for (let c = first; c < last; c++) if (g.choiceIndex[c] >= 0 && !sameEffects(g, c, first)) return false;
  return true;
}
