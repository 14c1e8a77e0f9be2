import type { PrometheusClient } from '@prometheus-io/codemirror-promql';
import type { Labels } from '../model/series';

/**
 * What PromQL completion may ask of a metrics datasource. The page builds it from the datasource's adapter
 * (labels, label values, series, metadata), so the editor never fetches and never knows the server.
 * `match` is one series selector narrowing the answer (`http_requests_total{job="api"}`).
 */
export interface PromQLCompletionSource {
  labelNames(signal: AbortSignal, match?: string): Promise<string[]>;
  labelValues(label: string, signal: AbortSignal, match?: string): Promise<string[]>;
  series(match: string, signal: AbortSignal): Promise<Labels[]>;
  metadata(signal: AbortSignal): Promise<Record<string, readonly { type: string; help: string }[]>>;
}

/** codemirror-promql's label matcher: `type` is a lezer-promql node id (EqlSingle, Neq, EqlRegex, NeqRegex). */
export interface PromQLMatcher {
  type: number;
  name: string;
  value: string;
}

const MATCH_OPS: Readonly<Record<string, string>> = { EqlSingle: '=', Neq: '!=', EqlRegex: '=~', NeqRegex: '!~' };
const PLAIN_METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const PLAIN_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * The selector sent as `match[]` for a completion: the metric and the matchers typed so far, without the
 * label being completed and without empty values (they would match everything, or be invalid on their own).
 * `nodeName` turns a matcher's node id into its grammar name, from the parser codemirror-promql itself uses.
 */
export function completionSelector(
  nodeName: (id: number) => string | undefined,
  metricName: string | undefined,
  matchers: readonly PromQLMatcher[] | undefined,
  skipLabel?: string,
): string | undefined {
  const parts: string[] = [];
  let metric = metricName ?? '';
  if (metric !== '' && !PLAIN_METRIC_NAME.test(metric)) {
    parts.push(`__name__="${requoted(metric)}"`);
    metric = '';
  }
  for (const m of matchers ?? []) {
    if (m.name === skipLabel || m.value === '' || !PLAIN_LABEL_NAME.test(m.name)) continue;
    const op = MATCH_OPS[nodeName(m.type) ?? ''] ?? '=';
    parts.push(`${m.name}${op}"${requoted(m.value)}"`);
  }
  if (parts.length === 0) return metric === '' ? undefined : metric;
  return `${metric}{${parts.join(',')}}`;
}

/**
 * A string literal's inner text as the user typed it (still escaped, in whatever quotes), made safe inside
 * double quotes: an unescaped `"` (from a '…' literal) is escaped, and `\'` (valid only in '…') loses its slash.
 */
export function requoted(inner: string): string {
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '\\' && i + 1 < inner.length) {
      const next = inner[i + 1]!;
      out += next === "'" ? "'" : `\\${next}`;
      i++;
    } else if (c === '\\') out += '\\\\';
    else if (c === '"') out += '\\"';
    else if (c === '\n') out += '\\n';
    else out += c;
  }
  return out;
}

/**
 * codemirror-promql's `PrometheusClient` over a completion source. A failed lookup completes nothing rather
 * than breaking the editor; every call carries the signal that `destroy` (the editor going away) aborts.
 */
export function createPromQLClient(source: PromQLCompletionSource, nodeName: (id: number) => string | undefined): PrometheusClient {
  // Replaced on destroy, so an editor that is mounted again (React's StrictMode does it) still completes.
  let controller = new AbortController();
  const orEmpty = <T>(promise: Promise<T>, empty: T): Promise<T> => promise.catch(() => empty);
  return {
    labelNames: (metricName) => orEmpty(source.labelNames(controller.signal, completionSelector(nodeName, metricName, undefined)), []),
    labelValues: (labelName, metricName, matchers) =>
      orEmpty(source.labelValues(labelName, controller.signal, completionSelector(nodeName, metricName, matchers, labelName)), []),
    metricMetadata: () => orEmpty(source.metadata(controller.signal).then((m) => m as Record<string, { type: string; help: string }[]>), {}),
    series: (metricName, matchers, labelName) => {
      const match = completionSelector(nodeName, metricName, matchers, labelName);
      if (match === undefined) return Promise.resolve([]);
      return orEmpty(
        source.series(match, controller.signal).then((sets) => sets.map((labels) => new Map(Object.entries(labels)))),
        [],
      );
    },
    metricNames: () => orEmpty(source.labelValues('__name__', controller.signal), []),
    // Server flags are not part of any capability; codemirror-promql only uses them for optional hints.
    flags: () => Promise.resolve({}),
    destroy: () => {
      controller.abort();
      controller = new AbortController();
    },
  };
}
