import { CLASSIC_SERVICES, CLIENT_TIMEOUT_S, type DemoTraceDescription, type Hop } from '../simulator';
import { usAfter } from '../traces/spansFromHops';
import { LazyEntry, streamOf, type DemoLevel, type DemoLogEntry, type TraceRef } from './entry';
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
export type RequestDescription = Pick<DemoTraceDescription, 'parts' | 'outcome' | 'hops' | 'timings'>;

export function requestLines(trace: TraceRef, d: RequestDescription, choice: RequestLogChoice, out: DemoLogEntry[]): void {
  const startMs = d.parts.startMs;
  const endUsOf = (i: number): number => {
    const t = d.timings[i] ?? { startS: 0, durationS: 0 };
    return usAfter(startMs, t.startS + t.durationS);
  };
  // A line's text (and its fields object) is made only if the line is read: most are only counted.
  const emit = (timeUs: number, service: string, level: DemoLevel, hop: number, content: () => { msg: string; fields: LogFields }): void => {
    const write = (e: LazyEntry): string => {
      const { msg, fields } = content();
      return formatLine(formatOf(service), { level, timeMs: Math.floor(timeUs / 1000), service, msg, traceId: e.traceId, spanId: e.spanId, fields });
    };
    out.push(new LazyEntry(timeUs, streamOf(service, level), write, trace, hop));
  };
  const kind = d.outcome.kind;
  for (let i = 0; i < d.hops.length; i++) {
    const hop = d.hops[i] as Hop;
    if (!choice.requestLogs && !(hop.kind === 'client' || hop.service === d.outcome.target)) continue;
    const status = Number(hop.status);
    const durationMs = (): number => Math.round((d.timings[i]?.durationS ?? 0) * 1000);
    if (hop.kind === 'server' && choice.requestLogs) {
      emit(endUsOf(i), hop.service, levelOfStatus(status), i, () => ({ msg: status >= 500 ? 'request errored' : 'request completed', fields: httpFields(hop, status, durationMs()) }));
    }
    if (!choice.outcomeLogs || kind === 'ok') continue;
    if (hop.kind === 'server' && hop.service === d.outcome.target) {
      const level = causeLevel(kind);
      if (level !== undefined) emit(endUsOf(i) - 1, hop.service, level, i, () => causeLine(kind, hop, durationMs()));
    }
    if (hop.kind !== 'client') continue;
    if (hop.timedOut) {
      emit(endUsOf(i), hop.service, 'error', i, () => ({
        msg: hop.peer === 'payment-provider' ? PROVIDER_TIMEOUT_MESSAGE : `${hop.peer ?? 'upstream'} timeout after ${CLIENT_TIMEOUT_S * 1000}ms`,
        fields: { peer: hop.peer ?? '', timeout_ms: CLIENT_TIMEOUT_S * 1000, err: { type: 'TimeoutError' } },
      }));
    } else if (status >= 500) {
      const degraded = kind === 'degrade';
      emit(endUsOf(i), hop.service, degraded ? 'warn' : 'error', i, () => ({
        msg: degraded ? `${hop.peer ?? 'upstream'} call failed, carrying on without it` : `upstream ${hop.peer ?? ''} answered ${status}`,
        fields: { peer: hop.peer ?? '', method: hop.method, route: hop.route, status },
      }));
    }
  }
}

function causeLevel(kind: DemoTraceDescription['outcome']['kind']): DemoLevel | undefined {
  if (kind === 'fail' || kind === 'degrade') return 'error';
  if (kind === 'reject' || kind === 'slow') return 'warn';
  return undefined;
}

function httpFields(hop: Hop, status: number, durationMs: number): LogFields {
  if (formatOf(hop.service) === 'logfmt') return { method: hop.method, path: hop.route, status, duration_ms: durationMs };
  // pino-http's shape: req, res, responseTime.
  return { req: { method: hop.method, url: hop.route }, res: { statusCode: status }, responseTime: durationMs };
}

function causeLine(kind: DemoTraceDescription['outcome']['kind'], hop: Hop, durationMs: number): { msg: string; fields: LogFields } {
  switch (kind) {
    case 'reject':
      return { msg: REJECT_MESSAGES[hop.service] ?? 'request rejected', fields: { status: 400, route: hop.route } };
    case 'slow':
      return { msg: `slow request: ${hop.method} ${hop.route} took ${durationMs}ms`, fields: { route: hop.route, duration_ms: durationMs, threshold_ms: 250 } };
    default:
      return { msg: FAILURE_MESSAGES[hop.service] ?? 'internal error', fields: { err: { type: 'InternalServerError' }, route: hop.route } };
  }
}
