import type { LogLevel, LogLine, LogStream } from '../../src/model/logs';
import { seededRandom } from '../../src/model/testing/seededRandom';

// Synthetic but realistic log lines for the logs benchmarks: 30 templates of nine services, JSON (pino's
// shape) for most and logfmt for the legacy one, with the variable parts real lines have (IDs, trace IDs,
// durations, IPs, UUIDs, quoted names, status codes). Seeded, so every run sees the same lines.


type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const hex = (r: Rand, digits: number) => {
  let s = '';
  for (let i = 0; i < digits; i++) s += '0123456789abcdef'[int(r, 16)];
  return s;
};
const uuid = (r: Rand) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`;
const ip = (r: Rand) => `10.${int(r, 4)}.${int(r, 256)}.${1 + int(r, 254)}`;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)]!;
const ROUTES = ['/orders', '/payments', '/users', '/cart', '/search', '/inventory'];
const CUSTOMERS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli'];

interface Template {
  service: string;
  level: LogLevel;
  weight: number;
  msg: (r: Rand) => string;
}

const TEMPLATES: Template[] = [
  { service: 'api-gateway', level: 'info', weight: 30, msg: (r) => `GET ${pick(r, ROUTES)}/${int(r, 1e6)} ${pick(r, [200, 200, 201, 304])} in ${int(r, 400)}ms` },
  { service: 'api-gateway', level: 'info', weight: 10, msg: (r) => `POST ${pick(r, ROUTES)} ${pick(r, [200, 201])} in ${int(r, 900)}ms` },
  { service: 'api-gateway', level: 'warn', weight: 2, msg: (r) => `slow upstream ${pick(r, ['orders', 'payments', 'search'])} took ${1000 + int(r, 4000)}ms` },
  { service: 'api-gateway', level: 'info', weight: 3, msg: (r) => `client ${ip(r)} connected via HTTP/2` },
  { service: 'auth', level: 'info', weight: 8, msg: (r) => `user ${uuid(r)} logged in` },
  { service: 'auth', level: 'info', weight: 4, msg: (r) => `token refreshed for session ${hex(r, 24)}` },
  { service: 'auth', level: 'warn', weight: 1, msg: (r) => `invalid password for user "${pick(r, ['alice', 'bob', 'carol', 'dave'])}" from ${ip(r)}` },
  { service: 'users', level: 'debug', weight: 6, msg: (r) => `cache miss for key user:${int(r, 1e5)}` },
  { service: 'users', level: 'info', weight: 3, msg: (r) => `profile ${int(r, 1e5)} updated (${1 + int(r, 5)} fields)` },
  { service: 'orders', level: 'info', weight: 8, msg: (r) => `order ord-${int(r, 1e6)} created for customer "${pick(r, CUSTOMERS)}"` },
  { service: 'orders', level: 'info', weight: 5, msg: (r) => `order ord-${int(r, 1e6)} shipped in ${int(r, 72)}h` },
  { service: 'orders', level: 'warn', weight: 2, msg: (r) => `retrying call to inventory (attempt ${1 + int(r, 3)})` },
  { service: 'orders', level: 'error', weight: 1, msg: (r) => `failed to reserve stock for sku ${hex(r, 10)}: out of stock` },
  { service: 'payments', level: 'info', weight: 6, msg: (r) => `payment authorized for order ord-${int(r, 1e6)} amount ${(r() * 500).toFixed(2)} EUR` },
  { service: 'payments', level: 'info', weight: 3, msg: (r) => `refund ${uuid(r)} issued: ${(r() * 100).toFixed(2)} EUR` },
  { service: 'payments', level: 'warn', weight: 1, msg: (r) => `3-D Secure challenge for card ending ${int(r, 10000).toString().padStart(4, '0')}` },
  { service: 'payment-provider', level: 'info', weight: 4, msg: (r) => `acquirer responded ${pick(r, ['APPROVED', 'APPROVED', 'DECLINED'])} in ${int(r, 800)}ms` },
  { service: 'inventory', level: 'info', weight: 5, msg: (r) => `stock level for sku ${hex(r, 10)} is ${int(r, 500)}` },
  { service: 'inventory', level: 'debug', weight: 3, msg: (r) => `warehouse ${pick(r, ['ams1', 'fra2', 'lon3'])} sync took ${(r() * 3).toFixed(2)}s` },
  { service: 'notifications', level: 'info', weight: 4, msg: (r) => `email sent to ${hex(r, 8)}@example.com template "${pick(r, ['receipt', 'welcome', 'reset'])}"` },
  { service: 'notifications', level: 'warn', weight: 1, msg: (r) => `SMTP ${ip(r)}:25 deferred message ${hex(r, 16)}` },
  { service: 'search', level: 'info', weight: 6, msg: (r) => `query "${pick(r, ['shoes', 'red dress', 'usb c cable', 'lamp'])}" returned ${int(r, 2000)} hits in ${int(r, 120)}ms` },
  { service: 'search', level: 'warn', weight: 1, msg: (r) => `index shard ${int(r, 12)} lagging by ${int(r, 900)}s` },
  { service: 'search', level: 'debug', weight: 2, msg: (r) => `reindexed ${int(r, 5000)} documents in batch ${uuid(r)}` },
  { service: 'legacy-billing', level: 'info', weight: 4, msg: (r) => `invoice ${int(r, 1e6)} rendered for customer "${pick(r, CUSTOMERS)}"` },
  { service: 'legacy-billing', level: 'info', weight: 2, msg: (r) => `batch job nightly-export finished ${int(r, 9000)} rows` },
  { service: 'legacy-billing', level: 'warn', weight: 1, msg: (r) => `ledger lock held for ${int(r, 30000)}ms by pid ${int(r, 65535)}` },
  { service: 'api-gateway', level: 'error', weight: 1, msg: (r) => `upstream reset: connection to ${ip(r)}:8080 refused` },
  { service: 'auth', level: 'debug', weight: 2, msg: (r) => `jwks cache refreshed (${1 + int(r, 4)} keys) pointer 0x${hex(r, 8)}` },
];
/** The incident: only in the last fifth of the range. */
const INCIDENT: Template = { service: 'payments', level: 'error', weight: 0, msg: () => 'payment provider timeout after 30000ms' };

export const LOG_TEMPLATES = TEMPLATES.length + 1;
const PINO_LEVEL: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, critical: 60, unknown: 30 };

const streams = new Map<string, LogStream>();
function streamOf(service: string): LogStream {
  let s = streams.get(service);
  if (s === undefined) {
    s = { key: `{namespace="shop",service="${service}"}`, labels: { namespace: 'shop', service } };
    streams.set(service, s);
  }
  return s;
}

function lineText(t: Template, r: Rand, timeMs: number): string {
  const traceId = hex(r, 32);
  const msg = t.msg(r);
  if (t.service === 'legacy-billing') {
    return `ts=${new Date(timeMs).toISOString()} level=${t.level} msg=${JSON.stringify(msg)} trace_id=${traceId} duration=${int(r, 90)}ms`;
  }
  return `{"level":${PINO_LEVEL[t.level]},"time":${timeMs},"pid":${1000 + int(r, 50)},"hostname":"${t.service}-${hex(r, 6)}","service":"${t.service}","trace_id":"${traceId}","span_id":"${hex(r, 16)}","msg":${JSON.stringify(msg)}}`;
}

const totalWeight = TEMPLATES.reduce((s, t) => s + t.weight, 0);
function pickTemplate(r: Rand): Template {
  let x = r() * totalWeight;
  for (const t of TEMPLATES) {
    x -= t.weight;
    if (x < 0) return t;
  }
  return TEMPLATES[0]!;
}

let seq = 0;
/** One line at `timeMs`; in `incident` the payment provider times out for about one line in twelve. */
export function syntheticLine(r: Rand, timeMs: number, incident: boolean): LogLine {
  const t = incident && r() < 0.08 ? INCIDENT : pickTemplate(r);
  const s = streamOf(t.service);
  const n = seq++;
  const timeNs = `${timeMs}${String(n % 1_000_000).padStart(6, '0')}`;
  return { key: `${s.key}|${timeNs}|${n}`, timeNs, timeMs, stream: s, line: lineText(t, r, timeMs), level: t.level };
}

/** `count` lines spread evenly over `range`, oldest first; the incident starts at 80 % of the range. */
export function syntheticLines(count: number, range: { from: number; to: number }, seed = 1): LogLine[] {
  const r = seededRandom(seed);
  const incidentFrom = range.from + 0.8 * (range.to - range.from);
  const out = new Array<LogLine>(count);
  for (let i = 0; i < count; i++) {
    const t = range.from + Math.floor(((range.to - range.from) * i) / count);
    out[i] = syntheticLine(r, t, t >= incidentFrom);
  }
  return out;
}

export { seededRandom };
