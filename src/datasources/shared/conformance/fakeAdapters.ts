import { DataSourceError, isDataSourceError } from '../../../lib/errors';
import type { Alert } from '../../../model/alerts';
import type { LogLine, LogStream } from '../../../model/logs';
import type { Span } from '../../../model/trace';
import { normalizeTraceId } from '../../../model/traceId';
import type { DataSource, FetchFn } from '../../types';
import { asDataSourceError, mapHttpError, readOrThrow } from '../errors';
import { fetchJson } from '../fetchJson';
import { shapeReaders } from '../shape';

/**
 * Tiny adapters, built on the shared kit, that exist only to test the conformance suites: each speaks a
 * sliver of a real wire format (Loki query_range, Jaeger v1 trace-by-ID, Alertmanager v2 alerts). A `flaw`
 * makes one deliberately wrong, and the suite must catch it. Not a start on the real adapters.
 */

export const FAKE_LOKI_URL = 'http://loki.conformance:3100';
export const FAKE_JAEGER_URL = 'http://jaeger.conformance:16686';
export const FAKE_ALERTMANAGER_URL = 'http://alertmanager.conformance:9093';

const health = async () => ({ ok: true });

async function getJson(fetchFn: FetchFn, url: string, signal: AbortSignal | undefined, server: string, mapError: (e: unknown) => unknown = (e) => e): Promise<unknown> {
  try {
    return (await fetchJson(fetchFn, url, signal === undefined ? {} : { signal })).data;
  } catch (error) {
    throw asDataSourceError(mapHttpError(mapError(error), server), server);
  }
}

export type LokiFlaw = 'dropsSignal' | 'lossyTimes' | 'silentLimit';

export function fakeLoki(fetchFn: FetchFn, flaw?: LokiFlaw): DataSource {
  const read = shapeReaders('Loki');
  // Loki's errors are plain text; a 400 is the query's fault (parse errors, limits).
  const lokiError = (e: unknown) => (isDataSourceError(e) && e.kind === 'http' && e.status === 400 ? new DataSourceError(e.message, { kind: 'query', status: 400 }) : e);
  return {
    uid: 'loki',
    kind: 'loki',
    name: 'Loki',
    health,
    logs: {
      language: 'logql',
      async queryLogs(query, ctx) {
        const params = new URLSearchParams({ query, limit: String(ctx.limit), direction: ctx.direction, start: `${ctx.range.from}000000`, end: `${ctx.range.to}000000` });
        const body = await getJson(fetchFn, `${FAKE_LOKI_URL}/loki/api/v1/query_range?${params}`, flaw === 'dropsSignal' ? undefined : ctx.signal, 'Loki', lokiError);
        return readOrThrow(() => {
          const data = read.asRecord(read.asRecord(body, 'the response body').data, 'data');
          const lines: LogLine[] = [];
          read.asArray(data.result, 'data.result').forEach((raw, i) => {
            const entry = read.asRecord(raw, `data.result[${i}]`);
            const labels = read.asLabels(entry.stream, `data.result[${i}].stream`);
            const stream: LogStream = { key: JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1))), labels };
            read.asArray(entry.values, `data.result[${i}].values`).forEach((value, j) => {
              const pair = read.asArray(value, `data.result[${i}].values[${j}]`);
              const ns = read.asString(pair[0], `data.result[${i}].values[${j}][0]`);
              const line = read.asString(pair[1], `data.result[${i}].values[${j}][1]`);
              const timeNs = flaw === 'lossyTimes' ? String(Number(ns)) : ns;
              lines.push({ key: `${stream.key}@${ns}#${j}`, timeNs, timeMs: Number(BigInt(ns) / 1_000_000n), stream, line, level: 'unknown' });
            });
          });
          lines.sort((a, b) => (BigInt(b.timeNs) > BigInt(a.timeNs) ? 1 : BigInt(b.timeNs) < BigInt(a.timeNs) ? -1 : 0));
          const full = lines.length >= ctx.limit;
          const warnings = full && flaw !== 'silentLimit' ? [`Showing the newest ${ctx.limit} lines; older lines in the range may be missing.`] : [];
          return { lines, warnings, hasMore: full };
        }, 'Loki');
      },
    },
  };
}

export type JaegerFlaw = 'notFoundIsEmpty' | 'rawId';
const MAX_SPANS = 50;

export function fakeJaeger(fetchFn: FetchFn, flaw?: JaegerFlaw): DataSource {
  const read = shapeReaders('Jaeger');
  return {
    uid: 'jaeger',
    kind: 'jaeger',
    name: 'Jaeger',
    health,
    traces: {
      async getTrace(id, ctx) {
        const traceId = (flaw === 'rawId' ? id : normalizeTraceId(id)) ?? id;
        const notFound = () => new DataSourceError(`Trace ${traceId} was not found`, { kind: 'query', status: 404 });
        const body = await getJson(fetchFn, `${FAKE_JAEGER_URL}/api/traces/${encodeURIComponent(traceId)}`, ctx.signal, 'Jaeger', (e) =>
          isDataSourceError(e) && e.status === 404 && flaw !== 'notFoundIsEmpty' ? notFound() : withJaegerMessage(e),
        ).catch((e: unknown) => {
          if (flaw === 'notFoundIsEmpty' && isDataSourceError(e) && e.status === 404) return { data: [{ traceID: traceId, spans: [], processes: {} }] };
          throw e;
        });
        return readOrThrow(() => {
          const data = read.asArray(read.asRecord(body, 'the response body').data, 'data');
          if (data.length === 0) {
            if (flaw === 'notFoundIsEmpty') return { traceId, spans: [], warnings: [] };
            throw notFound();
          }
          const trace = read.asRecord(data[0], 'data[0]');
          const processes = read.asRecord(trace.processes, 'data[0].processes');
          const rawSpans = read.asArray(trace.spans, 'data[0].spans');
          const spans: Span[] = rawSpans.slice(0, MAX_SPANS).map((raw, i) => {
            const path = `data[0].spans[${i}]`;
            const span = read.asRecord(raw, path);
            const processId = read.asString(span.processID, `${path}.processID`);
            const process = read.asRecord(processes[processId], `data[0].processes.${processId}`);
            return {
              traceId,
              spanId: read.asString(span.spanID, `${path}.spanID`),
              name: read.asString(span.operationName, `${path}.operationName`),
              service: read.asString(process.serviceName, `data[0].processes.${processId}.serviceName`),
              kind: 'unspecified',
              startUs: read.asNumber(span.startTime, `${path}.startTime`),
              durationUs: read.asNumber(span.duration, `${path}.duration`),
              status: 'unset',
              attributes: {},
              resource: {},
              events: [],
              links: [],
            };
          });
          const warnings = rawSpans.length > MAX_SPANS ? [`The trace has ${rawSpans.length} spans; showing the first ${MAX_SPANS}.`] : [];
          return { traceId, spans, warnings };
        }, 'Jaeger');
      },
    },
  };
}

/** Jaeger puts its error text in `errors[0].msg` of the usual envelope. */
function withJaegerMessage(error: unknown): unknown {
  if (!isDataSourceError(error) || typeof error.body !== 'object' || error.body === null) return error;
  const errors = (error.body as Record<string, unknown>).errors;
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  const msg = typeof first === 'object' && first !== null ? (first as Record<string, unknown>).msg : undefined;
  if (typeof msg !== 'string') return error;
  const { status, body } = error;
  return new DataSourceError(msg, { kind: error.kind, body, cause: error, ...(status === undefined ? {} : { status }) });
}

export type AlertmanagerFlaw = 'swallowsErrors' | 'unparsedTimes';

export function fakeAlertmanager(fetchFn: FetchFn, flaw?: AlertmanagerFlaw): DataSource {
  const read = shapeReaders('Alertmanager');
  const time = (value: unknown, path: string): number => {
    const text = read.asString(value, path);
    const ms = flaw === 'unparsedTimes' ? Number(text) : Date.parse(text);
    if (flaw !== 'unparsedTimes' && !Number.isFinite(ms)) throw read.shapeError(path, 'an RFC 3339 time', value);
    return ms;
  };
  return {
    uid: 'am',
    kind: 'alertmanager',
    name: 'Alertmanager',
    health,
    alerts: {
      async listAlerts(signal) {
        let body: unknown;
        try {
          body = await getJson(fetchFn, `${FAKE_ALERTMANAGER_URL}/api/v2/alerts`, signal, 'Alertmanager');
        } catch (error) {
          if (flaw === 'swallowsErrors' && !(isDataSourceError(error) && error.kind === 'aborted')) return [];
          throw error;
        }
        return readOrThrow(
          () =>
            read.asArray(body, 'the response body').map((raw, i): Alert => {
              const path = `[${i}]`;
              const alert = read.asRecord(raw, path);
              const status = read.asRecord(alert.status, `${path}.status`);
              return {
                fingerprint: read.asString(alert.fingerprint, `${path}.fingerprint`),
                labels: read.asLabels(alert.labels, `${path}.labels`),
                annotations: read.asLabels(alert.annotations, `${path}.annotations`),
                state: read.asString(status.state, `${path}.status.state`) as Alert['state'],
                startsAt: time(alert.startsAt, `${path}.startsAt`),
                ...(alert.endsAt === undefined ? {} : { endsAt: time(alert.endsAt, `${path}.endsAt`) }),
              };
            }),
          'Alertmanager',
        );
      },
    },
  };
}
