import { DataSourceError } from '../../lib/errors';
import type { Trace, TraceSummary } from '../../model/trace';
import { normalizeTraceId } from '../../model/traceId';
import { asDataSourceError, readOrThrow } from '../shared/errors';
import { finishTrace } from '../shared/finishTrace';
import { parseOtlpTraces } from '../shared/otlp';
import { shapeReaders } from '../shared/shape';
import { traceNotFoundError } from '../shared/traceErrors';
import { summarizeTrace } from '../shared/traceSummary';
import type { HealthResult, TracesCapability } from '../types';
import type { JaegerClient } from './client';
import { isJaegerNotFound, SERVER, toJaegerError } from './errors';
import { v1SearchParams, v3SearchParams } from './search';
import { parseV1Trace } from './v1Trace';

const read = shapeReaders(SERVER);

/** Runs a call; whatever fails is reported as a Jaeger DataSourceError with the server's own words. */
async function mapped<T>(call: () => Promise<T>, onError: (error: unknown) => unknown = (e) => e): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asDataSourceError(toJaegerError(onError(error)), SERVER);
  }
}

/** The v1 envelope `{data, total, limit, offset, errors}`; `errors` on a 200 are partial failures. */
function v1Data(body: unknown): { data: unknown; errors: string[] } {
  const envelope = read.asRecord(body, 'the response body');
  const errors = envelope.errors === undefined || envelope.errors === null ? [] : read.asArray(envelope.errors, 'errors');
  return {
    data: envelope.data,
    errors: errors.map((e, i) => {
      const record = read.asRecord(e, `errors[${i}]`);
      const msg = read.asString(record.msg, `errors[${i}].msg`);
      return typeof record.traceID === 'string' ? `${msg}: ${record.traceID}` : msg;
    }),
  };
}

/**
 * An api_v3 answer (`{result: TracesData}`) → its traces, through the shared OTLP reader, then `finishTrace`
 * (which names parents missing from the answer: a trace still being written). `{"result":{}}`, which
 * Jaeger writes for a trace it holds no spans of, is no traces: "not found", not a broken body.
 */
function v3Traces(body: unknown): Trace[] {
  const result = read.asRecord(body, 'the response body').result;
  if (typeof result === 'object' && result !== null && !Array.isArray(result) && Object.keys(result).length === 0) return [];
  return parseOtlpTraces(result, SERVER, { path: 'result' }).map((t) => finishTrace(t.traceId, t.spans, t.warnings));
}

function canonicalOrThrow(id: string): string {
  const canonical = normalizeTraceId(id);
  if (canonical === undefined) {
    throw new DataSourceError(`"${id}" is not a trace ID: expected 1 to 32 hex digits, not all zero`, { kind: 'query' });
  }
  return canonical;
}

export function createTracesCapability(client: JaegerClient): TracesCapability {
  return {
    async getTrace(id, ctx) {
      const traceId = canonicalOrThrow(id);
      const notFound = (error: unknown) => (isJaegerNotFound(error) ? traceNotFoundError(traceId, SERVER, error) : error);
      return mapped(
        () =>
          client.either(
            async () => {
              const body = await client.get(`/api/v3/traces/${traceId}`, undefined, ctx.signal);
              return readOrThrow(() => pickTrace(traceId, v3Traces(body)), SERVER);
            },
            async () => {
              const body = await client.get(`/api/traces/${traceId}`, undefined, ctx.signal);
              return readOrThrow(() => {
                const { data, errors } = v1Data(body);
                const traces = data === null ? [] : read.asArray(data, 'data').map((t, i) => parseV1Trace(t, `data[${i}]`, read));
                const trace = pickTrace(traceId, traces);
                return errors.length === 0 ? trace : { ...trace, warnings: [...errors, ...trace.warnings] };
              }, SERVER);
            },
          ),
        notFound,
      );
    },

    async search(q, ctx) {
      return mapped(() =>
        client.either(
          async () => {
            let body: unknown;
            try {
              body = await client.get('/api/v3/traces', v3SearchParams(q, ctx.range), ctx.signal);
            } catch (error) {
              // api_v3 answers a search without matches with 404 "No traces found" (v1 said 200 []).
              if (isJaegerNotFound(error)) return [];
              throw error;
            }
            return readOrThrow(() => summaries(v3Traces(body)), SERVER);
          },
          async () => {
            const body = await client.get('/api/traces', v1SearchParams(q, ctx.range), ctx.signal);
            return readOrThrow(() => {
              const { data } = v1Data(body);
              return summaries(data === null ? [] : read.asArray(data, 'data').map((t, i) => parseV1Trace(t, `data[${i}]`, read)));
            }, SERVER);
          },
        ),
      );
    },

    async services(ctx) {
      return mapped(() => listServices(client, ctx.signal));
    },

    async operations(service, ctx) {
      return mapped(() =>
        client.either(
          async () => {
            const body = await client.get('/api/v3/operations', new URLSearchParams({ service }), ctx.signal);
            return readOrThrow(() => {
              const list = read.asArray(read.asRecord(body, 'the response body').operations, 'operations');
              return uniqueSorted(list.map((op, i) => read.asString(read.asRecord(op, `operations[${i}]`).name, `operations[${i}].name`)));
            }, SERVER);
          },
          async () => {
            const body = await client.get(`/api/services/${encodeURIComponent(service)}/operations`, undefined, ctx.signal);
            return readOrThrow(() => {
              const { data } = v1Data(body);
              return uniqueSorted(data === null ? [] : read.asStringList(data, 'data'));
            }, SERVER);
          },
        ),
      );
    },
  };
}

function listServices(client: JaegerClient, signal: AbortSignal): Promise<string[]> {
  return client.either(
    async () => {
      const body = await client.get('/api/v3/services', undefined, signal);
      return readOrThrow(() => uniqueSorted(read.asStringList(read.asRecord(body, 'the response body').services, 'services')), SERVER);
    },
    async () => {
      const body = await client.get('/api/services', undefined, signal);
      return readOrThrow(() => {
        const { data } = v1Data(body);
        return uniqueSorted(data === null ? [] : read.asStringList(data, 'data'));
      }, SERVER);
    },
  );
}

export async function checkJaegerHealth(client: JaegerClient, signal: AbortSignal): Promise<HealthResult> {
  try {
    const services = await mapped(() => listServices(client, signal));
    return { ok: true, message: `Jaeger (${client.api() === 'v1' ? 'v1 JSON API' : 'api_v3'}): ${services.length} services` };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The requested trace among those the server sent; spans of other traces are dropped, and that is said. */
function pickTrace(traceId: string, traces: readonly Trace[]): Trace {
  const trace = traces.find((t) => t.traceId === traceId);
  if (trace === undefined || trace.spans.length === 0) throw traceNotFoundError(traceId, SERVER);
  const others = traces.reduce((n, t) => (t === trace ? n : n + t.spans.length), 0);
  return others === 0 ? trace : { ...trace, warnings: [...trace.warnings, `Dropped ${others} spans of other traces that ${SERVER} sent with this one.`] };
}

function summaries(traces: readonly Trace[]): TraceSummary[] {
  return traces.filter((t) => t.spans.length > 0).map(summarizeTrace);
}

function uniqueSorted(names: readonly string[]): string[] {
  return [...new Set(names)].sort();
}
