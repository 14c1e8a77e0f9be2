import { RowFlag, type TraceTree } from './traceTree';

/** The trace header: what an engineer reads first. Synthetic rows are not spans and are not counted. */
export interface TraceTreeSummary {
  traceId: string;
  startUs: number;
  endUs: number;
  durationUs: number;
  spanCount: number;
  errorCount: number;
  /** Names of the services touched, sorted. */
  services: string[];
  /** Levels in the tree: 1 for a lone root, 100,000 for a 100,000-span chain (a "missing parent" row adds one). */
  depth: number;
  rootService: string;
  rootName: string;
}

export function summarizeTraceTree(tree: TraceTree): TraceTreeSummary {
  let start = Infinity;
  let end = -Infinity;
  let spanCount = 0;
  let errorCount = 0;
  let maxDepth = -1;
  let root = -1;
  for (let row = 0; row < tree.size; row++) {
    maxDepth = Math.max(maxDepth, tree.depth[row]!);
    if ((tree.flags[row]! & RowFlag.SYNTHETIC) !== 0) continue;
    if (root < 0) root = row;
    spanCount++;
    errorCount += tree.error[row]!;
    start = Math.min(start, tree.startUs[row]!);
    end = Math.max(end, tree.startUs[row]! + tree.durationUs[row]!);
  }
  if (spanCount === 0) start = end = 0;
  const rootSpan = root >= 0 ? tree.spans[root] : undefined;
  return {
    traceId: tree.traceId,
    startUs: start,
    endUs: end,
    durationUs: end - start,
    spanCount,
    errorCount,
    services: tree.services.map((s) => s.name),
    depth: maxDepth + 1,
    rootService: rootSpan?.service ?? '',
    rootName: rootSpan?.name ?? '',
  };
}

/** One line of the statistics table (Jaeger's "trace statistics"): all times in µs. */
export interface SpanGroupStats {
  /** `service` for a service line, `service\u0000operation` for an operation line: unique, never shown. */
  key: string;
  service: string;
  /** Undefined on a per-service line. */
  operation?: string;
  count: number;
  errorCount: number;
  totalUs: number;
  avgUs: number;
  minUs: number;
  maxUs: number;
  selfTotalUs: number;
  selfAvgUs: number;
  selfMinUs: number;
  selfMaxUs: number;
  /** Self total as a share of the trace's duration, 0…1 (0 for a zero-length trace). */
  selfShareOfTrace: number;
}

export interface TraceStatistics {
  /** By service name. */
  byService: SpanGroupStats[];
  /** By service, then operation name. */
  byOperation: SpanGroupStats[];
}

/** Per-service and per-operation statistics in one pass over the rows; `self` comes from selfTimes(tree). */
export function traceStatistics(tree: TraceTree, self: Float64Array): TraceStatistics {
  const services = new Map<string, SpanGroupStats>();
  const operations = new Map<string, SpanGroupStats>();
  for (let row = 0; row < tree.size; row++) {
    if ((tree.flags[row]! & RowFlag.SYNTHETIC) !== 0) continue;
    const span = tree.spans[row]!;
    const opKey = `${span.service}\u0000${span.name}`;
    let bySvc = services.get(span.service);
    if (!bySvc) services.set(span.service, (bySvc = emptyGroup(span.service, span.service)));
    let byOp = operations.get(opKey);
    if (!byOp) operations.set(opKey, (byOp = emptyGroup(opKey, span.service, span.name)));
    const duration = tree.durationUs[row]!;
    const own = self[row]!;
    const isError = tree.error[row]!;
    addTo(bySvc, duration, own, isError);
    addTo(byOp, duration, own, isError);
  }
  const traceDuration = summarizeTraceTree(tree).durationUs;
  // The groups are ours, built above: finished in place rather than copied.
  const finish = (groups: Map<string, SpanGroupStats>) => {
    const rows = [...groups.values()];
    for (const g of rows) {
      g.avgUs = g.totalUs / g.count;
      g.selfAvgUs = g.selfTotalUs / g.count;
      g.selfShareOfTrace = traceDuration > 0 ? g.selfTotalUs / traceDuration : 0;
    }
    return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  };
  return { byService: finish(services), byOperation: finish(operations) };
}

function addTo(g: SpanGroupStats, duration: number, own: number, isError: number): void {
  g.count++;
  g.errorCount += isError;
  g.totalUs += duration;
  g.minUs = Math.min(g.minUs, duration);
  g.maxUs = Math.max(g.maxUs, duration);
  g.selfTotalUs += own;
  g.selfMinUs = Math.min(g.selfMinUs, own);
  g.selfMaxUs = Math.max(g.selfMaxUs, own);
}

function emptyGroup(key: string, service: string, operation?: string): SpanGroupStats {
  return {
    key,
    service,
    ...(operation === undefined ? {} : { operation }),
    count: 0,
    errorCount: 0,
    totalUs: 0,
    avgUs: 0,
    minUs: Infinity,
    maxUs: -Infinity,
    selfTotalUs: 0,
    selfAvgUs: 0,
    selfMinUs: Infinity,
    selfMaxUs: -Infinity,
    selfShareOfTrace: 0,
  };
}
