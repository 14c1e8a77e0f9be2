import type { Span, Trace } from '../trace';
import type { TraceTree } from '../traceTree';
import { seededRandom } from './seededRandom';

// A failing scale test fails the same way every run.
export { seededRandom };

/** Test data for the trace model: small hand-computed spans, and large deterministic trees. */

export const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

export function span(spanId: string, parentSpanId: string | undefined, startUs: number, durationUs: number, extra: Partial<Span> = {}): Span {
  return {
    traceId: TRACE_ID,
    spanId,
    ...(parentSpanId === undefined ? {} : { parentSpanId }),
    name: `op-${spanId}`,
    service: 'svc',
    kind: 'internal',
    startUs,
    durationUs,
    status: 'unset',
    attributes: {},
    resource: {},
    events: [],
    links: [],
    ...extra,
  };
}

export function trace(spans: Span[], warnings: string[] = []): Trace {
  return { traceId: TRACE_ID, spans, warnings };
}

const hexId = (i: number) => (i + 1).toString(16).padStart(16, '0');

/**
 * `count` spans in a random tree (each span's parent an earlier span), children inside their parents, across
 * 30 services with some errors, handed over in shuffled order so nothing relies on input order. `maxDepth`
 * caps the levels (Jaeger UI's reference measurement used 30 services and depth up to 25).
 */
export function randomTrace(count: number, seed = 1, maxDepth = Infinity): Trace {
  const random = seededRandom(seed);
  const parents = new Int32Array(count).fill(-1);
  const depths = new Int32Array(count);
  const starts = new Float64Array(count);
  const durations = new Float64Array(count);
  const spans: Span[] = [];
  starts[0] = 1_700_000_000_000_000;
  durations[0] = 60_000_000;
  spans.push(span(hexId(0), undefined, starts[0], durations[0], { service: 'svc-0' }));
  for (let i = 1; i < count; i++) {
    // Prefer recent parents so the tree gets some depth, not only a bush under the root.
    let p = random() < 0.5 ? Math.max(0, i - 1 - Math.floor(random() * 8)) : Math.floor(random() * i);
    while (depths[p]! + 1 >= maxDepth) p = parents[p]!;
    parents[i] = p;
    depths[i] = depths[p]! + 1;
    const offset = Math.floor(random() * durations[p]!);
    starts[i] = starts[p]! + offset;
    durations[i] = Math.floor(random() * (durations[p]! - offset));
    spans.push(
      span(hexId(i), hexId(p), starts[i]!, durations[i]!, {
        service: `svc-${Math.floor(random() * 30)}`,
        name: `op-${Math.floor(random() * 50)}`,
        status: random() < 0.01 ? 'error' : 'ok',
        kind: random() < 0.3 ? 'client' : 'server',
      }),
    );
  }
  for (let i = spans.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [spans[i], spans[j]] = [spans[j]!, spans[i]!];
  }
  return trace(spans);
}

/** A chain: span i is the only child of span i − 1, each 1 µs later and 2 µs shorter, handed over leaf first. */
export function chainTrace(count: number): Trace {
  const spans: Span[] = [];
  for (let i = count - 1; i >= 0; i--) {
    spans.push(span(hexId(i), i === 0 ? undefined : hexId(i - 1), 1_700_000_000_000_000 + i, 2 * (count - i)));
  }
  return trace(spans);
}

/**
 * Every structural invariant of the columns, as a list of broken ones (empty when all hold), checked in O(n) so it
 * can run on 100,000 rows: parents precede children, depths step by one, each subtree is one contiguous range that
 * nests in its parent's, child counts match, siblings are in start order.
 */
export function treeInvariantViolations(tree: TraceTree): string[] {
  const problems: string[] = [];
  const note = (text: string) => {
    if (problems.length < 10) problems.push(text);
  };
  const counted = new Int32Array(tree.size);
  for (let row = 0; row < tree.size; row++) {
    const p = tree.parent[row]!;
    const end = tree.subtreeEnd[row]!;
    if (end <= row || end > tree.size) note(`row ${row}: subtreeEnd ${end} out of range`);
    if (p === -1) {
      if (tree.depth[row] !== 0) note(`root row ${row} has depth ${tree.depth[row]}`);
      continue;
    }
    counted[p]!++;
    if (p >= row) note(`row ${row}: parent ${p} does not precede it`);
    if (tree.depth[row] !== tree.depth[p]! + 1) note(`row ${row}: depth ${tree.depth[row]} under parent depth ${tree.depth[p]}`);
    if (end > tree.subtreeEnd[p]!) note(`row ${row}: subtree [${row}, ${end}) leaves its parent's [${p}, ${tree.subtreeEnd[p]})`);
    // Contiguity: the row right after a subtree is the parent's next child, in start order, or outside the parent.
    if (end < tree.subtreeEnd[p]!) {
      if (tree.parent[end] !== p) note(`row ${row}: row ${end} after its subtree is not a sibling`);
      else if (tree.startUs[end]! < tree.startUs[row]!) note(`row ${end}: starts before its previous sibling ${row}`);
    }
  }
  // The roots tile the rows: each root's subtree ends where the next root starts.
  let roots = 0;
  for (let r = 0; r < tree.size; r = tree.subtreeEnd[r]!) {
    roots++;
    if (tree.parent[r] !== -1 || tree.subtreeEnd[r]! <= r) {
      note(`row ${r} follows a root's subtree but is not a root`);
      break;
    }
  }
  if (roots !== tree.parent.filter((p) => p === -1).length) note('roots do not tile the rows');
  for (let row = 0; row < tree.size; row++) {
    if (counted[row] !== tree.childCount[row]) note(`row ${row}: childCount ${tree.childCount[row]} but ${counted[row]} children`);
    if (tree.childCount[row] === 0 && tree.subtreeEnd[row] !== row + 1) note(`leaf row ${row} has subtreeEnd ${tree.subtreeEnd[row]}`);
  }
  if (new Set(tree.keys).size !== tree.size) note('row keys are not unique');
  return problems;
}
