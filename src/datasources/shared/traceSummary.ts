import type { Trace, TraceSummary } from '../../model/trace';

/**
 * A search result row from a whole trace, for servers whose search answers with full traces (Jaeger,
 * Zipkin). The root is the earliest span without a parent in the trace; with none (a cycle, or every parent
 * missing) the earliest span stands in. One pass, no recursion: search pages can hold thousands of spans.
 */
export function summarizeTrace(trace: Trace): TraceSummary {
  const ids = new Set<string>();
  for (const span of trace.spans) ids.add(span.spanId);
  let root: Trace['spans'][number] | undefined;
  let earliest: Trace['spans'][number] | undefined;
  let startUs = Infinity;
  let endUs = -Infinity;
  let errorCount = 0;
  const services = new Set<string>();
  for (const span of trace.spans) {
    startUs = Math.min(startUs, span.startUs);
    endUs = Math.max(endUs, span.startUs + span.durationUs);
    if (span.status === 'error') errorCount++;
    services.add(span.service);
    if (earliest === undefined || span.startUs < earliest.startUs) earliest = span;
    const isRoot = span.parentSpanId === undefined || !ids.has(span.parentSpanId);
    if (isRoot && (root === undefined || span.startUs < root.startUs)) root = span;
  }
  const top = root ?? earliest;
  const empty = trace.spans.length === 0;
  return {
    traceId: trace.traceId,
    rootService: top?.service ?? '',
    rootName: top?.name ?? '',
    startMs: empty ? 0 : startUs / 1000,
    durationMs: empty ? 0 : (endUs - startUs) / 1000,
    spanCount: trace.spans.length,
    errorCount,
    services: [...services].sort(),
  };
}
