import { expect } from 'vitest';
import type { QueryCtx } from '../../types';
import { answerAll, commonChecks, expectSameNumbers, runConformance, watchedFetch, type AdapterFixture, type Call, type ConformanceCheck, type RecordedFailures, type Responder } from './harness';

/** A metrics adapter's recorded answers to `queryRange`, in its server's exact wire format. */
export interface MetricsFixture extends AdapterFixture {
  /** Any query the server would accept; the recorded answers stand in for its result. */
  query: string;
  recorded: RecordedFailures & {
    /** One series whose samples include NaN, +Inf and -Inf as the server encodes them; `values` in order. */
    specialValues: { respond: Responder; values: readonly number[] };
    /** A result the adapter must cut or the server marked as partial; a warning matching `warning` must say so. */
    truncated: { respond: Responder; warning: RegExp };
  };
}

const RANGE = { from: 1_700_000_000_000 - 3_600_000, to: 1_700_000_000_000 };
const ctx = (signal: AbortSignal): QueryCtx => ({ range: RANGE, signal });

const callQueryRange: Call<MetricsFixture> = (ds, signal, fixture) => {
  if (!ds.metrics) throw new Error(`${ds.kind} has no metrics capability`);
  return ds.metrics.queryRange(fixture.query, ctx(signal));
};

function metricsOf(fixture: MetricsFixture) {
  const metrics = fixture.create(watchedFetch().fetchFn).metrics;
  if (!metrics) throw new Error(`${fixture.adapter} declares no metrics capability`);
  return metrics;
}

export function metricsChecks(): ConformanceCheck<MetricsFixture>[] {
  return [
    ...commonChecks<MetricsFixture>(callQueryRange),
    {
      name: 'NaN, +Inf and -Inf samples arrive as numbers, in order, none dropped',
      async run(fixture, server) {
        const { values } = fixture.recorded.specialValues;
        // A fixture without all three would let an adapter that drops them pass.
        expect(values.some(Number.isNaN) && values.includes(Infinity) && values.includes(-Infinity), 'fixture holds NaN, +Inf, -Inf').toBe(true);
        answerAll(server, fixture.baseUrl, fixture.recorded.specialValues.respond);
        const result = await metricsOf(fixture).queryRange(fixture.query, ctx(new AbortController().signal));
        expect(result.series).toHaveLength(1);
        const series = result.series[0]!;
        expect(series.times.length).toBe(series.values.length);
        expectSameNumbers(series.values, values, 'sample values');
      },
    },
    {
      name: 'an empty result is no series and no warnings, not an error',
      async run(fixture, server) {
        answerAll(server, fixture.baseUrl, fixture.recorded.empty);
        const result = await metricsOf(fixture).queryRange(fixture.query, ctx(new AbortController().signal));
        expect(result.series).toEqual([]);
        expect(result.warnings).toEqual([]);
        expect(result.stepMs).toBeGreaterThan(0);
      },
    },
    {
      name: 'a truncated result keeps what it has and says so in a warning',
      async run(fixture, server) {
        answerAll(server, fixture.baseUrl, fixture.recorded.truncated.respond);
        const result = await metricsOf(fixture).queryRange(fixture.query, ctx(new AbortController().signal));
        expect(result.series.length).toBeGreaterThan(0);
        expect(result.warnings.some((w) => fixture.recorded.truncated.warning.test(w)), JSON.stringify(result.warnings)).toBe(true);
      },
    },
  ];
}

/** Registers the metrics contract for one adapter: call it from that adapter's `*.conformance.test.ts`. */
export function runMetricsConformance(fixture: MetricsFixture): void {
  runConformance('metrics', metricsChecks(), fixture);
}
