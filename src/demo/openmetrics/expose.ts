import type { Labels } from '../../model/series';
import type { SampleSource, SourceExemplar } from '../source';
import { familyHeader, groupIntoFamilies } from './families';
import { formatLabelSet, formatTimestamp, formatValue } from './format';

/** How far back a bucket line looks for its latest exemplar. */
const EXEMPLAR_LOOKBACK_MS = 10 * 60_000;

export const OPENMETRICS_CONTENT_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';

function seriesKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function formatExemplar(ex: SourceExemplar): string {
  return ` # ${formatLabelSet(ex.labels)} ${formatValue(ex.value)} ${formatTimestamp(ex.timeMs)}`;
}

/**
 * What a scrape of the simulated system at `atMs` returns, as a real Prometheus target would answer
 * it: every family with its metadata, the values of the last scrape instant at or before `atMs`
 * (samples only exist on the 15 s grid), no timestamps, and on each histogram bucket the latest
 * exemplar recorded in it. Ends with `# EOF`.
 */
export function exposeOpenMetrics(source: SampleSource, atMs: number): string {
  const at = Math.floor(atMs / source.scrapeIntervalMs) * source.scrapeIntervalMs;
  const latestExemplar = new Map<string, SourceExemplar>();
  for (const series of source.exemplars([], atMs - EXEMPLAR_LOOKBACK_MS, atMs)) {
    const last = series.exemplars[series.exemplars.length - 1];
    if (last !== undefined) latestExemplar.set(seriesKey(series.seriesLabels), last);
  }
  const lines: string[] = [];
  for (const family of groupIntoFamilies(source)) {
    lines.push(familyHeader(family).slice(0, -1));
    for (const metric of family.metrics) {
      for (const sample of metric.samples) {
        const value = sample.series.samples(at, at).values[0] ?? NaN;
        const exemplar = latestExemplar.get(seriesKey(sample.series.labels));
        lines.push(`${sample.name}${formatLabelSet(sample.labels)} ${formatValue(value)}${exemplar ? formatExemplar(exemplar) : ''}`);
      }
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}
