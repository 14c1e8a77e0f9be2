/**
 * Where each API lives in the in-app demo: the paths after the demo origin (see DEMO_*_URL in index.ts). A
 * module of its own so the demo's request router can name them without importing the handlers it loads lazily.
 */
export const LOKI_API_BASE_PATH = '/loki';
/** Jaeger (v1 and api_v3), Tempo and Zipkin share paths like `/api/traces/<id>`, so each has its own base. */
export const TRACE_API_BASE_PATHS = { jaeger: '/jaeger', tempo: '/tempo', zipkin: '/zipkin' } as const;
