/** Label sets are immutable maps; every layer shares this one shape. */
export type Labels = Readonly<Record<string, string>>;

/**
 * A time series in columnar form (Grafana data frames, uPlot AlignedData): `times` is sorted epoch ms,
 * `values` has the same length, and NaN marks a gap or a sample the server reported as NaN.
 */
export interface Series {
  labels: Labels;
  times: Float64Array;
  values: Float64Array;
}

/** A sample that points at a trace, as Prometheus exemplars do. */
export interface Exemplar {
  seriesLabels: Labels;
  time: number;
  value: number;
  traceId?: string;
  labels: Labels;
}

/** Stable text form of a label set, `{a="1", b="2"}`, sorted by name; used as a key and a legend. */
export function formatLabels(labels: Labels, omit: readonly string[] = []): string {
  const parts = Object.keys(labels)
    .filter((k) => !omit.includes(k))
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`);
  return `{${parts.join(', ')}}`;
}

export function seriesKey(labels: Labels): string {
  return formatLabels(labels);
}
