// The OTLP/JSON trace reader shared by the tempo and jaeger (v3) adapters and by trace-file import.
export { parseOtlpTraces, UNKNOWN_SERVICE, type OtlpParseOptions } from './parse';
export { readAnyValue, readAttributes } from './anyValue';
export { readSpanIdText, readTraceIdText } from './ids';
export { readUnixNanos, toMicros, microsBetween, suspectedUnit, type UnixNanos } from './nanos';
