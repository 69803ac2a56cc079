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
import type { GraphOrder } from './analyse-order';
import { statesReachingEnding } from './analyse-order';
import type { Optimum } from './analyse-dp';
import { t } from './text';

/** By default at most this many findings with the same code are listed; then one that says how many more. */
const PER_CODE = 40;

const q = (id: string): string => `"${id}"`;

function list(items: string[]): string {
  const quoted = items.map(q);
  if (quoted.length <= 1) return quoted.join('');
  const shown = quoted.length > 6 ? [...quoted.slice(0, 6), `${quoted.length - 6} more`] : quoted;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function flagsText(flags: Readonly<Record<string, boolean>>): string {
  const set = Object.keys(flags).filter((k) => flags[k]);
  return set.length ? `flag${set.length > 1 ? 's' : ''} ${list(set)} set` : 'no flags set';
}

function choiceName(c: Choice, node: string): string {
  return c.id === null ? `the time-out of node ${q(node)}` : `option ${q(c.id)} of node ${q(node)}`;
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
  add(severity: Finding['severity'], code: string, message: string, path: JsonPath): void {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    if (n <= this.perCode) this.findings.push({ severity, code, message, path });
  }
  close(): Finding[] {
    for (const [code, n] of this.counts) {
      if (n > this.perCode) {
        const first = this.findings.find((f) => f.code === code) as Finding;
        this.findings.push({ ...first, path: [], message: `…and ${n - this.perCode} more problems like this (${code}).` });
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
    out.add('error', 'too-many-states', `The flags of this story can be combined in more than ${MAX_FLAG_SETS.toLocaleString('en')} ways, too many to check. Use fewer flags: set a flag only when a later condition needs it, and clear flags that are no longer needed.`, []);
  } else if (g.truncated) {
    out.add('error', 'too-many-states', `This story has more than ${g.maxStates.toLocaleString('en')} combinations of node, mood and flags, too many to check. Use fewer flags, or fewer conditions that depend on them.`, []);
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
        out.add('warning', 'flat-dimension', `No path scores differently on ${d}: every way through the story gives ${r.min} point${Math.abs(r.min) === 1 ? '' : 's'}, so every player gets 100 on it. Give some options ${d} points (see the scoring rubric in scenarios/README.md).`, []);
      }
    }
  }
  return out.close();
}

function structure(scenario: Scenario, g: StateGraph, order: GraphOrder, out: Collector): void {
  // Who mentions each id: reached nodes (then their conditions keep it out) or only unreached ones.
  const fromReached = new Set<string>();
  const fromUnreached = new Map<string, string>();
  g.choices.forEach((list, n) => {
    for (const c of list) {
      for (let r = 0; r < c.routeCount; r++) {
        const to = routeOf(c, r)?.to;
        if (to === undefined) continue;
        if (g.nodeReached[n]) fromReached.add(to);
        else if (!fromUnreached.has(to)) fromUnreached.set(to, g.nodeIds[n]);
      }
    }
  });
  const why = (id: string): string =>
    fromReached.has(id)
      ? 'the options and routes that lead there never apply in any way through the story (check their conditions)'
      : fromUnreached.has(id)
        ? `only node ${q(fromUnreached.get(id) as string)} leads there, and that node cannot be reached itself`
        : 'no option, route or time-out leads there';
  g.nodeIds.forEach((id, i) => {
    if (!g.nodeReached[i]) out.add('error', 'unreachable-node', `Node ${q(id)} can never be reached: ${why(id)}. Link it from an option, or delete it.`, ['nodes', id]);
  });
  g.endingIds.forEach((id, i) => {
    if (!g.endingReached[i]) out.add('error', 'unreachable-ending', `Ending ${q(id)} can never be reached: ${why(id)}. Link it from an option, or delete it.`, ['endings', id]);
  });
  const stuck = new Set<number>();
  const byNode = new Map<number, number[]>();
  for (const s of g.deadEnds) byNode.set(g.stateNode[s], [...(byNode.get(g.stateNode[s]) ?? []), s]);
  for (const [node, states] of byNode) {
    stuck.add(node);
    const id = g.nodeIds[node];
    const when = states.slice(0, 3).map((s) => `mood ${g.stateMood[s]} and ${flagsText(g.flagSets[g.stateFlags[s]])}`);
    out.add('error', 'dead-end', `The player gets stuck at node ${q(id)} when it is reached with ${when.join('; or ')}${states.length > 3 ? ` (and ${states.length - 3} more combinations)` : ''}: none of its options is available then, and it has no time limit. Give one option no condition, or add a time limit.`, ['nodes', id]);
  }
  for (const [s, c] of g.noRoute.slice(0, 200)) {
    const node = g.nodeIds[g.stateNode[s]];
    const ch = g.choices[g.stateNode[s]][c];
    out.add('error', 'no-route', `After ${choiceName(ch, node)} (reached with mood ${g.stateMood[s]} and ${flagsText(g.flagSets[g.stateFlags[s]])}) none of its routes applies. Leave the condition off the last route, so it catches every other case.`, [...choicePath(ch, node), 'next']);
  }
  loops(g, order, out);
  // Without loops, and with a way on from every state, every way leads to an ending: skip the search.
  if (order.loops.length === 0 && g.deadEnds.length === 0 && g.noRoute.length === 0 && g.droppedEdges === 0) return;
  const reaches = statesReachingEnding(g);
  const nodeReaches = new Uint8Array(g.nodeIds.length);
  for (let s = 0; s < stateCount(g); s++) if (reaches[s]) nodeReaches[g.stateNode[s]] = 1;
  g.nodeIds.forEach((id, i) => {
    if (g.nodeReached[i] && !nodeReaches[i] && !stuck.has(i)) {
      out.add('error', 'no-ending', `From node ${q(id)} no ending can be reached: every way on runs into a dead end or goes round in a loop. Make sure one of its options leads on towards an ending.`, ['nodes', id]);
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
    let gain: string | null = null;
    for (const s of members) {
      for (let e = g.edgeStart[s]; e < g.edgeStart[s + 1] && !gain; e++) {
        const t = g.edgeTarget[e];
        if (t < 0 || order.component[t] !== comp) continue;
        const ch = g.choices[g.stateNode[s]][g.edgeChoice[e]];
        const d = DIMENSIONS.find((_, i) => ch.points[i] > 0);
        if (d) gain = `${choiceName(ch, g.nodeIds[g.stateNode[s]])} adds ${d} points each time round`;
      }
    }
    const where = names.length === 1 ? `node ${q(names[0])} leads back to itself` : `nodes ${list(names)} lead back to each other`;
    if (gain) {
      out.add('error', 'score-loop', `Players can pile up points in a loop: ${where}, and ${gain}. Make the loop impossible to repeat (for example with a flag set the first time round and a condition on it), or lead it on to an ending.`, ['nodes', names[0]]);
    } else {
      out.add('error', 'loop', `Players can go round in a loop forever: ${where} with nothing that stops it. Make the loop impossible to repeat (for example with a flag set the first time round and a condition on it), or lead it on to an ending.`, ['nodes', names[0]]);
    }
  }
}

function conditions(scenario: Scenario, g: StateGraph, out: Collector): void {
  let lo: Int8Array | null = null;
  let hi: Int8Array | null = null;
  const moodsAt = (n: number): string => {
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
    return lo[n] === hi[n] ? `the mood here is always ${lo[n]}` : `the mood here is between ${lo[n]} and ${hi[n]}`;
  };
  g.nodeIds.forEach((id, n) => {
    if (!g.nodeReached[n]) return;
    for (const ch of g.choices[n]) {
      if (!ch.available) {
        out.add('error', 'condition-never-holds', `${cap(choiceName(ch, id))} is never shown: its condition never holds in any way the story reaches this node (${moodsAt(n)}). Change the condition, or remove the option.`, [...choicePath(ch, id), 'when']);
        continue;
      }
      for (let r = 0; r < ch.routeCount; r++) {
        const route = routeOf(ch, r);
        if (!route || g.routeTaken[ch.base + r]) continue;
        const path = routePath(ch, id, r, scenario);
        if (route.when && !g.routeHeld[ch.base + r]) {
          out.add('error', 'condition-never-holds', `The route to ${q(route.to)} after ${choiceName(ch, id)} is never taken: its condition never holds after this choice. Change the condition, or remove the route.`, [...path, 'when']);
        } else {
          out.add('warning', 'route-never-taken', `The route to ${q(route.to)} after ${choiceName(ch, id)} is never taken: an earlier route always applies first. Change the order of the routes or their conditions.`, path);
        }
      }
    }
  });
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Content findings, from what prepareChoices read (the scenario's objects are only visited again for a message). */
function content(scenario: Scenario, g: StateGraph, out: Collector): void {
  for (let n = 0; n < g.nodeIds.length; n++) {
    const id = g.nodeIds[n];
    const options = g.choices[n];
    if (countOptions(options) >= 2) {
      if (allSameEffects(options)) {
        out.add('warning', 'same-scores', `All options of node ${q(id)} have the same effects on warmth, initiative, outcome and mood, so this decision makes no difference. Let the options differ the way their behaviour differs.`, ['nodes', id, 'options']);
      }
    }
    for (const c of options) {
      if (c.feedback) continue;
      if (c.index >= 0) {
        out.add('warning', 'missing-feedback', `Option ${q(c.id ?? '')} of node ${q(id)} ("${short(t(scenario.nodes[id].options[c.index]?.text, 'en'))}") has no feedback. Add one or two sentences that name the behaviour and its effect on the customer.`, ['nodes', id, 'options', c.index]);
      } else {
        out.add('warning', 'missing-feedback', `The time-out of node ${q(id)} has no feedback. Add a sentence on what letting the customer wait does.`, ['nodes', id, 'timeLimit']);
      }
    }
  }
}

/** How many options (not the time-out) a node's choices hold. */
function countOptions(choices: Choice[]): number {
  let n = 0;
  for (const c of choices) if (c.index >= 0) n++;
  return n;
}

/** Whether every option (not the time-out) of a node moves the scores and mood like the first. */
function allSameEffects(choices: Choice[]): boolean {
  for (const c of choices) if (c.index >= 0 && !sameEffects(c, choices[0])) return false;
  return true;
}

/** Whether two choices move warmth, initiative, outcome and mood alike (compared without building strings: this runs for every node). */
function sameEffects(a: Choice, b: Choice): boolean {
  for (let i = 0; i < a.points.length; i++) if (a.points[i] !== b.points[i]) return false;
  return (a.effects.mood ?? 0) === (b.effects.mood ?? 0);
}

function short(text: string): string {
  return text.length > 40 ? text.slice(0, 39) + '…' : text;
}
