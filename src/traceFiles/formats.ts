import type { Trace } from '../model/trace';
import { parseOtlpTraces } from '../datasources/shared/otlp';
import type { TraceFileFormat } from './detect';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * OTLP/JSON: an ExportTraceServiceRequest (`{resourceSpans}`, or proto names `resource_spans`), Tempo's v1
 * `{batches}`, and the envelopes a saved API answer has: Tempo v2 `{trace:{…}}`, Jaeger v3 `{result:{…}}`.
 */
export const otlpFormat: TraceFileFormat = {
  name: 'OTLP/JSON',
  recognize(doc) {
    const inner = otlpBody(doc);
    if (inner !== undefined) return undefined;
    if (!isRecord(doc)) return `needs an object with resourceSpans, got ${Array.isArray(doc) ? 'an array' : typeof doc}`;
    return 'no resourceSpans (or batches) array';
  },
  parse(doc) {
    const { body, path } = otlpBody(doc)!;
    return parseOtlpTraces(body, 'the file', { path });
  },
};

function otlpBody(doc: unknown): { body: unknown; path: string } | undefined {
  if (!isRecord(doc)) return undefined;
  const hasSpans = (r: Record<string, unknown>) => Array.isArray(r.resourceSpans) || Array.isArray(r.resource_spans) || Array.isArray(r.batches);
  if (hasSpans(doc)) return { body: doc, path: '' };
  for (const key of ['trace', 'result'] as const) {
    const inner = doc[key];
    if (isRecord(inner) && hasSpans(inner)) return { body: inner, path: key };
  }
  return undefined;
}

/** Converts one Jaeger trace object (`{traceID, spans, processes}`); the jaeger adapter owns it. */
export type JaegerTraceConverter = (trace: unknown, path: string) => Trace;

/**
 * Jaeger JSON: `{data:[trace…]}` as Jaeger UI downloads it (the /api/traces answer), a single trace object,
 * or a bare array of Jaeger spans (each with its own `process`, as Jaeger's anonymizer writes). Jaeger UI's
 * internal trace state (`{data:{traceID, spans, …}, state}`) is unwrapped.
 */
export function jaegerFormat(convert: JaegerTraceConverter): TraceFileFormat {
  const traceObjects = (doc: unknown): Array<{ trace: unknown; path: string; note?: string }> | string => {
    if (Array.isArray(doc)) {
      const first: unknown = doc[0];
      if (isRecord(first) && typeof first.spanID === 'string') return [{ trace: { traceID: first.traceID, spans: doc, processes: {} }, path: '' }];
      return 'an array, but not of Jaeger spans (no spanID)';
    }
    if (!isRecord(doc)) return `needs an object, got ${typeof doc}`;
    if (Array.isArray(doc.data)) return doc.data.map((trace, i) => ({ trace, path: `data[${i}]` }));
    if (isRecord(doc.data) && Array.isArray(doc.data.spans)) return [{ trace: doc.data, path: 'data', note: "Read from Jaeger UI's internal trace state (not a Download JSON file); fields Jaeger UI derived were ignored" }];
    if (typeof doc.traceID === 'string' && Array.isArray(doc.spans)) return [{ trace: doc, path: '' }];
    return 'no data array and no traceID with spans';
  };
  return {
    name: 'Jaeger JSON',
    recognize: (doc) => {
      const found = traceObjects(doc);
      return typeof found === 'string' ? found : undefined;
    },
    parse: (doc) => {
      const found = traceObjects(doc);
      if (typeof found === 'string') throw new Error(found);
      return found.map(({ trace, path, note }) => {
        const converted = convert(trace, path);
        return note === undefined ? converted : { ...converted, warnings: [note, ...converted.warnings] };
      });
    },
  };
}

/** Converts Zipkin v2 spans (of one or several traces); the zipkin adapter owns it. */
export type ZipkinSpansConverter = (spans: readonly unknown[], path: string) => Trace[];

/** Zipkin v2 JSON: an array of spans (`/api/v2/trace/{id}`), of traces (`/api/v2/traces`, arrays of spans), or one span. */
export function zipkinFormat(convert: ZipkinSpansConverter): TraceFileFormat {
  const spansOf = (doc: unknown): unknown[] | string => {
    if (isRecord(doc) && typeof doc.traceId === 'string' && typeof doc.id === 'string') return [doc];
    if (!Array.isArray(doc)) return `needs an array of spans, got ${isRecord(doc) ? 'an object' : typeof doc}`;
    const flat = doc.every(Array.isArray) ? (doc as unknown[][]).flat() : doc;
    const first: unknown = flat[0];
    if (flat.length === 0) return 'an empty array';
    if (!isRecord(first) || typeof first.traceId !== 'string' || typeof first.id !== 'string') return 'the first element is not a Zipkin span (traceId and id)';
    return flat;
  };
  return {
    name: 'Zipkin v2 JSON',
    recognize: (doc) => {
      const spans = spansOf(doc);
      return typeof spans === 'string' ? spans : undefined;
    },
    parse: (doc) => {
      const spans = spansOf(doc);
      if (typeof spans === 'string') throw new Error(spans);
      return convert(spans, '');
    },
  };
}
