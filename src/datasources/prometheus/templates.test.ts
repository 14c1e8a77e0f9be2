import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { interpolateIntervals } from './intervals';
import { enumerateTemplateQueries, OVERVIEW_SERIES_LIMIT, overviewQueriesFor, serviceSignalQueries, type SignalFeatures } from './templates';

const full: SignalFeatures = { cpuSeconds: true, cpuLimit: true, activeRequests: true, downstream: true };
const R = '$__rate_interval';

/** The error-ratio form: errors / all, or 0 where there are requests but no 5xx series. */
const ratio = (errors: string, all: string) => `(${errors} / ${all}) or (${all} * 0)`;

describe('serviceSignalQueries, OTel convention', () => {
  const q = serviceSignalQueries('otel', 'service_name', 'payments', full);
  const sel = 'service_name="payments"';

  it('builds the four Golden Signals from the server duration histogram', () => {
    const buckets = { query: `http_server_request_duration_seconds_bucket{${sel}}`, unit: 's' };
    expect(q.requestRate).toEqual({ query: `sum(rate(http_server_request_duration_seconds_count{${sel}}[${R}]))`, unit: 'reqps', exemplars: buckets });
    expect(q.errorRatio).toEqual({
      query: ratio(
        `sum(rate(http_server_request_duration_seconds_count{${sel}, http_response_status_code=~"5.."}[${R}]))`,
        `sum(rate(http_server_request_duration_seconds_count{${sel}}[${R}]))`,
      ),
      unit: 'percentunit',
      // Exemplars sit on buckets, not on `_count`: the failed requests' are those of the 5xx buckets.
      exemplars: { query: `http_server_request_duration_seconds_bucket{${sel}, http_response_status_code=~"5.."}`, unit: 's' },
    });
    expect(q.latencyP50?.query).toBe(`histogram_quantile(0.5, sum by (le) (rate(http_server_request_duration_seconds_bucket{${sel}}[${R}])))`);
    expect(q.latencyP95?.query).toBe(`histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{${sel}}[${R}])))`);
    expect(q.latencyP99).toEqual({
      query: `histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket{${sel}}[${R}])))`,
      unit: 's',
    });
    expect(q.saturation).toEqual({
      query: `sum(rate(process_cpu_seconds_total{${sel}}[${R}])) / sum(process_cpu_limit_cores{${sel}})`,
      unit: 'percentunit',
    });
  });

  it('builds the heatmap and traffic breakdowns with their legend labels', () => {
    expect(q.latencyHeatmap).toEqual({
      query: `sum by (le) (rate(http_server_request_duration_seconds_bucket{${sel}}[${R}]))`,
      unit: 'reqps',
      legendLabel: 'le',
    });
    expect(q.trafficByRoute).toEqual({
      query: `sum by (http_route) (rate(http_server_request_duration_seconds_count{${sel}}[${R}]))`,
      unit: 'reqps',
      legendLabel: 'http_route',
      exemplars: { query: `http_server_request_duration_seconds_bucket{${sel}}`, unit: 's' },
    });
    expect(q.trafficByStatus?.query).toBe(`sum by (http_response_status_code) (rate(http_server_request_duration_seconds_count{${sel}}[${R}]))`);
  });

  it('builds downstream panels by callee from the client histogram', () => {
    expect(q.downstreamRate).toEqual({
      query: `sum by (server_address) (rate(http_client_request_duration_seconds_count{${sel}}[${R}]))`,
      unit: 'reqps',
      legendLabel: 'server_address',
      exemplars: { query: `http_client_request_duration_seconds_bucket{${sel}}`, unit: 's' },
    });
    expect(q.downstreamErrorRatio?.query).toBe(
      ratio(
        `sum by (server_address) (rate(http_client_request_duration_seconds_count{${sel}, http_response_status_code=~"5.."}[${R}]))`,
        `sum by (server_address) (rate(http_client_request_duration_seconds_count{${sel}}[${R}]))`,
      ),
    );
    expect(q.downstreamLatencyP99?.query).toBe(
      `histogram_quantile(0.99, sum by (server_address, le) (rate(http_client_request_duration_seconds_bucket{${sel}}[${R}])))`,
    );
  });

  it('leaves out downstream panels when there are no client metrics', () => {
    const plain = serviceSignalQueries('otel', 'service_name', 'auth', { ...full, downstream: false });
    expect(plain.downstreamRate).toBeUndefined();
    expect(plain.downstreamLatencyP99).toBeUndefined();
  });

  it('falls back to in-flight requests, then raw cores, when the CPU limit is absent', () => {
    expect(serviceSignalQueries('otel', 'service_name', 'auth', { ...full, cpuLimit: false }).saturation).toEqual({
      query: 'sum(http_server_active_requests{service_name="auth"})',
      unit: 'short',
    });
    expect(serviceSignalQueries('otel', 'service_name', 'auth', { ...full, cpuLimit: false, activeRequests: false }).saturation).toEqual({
      query: `sum(rate(process_cpu_seconds_total{service_name="auth"}[${R}]))`,
      unit: 'cores',
    });
    const none = serviceSignalQueries('otel', 'service_name', 'auth', { cpuSeconds: false, cpuLimit: false, activeRequests: false, downstream: false });
    expect(none.saturation).toBeUndefined();
  });
});

describe('serviceSignalQueries, classic convention', () => {
  const q = serviceSignalQueries('classic', 'job', 'inventory', full);

  it('uses http_requests_total, its status and handler labels, and job', () => {
    expect(q.requestRate?.query).toBe(`sum(rate(http_requests_total{job="inventory"}[${R}]))`);
    expect(q.errorRatio?.query).toBe(
      ratio(`sum(rate(http_requests_total{job="inventory", status=~"5.."}[${R}]))`, `sum(rate(http_requests_total{job="inventory"}[${R}]))`),
    );
    expect(q.latencyP99?.query).toBe(`histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="inventory"}[${R}])))`);
    expect(q.latencyHeatmap?.query).toBe(`sum by (le) (rate(http_request_duration_seconds_bucket{job="inventory"}[${R}]))`);
    expect(q.trafficByRoute).toMatchObject({ query: `sum by (handler) (rate(http_requests_total{job="inventory"}[${R}]))`, legendLabel: 'handler' });
    expect(q.trafficByStatus).toMatchObject({ query: `sum by (status) (rate(http_requests_total{job="inventory"}[${R}]))`, legendLabel: 'status' });
    expect(q.saturation?.query).toBe(`sum(rate(process_cpu_seconds_total{job="inventory"}[${R}])) / sum(process_cpu_limit_cores{job="inventory"})`);
  });

  it('has no downstream panels and no in-flight fallback', () => {
    expect(q.downstreamRate).toBeUndefined();
    expect(serviceSignalQueries('classic', 'job', 'inventory', { ...full, cpuLimit: false }).saturation?.unit).toBe('cores');
  });
});

describe('hostile service names', () => {
  it('are escaped inside every selector', () => {
    const q = serviceSignalQueries('otel', 'service_name', 'pay"}ments\\\n💳', full);
    expect(q.requestRate?.query).toBe(`sum(rate(http_server_request_duration_seconds_count{service_name="pay\\"}ments\\\\\\n💳"}[${R}]))`);
    for (const signal of Object.values(q)) expect(parses(signal.query)).toBe(true);
  });
});

describe('overviewQueriesFor', () => {
  it('groups every core signal by the service label, capped by topk', () => {
    const otel = overviewQueriesFor('otel', 'service_name', full);
    expect(otel.map((o) => o.signal)).toEqual(['requestRate', 'errorRatio', 'latencyP50', 'latencyP95', 'latencyP99', 'saturation', 'saturation', 'saturation']);
    expect(otel.every((o) => o.serviceLabel === 'service_name')).toBe(true);
    expect(otel[0]?.query).toBe(`topk(1000, sum by (service_name) (rate(http_server_request_duration_seconds_count{service_name!=""}[${R}])))`);
    expect(otel[4]?.query).toBe(
      `topk(1000, histogram_quantile(0.99, sum by (service_name, le) (rate(http_server_request_duration_seconds_bucket{service_name!=""}[${R}]))))`,
    );
  });

  it('asks the server for no more series than the overview can show', () => {
    for (const q of overviewQueriesFor('otel', 'service_name', full)) expect(q.query.startsWith(`topk(${OVERVIEW_SERIES_LIMIT}, `)).toBe(true);
  });

  it('keeps OTel services (which also carry job) out of classic queries', () => {
    const classic = overviewQueriesFor('classic', 'job', full, 'service_name');
    const saturation = classic.find((o) => o.signal === 'saturation');
    expect(saturation?.query).toBe(
      `topk(1000, sum by (job) (rate(process_cpu_seconds_total{job!="", service_name=""}[${R}])) / sum by (job) (process_cpu_limit_cores{job!="", service_name=""}))`,
    );
    expect(classic.find((o) => o.signal === 'errorRatio')?.query).toBe(
      `topk(1000, ${ratio(
        `sum by (job) (rate(http_requests_total{job!="", service_name="", status=~"5.."}[${R}]))`,
        `sum by (job) (rate(http_requests_total{job!="", service_name=""}[${R}]))`,
      )})`,
    );
  });

  // Issue 5 #4: features present somewhere in the fleet are not features of every service.
  it('offers every saturation form present in the fleet, ratio first, so each service takes its best', () => {
    const forms = overviewQueriesFor('otel', 'service_name', full).filter((o) => o.signal === 'saturation');
    expect(forms.map((f) => f.unit)).toEqual(['percentunit', 'short', 'cores']);
    expect(forms[1]?.query).toBe('topk(1000, sum by (service_name) (http_server_active_requests{service_name!=""}))');
    expect(forms[2]?.query).toBe(`topk(1000, sum by (service_name) (rate(process_cpu_seconds_total{service_name!=""}[${R}])))`);
    const classic = overviewQueriesFor('classic', 'job', full, 'service_name').filter((o) => o.signal === 'saturation');
    expect(classic.map((f) => f.unit)).toEqual(['percentunit', 'cores']);
  });

  it('sends no saturation form the fleet lacks', () => {
    const noLimit = overviewQueriesFor('otel', 'service_name', { ...full, cpuLimit: false, activeRequests: false });
    expect(noLimit.filter((o) => o.signal === 'saturation').map((f) => f.unit)).toEqual(['cores']);
    const nothing = overviewQueriesFor('otel', 'service_name', { cpuSeconds: false, cpuLimit: false, activeRequests: false, downstream: false });
    expect(nothing.some((o) => o.signal === 'saturation')).toBe(false);
  });
});

/** Parses with the PromQL grammar the demo evaluator uses; true when there is no syntax error. */
function parses(query: string): boolean {
  let ok = true;
  parser.parse(interpolateIntervals(query, { stepMs: 60_000, scrapeIntervalMs: 15_000, rangeMs: 3_600_000 })).iterate({
    enter: (node) => {
      if (node.type.isError) ok = false;
    },
  });
  return ok;
}

const ALLOWED_FUNCTIONS = new Set(['rate', 'irate', 'increase', 'histogram_quantile', 'clamp_min', 'clamp_max']);
const ALLOWED_AGGREGATIONS = new Set(['sum', 'avg', 'min', 'max', 'count', 'topk']);
const FORBIDDEN_NODES = new Set(['And', 'Unless', 'OffsetExpr', 'SubqueryExpr', 'AtModifierPreprocessors', 'BoolModifier']);

describe('enumerateTemplateQueries', () => {
  const queries = enumerateTemplateQueries();

  it('lists every distinct template query', () => {
    expect(queries.length).toBeGreaterThanOrEqual(30);
    expect(new Set(queries).size).toBe(queries.length);
  });

  it.each(queries)('%s parses and stays inside the demo PromQL subset', (query) => {
    const text = interpolateIntervals(query, { stepMs: 60_000, scrapeIntervalMs: 15_000, rangeMs: 3_600_000 });
    const problems: string[] = [];
    parser.parse(text).iterate({
      enter: (node) => {
        const source = text.slice(node.from, node.to);
        if (node.type.isError) problems.push(`syntax error at ${node.from}`);
        if (node.name === 'FunctionIdentifier' && !ALLOWED_FUNCTIONS.has(source)) problems.push(`function ${source}`);
        if (node.name === 'AggregateOp' && !ALLOWED_AGGREGATIONS.has(source)) problems.push(`aggregation ${source}`);
        if (FORBIDDEN_NODES.has(node.name)) problems.push(node.name);
      },
    });
    expect(problems).toEqual([]);
    expect(text).not.toContain('$__');
  });
});
