import type { Span, SpanKind, Trace } from '../src/model/trace';
import { seededRandom } from '../src/model/testing/seededRandom';

/**
 * A synthetic trace like the one Jaeger UI's reference figures were measured on: `spanCount` spans over 30
 * services, depth up to 25, children inside their parents, some errors and events, from a seeded PRNG so every
 * run builds the same trace. Used by the trace-view benchmarks (bench/pages/traceViews.tsx); tbench's waterfall
 * benchmarks may have their own generator (bench/traceData.ts), hence this file's name.
 */
export interface SyntheticTraceSpec {
  spanCount: number;
  services?: number;
  maxDepth?: number;
  seed?: number;
}

export const SYNTHETIC_TRACE_ID = '5eed0000000000000000000000010000';
const START_US = 1_700_000_000_000_000;
const ROOT_US = 12_000_000;


const OPERATIONS = ['GET /api/orders', 'POST /api/charge', 'SELECT orders', 'cache.get', 'publish', 'render', 'auth.verify', 'GET /inventory/{id}'];

export function syntheticTrace({ spanCount, services = 30, maxDepth = 25, seed = 1 }: SyntheticTraceSpec): Trace {
  const random = seededRandom(seed);
  const serviceNames = Array.from({ length: services }, (_, i) => `service-${String(i).padStart(2, '0')}`);
  const depth = new Int32Array(spanCount);
  const start = new Float64Array(spanCount);
  const duration = new Float64Array(spanCount);
  const serviceOf = new Int32Array(spanCount);
  const spans: Span[] = [];
  const id = (i: number) => (i + 1).toString(16).padStart(16, '0');
  const make = (i: number, parent: number, kind: SpanKind, error: boolean): Span => ({
    traceId: SYNTHETIC_TRACE_ID,
    spanId: id(i),
    ...(parent >= 0 ? { parentSpanId: id(parent) } : {}),
    name: OPERATIONS[Math.floor(random() * OPERATIONS.length)]!,
    service: serviceNames[serviceOf[i]!]!,
    kind,
    startUs: start[i]!,
    durationUs: duration[i]!,
    status: error ? 'error' : 'ok',
    attributes: { 'http.status_code': error ? 500 : 200, 'span.index': i },
    resource: { 'service.name': serviceNames[serviceOf[i]!]! },
    events: random() < 0.05 ? [{ timeUs: start[i]! + duration[i]! / 2, name: error ? 'exception' : 'log', attributes: { message: `event of span ${i}` } }] : [],
    links: [],
  });
  start[0] = START_US;
  duration[0] = ROOT_US;
  spans.push(make(0, -1, 'server', false));
  for (let i = 1; i < spanCount; i++) {
    // Mostly a recent span as parent, so the tree gets depth; capped at maxDepth levels.
    let p = random() < 0.6 ? Math.max(0, i - 1 - Math.floor(random() * 6)) : Math.floor(random() * i);
    while (depth[p]! + 1 >= maxDepth) p = Math.floor(random() * p);
    depth[i] = depth[p]! + 1;
    const offset = random() * duration[p]! * 0.8;
    start[i] = Math.round(start[p]! + offset);
    duration[i] = Math.max(1, Math.round(random() * (duration[p]! - offset) * 0.9));
    serviceOf[i] = random() < 0.4 ? serviceOf[p]! : Math.floor(random() * services);
    spans.push(make(i, p, random() < 0.5 ? 'client' : 'server', random() < 0.02));
  }
  return { traceId: SYNTHETIC_TRACE_ID, spans, warnings: [] };
}
