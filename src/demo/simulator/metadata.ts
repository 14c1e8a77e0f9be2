import type { MetricMetadata } from '../source';

/**
 * Metadata per metric family, keyed as users query them: histograms by their base name, counters with
 * `_total`. (An OpenMetrics exposition names a counter family without `_total`; see openmetrics/.)
 */
export const DEMO_METADATA: Readonly<Record<string, MetricMetadata>> = {
  http_server_request_duration_seconds: { type: 'histogram', help: 'Duration of HTTP server requests.', unit: 'seconds' },
  http_client_request_duration_seconds: { type: 'histogram', help: 'Duration of HTTP client requests.', unit: 'seconds' },
  http_server_active_requests: { type: 'gauge', help: 'Number of active HTTP server requests.', unit: '' },
  process_cpu_seconds_total: { type: 'counter', help: 'Total user and system CPU time spent in seconds.', unit: 'seconds' },
  process_cpu_limit_cores: { type: 'gauge', help: 'CPU limit of the container, in cores.', unit: '' },
  http_requests_total: { type: 'counter', help: 'Total number of HTTP requests made.', unit: '' },
  http_request_duration_seconds: { type: 'histogram', help: 'The HTTP request latencies in seconds.', unit: 'seconds' },
};
