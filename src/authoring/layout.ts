/** Lays the scenario map out in layers, top to bottom, with @dagrejs/dagre. */
import dagre from '@dagrejs/dagre';
import type { MapGraph } from './graph';

export interface Point {
  x: number;
  y: number;
}
export interface PlacedNode {
  id: string;
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface PlacedEdge {
  key: string;
  points: Point[];
  /** Centre of the edge label. */
  label: Point;
}
export interface Layout {
  nodes: Map<string, PlacedNode>;
  edges: Map<string, PlacedEdge>;
  width: number;
  height: number;
}

export const NODE_W = 210;
export const NODE_H = 72;
export const ENDING_W = 190;
export const ENDING_H = 60;
export const LABEL_W = 170;
export const LABEL_H = 50;

/** Positions every node and edge of the graph (broken edges to missing targets are left out). */
export function layoutGraph(graph: MapGraph): Layout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 36, ranksep: 70, edgesep: 16, marginx: 24, marginy: 24 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) {
    const ending = n.kind === 'ending';
    g.setNode(n.id, { width: ending ? ENDING_W : NODE_W, height: ending ? ENDING_H : NODE_H });
  }
  for (const e of graph.edges) {
    if (e.broken) continue;
    g.setEdge(e.from, e.to, { width: LABEL_W, height: LABEL_H, labelpos: 'c', minlen: 1 }, e.key);
  }
  dagre.layout(g);
  const nodes = new Map<string, PlacedNode>();
  for (const id of g.nodes()) {
    const n = g.node(id);
    nodes.set(id, { id, x: n.x, y: n.y, width: n.width, height: n.height });
  }
  const edges = new Map<string, PlacedEdge>();
  for (const ref of g.edges()) {
    const e = g.edge(ref);
    const points = (e.points ?? []) as Point[];
    edges.set(ref.name ?? '', { key: ref.name ?? '', points, label: { x: e.x ?? points[0]?.x ?? 0, y: e.y ?? points[0]?.y ?? 0 } });
  }
  const info = g.graph();
  return { nodes, edges, width: info.width ?? 0, height: info.height ?? 0 };
}
