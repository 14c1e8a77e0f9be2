import type { DataSource } from '../../datasources/types';
import { createCompletionCache, type CompletionCache } from '../../editor/completionCache';
import type { TraceQLCompletionSource } from '../../editor/traceql';
import type { TimeRange } from '../../model/time';
import { completionRange } from '../explore/promqlCompletionSource';

const sharedCache = createCompletionCache(200);

/**
 * TraceQL completion through the datasource's adapter (Tempo's tag name and value endpoints), cached per
 * datasource and minute-widened range; `currentRange` is read at each lookup, so the source outlives a refresh.
 */
export function traceqlCompletionSource(ds: DataSource, currentRange: () => TimeRange, cache: CompletionCache = sharedCache): TraceQLCompletionSource {
  const traces = ds.traces;
  const scoped = (call: string, args: readonly unknown[]) => {
    const range = completionRange(currentRange());
    return { range, key: JSON.stringify([ds.uid, range.from, range.to, call, ...args]) };
  };
  return {
    tagNames(signal) {
      if (!traces?.tagNames) return Promise.resolve([]);
      const tagNames = traces.tagNames.bind(traces);
      const { range, key } = scoped('traces.tagNames', []);
      return cache.get(key, () => tagNames({ range, signal }));
    },
    tagValues(tag, signal) {
      if (!traces?.tagValues) return Promise.resolve([]);
      const tagValues = traces.tagValues.bind(traces);
      const { range, key } = scoped('traces.tagValues', [tag]);
      return cache.get(key, () => tagValues(tag, { range, signal }));
    },
  };
}
