import { expect } from 'vitest';
import type { DataSource } from '../../types';
import { answerAll, commonChecks, expectSameNumbers, runConformance, watchedFetch, type AdapterFixture, type Call, type ConformanceCheck, type RecordedFailures, type Responder } from './harness';

/** A logs adapter's recorded answers to `queryLogs` (and `volume`, if it has one), in its server's wire format. */
export interface LogsFixture extends AdapterFixture {
  query: string;
  /** The `limit` the suite asks for. */
  limit: number;
  recorded: RecordedFailures & {
    /**
     * Lines from more than one stream. `expected` lists them newest first (the suite asks `backward`); at least
     * one timestamp must need more than a double's 53 bits, and one line should hold markup.
     */
    lines: { respond: Responder; expected: ReadonlyArray<{ timeNs: string; line: string }> };
    /** Exactly `limit` lines: the adapter must warn that older lines may be cut off. */
    limitReached: { respond: Responder; warning: RegExp };
    /** The log volume, as a metric series holding NaN, +Inf and -Inf; only for adapters with `volume`. */
    volume?: { respond: Responder; values: readonly number[] };
  };
}

const RANGE = { from: 1_700_000_000_000 - 3_600_000, to: 1_700_000_000_000 };

function logsOf(ds: DataSource) {
  if (!ds.logs) throw new Error(`${ds.kind} has no logs capability`);
  return ds.logs;
}

const callQueryLogs: Call<LogsFixture> = (ds, signal, fixture) =>
  logsOf(ds).queryLogs(fixture.query, { range: RANGE, signal, limit: fixture.limit, direction: 'backward' });

const queryLogs = (fixture: LogsFixture) => callQueryLogs(fixture.create(watchedFetch().fetchFn), new AbortController().signal, fixture) as ReturnType<ReturnType<typeof logsOf>['queryLogs']>;

export function logsChecks(fixture: Pick<LogsFixture, 'recorded'>): ConformanceCheck<LogsFixture>[] {
  const checks: ConformanceCheck<LogsFixture>[] = [
    ...commonChecks<LogsFixture>(callQueryLogs),
    {
      name: 'nanosecond timestamps survive exactly, as strings; lines stay verbatim; newest first',
      async run(fixture, server) {
        const { expected } = fixture.recorded.lines;
        expect(expected.some((e) => String(Number(e.timeNs)) !== e.timeNs), 'fixture has a timestamp a double cannot hold').toBe(true);
        answerAll(server, fixture.baseUrl, fixture.recorded.lines.respond);
        const page = await queryLogs(fixture);
        expect(page.lines.map((r) => ({ timeNs: r.timeNs, line: r.line }))).toEqual(expected);
        for (const line of page.lines) expect(line.timeMs).toBe(Number(BigInt(line.timeNs) / 1_000_000n));
      },
    },
    {
      name: 'each line has a unique key, and lines of one stream share one stream object',
      async run(fixture, server) {
        answerAll(server, fixture.baseUrl, fixture.recorded.lines.respond);
        const page = await queryLogs(fixture);
        expect(new Set(page.lines.map((l) => l.key)).size).toBe(page.lines.length);
        const byKey = new Map<string, object>();
        for (const line of page.lines) {
          const seen = byKey.get(line.stream.key);
          if (seen) expect(line.stream, `stream ${line.stream.key} is one object`).toBe(seen);
          else byKey.set(line.stream.key, line.stream);
        }
        expect(byKey.size, 'fixture has lines from more than one stream').toBeGreaterThan(1);
        const again = await queryLogs(fixture);
        expect(again.lines.map((l) => l.key), 'keys are stable across requests').toEqual(page.lines.map((l) => l.key));
      },
    },
    {
      name: 'an empty result is no records and no warnings, not an error',
      async run(fixture, server) {
        answerAll(server, fixture.baseUrl, fixture.recorded.empty);
        expect(await queryLogs(fixture)).toMatchObject({ lines: [], warnings: [], hasMore: false });
      },
    },
    {
      name: 'a result that reaches the limit says older lines may be missing',
      async run(fixture, server) {
        answerAll(server, fixture.baseUrl, fixture.recorded.limitReached.respond);
        const page = await queryLogs(fixture);
        expect(page.lines).toHaveLength(fixture.limit);
        expect(page.hasMore, 'a full page may have more behind it').toBe(true);
        expect(page.warnings.some((w) => fixture.recorded.limitReached.warning.test(w)), JSON.stringify(page.warnings)).toBe(true);
      },
    },
  ];
  const volume = fixture.recorded.volume;
  if (volume) {
    checks.push({
      name: 'volume: NaN, +Inf and -Inf arrive as numbers, in order',
      async run(f, server) {
        expect(volume.values.some(Number.isNaN) && volume.values.includes(Infinity) && volume.values.includes(-Infinity)).toBe(true);
        answerAll(server, f.baseUrl, volume.respond);
        const logs = logsOf(f.create(watchedFetch().fetchFn));
        if (!logs.volume) throw new Error(`${f.adapter} has a volume fixture but no volume()`);
        const { series } = await logs.volume(f.query, { range: RANGE, signal: new AbortController().signal });
        expect(series).toHaveLength(1);
        expectSameNumbers(series[0]!.values, volume.values, 'volume values');
      },
    });
  }
  return checks;
}

/** Registers the logs contract for one adapter: call it from that adapter's `*.conformance.test.ts`. */
export function runLogsConformance(fixture: LogsFixture): void {
  runConformance('logs', logsChecks(fixture), fixture);
}
