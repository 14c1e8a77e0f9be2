import type { SpanKind } from './trace';

export interface SkewInput {
  startUs: number;
  durationUs: number;
  kind: SpanKind;
}

/**
 * A child this close to its parent's edges counts as inside it. Backends and exporters that turn nanoseconds
 * into whole µs (Jaeger's OTLP → v1 translation, Zipkin exporters) round the start and the duration separately,
 * so a child that ends with its parent can come out 1 µs past it, and then be "shifted by −1 µs" for nothing;
 * float µs of present-day dates also carry only about a quarter µs of precision. Skew between hosts' clocks is
 * ms, so ignoring 1 µs loses nothing real.
 */
export const ROUNDING_TOLERANCE_US = 1;

/**
 * How far to shift a child (and with it its subtree) so it sits inside its parent, in µs; 0 when it already
 * does. A server span outside its client span was timed on another host's clock: like Jaeger's adjuster, it is
 * centred in the client (the network time split evenly both ways), or aligned to the client's start when it is
 * the longer of the two. Any other child that starts before its parent is moved to the parent's start; one that
 * only ends after its parent is left alone, because async work (FOLLOWS_FROM, fire-and-forget) really does that.
 */
export function clockSkewShiftUs(parent: SkewInput, child: SkewInput, followsFrom: boolean): number {
  const parentEnd = parent.startUs + parent.durationUs;
  const childEnd = child.startUs + child.durationUs;
  if (child.startUs >= parent.startUs - ROUNDING_TOLERANCE_US && childEnd <= parentEnd + ROUNDING_TOLERANCE_US) return 0;
  if (!followsFrom && parent.kind === 'client' && child.kind === 'server') {
    if (child.durationUs > parent.durationUs) return parent.startUs - child.startUs;
    return parent.startUs + (parent.durationUs - child.durationUs) / 2 - child.startUs;
  }
  return child.startUs < parent.startUs ? parent.startUs - child.startUs : 0;
}
