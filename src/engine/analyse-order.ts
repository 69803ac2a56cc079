/**
 * Orders of the state graph: its loops (strongly connected components, by Tarjan's algorithm,
 * iterative so that long chains cannot overflow the stack), which also yields an order in which
 * every state comes after the states it leads to; and the states from which an ending can be reached.
 */
import type { StateGraph } from './analyse-graph';

export interface GraphOrder {
  /** Every explored state, successors first (within a loop: in the order Tarjan closes it). */
  order: number[];
  /** The component of each state. */
  component: number[];
  /** Components that contain a loop (more than one state, or a state leading to itself). */
  loops: number[][];
}

/** The order of each graph, worked out once: the analysis and the test-wiseness checks both need it. */
const orders = new WeakMap<StateGraph, GraphOrder>();

export function orderStates(g: StateGraph): GraphOrder {
  let known = orders.get(g);
  if (!known) orders.set(g, (known = findOrder(g)));
  return known;
}

function findOrder(g: StateGraph): GraphOrder {
  const n = g.next.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const nextEdge = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const component = new Array<number>(n).fill(-1);
  const order: number[] = [];
  const loops: number[][] = [];
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  const open = (s: number, calls: number[]) => {
    index[s] = low[s] = counter++;
    stack.push(s);
    onStack[s] = true;
    calls.push(s);
  };
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    const calls: number[] = [];
    open(root, calls);
    while (calls.length > 0) {
      const v = calls[calls.length - 1];
      if (nextEdge[v] < g.next[v].length) {
        const w = g.next[v][nextEdge[v]++];
        if (typeof w !== 'number' || w >= n) continue;
        if (index[w] < 0) open(w, calls);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      calls.pop();
      if (calls.length > 0) low[calls[calls.length - 1]] = Math.min(low[calls[calls.length - 1]], low[v]);
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      let w: number;
      do {
        w = stack.pop() as number;
        onStack[w] = false;
        component[w] = components;
        order.push(w);
        members.push(w);
      } while (w !== v);
      if (members.length > 1 || g.next[v].includes(v)) loops.push(members);
      components++;
    }
  }
  return { order, component, loops };
}

/** For each explored state, whether some ending can be reached from it (backwards breadth-first). */
export function statesReachingEnding(g: StateGraph): boolean[] {
  const n = g.next.length;
  const from: number[][] = Array.from({ length: n }, () => []);
  const reaches = new Array<boolean>(n).fill(false);
  const queue: number[] = [];
  g.next.forEach((next, s) => {
    for (const to of next) {
      if (typeof to === 'number') from[to]?.push(s);
      else if (typeof to === 'string' && !reaches[s]) {
        reaches[s] = true;
        queue.push(s);
      }
    }
  });
  for (let q = 0; q < queue.length; q++) {
    for (const s of from[queue[q]]) {
      if (!reaches[s]) {
        reaches[s] = true;
        queue.push(s);
      }
    }
  }
  return reaches;
}
