import type { Unit } from '../../model/units';
import type { MetricConvention, OverviewQuery, SignalName, SignalQuery } from '../types';
import { promqlString } from './promqlString';

/**
 * Golden Signals as PromQL, for the OpenTelemetry semantic conventions (as exported to Prometheus) and
 * the classic Prometheus client conventions. The same builders give a one-service query (`sum(...)`)
 * and an overview query for all services (`sum by (<service label>) (...)`). Only the PromQL subset the
 * demo evaluates is used: selectors, rate, sum by, histogram_quantile, vector/vector division and `or`.
 */

export const RATE_WINDOW = '$__rate_interval';

/** Metric and label names of one convention. */
export interface ConventionNames {
  /** Counts every request; for OTel the histogram's `_count`. */
  requestCounter: string;
  durationBucket: string;
  statusLabel: string;
  routeLabel: string;
}

export const CONVENTION_NAMES: Readonly<Record<MetricConvention, ConventionNames>> = {
  otel: {
    requestCounter: 'http_server_request_duration_seconds_count',
    durationBucket: 'http_server_request_duration_seconds_bucket',
    statusLabel: 'http_response_status_code',
    routeLabel: 'http_route',
  },
  classic: {
    requestCounter: 'http_requests_total',
    durationBucket: 'http_request_duration_seconds_bucket',
    statusLabel: 'status',
    routeLabel: 'handler',
  },
};

export const SATURATION_METRICS = {
  cpuSeconds: 'process_cpu_seconds_total',
  cpuLimit: 'process_cpu_limit_cores',
  activeRequests: 'http_server_active_requests',
} as const;

export const DOWNSTREAM_METRICS = {
  count: 'http_client_request_duration_seconds_count',
  bucket: 'http_client_request_duration_seconds_bucket',
  peerLabel: 'server_address',
  statusLabel: 'http_response_status_code',
} as const;

/** Which optional metrics exist, deciding saturation's form and whether downstream panels appear. */
export interface SignalFeatures {
  cpuSeconds: boolean;
  cpuLimit: boolean;
  /** OTel `http_server_active_requests`. */
  activeRequests: boolean;
  /** OTel `http_client_request_duration_seconds`. */
  downstream: boolean;
}

/** Where a query looks: its label matchers, and the labels it keeps (none for one service). */
interface Scope {
  matchers: readonly string[];
  by: readonly string[];
}

const SERVER_ERROR = '"5.."';

function selector(metric: string, matchers: readonly string[]): string {
  return matchers.length === 0 ? metric : `${metric}{${matchers.join(', ')}}`;
}

function sumBy(by: readonly string[], expr: string): string {
  return by.length === 0 ? `sum(${expr})` : `sum by (${by.join(', ')}) (${expr})`;
}

function rateOf(metric: string, matchers: readonly string[]): string {
  return `rate(${selector(metric, matchers)}[${RATE_WINDOW}])`;
}

function quantileOf(q: number, bucket: string, scope: Scope): string {
  return `histogram_quantile(${q}, ${sumBy([...scope.by, 'le'], rateOf(bucket, scope.matchers))})`;
}

function ratioOf(metric: string, statusLabel: string, scope: Scope): string {
  const errors = sumBy(scope.by, rateOf(metric, [...scope.matchers, `${statusLabel}=~${SERVER_ERROR}`]));
  const all = sumBy(scope.by, rateOf(metric, scope.matchers));
  // A healthy service often has no 5xx series at all; `or (all * 0)` makes its ratio 0 instead of no data.
  return `(${errors} / ${all}) or (${all} * 0)`;
}

/**
 * Saturation in every form the data allows, best first: CPU against its limit (a ratio, the only form
 * with a meaningful "full"), else in-flight requests, else raw cores.
 */
export function saturationForms(convention: MetricConvention, scope: Scope, features: SignalFeatures): SignalQuery[] {
  const cpu = sumBy(scope.by, rateOf(SATURATION_METRICS.cpuSeconds, scope.matchers));
  const forms: SignalQuery[] = [];
  if (features.cpuSeconds && features.cpuLimit) {
    forms.push({ query: `${cpu} / ${sumBy(scope.by, selector(SATURATION_METRICS.cpuLimit, scope.matchers))}`, unit: 'percentunit' });
  }
  if (convention === 'otel' && features.activeRequests) {
    forms.push({ query: sumBy(scope.by, selector(SATURATION_METRICS.activeRequests, scope.matchers)), unit: 'short' });
  }
  if (features.cpuSeconds) forms.push({ query: cpu, unit: 'cores' });
  return forms;
}

/** Saturation in the best form one service's data allows. */
export function saturationQuery(convention: MetricConvention, scope: Scope, features: SignalFeatures): SignalQuery | undefined {
  return saturationForms(convention, scope, features)[0];
}

/**
 * Exemplars sit on a histogram's buckets (OpenMetrics allows none on `_count`): the requests behind a
 * rate or a quantile are the bucket series' exemplars, and an error ratio's are those of the 5xx buckets.
 * Their values are request durations in seconds.
 */
function bucketExemplars(bucket: string, matchers: readonly string[]): { query: string; unit: Unit } {
  return { query: selector(bucket, matchers), unit: 's' };
}

/** Traffic, errors and latency, shared by the service dashboard and the overview (saturation has its own forms). */
function coreSignals(convention: MetricConvention, scope: Scope): Partial<Record<SignalName, SignalQuery>> {
  const names = CONVENTION_NAMES[convention];
  return {
    requestRate: { query: sumBy(scope.by, rateOf(names.requestCounter, scope.matchers)), unit: 'reqps', exemplars: bucketExemplars(names.durationBucket, scope.matchers) },
    errorRatio: {
      query: ratioOf(names.requestCounter, names.statusLabel, scope),
      unit: 'percentunit',
      exemplars: bucketExemplars(names.durationBucket, [...scope.matchers, `${names.statusLabel}=~${SERVER_ERROR}`]),
    },
    latencyP50: { query: quantileOf(0.5, names.durationBucket, scope), unit: 's' },
    latencyP95: { query: quantileOf(0.95, names.durationBucket, scope), unit: 's' },
    latencyP99: { query: quantileOf(0.99, names.durationBucket, scope), unit: 's' },
  };
}

/** Every panel query of one service's dashboard. */
export function serviceSignalQueries(
  convention: MetricConvention,
  serviceLabel: string,
  service: string,
  features: SignalFeatures,
): Partial<Record<SignalName, SignalQuery>> {
  const names = CONVENTION_NAMES[convention];
  const scope: Scope = { matchers: [`${serviceLabel}=${promqlString(service)}`], by: [] };
  const signals = coreSignals(convention, scope);
  const saturation = saturationQuery(convention, scope, features);
  if (saturation) signals.saturation = saturation;
  signals.latencyHeatmap = { query: sumBy(['le'], rateOf(names.durationBucket, scope.matchers)), unit: 'reqps', legendLabel: 'le' };
  const requests = bucketExemplars(names.durationBucket, scope.matchers);
  signals.trafficByRoute = { query: sumBy([names.routeLabel], rateOf(names.requestCounter, scope.matchers)), unit: 'reqps', legendLabel: names.routeLabel, exemplars: requests };
  signals.trafficByStatus = { query: sumBy([names.statusLabel], rateOf(names.requestCounter, scope.matchers)), unit: 'reqps', legendLabel: names.statusLabel, exemplars: requests };
  if (convention === 'otel' && features.downstream) Object.assign(signals, downstreamSignals(scope));
  return signals;
}

/** Calls the service makes, by callee; OTel client-duration histograms only. */
function downstreamSignals(scope: Scope): Partial<Record<SignalName, SignalQuery>> {
  const peer: Scope = { matchers: scope.matchers, by: [...scope.by, DOWNSTREAM_METRICS.peerLabel] };
  const legendLabel = DOWNSTREAM_METRICS.peerLabel;
  return {
    downstreamRate: { query: sumBy(peer.by, rateOf(DOWNSTREAM_METRICS.count, peer.matchers)), unit: 'reqps', legendLabel, exemplars: bucketExemplars(DOWNSTREAM_METRICS.bucket, peer.matchers) },
    downstreamErrorRatio: {
      query: ratioOf(DOWNSTREAM_METRICS.count, DOWNSTREAM_METRICS.statusLabel, peer),
      unit: 'percentunit',
      legendLabel,
      exemplars: bucketExemplars(DOWNSTREAM_METRICS.bucket, [...peer.matchers, `${DOWNSTREAM_METRICS.statusLabel}=~${SERVER_ERROR}`]),
    },
    downstreamLatencyP99: { query: quantileOf(0.99, DOWNSTREAM_METRICS.bucket, peer), unit: 's', legendLabel },
  };
}

/**
 * The overview asks for at most this many series per query, the worst (largest) by value at each step:
 * no screen shows more rows, and a fleet of 50,000 must not ship 50,000 series to the browser.
 */
export const OVERVIEW_SERIES_LIMIT = 1000;

/**
 * One query per signal giving a series per service, capped by `topk`. `excludeLabel` drops series
 * that carry another convention's service label, so an OTel service (which also has `job`) is not
 * counted as classic.
 *
 * `features` says what exists somewhere in the fleet, not in every service: saturation therefore
 * comes as one query per form present (ratio, then in-flight, then cores), in that order of
 * preference, and each service takes the first form that has its series. One service exporting a CPU
 * limit must not switch the whole fleet to CPU ÷ limit, and services without a limit keep a
 * saturation. The cost stays one request per form, never one per service.
 */
export function overviewQueriesFor(
  convention: MetricConvention,
  serviceLabel: string,
  features: SignalFeatures,
  excludeLabel?: string,
): OverviewQuery[] {
  const matchers = [`${serviceLabel}!=""`];
  if (excludeLabel !== undefined && excludeLabel !== serviceLabel) matchers.push(`${excludeLabel}=""`);
  const scope: Scope = { matchers, by: [serviceLabel] };
  const signals = coreSignals(convention, scope);
  const entries: Array<readonly [SignalName, SignalQuery]> = (Object.keys(signals) as SignalName[]).flatMap((signal) => {
    const q = signals[signal];
    return q ? [[signal, q] as const] : [];
  });
  for (const form of saturationForms(convention, scope, features)) entries.push(['saturation', form]);
  // The overview draws no markers: its queries carry no exemplar selectors.
  return entries.map(([signal, { exemplars: _exemplars, ...q }]) => ({
    ...q,
    query: `topk(${OVERVIEW_SERIES_LIMIT}, ${q.query})`,
    signal,
    serviceLabel,
    legendLabel: serviceLabel,
  }));
}

const ALL_FEATURE_VARIANTS: readonly SignalFeatures[] = [
  { cpuSeconds: true, cpuLimit: true, activeRequests: true, downstream: true },
  { cpuSeconds: true, cpuLimit: false, activeRequests: true, downstream: false },
  { cpuSeconds: true, cpuLimit: false, activeRequests: false, downstream: false },
];

/**
 * Every distinct query the templates can produce for `service`, so tests (and the differential test
 * against real Prometheus) can check them all.
 */
export function enumerateTemplateQueries(service = 'payments'): string[] {
  const queries = new Set<string>();
  for (const convention of ['otel', 'classic'] as const) {
    const label = convention === 'otel' ? 'service_name' : 'job';
    for (const features of ALL_FEATURE_VARIANTS) {
      for (const q of Object.values(serviceSignalQueries(convention, label, service, features))) queries.add(q.query);
      const exclude = convention === 'classic' ? 'service_name' : undefined;
      for (const q of overviewQueriesFor(convention, label, features, exclude)) queries.add(q.query);
    }
  }
  return [...queries];
}
