export { createPrometheusHandlers } from './handlers';
export type { PrometheusHandlerOptions } from './handlers';
