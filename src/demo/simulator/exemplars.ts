import type { SourceExemplar } from '../source';
import { hashInts, unitHash } from './hash';
import { LE_BOUNDS, type HistogramGroup } from './catalog';
import { classRate, type RateModel } from './requestClasses';
import { shapeValue } from './trafficShape';
import { traceTimeline, type SpanTiming } from './timeline';
import { encodeTraceId, spanIdFor, type TraceIdParts } from './demoTraceId';

/** Longest time from a trace's start to the end of any of its spans (timeouts included), with margin. */
export const MAX_TRACE_MS = 90_000;

/**
 * Each histogram group samples at most one request per this slot: about one exemplar per route and
 * status per minute, spread over the buckets in proportion to where requests land.
 */
export const EXEMPLAR_SLOT_MS = 60_000;

/** One sampled request of a histogram group, as an exemplar on the bucket its duration falls in. */
export interface GroupExemplar {
  /** Index into LE_BOUNDS of the bucket holding the value. */
  bucket: number;
  exemplar: SourceExemplar;
}

/**
 * Exemplars of one server histogram whose timestamps fall in [startMs, endMs]. Each slot samples at most one
 * request of the group: a request class chosen by its current rate, a trace ID naming that class, start time and a
 * sequence number, and — from the rebuilt trace — the span's duration as the value and its end as
 * the timestamp. So an exemplar always agrees with the trace its ID resolves to. A group seeing
 * fewer requests than one per slot gets proportionally fewer exemplars.
 */
export function groupExemplars(model: RateModel, group: HistogramGroup, startMs: number, endMs: number): GroupExemplar[] {
  const out: GroupExemplar[] = [];
  const firstSlot = Math.floor((startMs - MAX_TRACE_MS) / EXEMPLAR_SLOT_MS);
  const lastSlot = Math.floor(endMs / EXEMPLAR_SLOT_MS);
  const rates = new Float64Array(group.members.length);
  for (let slot = firstSlot; slot <= lastSlot; slot++) {
    const sample = slotSample(model, group, slot, rates);
    if (sample === undefined) continue;
    const { timing, parts, hop } = sample;
    const timeMs = parts.startMs + Math.round((timing.startS + timing.durationS) * 1000);
    if (timeMs < startMs || timeMs > endMs) continue;
    const value = timing.durationS;
    const bucket = LE_BOUNDS.findIndex((le) => value <= le);
    out.push({
      bucket,
      exemplar: { labels: { trace_id: encodeTraceId(parts), span_id: spanIdFor(parts, hop) }, value, timeMs },
    });
  }
  out.sort((a, b) => a.exemplar.timeMs - b.exemplar.timeMs);
  return out;
}

/** The request a histogram group samples in one slot: its trace ID parts, the hop the group records and that hop's timing. */
export interface SlotSample {
  parts: TraceIdParts;
  hop: number;
  timing: SpanTiming;
}

/**
 * The one request group `group` samples in exemplar slot `slot`, or undefined when it samples none.
 * Exemplars and the demo's trace search both enumerate traces through this, so every searchable
 * trace is one an exemplar may point at. `rates` is scratch space of `group.members.length`.
 */
export function slotSample(model: RateModel, group: HistogramGroup, slot: number, rates = new Float64Array(group.members.length)): SlotSample | undefined {
  const slotStart = slot * EXEMPLAR_SLOT_MS;
  if (slotStart < 0) return undefined;
  const mid = slotStart + EXEMPLAR_SLOT_MS / 2;
  const systemValue = shapeValue(model.system, mid, true);
  let total = 0;
  group.members.forEach((m, i) => {
    const cls = model.classes[m.cls];
    const r = cls === undefined ? 0 : classRate(model, cls, mid, systemValue);
    rates[i] = r;
    total += r;
  });
  const expected = (total * EXEMPLAR_SLOT_MS) / 1000;
  if (unitHash(model.seed, 41, group.index, slot) >= Math.min(1, expected)) return undefined;

  let pick = unitHash(model.seed, 42, group.index, slot) * total;
  let chosen = group.members.length - 1;
  for (let i = 0; i < group.members.length; i++) {
    pick -= rates[i] ?? 0;
    if (pick < 0 && (rates[i] ?? 0) > 0) {
      chosen = i;
      break;
    }
  }
  const member = group.members[chosen];
  const cls = member === undefined ? undefined : model.classes[member.cls];
  if (member === undefined || cls === undefined) return undefined;

  const h = hashInts(model.seed, 43, group.index, slot);
  const parts: TraceIdParts = {
    seed: model.seed,
    startMs: slotStart + (h % EXEMPLAR_SLOT_MS),
    flow: cls.flowIndex,
    outcome: cls.outcomeCode,
    seq: hashInts(model.seed, 44, group.index, slot) & 0xffffff,
  };
  const timing = traceTimeline(parts, cls.hops)[member.hop];
  if (timing === undefined) return undefined;
  return { parts, hop: member.hop, timing };
}
