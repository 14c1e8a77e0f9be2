import type { DataSource } from '../../datasources/types';
import { createCompletionCache, type CompletionCache } from '../../editor/completionCache';
import type { PromQLCompletionSource } from '../../editor/promqlClient';
import type { TimeRange } from '../../model/time';

const MINUTE = 60_000;

/** Shared by every editor on the page and across visits; 300 answers is a few minutes of busy typing. */
const sharedCache = createCompletionCache(300);

/**
 * The range completions are asked over, widened to whole minutes: "last hour" resolves to a new `now` on
 * every refresh tick, and minute edges let those ticks share one cached answer instead of asking again.
 */
export function completionRange(range: TimeRange): TimeRange {
  return { from: Math.floor(range.from / MINUTE) * MINUTE, to: Math.ceil(range.to / MINUTE) * MINUTE };
}

/** Completion needs a sample of label sets, not every series of a big metric. */
const SERIES_LIMIT = 1000;

/**
 * PromQL completion through the datasource's adapter (labels, label values, series, metadata endpoints),
 * never a fetch of its own. Answers are cached per datasource and range; `currentRange` is read at each
 * lookup so the source can outlive a refresh tick. A datasource without a lookup completes nothing from it.
 */
export function promqlCompletionSource(
  ds: DataSource,
  currentRange: () => TimeRange,
  cache: CompletionCache = sharedCache,
): PromQLCompletionSource {
  const metrics = ds.metrics;
  const scoped = (call: string, args: readonly unknown[]) => {
    const range = completionRange(currentRange());
    return { range, key: JSON.stringify([ds.uid, range.from, range.to, call, ...args]) };
  };
  return {
    labelNames(signal, match) {
      if (!metrics?.labelNames) return Promise.resolve([]);
      const labelNames = metrics.labelNames.bind(metrics);
      const { range, key } = scoped('labelNames', [match ?? null]);
      return cache.get(key, () => labelNames({ range, signal }, match === undefined ? undefined : [match]));
    },
    labelValues(label, signal, match) {
      if (!metrics?.labelValues) return Promise.resolve([]);
      const labelValues = metrics.labelValues.bind(metrics);
      const { range, key } = scoped('labelValues', [label, match ?? null]);
      return cache.get(key, () => labelValues(label, { range, signal }, match === undefined ? undefined : [match]));
    },
    series(match, signal) {
      if (!metrics?.series) return Promise.resolve([]);
      const series = metrics.series.bind(metrics);
      const { range, key } = scoped('series', [match]);
      return cache.get(key, () => series([match], { range, signal }, SERIES_LIMIT));
    },
    metadata(signal) {
      if (!metrics?.metadata) return Promise.resolve({});
      const metadata = metrics.metadata.bind(metrics);
      // Not a per-range answer, but keyed like the others so a metric that appears later gets its help text.
      const { key } = scoped('metadata', []);
      return cache.get(key, () => metadata(signal));
    },
  };
}
