import { useMemo, useState } from 'react';
import { seriesColor, STATUS_COLORS } from '../../../lib/colors';
import { selfTimes } from '../../../model/selfTime';
import { layoutTraceGraph, traceGraph, type TraceGraph, type TraceGraphEdge, type TraceGraphNode } from '../../../model/traceGraph';
import type { TraceTree } from '../../../model/traceTree';
import { formatCount, formatMicros } from '../format';

const NODE_W = 200;
/** Three lines: the name, spans and self time, errors. */
const NODE_H = 62;
/** Room between layers for an edge label such as "24,752× · 49 failed · 22.2 s" (about 170 px at 11 px). */
const GAP_X = 200;
const GAP_Y = 30;
const PAD = 24;
/** Names longer than this are cut on the node; the full name is in its title. */
const NAME_CHARS = 24;
const SYNTHETIC_COLOR = '#8e8e8e';
/**
 * Edges beyond this many (by call count) are drawn thin, unlabelled and without arrowheads, their figures in
 * their titles: 30 services calling each other at random make ~870 edges, whose labels no one can read and whose
 * painting cost seconds.
 */
const LABELLED_EDGES = 40;
/** How far below its nodes a back edge's curve may reach (px). */
const MAX_BACK_BEND = 90;

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
  const places = useMemo(
    () =>
      graph.nodes.map((_, v): Point => {
        const offset = ((tallest - layout.layerSize[layout.layer[v]!]!) * (NODE_H + GAP_Y)) / 2;
        return { x: PAD + layout.layer[v]! * (NODE_W + GAP_X), y: PAD + offset + layout.position[v]! * (NODE_H + GAP_Y) };
      }),
    [graph, layout, tallest],
  );
  // The edges that matter most (most failures, then most calls) keep their labels and arrows; the rest are
  // one thin path together, and listed in the calls table.
  const major = useMemo(() => {
    const order = graph.edges.map((_, i) => i).sort((a, b) => graph.edges[b]!.errorCount - graph.edges[a]!.errorCount || graph.edges[b]!.count - graph.edges[a]!.count || a - b);
    return new Set(order.slice(0, LABELLED_EDGES));
  }, [graph]);
  const minorPath = useMemo(
    () =>
      graph.edges
        .map((e, i) => (major.has(i) ? '' : edgeGeometry(places[e.from]!, places[e.to]!, layout.back[i] === 1).d))
        .filter((d) => d !== '')
        .join(' '),
    [graph, major, places, layout],
  );
  const [listed, setListed] = useState(false);
  const width = PAD * 2 + Math.max(1, layout.layerCount) * (NODE_W + GAP_X) - GAP_X;
  // Back edges loop below their nodes, by at most MAX_BACK_BEND: room for them and their labels.
  const height = PAD * 2 + tallest * (NODE_H + GAP_Y) - GAP_Y + (layout.back.includes(1) ? MAX_BACK_BEND + 24 : 0);
  return (
    <section className="trace-graph" data-testid="trace-graph" data-state="ready" aria-label="Service graph">
      <p className="trace-graph-note">
        {graph.nodes.length} {graph.nodes.length === 1 ? 'service' : 'services'}, {graph.edges.length} {graph.edges.length === 1 ? 'kind of call' : 'kinds of call'}. Edge labels: calls ·
        failed · total time.{' '}
        {graph.edges.length > LABELLED_EDGES && `The ${LABELLED_EDGES} with most failures and calls are labelled; the rest are thin lines. `}
        <button type="button" className="link-button" aria-expanded={listed} onClick={() => setListed((l) => !l)}>
          {listed ? 'Hide the calls table' : 'List every call'}
        </button>
      </p>
      {listed && <CallsTable graph={graph} />}
      <div className="trace-graph-scroll">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Calls between services">
          <defs>
            <marker id="trace-graph-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#8e8e8e" />
            </marker>
          </defs>
          {minorPath !== '' && <path className="graph-edge-line minor" d={minorPath} data-testid="graph-minor-edges" />}
          {graph.edges.map((e, i) => major.has(i) && (
            <GraphEdge
              key={e.key}
              edge={e}
              from={graph.nodes[e.from]!}
              to={graph.nodes[e.to]!}
              a={places[e.from]!}
              b={places[e.to]!}
              back={layout.back[i] === 1}
            />
          ))}
          {graph.nodes.map((n, v) => (
            <GraphNode key={n.key} node={n} at={places[v]!} color={n.serviceIndex >= 0 ? seriesColor(tree.services[n.serviceIndex]!.colorIndex) : SYNTHETIC_COLOR} />
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
        {node.service === undefined ? 'orphans’ parents' : `${formatCount(node.spanCount)} ${node.spanCount === 1 ? 'span' : 'spans'} · self ${formatMicros(node.selfUs)}`}
      </text>
      {node.errorCount > 0 && (
        <text x={14} y={53} className="graph-node-facts errors">
          {`${formatCount(node.errorCount)} ${node.errorCount === 1 ? 'error' : 'errors'}`}
        </text>
      )}
    </g>
  );
}

interface GraphEdgeProps {
  edge: TraceGraphEdge;
  from: TraceGraphNode;
  to: TraceGraphNode;
  a: Point;
  b: Point;
  back: boolean;
}

/** Forward: right side to left side. Back (a call against the flow, closing a cycle): bottom to bottom, below. */
function edgeGeometry(a: Point, b: Point, back: boolean): { d: string; mid: Point } {
  const start = back ? { x: a.x + NODE_W / 2, y: a.y + NODE_H } : { x: a.x + NODE_W, y: a.y + NODE_H / 2 };
  const end = back ? { x: b.x + NODE_W / 2, y: b.y + NODE_H } : { x: b.x, y: b.y + NODE_H / 2 };
  const bend = back ? Math.min(MAX_BACK_BEND, Math.max(40, Math.abs(end.x - start.x) / 4)) : Math.max(30, (end.x - start.x) / 2);
  const path = back
    ? `M ${start.x} ${start.y} C ${start.x} ${start.y + bend}, ${end.x} ${end.y + bend}, ${end.x} ${end.y}`
    : `M ${start.x} ${start.y} C ${start.x + bend} ${start.y}, ${end.x - bend} ${end.y}, ${end.x} ${end.y}`;
  const mid = back ? { x: (start.x + end.x) / 2, y: Math.max(start.y, end.y) + bend * 0.75 + 4 } : { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 - 6 };
  return { d: path, mid };
}

function GraphEdge({ edge, from, to, a, b, back }: GraphEdgeProps) {
  const { d, mid } = edgeGeometry(a, b, back);
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
        d={d}
        className={failed ? 'graph-edge-line error' : 'graph-edge-line'}
        strokeWidth={Math.min(6, 1 + Math.log2(edge.count))}
        strokeDasharray={back || edge.followsFromCount === edge.count ? '5 4' : undefined}
        markerEnd="url(#trace-graph-arrow)"
      />
      <text x={mid.x} y={mid.y} textAnchor="middle" className="graph-edge-label">
        {`${formatCount(edge.count)}×`}
        {failed && <tspan fill={STATUS_COLORS.crit}>{` · ${formatCount(edge.errorCount)} failed`}</tspan>}
        {` · ${formatMicros(edge.totalUs)}`}
      </text>
    </g>
  );
}

/** Every edge as a table row, most failures first: what the drawing cannot label on a dense graph. */
function CallsTable({ graph }: { graph: TraceGraph }) {
  const edges = [...graph.edges].sort((a, b) => b.errorCount - a.errorCount || b.count - a.count || (a.key < b.key ? -1 : 1));
  return (
    <div className="trace-graph-calls">
      <table className="trace-summary-table" aria-label="Calls between services">
        <thead>
          <tr>
            <th scope="col">Caller</th>
            <th scope="col">Callee</th>
            <th scope="col" className="num">Calls</th>
            <th scope="col" className="num">Failed</th>
            <th scope="col" className="num">Total time</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((e) => (
            <tr key={e.key}>
              <td>{nodeName(graph.nodes[e.from]!)}</td>
              <td>{nodeName(graph.nodes[e.to]!)}</td>
              <td className="num">{formatCount(e.count)}</td>
              <td className={e.errorCount > 0 ? 'num status-error' : 'num'}>{formatCount(e.errorCount)}</td>
              <td className="num">{formatMicros(e.totalUs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
