import { DataSourceError, isDataSourceError } from '../../lib/errors';
import type { Trace } from '../../model/trace';
import { normalizeTraceId } from '../../model/traceId';
import { throwIfAborted } from '../shared/abort';
import { readOrThrow } from '../shared/errors';
import { parseOtlpTraces } from '../shared/otlp';
import { shapeReaders } from '../shared/shape';
import { traceNotFoundError } from '../shared/traceErrors';
import { isEmptyNotFound, SERVER, type TempoClient } from './client';

const read = shapeReaders(SERVER);

/** The shared "trace not found" (`isTraceNotFound`), so the trace page tells it from a failure. */
export function notFoundError(traceId: string): DataSourceError {
  return traceNotFoundError(traceId, SERVER);
}

/**
 * Trace by ID. Asks `/api/v2/traces/<id>` (`{trace:{resourceSpans}}`, with `status: "PARTIAL"` and a message
 * when Tempo cut the trace); a Tempo older than the v2 endpoint answers it 404 with a text body ("404 page not
 * found"), and then `/api/traces/<id>` (`{batches:[…]}`) is asked, and remembered for the next call.
 * A 404 with an empty body, or an empty trace, is "not found", naming the ID.
 */
export function createTraceReader(client: TempoClient) {
  let v2Missing = false;
  return async function getTrace(id: string, signal: AbortSignal): Promise<Trace> {
    throwIfAborted(signal);
    const traceId = normalizeTraceId(id);
    if (traceId === undefined) {
      throw new DataSourceError(`${JSON.stringify(id.slice(0, 80))} is not a trace ID: expected 1 to 32 hex characters`, { kind: 'query' });
    }
    if (!v2Missing) {
      let body: unknown = undefined;
      try {
        body = await client.get(`/api/v2/traces/${traceId}`, [], signal);
      } catch (error) {
        if (isEmptyNotFound(error)) throw notFoundError(traceId);
        if (!(isDataSourceError(error) && error.status === 404)) throw error;
        v2Missing = true;
      }
      if (!v2Missing) return readOrThrow(() => fromV2(body, traceId), SERVER);
    }
    let body: unknown;
    try {
      body = await client.get(`/api/traces/${traceId}`, [], signal);
    } catch (error) {
      if (isEmptyNotFound(error)) throw notFoundError(traceId);
      if (isDataSourceError(error) && error.status === 404) {
        throw new DataSourceError(`${error.message}: there is neither /api/v2/traces nor /api/traces here. Is the datasource URL the Tempo server's base URL?`, { kind: 'http', status: 404, cause: error });
      }
      throw error;
    }
    return readOrThrow(() => pick(parseOtlpTraces(body, SERVER), traceId, []), SERVER);
  };
}

function fromV2(body: unknown, traceId: string): Trace {
  const record = read.asRecord(body, 'the body');
  // An unknown ID on v2 is 200 with an empty (or absent) trace.
  if (record.trace === undefined) throw notFoundError(traceId);
  const trace = read.asRecord(record.trace, 'trace');
  if (trace.resourceSpans === undefined && trace.batches === undefined) throw notFoundError(traceId);
  const warnings: string[] = [];
  if (record.status === 'PARTIAL') {
    const message = typeof record.message === 'string' && record.message !== '' ? record.message : 'no reason given';
    warnings.push(`Tempo returned a partial trace: ${message}`);
  }
  return pick(parseOtlpTraces(trace, SERVER, { path: 'trace' }), traceId, warnings);
}

/** The asked-for trace out of what the body held; spans of other IDs are not shown but are counted. */
function pick(traces: Trace[], traceId: string, warnings: string[]): Trace {
  const match = traces.find((t) => t.traceId === traceId);
  if (match === undefined || match.spans.length === 0) throw notFoundError(traceId);
  const others = traces.filter((t) => t !== match);
  const extra = others.length === 0 ? [] : [`Tempo also sent ${others.reduce((n, t) => n + t.spans.length, 0)} span(s) of other trace IDs (${others.map((t) => t.traceId).slice(0, 3).join(', ')}); they are not shown`];
  return { traceId, spans: match.spans, warnings: [...warnings, ...match.warnings, ...extra] };
}
