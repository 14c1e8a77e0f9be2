import type { Span, Trace } from '../../model/trace';

/**
 * A trace the demo can serve. Spans are produced on demand, in pre-order (a parent before its
 * children), so a 100,000-span batch job is streamed to the wire without ever being held whole.
 */
export interface DemoTrace {
  /** 32 lowercase hex. */
  traceId: string;
  spanCount: number;
  /** The services the spans belong to, in order of first appearance. */
  services: readonly string[];
  /** The entry span (first in pre-order). */
  root: Span;
  /** Epoch µs: the earliest span start and the latest span end. */
  startUs: number;
  endUs: number;
  /** A fresh pass over the spans each call. */
  spans(): Iterable<Span>;
}

/** A demo trace whose spans are already in hand (every simulated request: at most a few dozen spans). */
export function demoTraceOf(traceId: string, spans: readonly Span[]): DemoTrace | undefined {
  const root = spans[0];
  if (root === undefined) return undefined;
  const services: string[] = [];
  let startUs = Infinity;
  let endUs = -Infinity;
  for (const span of spans) {
    if (!services.includes(span.service)) services.push(span.service);
    startUs = Math.min(startUs, span.startUs);
    endUs = Math.max(endUs, span.startUs + span.durationUs);
  }
  return { traceId, spanCount: spans.length, services, root, startUs, endUs, spans: () => spans };
}

/** The canonical model's trace (materialises every span: meant for ordinary traces and tests). */
export function toTrace(trace: DemoTrace): Trace {
  return { traceId: trace.traceId, spans: [...trace.spans()], warnings: [] };
}
