import type { CrossLink, Correlator } from '../../model/correlations';
import type { PanelSpec } from '../../model/panelSpec';
import type { Labels } from '../../model/series';
import type { Unit } from '../../model/units';
import type { NamedSeries } from '../../panels/shared/types';
import type { ChartSelection, ExemplarTarget } from '../../panels/timeseries/drilldown';

/** Series labels naming a service, in the order the conventions rank them (OpenTelemetry first). */
const SERVICE_LABELS = ['service_name', 'service', 'job'];
/** A chart of many services offers links for this many; more would be a list, not a menu. */
export const MAX_MENU_SERVICES = 3;

function serviceOfLabels(labels: Labels): string | undefined {
  for (const name of SERVICE_LABELS) {
    const v = labels[name];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

/** The services a chart's series name, each once, in the series' order. */
export function servicesOfSeries(series: readonly NamedSeries[]): string[] {
  const out: string[] = [];
  for (const s of series) {
    const name = serviceOfLabels(s.labels);
    if (name !== undefined && !out.includes(name)) out.push(name);
  }
  return out;
}

const MS_PER_UNIT: Partial<Record<Unit, number>> = { s: 1000, ms: 1 };

/**
 * The slowest the chart's lines are at a clicked point, or the least of that over a dragged window (so
 * every slow request the chart shows there qualifies), as a duration in ms; undefined for other units.
 */
export function minDurationAt(series: readonly NamedSeries[], unit: Unit, selection: ChartSelection): number | undefined {
  const perUnit = MS_PER_UNIT[unit];
  if (perUnit === undefined) return undefined;
  let best: number | undefined;
  if (selection.kind === 'point') {
    for (const s of series) {
      const v = valueNear(s, selection.timeMs);
      if (Number.isFinite(v) && (best === undefined || v > best)) best = v;
    }
  } else {
    // Per sample time within the window: the top line's value; then the least of those.
    const top = new Map<number, number>();
    for (const s of series) {
      for (let i = 0; i < s.times.length; i++) {
        const t = s.times[i]!;
        const v = s.values[i]!;
        if (t < selection.window.from || t > selection.window.to || !Number.isFinite(v)) continue;
        const cur = top.get(t);
        if (cur === undefined || v > cur) top.set(t, v);
      }
    }
    for (const v of top.values()) if (best === undefined || v < best) best = v;
  }
  return best === undefined || best <= 0 ? undefined : Math.floor(best * perUnit);
}

/** The sample of `s` nearest `t` (binary search over its sorted times); NaN when it has none. */
function valueNear(s: NamedSeries, t: number): number {
  const { times, values } = s;
  if (times.length === 0) return NaN;
  let lo = 0;
  let hi = times.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid;
  }
  const i = Math.abs(times[hi]! - t) < Math.abs(times[lo]! - t) ? hi : lo;
  return values[i]!;
}

/**
 * The links a clicked point or dragged window offers: traces and logs of the panel's service (the page's,
 * else the services its series name) in that window, errors only on an error chart, at least as slow as
 * the line on a latency chart. No service: both links, unavailable, saying why.
 */
export function chartWindowLinks(
  correlator: Correlator,
  spec: PanelSpec,
  pageService: string | undefined,
  series: readonly NamedSeries[],
  selection: ChartSelection,
): CrossLink[] {
  const services = pageService !== undefined ? [pageService] : servicesOfSeries(series).slice(0, MAX_MENU_SERVICES);
  if (services.length === 0) {
    const reason = `the series name no service (${SERVICE_LABELS.join(', ')} label)`;
    return [
      { available: false, kind: 'service-traces', label: 'Traces of this service in this window', reason },
      { available: false, kind: 'service-logs', label: 'Logs of this service in this window', reason },
    ];
  }
  const hint = spec.options?.traceHint;
  const minDurationMs = hint === 'latency' ? minDurationAt(series, spec.unit, selection) : undefined;
  const hints = { ...(hint === 'errors' ? { errorsOnly: true } : {}), ...(minDurationMs !== undefined ? { minDurationMs } : {}) };
  return services.flatMap((service) => [correlator.tracesOfService(service, selection.window, hints), correlator.logsOfService(service, selection.window)]);
}

/**
 * Where an exemplar leads, as the correlator says (its configured trace-ID label, its trace datasource),
 * with the normalised trace ID read back from the link (`/traces/<id>?…`, built by `traceRefUrl`).
 */
export function exemplarTargetOf(correlator: Correlator, metricsUid: string, exemplar: { labels: Labels; time: number }): ExemplarTarget {
  const link = correlator.exemplarTrace(metricsUid, exemplar);
  if (!link.available) return { link };
  const match = /^\/traces\/([^/?#]+)/.exec(link.href);
  return match ? { link, traceId: decodeURIComponent(match[1]!) } : { link };
}
