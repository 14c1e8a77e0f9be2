import { CLASSIC_SERVICES, CLIENT_TIMEOUT_S, type DemoTraceDescription, type Hop } from '../simulator';
import { usAfter } from '../traces/spansFromHops';
import { LazyEntry, streamOf, type DemoLevel, type DemoLogEntry } from './entry';
import { formatLine, type LineFormat, type LogFields } from './formats';

/** The timeout message payments logs when the provider does not answer: the incident's new pattern. */
export const PROVIDER_TIMEOUT_MESSAGE = `payment provider timeout after ${CLIENT_TIMEOUT_S * 1000}ms`;

/** What a failing service says when it is the cause (`fail` and `degrade` outcomes). */
const FAILURE_MESSAGES: Readonly<Record<string, string>> = {
  'api-gateway': 'handler crashed: cannot read properties of undefined (reading "session")',
  auth: 'token verification failed: signing key service unavailable',
  users: 'user lookup failed: connection pool exhausted',
  orders: 'order write failed: connection reset by peer',
  payments: 'payment record write failed: deadlock detected',
  'payment-provider': 'charge failed: card network returned an internal error',
  inventory: 'stock reservation failed: lock wait timeout exceeded',
  notifications: 'email relay refused connection',
  search: 'search index unavailable: shard 3 did not respond',
};

/** Why a service answers 400 (`reject` outcomes). */
const REJECT_MESSAGES: Readonly<Record<string, string>> = {
  'api-gateway': 'invalid checkout payload: missing field "cart_id"',
  auth: 'login rejected: invalid credentials',
  users: 'validation failed: email is malformed',
};

export function formatOf(service: string): LineFormat {
  return (CLASSIC_SERVICES as ReadonlySet<string>).has(service) ? 'logfmt' : 'json';
}

function levelOfStatus(status: number): DemoLevel {
  if (status >= 500) return 'error';
  if (status >= 400) return 'warn';
  return 'info';
}

interface LineSpec {
  timeUs: number;
  service: string;
  level: DemoLevel;
  msg: string;
  spanId: string;
  fields: LogFields;
}

/** Which lines of a request to write: the access log of each server span, and the lines its outcome causes. */
export interface RequestLogChoice {
  requestLogs: boolean;
  outcomeLogs: boolean;
}

/**
 * The log lines a simulated request writes, each carrying the request's trace ID and the ID of the span it
 * was written in, at the time that span did it: a server span's access log at its end (level from its
 * status, as in the metrics), the cause of a failure just before the failing span ends, the callers'
 * complaints when their calls come back failed, the incident's timeout when payments gives up on the
 * provider (the client span's end, exactly 30 s after it began). Pushed onto `out`.
 */
export type RequestDescription = Omit<DemoTraceDescription, 'spanIds' | 'flow'> & { spanId(hop: number): string };

export function requestLines(traceId: string, d: RequestDescription, choice: RequestLogChoice, out: DemoLogEntry[]): void {
  const specs: LineSpec[] = [];
  const startMs = d.parts.startMs;
  const endUsOf = (i: number): number => {
    const t = d.timings[i] ?? { startS: 0, durationS: 0 };
    return usAfter(startMs, t.startS + t.durationS);
  };
  d.hops.forEach((hop: Hop, i) => {
    if (!choice.requestLogs && !(hop.kind === 'client' || hop.service === d.outcome.target)) return;
    const spanId = d.spanId(i);
    const status = Number(hop.status);
    const durationMs = Math.round((d.timings[i]?.durationS ?? 0) * 1000);
    if (hop.kind === 'server' && choice.requestLogs) {
      specs.push({
        timeUs: endUsOf(i),
        service: hop.service,
        level: levelOfStatus(status),
        msg: status >= 500 ? 'request errored' : 'request completed',
        spanId,
        fields: httpFields(hop, status, durationMs),
      });
    }
    if (!choice.outcomeLogs || d.outcome.kind === 'ok') return;
    const causeHere = hop.kind === 'server' && hop.service === d.outcome.target;
    if (causeHere) {
      const cause = causeLine(d.outcome.kind, hop, durationMs);
      if (cause !== undefined) specs.push({ timeUs: endUsOf(i) - 1, service: hop.service, spanId, ...cause });
    }
    if (hop.kind === 'client') {
      if (hop.timedOut) {
        specs.push({
          timeUs: endUsOf(i),
          service: hop.service,
          level: 'error',
          msg: hop.peer === 'payment-provider' ? PROVIDER_TIMEOUT_MESSAGE : `${hop.peer ?? 'upstream'} timeout after ${CLIENT_TIMEOUT_S * 1000}ms`,
          spanId,
          fields: { peer: hop.peer ?? '', timeout_ms: CLIENT_TIMEOUT_S * 1000, err: { type: 'TimeoutError' } },
        });
      } else if (status >= 500) {
        const degraded = d.outcome.kind === 'degrade';
        specs.push({
          timeUs: endUsOf(i),
          service: hop.service,
          level: degraded ? 'warn' : 'error',
          msg: degraded ? `${hop.peer ?? 'upstream'} call failed, carrying on without it` : `upstream ${hop.peer ?? ''} answered ${status}`,
          spanId,
          fields: { peer: hop.peer ?? '', method: hop.method, route: hop.route, status },
        });
      }
    }
  });
  for (const s of specs) {
    const write = (): string => formatLine(formatOf(s.service), { level: s.level, timeMs: Math.floor(s.timeUs / 1000), service: s.service, msg: s.msg, traceId, spanId: s.spanId, fields: s.fields });
    out.push(new LazyEntry(s.timeUs, streamOf(s.service, s.level), write, traceId, s.spanId));
  }
}

function httpFields(hop: Hop, status: number, durationMs: number): LogFields {
  if (formatOf(hop.service) === 'logfmt') return { method: hop.method, path: hop.route, status, duration_ms: durationMs };
  // pino-http's shape: req, res, responseTime.
  return { req: { method: hop.method, url: hop.route }, res: { statusCode: status }, responseTime: durationMs };
}

function causeLine(kind: DemoTraceDescription['outcome']['kind'], hop: Hop, durationMs: number): Pick<LineSpec, 'level' | 'msg' | 'fields'> | undefined {
  switch (kind) {
    case 'fail':
    case 'degrade':
      return { level: 'error', msg: FAILURE_MESSAGES[hop.service] ?? 'internal error', fields: { err: { type: 'InternalServerError' }, route: hop.route } };
    case 'reject':
      return { level: 'warn', msg: REJECT_MESSAGES[hop.service] ?? 'request rejected', fields: { status: 400, route: hop.route } };
    case 'slow':
      return { level: 'warn', msg: `slow request: ${hop.method} ${hop.route} took ${durationMs}ms`, fields: { route: hop.route, duration_ms: durationMs, threshold_ms: 250 } };
    default:
      return undefined;
  }
}
