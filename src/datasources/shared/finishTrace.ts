import type { Span, Trace } from '../../model/trace';

/** A span as a parser read it: a server may leave out the start or the duration (Zipkin's incomplete spans). */
export type DraftSpan = Omit<Span, 'startUs' | 'durationUs'> & { startUs: number | undefined; durationUs: number | undefined };

/**
 * Turns parsed spans into a Trace whose times are all finite and durations never negative, with a warning
 * for each repair, so a bad span is shown (and said to be odd) rather than lost or crashing the view:
 * - no start: placed at its parent's start, else at the trace's earliest start;
 * - no duration: 0 (an incomplete span); a negative one: 0;
 * - a parent that is not in the trace: the trace is partial (the tree keeps the span as an orphan).
 * The input spans are not modified.
 */
export function finishTrace(traceId: string, drafts: readonly DraftSpan[], warnings: readonly string[]): Trace {
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
    return { ...draft, startUs, durationUs };
  });
  const notes = [...warnings];
  if (noStart > 0) notes.push(`${count(noStart)} no start time; placed at the parent's start (or the trace's).`);
  if (noDuration > 0) notes.push(`${count(noDuration)} no duration (incomplete); shown as 0.`);
  if (negative > 0) notes.push(`${count(negative)} a negative duration; shown as 0.`);
  if (orphans > 0) notes.push(`${count(orphans)} a parent that is not in the trace: the trace is partial.`);
  return { traceId, spans, warnings: notes };
}

function count(n: number): string {
  return n === 1 ? '1 span has' : `${n} spans have`;
}
