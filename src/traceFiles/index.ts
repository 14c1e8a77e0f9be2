// Trace-file import: format detection over the converters the adapters own. Pure: no DOM, no fetch, so a
// Web Worker can run it. Pages and the worker call `parseTraceFile(text, traceFileFormats(...))`.
import { jaegerFormat, otlpFormat, zipkinFormat, type JaegerTraceConverter, type ZipkinSpansConverter } from './formats';
import type { TraceFileFormat } from './detect';

export { parseTraceFile, TraceFileError, type TraceFileFormat, type TraceFileResult, type FormatAttempt, type ParsePhase } from './detect';
export { jaegerFormat, otlpFormat, zipkinFormat, type JaegerTraceConverter, type ZipkinSpansConverter } from './formats';

/**
 * The formats a dropped file is tried as, in order: OTLP/JSON first (its `resourceSpans` key is unmistakable),
 * then Jaeger (`data` / `traceID`), then Zipkin (a bare array of spans). The Jaeger and Zipkin converters live
 * in their adapters (src/datasources/jaeger, src/datasources/zipkin) and are passed in; a format whose
 * converter is not given is not offered.
 */
export function traceFileFormats(converters: { jaeger?: JaegerTraceConverter; zipkin?: ZipkinSpansConverter } = {}): TraceFileFormat[] {
  return [
    otlpFormat,
    ...(converters.jaeger ? [jaegerFormat(converters.jaeger)] : []),
    ...(converters.zipkin ? [zipkinFormat(converters.zipkin)] : []),
  ];
}
