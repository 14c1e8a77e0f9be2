import { describe, expect, it } from 'vitest';
import type { OverviewQuery } from '../../datasources/types';
import { buildOverview, buildOverviewRows, OVERVIEW_ROW_CAP, sortByWorst, type OverviewResult, type OverviewRow } from './overviewRows';

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

const satRatio: OverviewQuery = { signal: 'saturation', query: 'sat_ratio', unit: 'percentunit', serviceLabel: 'service_name' };
const satInflight: OverviewQuery = { signal: 'saturation', query: 'sat_inflight', unit: 'short', serviceLabel: 'service_name' };
const satCores: OverviewQuery = { signal: 'saturation', query: 'sat_cores', unit: 'cores', serviceLabel: 'service_name' };
const saturationOf = (rows: readonly OverviewRow[], service: string) => rows.find((r) => r.service === service)!.cells.find((c) => c.signal === 'saturation')!;

describe('saturation by form and unit (issue 5 #3, #4)', () => {
  it('grades a ratio, and leaves raw cores and in-flight requests grey', () => {
    const rows = buildOverviewRows(
      [],
      [satRatio, satInflight, satCores],
      [ok(series({ service_name: 'payments' }, [0.95])), ok(series({ service_name: 'search' }, [40])), ok(series({ service_name: 'batch' }, [1.2]))],
    );
    expect(saturationOf(rows, 'payments')).toMatchObject({ unit: 'percentunit', value: 0.95, status: 'crit' });
    expect(saturationOf(rows, 'search')).toMatchObject({ unit: 'short', value: 40, status: 'unknown' });
    expect(saturationOf(rows, 'batch')).toMatchObject({ unit: 'cores', value: 1.2, status: 'unknown' });
  });

  it('takes each service’s best form: the ratio where it has a limit, the fallback elsewhere', () => {
    const rows = buildOverviewRows(
      [],
      [satRatio, satCores],
      [ok(series({ service_name: 'payments' }, [0.5])), ok(series({ service_name: 'payments' }, [2]), series({ service_name: 'search' }, [1.2]))],
    );
    expect(saturationOf(rows, 'payments')).toMatchObject({ unit: 'percentunit', value: 0.5, status: 'ok' });
    expect(saturationOf(rows, 'search')).toMatchObject({ unit: 'cores', value: 1.2, status: 'unknown' });
  });

  it('waits for a better form still loading rather than flashing the fallback', () => {
    const rows = buildOverviewRows(['search'], [satRatio, satCores], [{ loading: true }, ok(series({ service_name: 'search' }, [1.2]))]);
    expect(saturationOf(rows, 'search').state).toBe('loading');
  });

  it('does not sort a service first for 1.2 cores', () => {
    const rows = buildOverviewRows(
      [],
      [otelErrors, satCores],
      [ok(series({ service_name: 'busy' }, [0]), series({ service_name: 'warned' }, [0.02])), ok(series({ service_name: 'busy' }, [1.2]))],
    );
    expect(sortByWorst(rows).map((r) => [r.service, r.worst])).toEqual([
      ['warned', 'warn'],
      ['busy', 'ok'],
    ]);
  });
});

describe('buildOverview caps what it builds (issue 5 #12)', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => series({ service_name: `svc-${String(i).padStart(5, '0')}` }, [i % 997 === 0 ? 0.5 : 0]));

  it('keeps the worst rows of a 50,000-series answer, no more than the cap, and says how many there were', () => {
    const table = buildOverview([], [otelErrors], [ok(...many(50_000))]);
    expect(table.rows).toHaveLength(OVERVIEW_ROW_CAP);
    expect(table).toMatchObject({ total: 50_000, capped: true });
    // Every critical service (one in 997) made it in, ahead of the healthy ones.
    const crit = table.rows.filter((r) => r.worst === 'crit');
    expect(crit).toHaveLength(Math.ceil(50_000 / 997));
    expect(table.rows.slice(0, crit.length).every((r) => r.worst === 'crit')).toBe(true);
  });

  it('does not cap a fleet that fits', () => {
    expect(buildOverview([], [otelErrors], [ok(...many(20))])).toMatchObject({ total: 20, capped: false });
  });

  it('filters by var-service before capping, so a named service is never capped away', () => {
    const table = buildOverview([], [otelErrors], [ok(...many(5_000))], { only: ['svc-04999'], cap: 10 });
    expect(table.rows.map((r) => r.service)).toEqual(['svc-04999']);
    expect(table.capped).toBe(false);
  });
});
