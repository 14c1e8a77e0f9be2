import { expect } from 'vitest';
import { normalizeTraceId } from '../../../model/traceId';
import type { DataSource, QueryCtx } from '../../types';
import { answerAll, commonChecks, rejection, runConformance, watchedFetch, type AdapterFixture, type Call, type ConformanceCheck, type RecordedFailures, type Responder } from './harness';

/** A traces adapter's recorded answers to `getTrace`, in its server's wire format. */
export interface TracesFixture extends AdapterFixture {
  /** The ID as a user might paste it: without leading zeros, or in capitals. */
  traceId: string;
  recorded: RecordedFailures & {
    /** A whole trace of `spanCount` spans. */
    trace: { respond: Responder; spanCount: number };
    /** The server saying it has no such trace (often a 404); `empty` must be read the same way. */
    notFound: Responder;
    /** A trace the server marked partial or that the adapter cut; a warning matching `warning` must say so. */
    partial: { respond: Responder; warning: RegExp };
  };
}

const ctx = (signal: AbortSignal): QueryCtx => ({ range: { from: 1_700_000_000_000 - 3_600_000, to: 1_700_000_000_000 }, signal });

function tracesOf(ds: DataSource) {
  if (!ds.traces) throw new Error(`${ds.kind} has no traces capability`);
  return ds.traces;
}

/** The fixture's ID as every adapter must report it: 32 lowercase hex characters. */
function canonicalId(fixture: TracesFixture): string {
  const id = normalizeTraceId(fixture.traceId);
  if (id === undefined) throw new Error(`fixture traceId ${JSON.stringify(fixture.traceId)} is not a trace ID`);
  return id;
}

const callGetTrace: Call<TracesFixture> = (ds, signal, fixture) => tracesOf(ds).getTrace(fixture.traceId, ctx(signal));
const getTrace = (fixture: TracesFixture) => tracesOf(fixture.create(watchedFetch().fetchFn)).getTrace(fixture.traceId, ctx(new AbortController().signal));

export function tracesChecks(): ConformanceCheck<TracesFixture>[] {
  // `empty` stands for "no trace" here, so the truncated-JSON check cuts a real body; its own meaning is checked below.
  return [
    ...commonChecks<TracesFixture>(callGetTrace),
    {
      name: 'a trace arrives whole, under its canonical ID, with finite microsecond times',
      async run(fixture, server) {
        answerAll(server, fixture.baseUrl, fixture.recorded.trace.respond);
        const trace = await getTrace(fixture);
        const canonical = canonicalId(fixture);
        expect(trace.traceId).toBe(canonical);
        expect(trace.spans).toHaveLength(fixture.recorded.trace.spanCount);
        for (const span of trace.spans) {
          expect(span.traceId).toBe(canonical);
          expect(Number.isFinite(span.startUs) && Number.isFinite(span.durationUs) && span.durationUs >= 0, `${span.spanId} times`).toBe(true);
        }
        expect(new Set(trace.spans.map((s) => s.spanId)).size, 'span IDs are unique').toBe(trace.spans.length);
      },
    },
    {
      name: 'a trace that is not there (not found, or an empty answer) rejects naming the trace ID',
      async run(fixture, server) {
        for (const respond of [fixture.recorded.notFound, fixture.recorded.empty]) {
          server.resetHandlers();
          answerAll(server, fixture.baseUrl, respond);
          const error = await rejection(getTrace(fixture));
          expect(['query', 'http']).toContain(error.kind);
          expect(error.message).toContain(canonicalId(fixture));
        }
      },
    },
    {
      name: 'a partial trace keeps its spans and says so in a warning',
      async run(fixture, server) {
        answerAll(server, fixture.baseUrl, fixture.recorded.partial.respond);
        const trace = await getTrace(fixture);
        expect(trace.spans.length).toBeGreaterThan(0);
        expect(trace.warnings.some((w) => fixture.recorded.partial.warning.test(w)), JSON.stringify(trace.warnings)).toBe(true);
      },
    },
  ];
}

/** Registers the traces contract for one adapter: call it from that adapter's `*.conformance.test.ts`. */
export function runTracesConformance(fixture: TracesFixture): void {
  runConformance('traces', tracesChecks(), fixture);
}
