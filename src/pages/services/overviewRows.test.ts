import { describe, expect, it } from 'vitest';
import type { OverviewQuery } from '../../datasources/types';
import { buildOverviewRows, sortByWorst, type OverviewResult } from './overviewRows';

const series = (labels: Record<string, string>, values: number[]) => ({
  labels,
  times: Float64Array.from(values.map((_, i) => i * 15_000)),
  values: Float64Array.from(values),
});

const otelErrors: OverviewQuery = { signal: 'errorRatio', query: 'otel_err', unit: 'percentunit', serviceLabel: 'service_name' };
const classicErrors: OverviewQuery = { signal: 'errorRatio', query: 'classic_err', unit: 'percentunit', serviceLabel: 'job' };
const otelP99: OverviewQuery = { signal: 'latencyP99', query: 'otel_p99', unit: 's', serviceLabel: 'service_name' };

const ok = (...s: ReturnType<typeof series>[]): OverviewResult => ({ loading: false, data: { series: s, warnings: [], stepMs: 15_000 } });

describe('buildOverviewRows', () => {
  it('finds each service in the query of its own convention', () => {
    const rows = buildOverviewRows(
      ['payments', 'inventory'],
      [otelErrors, classicErrors],
      [ok(series({ service_name: 'payments' }, [0.01, 0.2])), ok(series({ job: 'inventory' }, [0.001, NaN]))],
    );
    const cell = (service: string) => rows.find((r) => r.service === service)!.cells.find((c) => c.signal === 'errorRatio')!;
    expect(cell('payments')).toMatchObject({ state: 'ready', value: 0.2, status: 'crit' });
    expect(cell('inventory')).toMatchObject({ state: 'ready', value: 0.001, status: 'ok' });
  });

  it('adds services that only appear in results', () => {
    const rows = buildOverviewRows([], [otelErrors], [ok(series({ service_name: 'auth' }, [0]))]);
    expect(rows.map((r) => r.service)).toEqual(['auth']);
  });

  it('marks cells loading, failed or empty from their queries', () => {
    const rows = buildOverviewRows(
      ['auth'],
      [otelErrors, otelP99],
      [{ loading: true }, { loading: false, error: 'parse error at 1:5' }],
    );
    const [requestRate, errors, , , p99, saturation] = rows[0]!.cells;
    expect(requestRate!.state).toBe('empty');
    expect(errors!.state).toBe('loading');
    expect(p99).toMatchObject({ state: 'error', error: 'parse error at 1:5', status: 'unknown' });
    expect(saturation!.state).toBe('empty');
  });

  it('prefers data over a failure of the other convention', () => {
    const rows = buildOverviewRows(['payments'], [otelErrors, classicErrors], [ok(series({ service_name: 'payments' }, [0])), { loading: false, error: 'boom' }]);
    expect(rows[0]!.cells[1]!.state).toBe('ready');
  });
});

describe('sortByWorst', () => {
  it('orders by worst status, then error ratio, then name', () => {
    const rows = buildOverviewRows(
      [],
      [otelErrors, otelP99],
      [
        ok(
          series({ service_name: 'b-ok' }, [0.001]),
          series({ service_name: 'a-ok' }, [0.001]),
          series({ service_name: 'warn-low' }, [0.02]),
          series({ service_name: 'warn-high' }, [0.04]),
          series({ service_name: 'slow' }, [0]),
        ),
        ok(series({ service_name: 'slow' }, [30])),
      ],
    );
    expect(sortByWorst(rows).map((r) => r.service)).toEqual(['slow', 'warn-high', 'warn-low', 'a-ok', 'b-ok']);
  });
});
