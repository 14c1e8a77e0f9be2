import { useMemo } from 'react';
import { seriesColor, STATUS_COLORS } from '../../../lib/colors';
import { selfTimes } from '../../../model/selfTime';
import { layoutTraceGraph, traceGraph, type TraceGraphEdge, type TraceGraphNode } from '../../../model/traceGraph';
import type { TraceTree } from '../../../model/traceTree';
import { formatMicros } from '../format';

const NODE_W = 190;
const NODE_H = 48;
const GAP_X = 120;
const GAP_Y = 30;
const PAD = 24;
/** Names longer than this are cut on the node; the full name is in its title. */
const NAME_CHARS = 24;
const SYNTHETIC_COLOR = '#8e8e8e';

interface Point {
  x: number;
  y: number;
}

/**
 * Services as nodes, calls between them as edges, left to right from the entry service: each edge says how many
 * calls, how many failed and how long they took in total. Layered by the model (longest path, then crossing
 * reduction); drawn as SVG with every name a text node, so markup in a service name is only ever characters.
 */
export function TraceGraphView({ tree }: { tree: TraceTree }) {
  const graph = useMemo(() => traceGraph(tree, selfTimes(tree)), [tree]);
  const layout = useMemo(() => layoutTraceGraph(graph), [graph]);
  const tallest = Math.max(1, ...layout.layerSize);
  const place = (v: number): Point => {
    const offset = ((tallest - layout.layerSize[layout.layer[v]!]!) * (NODE_H + GAP_Y)) / 2;
    return { x: PAD + layout.layer[v]! * (NODE_W + GAP_X), y: PAD + offset + layout.position[v]! * (NODE_H + GAP_Y) };
  };
  const width = PAD * 2 + Math.max(1, layout.layerCount) * (NODE_W + GAP_X) - GAP_X;
  const height = PAD * 2 + tallest * (NODE_H + GAP_Y) - GAP_Y + 40;
  return (
    <section className="trace-graph" data-testid="trace-graph" data-state="ready" aria-label="Service graph">
      <p className="trace-graph-note">
        {graph.nodes.length} {graph.nodes.length === 1 ? 'service' : 'services'}, {graph.edges.length} {graph.edges.length === 1 ? 'kind of call' : 'kinds of call'}. Edge labels: calls ·
        failed · total time.
      </p>
      <div className="trace-graph-scroll">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Calls between services">
          <defs>
            <marker id="trace-graph-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#8e8e8e" />
            </marker>
          </defs>
          {graph.edges.map((e, i) => (
            <GraphEdge key={e.key} edge={e} from={graph.nodes[e.from]!} to={graph.nodes[e.to]!} a={place(e.from)} b={place(e.to)} back={layout.back[i] === 1} />
          ))}
          {graph.nodes.map((n, v) => (
            <GraphNode key={n.key} node={n} at={place(v)} color={n.serviceIndex >= 0 ? seriesColor(tree.services[n.serviceIndex]!.colorIndex) : SYNTHETIC_COLOR} />
          ))}
        </svg>
      </div>
    </section>
  );
}

function nodeName(node: TraceGraphNode): string {
  return node.service ?? 'missing parent';
}

function GraphNode({ node, at, color }: { node: TraceGraphNode; at: Point; color: string }) {
  const name = nodeName(node);
  const shown = name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name;
  return (
    <g className="graph-node" data-testid="graph-node" data-service={name} data-errors={node.errorCount} transform={`translate(${at.x},${at.y})`}>
      <title>{`${name}: ${node.spanCount} spans, ${node.errorCount} errors, self time ${formatMicros(node.selfUs)}`}</title>
      <rect width={NODE_W} height={NODE_H} rx={4} className={node.errorCount > 0 ? 'graph-node-box error' : 'graph-node-box'} />
      <rect width={5} height={NODE_H} rx={2} fill={color} />
      <text x={14} y={19} className="graph-node-name">
        {shown}
      </text>
      <text x={14} y={37} className="graph-node-facts">
        {node.service === undefined ? 'orphans’ parents' : `${node.spanCount} spans · self ${formatMicros(node.selfUs)}`}
        {node.errorCount > 0 && (
          <tspan fill={STATUS_COLORS.crit}>{` · ${node.errorCount} err`}</tspan>
        )}
      </text>
    </g>
  );
}

function GraphEdge({ edge, from, to, a, b, back }: { edge: TraceGraphEdge; from: TraceGraphNode; to: TraceGraphNode; a: Point; b: Point; back: boolean }) {
  // Forward: right side to left side. Back (a call against the flow, closing a cycle): bottom to bottom, below.
  const start = back ? { x: a.x + NODE_W / 2, y: a.y + NODE_H } : { x: a.x + NODE_W, y: a.y + NODE_H / 2 };
  const end = back ? { x: b.x + NODE_W / 2, y: b.y + NODE_H } : { x: b.x, y: b.y + NODE_H / 2 };
  const bend = back ? Math.max(40, Math.abs(end.x - start.x) / 4) : Math.max(30, (end.x - start.x) / 2);
  const path = back
    ? `M ${start.x} ${start.y} C ${start.x} ${start.y + bend}, ${end.x} ${end.y + bend}, ${end.x} ${end.y}`
    : `M ${start.x} ${start.y} C ${start.x + bend} ${start.y}, ${end.x - bend} ${end.y}, ${end.x} ${end.y}`;
  const mid = back ? { x: (start.x + end.x) / 2, y: Math.max(start.y, end.y) + bend * 0.75 + 4 } : { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 - 6 };
  const failed = edge.errorCount > 0;
  return (
    <g
      className="graph-edge"
      data-testid="graph-edge"
      data-from={nodeName(from)}
      data-to={nodeName(to)}
      data-count={edge.count}
      data-errors={edge.errorCount}
    >
      <title>{`${nodeName(from)} → ${nodeName(to)}: ${edge.count} calls, ${edge.errorCount} failed, ${formatMicros(edge.totalUs)} in total${edge.followsFromCount > 0 ? `, ${edge.followsFromCount} not waited for (FOLLOWS_FROM)` : ''}`}</title>
      <path
        d={path}
        className={failed ? 'graph-edge-line error' : 'graph-edge-line'}
        strokeWidth={Math.min(6, 1 + Math.log2(edge.count))}
        strokeDasharray={back || edge.followsFromCount === edge.count ? '5 4' : undefined}
        markerEnd="url(#trace-graph-arrow)"
      />
      <text x={mid.x} y={mid.y} textAnchor="middle" className="graph-edge-label">
        {`${edge.count}×`}
        {failed && <tspan fill={STATUS_COLORS.crit}>{` · ${edge.errorCount} failed`}</tspan>}
        {` · ${formatMicros(edge.totalUs)}`}
      </text>
    </g>
  );
}
