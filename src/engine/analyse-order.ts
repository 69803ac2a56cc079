/**
 * Orders of the state graph: strongly connected components (loops) with an iterative Tarjan,
 * which also yields an order in which every state comes after the states it leads to, and the
 * states from which an ending can be reached.
 */
import type { StateGraph } from './analyse-graph';
import { stateCount } from './analyse-graph';
import { scratch, zeroed } from './analyse-scratch';

/** The components of the state graph and an evaluation order. */
export interface GraphOrder {
  /** Every explored state, successors first (within a loop: in the order Tarjan closes it). */
  order: Int32Array;
  /** The component of each state. Both arrays are working memory (analyse-scratch.ts), maybe longer than the state count. */
  component: Int32Array;
  /** Components that contain a loop (more than one state, or a state leading to itself), as lists of states. */
  loops: number[][];
}


/**
 * The nodes in topological order (each before the nodes its options lead to), or null when the
 * nodes themselves form a loop somewhere (Kahn's algorithm over every route of every option).
 */
function nodeTopology(g: StateGraph): Int32Array | null {
  const count = g.nodeIds.length;
  const indegree = zeroed('order.indegree', Int32Array, count);
  const targets = g.routeTarget;
  for (let i = 0; i < g.routeCount; i++) if (targets[i] >= 0) indegree[targets[i]]++;
  const rank = scratch('order.rank', Int32Array, count);
  // Each node enters the queue at most once (when its last incoming route is counted).
  const queue = scratch('order.queue', Int32Array, count);
  let tail = 0;
  for (let v = 0; v < count; v++) if (indegree[v] === 0) queue[tail++] = v;
  for (let q = 0; q < tail; q++) {
    const v = queue[q];
    rank[v] = q;
    // The routes of the node's choices are one run of the route arrays.
    for (let r = g.routeStart[g.choiceStart[v]], end = g.routeStart[g.choiceStart[v + 1]]; r < end; r++) {
      const t = targets[r];
      if (t >= 0 && --indegree[t] === 0) queue[tail++] = t;
    }
  }
  return tail === count ? rank : null;
}

/**
 * The evaluation order when the nodes form no loop: then no state can repeat, and sorting the
 * states by their node's topological rank, last first, puts every state after its successors.
 */
function orderByNodes(g: StateGraph, rank: Int32Array, n: number): GraphOrder {
  const buckets = zeroed('order.buckets', Int32Array, g.nodeIds.length + 1);
  for (let s = 0; s < n; s++) buckets[g.nodeIds.length - rank[g.stateNode[s]]]++;
  for (let i = 1; i <= g.nodeIds.length; i++) buckets[i] += buckets[i - 1];
  const order = scratch('order.order', Int32Array, n);
  for (let s = n - 1; s >= 0; s--) order[--buckets[g.nodeIds.length - rank[g.stateNode[s]]]] = s;
  const component = scratch('order.component', Int32Array, n);
  for (let s = 0; s < n; s++) component[s] = s;
  return { order, component, loops: [] };
}

/** Finds the loops of the state graph (iteratively: no recursion, so 10,000-node chains are fine). */
export function orderStates(g: StateGraph): GraphOrder {
  const n = stateCount(g);
  const rank = nodeTopology(g);
  if (rank) return orderByNodes(g, rank, n);
  const index = scratch('order.index', Int32Array, n).fill(-1, 0, n);
  const low = scratch('order.low', Int32Array, n);
  const edgePtr = scratch('order.edgePtr', Int32Array, n);
  const onStack = zeroed('order.onStack', Uint8Array, n);
  const component = scratch('order.component', Int32Array, n).fill(-1, 0, n);
  const order = scratch('order.order', Int32Array, n);
  const loops: number[][] = [];
  const stack: number[] = [];
  const calls: number[] = [];
  let counter = 0;
  let written = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    calls.push(root);
    edgePtr[root] = g.edgeStart[root];
    while (calls.length > 0) {
      const v = calls[calls.length - 1];
      const ptr = edgePtr[v];
      if (ptr < g.edgeStart[v + 1]) {
        edgePtr[v] = ptr + 1;
        const w = g.edgeTarget[ptr];
        if (w < 0 || w >= n) continue;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          calls.push(w);
          edgePtr[w] = g.edgeStart[w];
        } else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      calls.pop();
      if (calls.length > 0) {
        const u = calls[calls.length - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      let w: number;
      do {
        w = stack.pop() as number;
        onStack[w] = 0;
        component[w] = components;
        order[written++] = w;
        members.push(w);
      } while (w !== v);
      if (members.length > 1 || selfLoop(g, v)) loops.push(members);
      components++;
    }
  }
  return { order, component, loops };
}

function selfLoop(g: StateGraph, s: number): boolean {
  for (let e = g.edgeStart[s]; e < g.edgeStart[s + 1]; e++) if (g.edgeTarget[e] === s) return true;
  return false;
}

/** For each explored state, whether some ending can be reached from it (reverse breadth-first search). */
export function statesReachingEnding(g: StateGraph): Uint8Array {
  const n = stateCount(g);
  const inCount = new Int32Array(n + 1);
  const reaches = new Uint8Array(n);
  const queue: number[] = [];
  for (let s = 0; s < n; s++) {
    for (let e = g.edgeStart[s]; e < g.edgeStart[s + 1]; e++) {
      const t = g.edgeTarget[e];
      if (t < 0) {
        if (!reaches[s]) {
          reaches[s] = 1;
          queue.push(s);
        }
      } else if (t < n) inCount[t + 1]++;
    }
  }
  for (let i = 0; i < n; i++) inCount[i + 1] += inCount[i];
  const fill = inCount.slice(0, n);
  const from = new Int32Array(inCount[n]);
  for (let s = 0; s < n; s++) {
    for (let e = g.edgeStart[s]; e < g.edgeStart[s + 1]; e++) {
      const t = g.edgeTarget[e];
      if (t >= 0 && t < n) from[fill[t]++] = s;
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const t = queue[q];
    for (let i = inCount[t]; i < inCount[t + 1]; i++) {
      const s = from[i];
      if (!reaches[s]) {
        reaches[s] = 1;
        queue.push(s);
      }
    }
  }
  return reaches;
}
