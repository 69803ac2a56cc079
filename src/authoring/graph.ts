/**
 * The scenario map's model: nodes, endings and the edges between them, read defensively from a
 * scenario (valid or not), with the analysis's findings (or the validator's problems) attached to
 * the nodes they concern, and the best path marked. Pure: no DOM, no layout.
 */
import type { EndingTone, Effects, Lang, Text } from '../engine/types';
import type { Finding, ScenarioPath } from '../engine/contract';
import { messageText } from '../engine/message-catalog';
import { sentence } from '../engine/messages';
import { arr, keys, num, own, rec, str, text } from './loose';

export type MapNodeKind = 'decision' | 'timed' | 'ending';
/** What the map flags on a node. */
export type FlagKind = 'unreachable' | 'dead-end' | 'loop' | 'error' | 'warning';
/** The paths of players who do not read: always the longest option, always the shortest. */
export type NaiveKind = 'longest' | 'shortest';
export const NAIVE_KINDS: readonly NaiveKind[] = ['longest', 'shortest'];

export interface MapNode {
  id: string;
  kind: MapNodeKind;
  /** For endings. */
  tone?: EndingTone;
  /** For timed decisions. */
  seconds?: number;
  /** The situation (decisions) or the title (endings). */
  label?: Text;
  /** What the customer says and does here. */
  says?: Text;
  does?: Text;
  /** The ending's closing text. */
  text?: Text;
  /** The ending's own effects. */
  effects?: Effects;
  /** For timed decisions: what waiting does and why. */
  timeoutFeedback?: Text;
  isStart: boolean;
  onBestPath: boolean;
  /** The naive paths (GraphInput.naivePaths) that pass here. */
  naive: NaiveKind[];
  flags: FlagKind[];
  /** The sentences of the findings/problems about this node. */
  messages: string[];
}

export interface MapEdge {
  /** Unique per edge. */
  key: string;
  from: string;
  to: string;
  /** The option id, or null for the time-out. */
  option: string | null;
  text?: Text;
  effects?: Effects;
  feedback?: Text;
  /** True when this route depends on a condition (not the default route). */
  conditional: boolean;
  /** True when the option itself is only shown under a condition. */
  optionConditional: boolean;
  /** The target does not exist. */
  broken: boolean;
  onBestPath: boolean;
  /** The naive paths (GraphInput.naivePaths) that take this edge. */
  naive: NaiveKind[];
}

export interface MapGraph {
  start: string;
  nodes: MapNode[];
  edges: MapEdge[];
  /** True when the scenario had more nodes than the map draws. */
  truncated: boolean;
}

/** Beyond this the map would not be readable (and the validator refuses far earlier). */
export const MAP_NODE_LIMIT = 1500;

function effectsOf(x: unknown): Effects | undefined {
  const o = rec(x);
  if (!o) return undefined;
  const e: Effects = {};
  for (const k of ['warmth', 'initiative', 'outcome', 'mood'] as const) {
    const v = num(own(o, k));
    if (v !== undefined) e[k] = v;
  }
  return e;
}

/** The targets of a `next` value: a plain id or a list of routes. */
function targetsOf(next: unknown): { to: string; conditional: boolean }[] {
  if (typeof next === 'string') return [{ to: next, conditional: false }];
  const out: { to: string; conditional: boolean }[] = [];
  for (const r of arr(next).slice(0, 50)) {
    const route = rec(r);
    const to = str(own(route, 'to'));
    if (to !== undefined) out.push({ to, conditional: own(route, 'when') !== undefined });
  }
  return out;
}

/** Which flag a finding or problem code stands for. */
export function flagOf(code: string, severity: 'error' | 'warning'): FlagKind {
  if (/unreach/.test(code)) return 'unreachable';
  if (/dead|no-ending|cannot-end|never-ends|no-exit/.test(code)) return 'dead-end';
  if (/loop|cycle/.test(code)) return 'loop';
  return severity;
}

export interface GraphInput {
  /** The scenario (or the parsed, possibly invalid, JSON). */
  scenario: unknown;
  /** Analysis findings or validation problems; those whose path points at a node flag it. */
  findings?: readonly Finding[];
  bestPath?: ScenarioPath;
  /** Paths to mark beside the best path: where a player who always picks the longest (or shortest) option goes. */
  naivePaths?: Partial<Record<NaiveKind, ScenarioPath>>;
  /** The language of the findings' sentences (the UI's); without it, their English (or as given). */
  lang?: Lang;
  /** The authors' guide as the sentences name it (ValidateOptions.guide); by default the file. */
  guide?: string;
}

/** Builds the map model. Never throws; draws what it can of a broken scenario. */
export function buildGraph({ scenario, findings = [], bestPath, naivePaths = {}, lang, guide }: GraphInput): MapGraph {
  const s = rec(scenario);
  const nodesObj = rec(own(s, 'nodes'));
  const endingsObj = rec(own(s, 'endings'));
  const start = str(own(s, 'start')) ?? '';
  const nodeIds = keys(nodesObj, MAP_NODE_LIMIT);
  const endingIds = keys(endingsObj, MAP_NODE_LIMIT).filter((id) => !Object.prototype.hasOwnProperty.call(nodesObj ?? {}, id));
  const truncated = Object.keys(nodesObj ?? {}).length > MAP_NODE_LIMIT || Object.keys(endingsObj ?? {}).length > MAP_NODE_LIMIT;

  const byId = new Map<string, MapNode>();
  for (const id of nodeIds) {
    const n = rec(own(nodesObj, id));
    const limit = rec(own(n, 'timeLimit'));
    const customer = rec(own(n, 'customer'));
    byId.set(id, {
      id,
      kind: limit ? 'timed' : 'decision',
      seconds: num(own(limit, 'seconds')),
      label: text(own(n, 'situation')),
      says: text(own(customer, 'says')),
      does: text(own(customer, 'does')),
      timeoutFeedback: text(own(limit, 'feedback')),
      isStart: id === start,
      onBestPath: false,
      naive: [],
      flags: [],
      messages: [],
    });
  }
  for (const id of endingIds) {
    const e = rec(own(endingsObj, id));
    const tone = str(own(e, 'tone'));
    byId.set(id, {
      id,
      kind: 'ending',
      tone: tone === 'fan' || tone === 'neutral' || tone === 'lost' ? tone : undefined,
      label: text(own(e, 'title')),
      text: text(own(e, 'text')),
      effects: effectsOf(own(e, 'effects')),
      says: text(own(rec(own(e, 'customer')), 'says')),
      isStart: false,
      onBestPath: false,
      naive: [],
      flags: [],
      messages: [],
    });
  }

  const edges: MapEdge[] = [];
  for (const id of nodeIds) {
    const n = rec(own(nodesObj, id));
    arr(own(n, 'options')).slice(0, 20).forEach((o, i) => {
      const opt = rec(o);
      const option = str(own(opt, 'id')) ?? `#${i + 1}`;
      targetsOf(own(opt, 'next')).forEach((t, r) => {
        edges.push({
          key: `${id}\u0000${option}\u0000${r}`,
          from: id,
          to: t.to,
          option,
          text: text(own(opt, 'text')),
          effects: effectsOf(own(opt, 'effects')),
          feedback: text(own(opt, 'feedback')),
          conditional: t.conditional,
          optionConditional: own(opt, 'when') !== undefined,
          broken: !byId.has(t.to),
          onBestPath: false,
          naive: [],
        });
      });
    });
    const limit = rec(own(n, 'timeLimit'));
    if (limit) {
      targetsOf(own(limit, 'next')).forEach((t, r) => {
        edges.push({
          key: `${id}\u0000\u0000${r}`,
          from: id,
          to: t.to,
          option: null,
          effects: effectsOf(own(limit, 'effects')),
          feedback: text(own(limit, 'feedback')),
          conditional: t.conditional,
          optionConditional: false,
          broken: !byId.has(t.to),
          onBestPath: false,
          naive: [],
        });
      });
    }
  }

  markPath(byId, edges, bestPath, (x) => (x.onBestPath = true));
  for (const kind of NAIVE_KINDS) markPath(byId, edges, naivePaths[kind], (x) => x.naive.push(kind));
  attachFindings(byId, findings, (f) => (lang && f.ref ? sentence(messageText(lang, f.ref, scenario, guide)) : f.message));
  structuralFlags(byId, edges, start);
  return { start, nodes: [...byId.values()], edges, truncated };
}

/** Marks the nodes and the exact edges of a path (each once, even when a node is visited twice). */
function markPath(byId: Map<string, MapNode>, edges: MapEdge[], path: ScenarioPath | undefined, mark: (x: MapNode | MapEdge) => void): void {
  if (!path) return;
  const seen = new Set<MapNode | MapEdge>();
  const once = (x: MapNode | MapEdge | undefined) => {
    if (x && !seen.has(x)) {
      seen.add(x);
      mark(x);
    }
  };
  const steps = path.steps;
  steps.forEach((step, i) => {
    once(byId.get(step.node));
    const nextId = i + 1 < steps.length ? steps[i + 1].node : path.ending;
    once(edges.find((e) => e.from === step.node && e.option === step.option && e.to === nextId));
  });
  once(byId.get(path.ending));
}

function attachFindings(byId: Map<string, MapNode>, findings: readonly Finding[], words: (f: Finding) => string): void {
  for (const f of findings) {
    if ((f.path[0] !== 'nodes' && f.path[0] !== 'endings') || typeof f.path[1] !== 'string') continue;
    const node = byId.get(f.path[1]);
    if (!node) continue;
    const flag = flagOf(f.code, f.severity);
    if (!node.flags.includes(flag)) node.flags.push(flag);
    const message = words(f);
    if (!node.messages.includes(message)) node.messages.push(message);
  }
}

/** Reachability ignoring conditions: catches what a broken file's analysis could not report. */
function structuralFlags(byId: Map<string, MapNode>, edges: MapEdge[], start: string): void {
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  for (const e of edges) {
    if (e.broken) continue;
    (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e.to);
    (into.get(e.to) ?? into.set(e.to, []).get(e.to)!).push(e.from);
  }
  const walk = (roots: string[], adj: Map<string, string[]>): Set<string> => {
    const seen = new Set(roots);
    const todo = [...roots];
    while (todo.length) {
      for (const m of adj.get(todo.pop()!) ?? []) {
        if (seen.has(m)) continue;
        seen.add(m);
        todo.push(m);
      }
    }
    return seen;
  };
  const reached = byId.has(start) ? walk([start], out) : new Set<string>();
  const ends = [...byId.values()].filter((n) => n.kind === 'ending').map((n) => n.id);
  const canEnd = walk(ends, into);
  for (const n of byId.values()) {
    if (byId.has(start) && !reached.has(n.id) && !n.flags.includes('unreachable')) n.flags.push('unreachable');
    if (n.kind !== 'ending' && !canEnd.has(n.id) && !n.flags.includes('dead-end')) n.flags.push('dead-end');
  }
}
