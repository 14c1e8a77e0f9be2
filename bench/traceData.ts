import { seededRandom } from '../src/model/testing/seededRandom';

/**
 * The waterfall benchmark's trace (bench only): a synthetic Jaeger v1 JSON trace shaped like the one Jaeger UI
 * 2.20 was measured on (issue 7): 30 services, depth up to 25, with the tags, process tags and logs a real
 * instrumented system sends. It is built as Jaeger's wire JSON, not as `Span`s, so the bench page parses it
 * with the real adapter (`parseV1Trace`) and the heap holds what a fetched trace would: one string per value.
 * Deterministic: the same count and seed give the same trace.
 */

export const TRACE_SERVICES = 30;
export const TRACE_MAX_DEPTH = 25;

/** Jaeger's `{ key, type, value }` tag. */
export interface JaegerTag {
  key: string;
  type: 'string' | 'bool' | 'int64' | 'float64';
  value: string | number | boolean;
}

export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references: { refType: 'CHILD_OF' | 'FOLLOWS_FROM'; traceID: string; spanID: string }[];
  startTime: number;
  duration: number;
  tags: JaegerTag[];
  logs: { timestamp: number; fields: JaegerTag[] }[];
  processID: string;
  warnings: null;
}

export interface JaegerTraceDoc {
  data: {
    traceID: string;
    spans: JaegerSpan[];
    processes: Record<string, { serviceName: string; tags: JaegerTag[] }>;
    warnings: null;
  }[];
}

const SERVICE_NAMES = [
  'api-gateway', 'auth', 'users', 'orders', 'payments', 'payment-provider', 'inventory', 'notifications', 'search', 'cart',
  'catalog', 'pricing', 'recommendations', 'reviews', 'shipping', 'tax', 'fraud-check', 'ledger', 'email', 'sms',
  'media', 'thumbnails', 'sessions', 'feature-flags', 'audit-log', 'geo', 'currency', 'loyalty', 'warehouse', 'returns',
] as const;


const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const str = (key: string, value: string): JaegerTag => ({ key, type: 'string', value });
const int = (key: string, value: number): JaegerTag => ({ key, type: 'int64', value });

type Flavour = 'http-server' | 'http-client' | 'db' | 'rpc' | 'internal' | 'messaging';
const FLAVOURS: readonly Flavour[] = ['http-server', 'http-client', 'db', 'rpc', 'internal', 'messaging'];
const ROUTES = ['/api/v1/items/{id}', '/api/v1/orders', '/checkout', '/cart/{id}/lines', '/health', '/search', '/users/{id}', '/charge'];
const TABLES = ['orders', 'users', 'line_items', 'payments', 'stock', 'sessions'];

function operation(flavour: Flavour, random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  switch (flavour) {
    case 'http-server':
    case 'http-client':
      return `${pick(['GET', 'POST', 'PUT'])} ${pick(ROUTES)}`;
    case 'db':
      return `${pick(['SELECT', 'INSERT', 'UPDATE'])} ${pick(TABLES)}`;
    case 'rpc':
      return `${pick(['Inventory', 'Pricing', 'Ledger'])}/${pick(['Get', 'Reserve', 'Commit', 'List'])}`;
    case 'messaging':
      return `${pick(['order.created', 'payment.settled', 'stock.low'])} ${pick(['publish', 'process'])}`;
    default:
      return pick(['render', 'validate', 'serialize', 'cache.lookup', 'compute-total']);
  }
}

function tagsOf(flavour: Flavour, error: boolean, random: () => number, i: number): JaegerTag[] {
  const status = error ? 500 : random() < 0.05 ? 404 : 200;
  const tags: JaegerTag[] = [str('otel.library.name', 'io.opentelemetry.bench'), str('otel.library.version', '1.32.0')];
  if (flavour === 'http-server' || flavour === 'http-client') {
    tags.push(
      str('span.kind', flavour === 'http-server' ? 'server' : 'client'),
      str('http.request.method', random() < 0.7 ? 'GET' : 'POST'),
      str('url.full', `https://shop.example.com/api/v1/items/${hex(i * 2654435761 >>> 0, 8)}?page=${i % 17}`),
      int('http.response.status_code', status),
      str('network.peer.address', `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`),
      str('user_agent.original', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36'),
    );
  } else if (flavour === 'db') {
    tags.push(
      str('span.kind', 'client'),
      str('db.system', 'postgresql'),
      str('db.statement', `SELECT id, status, total FROM orders WHERE customer_id = $1 AND created_at > $2 LIMIT ${i % 100}`),
      str('db.name', 'shop'),
      int('db.rows_affected', Math.floor(random() * 500)),
    );
  } else if (flavour === 'rpc') {
    tags.push(str('span.kind', 'client'), str('rpc.system', 'grpc'), int('rpc.grpc.status_code', error ? 13 : 0), str('server.address', 'inventory.svc.cluster.local'));
  } else if (flavour === 'messaging') {
    tags.push(str('span.kind', 'producer'), str('messaging.system', 'kafka'), str('messaging.destination.name', 'orders'), int('messaging.kafka.partition', i % 12));
  } else {
    tags.push(str('span.kind', 'internal'), str('code.function', `handle${i % 40}`));
  }
  if (error) tags.push({ key: 'error', type: 'bool', value: true }, str('otel.status_code', 'ERROR'), str('otel.status_description', `upstream failed after ${i % 7} retries`));
  return tags;
}

/**
 * A Jaeger v1 `{data: [trace]}` with `spanCount` spans. Each span's parent is an earlier span (often a recent one,
 * so the tree gets depth, capped at TRACE_MAX_DEPTH levels), children lie inside their parents, services cycle
 * through all TRACE_SERVICES, about 1 % of spans fail and about 1 in 8 carries one to three logs.
 */
export function syntheticJaegerTrace(spanCount: number, seed = 7): JaegerTraceDoc {
  const random = seededRandom(seed);
  const traceID = hex(seed, 16) + hex(spanCount, 16);
  const parents = new Int32Array(spanCount).fill(-1);
  const depths = new Int32Array(spanCount);
  const starts = new Float64Array(spanCount);
  const durations = new Float64Array(spanCount);
  const spanID = (i: number) => hex((i + 1) * 0x9e3779b1 + seed, 16).slice(-16);
  const spans: JaegerSpan[] = [];
  for (let i = 0; i < spanCount; i++) {
    let p = -1;
    if (i > 0) {
      p = random() < 0.6 ? Math.max(0, i - 1 - Math.floor(random() * 6)) : Math.floor(random() * i);
      while (depths[p]! + 1 >= TRACE_MAX_DEPTH) p = parents[p]!;
      depths[i] = depths[p]! + 1;
    }
    parents[i] = p;
    if (p < 0) {
      starts[i] = 1_767_225_600_000_000 + seed * 1000;
      durations[i] = 30_000_000;
    } else {
      const offset = Math.floor(random() * durations[p]! * 0.6);
      starts[i] = starts[p]! + offset;
      durations[i] = Math.max(1, Math.floor(random() * (durations[p]! - offset)));
    }
    // Every service appears; deeper spans favour services further down the list, as calls fan out.
    const service = i < TRACE_SERVICES ? i : Math.floor(random() * TRACE_SERVICES);
    const flavour = i === 0 ? 'http-server' : FLAVOURS[Math.floor(random() * FLAVOURS.length)]!;
    const error = i > 0 && random() < 0.01;
    const logs: JaegerSpan['logs'] = [];
    if (random() < 0.125) {
      const n = 1 + Math.floor(random() * 3);
      for (let k = 0; k < n; k++) {
        logs.push({
          timestamp: starts[i]! + Math.floor((durations[i]! * (k + 1)) / (n + 1)),
          fields: [str('event', error && k === n - 1 ? 'exception' : 'cache.miss'), str('message', `key item:${hex(i, 6)}:${k} not cached, loading from origin`)],
        });
      }
    }
    spans.push({
      traceID,
      spanID: spanID(i),
      operationName: operation(flavour, random),
      references: p < 0 ? [] : [{ refType: 'CHILD_OF', traceID, spanID: spanID(p) }],
      startTime: starts[i]!,
      duration: durations[i]!,
      tags: tagsOf(flavour, error, random, i),
      logs,
      processID: `p${service + 1}`,
      warnings: null,
    });
  }
  const processes: JaegerTraceDoc['data'][number]['processes'] = {};
  SERVICE_NAMES.forEach((name, k) => {
    processes[`p${k + 1}`] = {
      serviceName: name,
      tags: [str('hostname', `${name}-7d9f8b6c5-${hex(k * 7919, 5)}`), str('ip', `10.0.${k}.17`), str('telemetry.sdk.language', 'go'), str('service.version', `1.${k}.0`)],
    };
  });
  return { data: [{ traceID, spans, processes, warnings: null }] };
}
