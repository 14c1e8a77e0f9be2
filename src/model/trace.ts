export type AttrValue = string | number | boolean | null | AttrValue[];
export type Attrs = Readonly<Record<string, AttrValue>>;
export type SpanKind = 'server' | 'client' | 'producer' | 'consumer' | 'internal' | 'unspecified';

export interface SpanEvent {
  timeUs: number;
  name: string;
  attributes: Attrs;
}

/**
 * How a reference relates two spans. `child_of` and `follows_from` are Jaeger's reference types (a second
 * CHILD_OF beyond the parent, or any FOLLOWS_FROM); `link` is an OpenTelemetry / Zipkin span link.
 * Absent means `link`.
 */
export type SpanRefKind = 'child_of' | 'follows_from' | 'link';

export interface SpanLink {
  traceId: string;
  spanId: string;
  attributes: Attrs;
  /** Optional, additive (issue 7): absent means an ordinary span link. */
  kind?: SpanRefKind;
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
  /**
   * Optional, additive (issue 7): how the span relates to `parentSpanId`. Jaeger sets `follows_from` when the
   * parent came from a FOLLOWS_FROM reference (an async child, which the critical path does not wait on).
   * Absent means `child_of`.
   */
  parentKind?: 'child_of' | 'follows_from';
  /**
   * Optional, additive (issue 7): set only on spans the trace model invents, never by adapters.
   * `missing-parent` stands in for a parent span the backend did not return, so its orphans stay visible.
   */
  synthetic?: 'missing-parent';
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
  /**
   * Optional, additive (issue 7): only traces with an error span. Each adapter says it its server's way
   * (Jaeger tag `error=true`, Zipkin annotation query `error`, Tempo TraceQL `status = error`).
   */
  errorsOnly?: boolean;
  /** A query in the datasource's own trace language (Tempo: TraceQL); the other filters are then not sent. */
  query?: string;
}
