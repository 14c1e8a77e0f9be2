import type { TraceSummary } from '../../model/trace';
import type { TraceSort } from '../../model/traceSearchUrl';

type Key = (t: TraceSummary) => number | string | undefined;

const KEYS: Readonly<Record<TraceSort['key'], Key>> = {
  start: (t) => t.startMs,
  duration: (t) => t.durationMs,
  spans: (t) => t.spanCount,
  errors: (t) => t.errorCount,
  service: (t) => `${t.rootService}\u0000${t.rootName}`,
};

/**
 * The results in the chosen order, without touching the input. A value the server did not send (Tempo's
 * span count on a TraceQL search) goes last either way; ties fall back to the trace ID, so the order does
 * not shuffle between refreshes that return the same traces in another order.
 */
export function sortTraces(traces: readonly TraceSummary[], sort: TraceSort): TraceSummary[] {
  const key = KEYS[sort.key];
  const sign = sort.desc ? -1 : 1;
  return [...traces].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === undefined || kb === undefined) {
      if (ka !== kb) return ka === undefined ? 1 : -1;
    } else if (ka !== kb) {
      return (ka < kb ? -1 : 1) * sign;
    }
    return a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0;
  });
}

/** What a click on a column header does: the same column flips, another starts where a reader expects. */
export function nextSort(current: TraceSort, key: TraceSort['key']): TraceSort {
  if (current.key === key) return { key, desc: !current.desc };
  return { key, desc: key !== 'service' };
}
