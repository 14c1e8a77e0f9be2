import { hashInts, unitFromHash } from './hash';
import { latencyQuantile } from './latency';
import { NETWORK_S, type Hop } from './traceTemplate';
import { traceKey, type TraceIdParts } from './demoTraceId';

/** When each span of a trace starts (seconds after the entry span starts) and how long it lasts. */
export interface SpanTiming {
  startS: number;
  durationS: number;
}

/** Self time a server span keeps for itself, as a share of its median self time, when squeezing calls. */
const MIN_SELF_SHARE = 0.3;

/**
 * Lays out a trace top-down (parents before children, as hops are in pre-order): the entry span's
 * duration is drawn from its distribution; each server span's calls are drawn from theirs, their
 * variable parts squeezed when together they would not fit, and spread with equal gaps; a callee's server span sits inside
 * its client span minus the network time — except after a timeout, where the callee runs on.
 *
 * Every draw is a hash of (trace, hop), so the same ID always yields the same timings. Exemplar values
 * are these durations, which keeps an exemplar and the trace it links to in agreement.
 */
export function traceTimeline(parts: TraceIdParts, hops: readonly Hop[]): SpanTiming[] {
  const key = traceKey(parts);
  const draw = (i: number): number => {
    const hop = hops[i];
    return hop === undefined ? 0 : latencyQuantile(hop.latency, unitFromHash(hashInts(key, i, 3)));
  };
  const timings: SpanTiming[] = hops.map(() => ({ startS: 0, durationS: 0 }));
  const children: number[][] = hops.map(() => []);
  hops.forEach((hop, i) => {
    if (hop.parent >= 0) children[hop.parent]?.push(i);
  });
  if (hops.length > 0) timings[0] = { startS: 0, durationS: draw(0) };

  hops.forEach((hop, i) => {
    const own = timings[i];
    const kids = children[i] ?? [];
    if (own === undefined || kids.length === 0) return;
    if (hop.kind === 'client') {
      const callee = kids[0] ?? -1;
      if (hop.timedOut) {
        timings[callee] = { startS: own.startS + NETWORK_S / 2, durationS: draw(callee) };
      } else {
        const net = Math.min(NETWORK_S, own.durationS * 0.1);
        timings[callee] = { startS: own.startS + net / 2, durationS: own.durationS - net };
      }
      return;
    }
    // Only the variable part of a call is squeezed: its shift (a timeout, or calls it must wait on)
    // always fits, because a server hop's own shift is the sum of its calls' shifts and medians.
    const wanted = kids.map(draw);
    const shifts = kids.map((kid) => hops[kid]?.latency.shiftS ?? 0);
    const total = wanted.reduce((a, b) => a + b, 0);
    const fixed = shifts.reduce((a, b) => a + b, 0);
    const budget = Math.max(0, own.durationS - MIN_SELF_SHARE * hop.latency.medianS);
    const squeeze = total > budget && total > fixed ? Math.max(0, budget - fixed) / (total - fixed) : 1;
    const durations = wanted.map((d, k) => {
      const shift = Math.min(d, shifts[k] ?? 0);
      return shift + (d - shift) * squeeze;
    });
    const used = durations.reduce((a, b) => a + b, 0);
    const gap = Math.max(0, own.durationS - used) / (kids.length + 1);
    let cursor = own.startS + gap;
    kids.forEach((kid, k) => {
      const d = durations[k] ?? 0;
      timings[kid] = { startS: cursor, durationS: d };
      cursor += d + gap;
    });
  });
  return timings;
}
