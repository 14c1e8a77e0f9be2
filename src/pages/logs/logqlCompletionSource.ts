import type { DataSource } from '../../datasources/types';
import { createCompletionCache, type CompletionCache } from '../../editor/completionCache';
import type { LogQLCompletionSource } from '../../editor/logqlCompletion';
import type { TimeRange } from '../../model/time';

const sharedCache = createCompletionCache(200);
const MINUTE = 60_000;

/** Minute edges, so refresh ticks of a relative range share one cached answer. */
function completionRange(range: TimeRange): TimeRange {
  return { from: Math.floor(range.from / MINUTE) * MINUTE, to: Math.ceil(range.to / MINUTE) * MINUTE };
}

/**
 * LogQL completion through the datasource's adapter (labelNames, labelValues), cached per datasource and
 * minute-widened range; `currentRange` is read at each lookup so the source outlives a refresh tick.
 */
export function logqlCompletionSource(ds: DataSource, currentRange: () => TimeRange, cache: CompletionCache = sharedCache): LogQLCompletionSource {
  const logs = ds.logs;
  const scoped = (call: string, args: readonly unknown[]) => {
    const range = completionRange(currentRange());
    return { range, key: JSON.stringify([ds.uid, 'logs', range.from, range.to, call, ...args]) };
  };
  return {
    labelNames(signal) {
      if (!logs?.labelNames) return Promise.resolve([]);
      const labelNames = logs.labelNames.bind(logs);
      const { range, key } = scoped('labelNames', []);
      return cache.get(key, () => labelNames({ range, signal }));
    },
    labelValues(label, signal) {
      if (!logs?.labelValues) return Promise.resolve([]);
      const labelValues = logs.labelValues.bind(logs);
      const { range, key } = scoped('labelValues', [label]);
      return cache.get(key, () => labelValues(label, { range, signal }));
    },
  };
}
