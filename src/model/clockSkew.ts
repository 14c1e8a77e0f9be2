import type { SpanKind } from './trace';

export interface SkewInput {
  startUs: number;
  durationUs: number;
  kind: SpanKind;
}

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
  if (child.startUs >= parent.startUs && childEnd <= parentEnd) return 0;
  if (!followsFrom && parent.kind === 'client' && child.kind === 'server') {
    if (child.durationUs > parent.durationUs) return parent.startUs - child.startUs;
    return parent.startUs + (parent.durationUs - child.durationUs) / 2 - child.startUs;
  }
  return child.startUs < parent.startUs ? parent.startUs - child.startUs : 0;
}
