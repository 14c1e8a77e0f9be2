export type AttrValue = string | number | boolean | null | AttrValue[];
export type Attrs = Readonly<Record<string, AttrValue>>;
export type SpanKind = 'server' | 'client' | 'producer' | 'consumer' | 'internal' | 'unspecified';

export interface SpanEvent {
  timeUs: number;
  name: string;
  attributes: Attrs;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  attributes: Attrs;
}

export interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
  kind: SpanKind;
  startUs: number;
  durationUs: number;
  status: 'ok' | 'error' | 'unset';
  /** The status description (OTLP `status.message`, Jaeger `otel.status_description`), when the producer sent one. */
  statusMessage?: string;
  attributes: Attrs;
  resource: Attrs;
  events: SpanEvent[];
  links: SpanLink[];
}

export interface Trace {
  traceId: string;
  spans: Span[];
  warnings: string[];
}

export interface TraceSummary {
  traceId: string;
  rootService: string;
  rootName: string;
  startMs: number;
  durationMs: number;
  spanCount?: number;
  errorCount?: number;
  /** The services the trace touched, when the server says (Tempo's serviceStats). */
  services?: string[];
  /** How many spans matched the query, when the server says (Tempo's TraceQL spansets). */
  matchedSpans?: number;
}

export interface TraceSearch {
  service?: string;
  operation?: string;
  tags?: Record<string, string>;
  minDurationMs?: number;
  maxDurationMs?: number;
  limit: number;
  /** A query in the datasource's own trace language (Tempo: TraceQL); the other filters are then not sent. */
  query?: string;
}
