import type { Span, Trace } from '../../model/trace';

/** A span as a parser read it: a server may leave out the start or the duration (Zipkin's incomplete spans). */
export type DraftSpan = Omit<Span, 'startUs' | 'durationUs'> & { startUs: number | undefined; durationUs: number | undefined };

/**
 * Turns parsed spans into a Trace whose times are all finite and durations never negative, with a warning
 * for each repair, so a bad span is shown (and said to be odd) rather than lost or crashing the view:
 * - no start: placed at its parent's start, else at the trace's earliest start;
 * - no duration: 0 (an incomplete span); a negative one: 0;
 * - a start past the year 5000 in µs: nanoseconds sent where µs belong; its times are divided by 1000;
 * - a parent that is not in the trace: the trace is partial (the tree keeps the span as an orphan).
 * The input spans are not modified.
 */
export function finishTrace(traceId: string, input: readonly DraftSpan[], warnings: readonly string[]): Trace {
  let inNanos = 0;
  const drafts = input.map((span) => {
    if (span.startUs === undefined || span.startUs < NANOS_THRESHOLD_US) return span;
    inNanos++;
    return fromNanos(span);
  });
  const byId = new Map<string, DraftSpan>();
  let earliest = Infinity;
  for (const span of drafts) {
    byId.set(span.spanId, span);
    if (span.startUs !== undefined) earliest = Math.min(earliest, span.startUs);
  }
  const fallbackStart = Number.isFinite(earliest) ? earliest : 0;
  let noStart = 0;
  let noDuration = 0;
  let negative = 0;
  let orphans = 0;
  const spans = drafts.map((draft): Span => {
    let { startUs, durationUs } = draft;
    if (startUs === undefined) {
      noStart++;
      const parentStart = draft.parentSpanId === undefined ? undefined : byId.get(draft.parentSpanId)?.startUs;
      startUs = parentStart ?? fallbackStart;
    }
    if (durationUs === undefined) {
      noDuration++;
      durationUs = 0;
    } else if (durationUs < 0) {
      negative++;
      durationUs = 0;
    }
    if (draft.parentSpanId !== undefined && !byId.has(draft.parentSpanId)) orphans++;
    // A span whose times needed nothing is kept as it is (no copy of 100,000 spans for nothing).
    return startUs === draft.startUs && durationUs === draft.durationUs ? (draft as Span) : { ...draft, startUs, durationUs };
  });
  const notes = [...warnings];
  if (inNanos > 0) notes.push(`${count(inNanos)} times in nanoseconds where microseconds belong; divided by 1000.`);
  if (noStart > 0) notes.push(`${count(noStart)} no start time; placed at the parent's start (or the trace's).`);
  if (noDuration > 0) notes.push(`${count(noDuration)} no duration (incomplete); shown as 0.`);
  if (negative > 0) notes.push(`${count(negative)} a negative duration; shown as 0.`);
  if (orphans > 0) notes.push(`${count(orphans)} a parent that is not in the trace: the trace is partial.`);
  return { traceId, spans, warnings: notes };
}

/** 1e17 µs is the year 5138; a current time in ns is ~1.7e18, so anything past this is ns. */
const NANOS_THRESHOLD_US = 1e17;

function fromNanos(span: DraftSpan): DraftSpan {
  return {
    ...span,
    startUs: span.startUs === undefined ? undefined : span.startUs / 1000,
    durationUs: span.durationUs === undefined ? undefined : span.durationUs / 1000,
    events: span.events.map((e) => (e.timeUs >= NANOS_THRESHOLD_US ? { ...e, timeUs: e.timeUs / 1000 } : e)),
  };
}

function count(n: number): string {
  return n === 1 ? '1 span has' : `${n} spans have`;
}
