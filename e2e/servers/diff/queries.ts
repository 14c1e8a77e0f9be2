/**
 * Hand-written PromQL for the differential test, one or more per feature of the demo's subset. The
 * Golden Signals templates are added by the test itself from the adapter's own enumeration.
 */
export const SUBSET_QUERIES: readonly string[] = [
  // selectors: all four matchers, __name__ regex, offset
  'http_server_request_duration_seconds_count{service_name="payments", http_route=~"/payments.*", http_response_status_code!="500", http_request_method!~"PUT|DELETE"}',
  '{__name__=~"process_cpu_.+", job!="inventory"}',
  'http_requests_total{status=~"5..|4.."}',
  'process_cpu_seconds_total{job="auth"} offset 5m',
  // counters
  'rate(http_requests_total{job="inventory"}[5m])',
  'irate(http_server_request_duration_seconds_count{service_name="orders"}[1m])',
  'increase(process_cpu_seconds_total[10m])',
  'rate(http_client_request_duration_seconds_sum{service_name="payments"}[2m]) / rate(http_client_request_duration_seconds_count{service_name="payments"}[2m])',
  'rate(http_server_request_duration_seconds_count{service_name="auth"}[75s] offset 1m)',
  // *_over_time
  'avg_over_time(http_server_active_requests[5m])',
  'max_over_time(http_server_active_requests{service_name="payments"}[10m])',
  'min_over_time(http_server_active_requests[3m])',
  'sum_over_time(http_server_active_requests{service_name=~"api-gateway|orders"}[1m])',
  'count_over_time(process_cpu_limit_cores[4m])',
  'last_over_time(http_server_active_requests{service_name="orders"}[2m])',
  // aggregations
  'sum by (service_name) (rate(http_server_request_duration_seconds_count[5m]))',
  'sum without (instance, http_route, http_request_method) (rate(http_server_request_duration_seconds_count[2m]))',
  'avg by (service_name) (http_server_active_requests)',
  'min(http_server_active_requests)',
  'max by (job) (process_cpu_limit_cores)',
  'count by (service_name) (http_server_request_duration_seconds_count)',
  'count without (le) (http_server_request_duration_seconds_bucket{service_name="auth"})',
  'topk(3, sum by (service_name) (rate(http_server_request_duration_seconds_count[5m])))',
  'topk by (service_name) (1, rate(http_server_request_duration_seconds_count[5m]))',
  'sum(rate(http_server_request_duration_seconds_bucket{service_name="payments"}[5m])) by (le)',
  // histogram_quantile
  'histogram_quantile(0.9, sum by (le, server_address) (rate(http_client_request_duration_seconds_bucket{service_name="orders"}[5m])))',
  'histogram_quantile(0.5, rate(http_request_duration_seconds_bucket{job="inventory"}[3m]))',
  'histogram_quantile(0.999, sum by (le) (rate(http_server_request_duration_seconds_bucket{service_name="payment-provider"}[1m])))',
  // scalar and vector arithmetic
  'rate(process_cpu_seconds_total[5m]) * 100',
  '2 * http_server_active_requests - 1',
  'http_server_active_requests / 0',
  'http_server_active_requests % 7 + 2 ^ 3',
  '-http_server_active_requests',
  '1 + 2 * 3',
  'rate(process_cpu_seconds_total[5m]) / on (job, instance) process_cpu_limit_cores',
  'rate(process_cpu_seconds_total{service_name!=""}[5m]) / ignoring (service_name) process_cpu_limit_cores',
  'sum by (service_name, http_route) (rate(http_server_request_duration_seconds_count[5m])) / ignoring (http_route) group_left sum by (service_name) (rate(http_server_request_duration_seconds_count[5m]))',
  'rate(http_server_request_duration_seconds_count[5m]) * on (job) group_left process_cpu_limit_cores',
  'sum by (job) (rate(process_cpu_seconds_total[5m])) + on (job) sum by (job) (process_cpu_limit_cores)',
  // comparison filters and bool
  'http_server_active_requests > 5',
  'sum by (service_name) (rate(http_server_request_duration_seconds_count{http_response_status_code="500"}[5m])) >= 0.1',
  'process_cpu_limit_cores == 2',
  'rate(process_cpu_seconds_total[5m]) < 0.5',
  'http_server_active_requests != 0',
  '0.2 < rate(process_cpu_seconds_total[5m])',
  'rate(process_cpu_seconds_total[5m]) > on (job, instance) (process_cpu_limit_cores * 0.05)',
  'http_server_active_requests > bool 3',
  // clamps
  'clamp_min(http_server_active_requests, 3)',
  'clamp_max(rate(http_server_request_duration_seconds_count{service_name="api-gateway"}[5m]), 10)',
  'clamp(http_server_active_requests, 1, 4)',
];

/** Instant-only: a bare range selector answers the raw samples as a matrix. */
export const INSTANT_ONLY_QUERIES: readonly string[] = ['http_server_active_requests{service_name="payments"}[2m]'];

/** Malformed queries: the demo must place the parse error where Prometheus does. */
export const PARSE_ERROR_QUERIES: readonly string[] = [
  'sum(rate(http_requests_total[5m])',
  'rate(http_requests_total)',
  'http_requests_total{job="inventory"',
  'histogram_quantile(0.9)',
  'sum(http_requests_total) by',
  '1 +',
  'http_requests_total{job=~"inventory"} offset',
];
