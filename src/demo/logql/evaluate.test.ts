import { describe, expect, it } from 'vitest';
import { evaluateMetricInstant, evaluateMetricRange, runLogQuery } from './evaluate';
import { parseLogql } from './parse';
import { allLabels } from './pipeline';
import { entry, fixedSource } from './testSource';
import type { LogQuery, MetricQuery } from './ast';

const T = Date.UTC(2026, 11, 1, 12, 0, 0);
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const source = fixedSource([
  entry(T + 1_000, 'payments', 'error', '{"level":"error","service":"payments","trace_id":"' + TRACE + '","res":{"statusCode":504},"msg":"payment provider timeout after 30000ms"}', TRACE, '00f067aa0ba902b7'),
  entry(T + 2_000, 'payments', 'info', '{"level":"info","service":"payments","res":{"statusCode":200},"responseTime":12,"msg":"request completed"}'),
  entry(T + 3_000, 'inventory', 'info', 'ts=2026-12-01T12:00:03Z level=info msg="request completed" status=200 duration_ms=7 traceID=abc'),
  entry(T + 4_000, 'inventory', 'warn', 'ts=2026-12-01T12:00:04Z level=warn msg="slow request" status=slow'),
  entry(T + 60_000, 'payments', 'error', 'not json <b>at all</b>'),
]);

function logQuery(q: string): LogQuery {
  const parsed = parseLogql(q);
  if (parsed.kind !== 'log') throw new Error('not a log query');
  return parsed;
}
function metric(q: string): MetricQuery {
  const parsed = parseLogql(q);
  if (parsed.kind === 'log') throw new Error('not a metric query');
  return parsed;
}
const run = (q: string, direction: 'forward' | 'backward' = 'forward') => [...runLogQuery(source, logQuery(q), (T - 1) * 1000, (T + 120_000) * 1000, direction)];

describe('log pipelines', () => {
  it('selects streams with RE2 matchers and filters lines', () => {
    expect(run('{service_name=~"pay.*"}').map((p) => p.entry.timeUs)).toEqual([T + 1_000, T + 2_000, T + 60_000].map((t) => t * 1000));
    expect(run('{service_name=~"pay.*"}', 'backward').map((p) => p.entry.timeUs)).toEqual([T + 60_000, T + 2_000, T + 1_000].map((t) => t * 1000));
    expect(run('{service_name=~".+"} |= "request" != "slow"')).toHaveLength(2);
    expect(run('{service_name=~".+"} |~ "timeout after [0-9]+ms"')).toHaveLength(1);
    expect(run('{service_name=~".+"} !~ "(?i)REQUEST"')).toHaveLength(2);
    expect(run('{service_name=~".+"} |= "timeout" or "slow"')).toHaveLength(2);
  });

  it('extracts JSON fields flattened with _, renaming those that collide with stream labels or metadata', () => {
    const [first] = run('{service_name="payments", level="error"} | json');
    expect(first?.parsed && Object.fromEntries(first.parsed)).toEqual({
      level_extracted: 'error',
      service: 'payments',
      trace_id_extracted: TRACE,
      res_statusCode: '504',
      msg: 'payment provider timeout after 30000ms',
    });
    expect(first && allLabels(first)).toMatchObject({ level: 'error', service_name: 'payments', trace_id: TRACE, span_id: '00f067aa0ba902b7' });
  });

  it('marks a line that is not JSON with __error__, and a label filter on __error__ drops it', () => {
    const all = run('{service_name="payments"} | json');
    expect(all.find((p) => p.line.startsWith('not json'))?.parsed?.get('__error__')).toBe('JSONParserErr');
    expect(run('{service_name="payments"} | json | __error__=""')).toHaveLength(2);
  });

  it('filters on numeric label values; a value that is no number is kept and marked LabelFilterErr', () => {
    expect(run('{service_name="payments"} | json | res_statusCode >= 500').map((p) => p.line)).toEqual([expect.stringContaining('timeout'), expect.stringContaining('not json')]);
    const logfmt = run('{service_name="inventory"} | logfmt | status > 100');
    expect(logfmt.map((p) => p.parsed?.get('__error__') ?? '')).toEqual(['', 'LabelFilterErr']);
    expect(run('{service_name="inventory"} | logfmt | duration_ms < 5 or msg="slow request"')).toHaveLength(1);
  });

  it('rewrites lines with line_format from extracted labels and stream labels', () => {
    expect(run('{service_name="inventory"} | logfmt | line_format "{{.level_extracted}}: {{.msg}} [{{.service_name}}]"').map((p) => p.line)).toEqual([
      'info: request completed [inventory]',
      'warn: slow request [inventory]',
    ]);
  });
});

describe('metric queries', () => {
  it('counts entries per series over (t − range, t] at each step, leaving steps without entries out', () => {
    const series = evaluateMetricRange(source, metric('count_over_time({service_name="inventory"}[2s])'), T, T + 10_000, 1_000);
    expect(series.map((s) => [s.labels['level'], s.points])).toEqual([
      ['info', [[T + 3_000, 1], [T + 4_000, 1]]],
      ['warn', [[T + 4_000, 1], [T + 5_000, 1]]],
    ]);
  });

  it('keeps structured metadata in the series labels without grouping, as Loki does; sum by collapses them', () => {
    const bare = evaluateMetricInstant(source, metric('count_over_time({service_name="payments"}[10s])'), T + 5_000);
    expect(bare.map((s) => s.labels)).toEqual([
      { level: 'error', namespace: 'watchfloor-demo', service_name: 'payments', span_id: '00f067aa0ba902b7', trace_id: TRACE },
      { level: 'info', namespace: 'watchfloor-demo', service_name: 'payments' },
    ]);
    const summed = evaluateMetricInstant(source, metric('sum by (service_name) (count_over_time({service_name=~".+"}[10s]))'), T + 5_000);
    expect(summed.map((s) => [s.labels, s.points])).toEqual([
      [{ service_name: 'inventory' }, [[T + 5_000, 2]]],
      [{ service_name: 'payments' }, [[T + 5_000, 2]]],
    ]);
    expect(evaluateMetricInstant(source, metric('sum(count_over_time({service_name=~".+"}[10s]))'), T + 5_000).map((s) => [s.labels, s.points[0]?.[1]])).toEqual([[{}, 4]]);
  });

  it('computes rate and bytes_over_time, and other aggregations over series', () => {
    const rate = evaluateMetricInstant(source, metric('sum(rate({service_name="inventory"}[2s]))'), T + 4_000);
    expect(rate[0]?.points).toEqual([[T + 4_000, 1]]);
    const bytes = evaluateMetricInstant(source, metric('bytes_over_time({service_name="payments", level="error"}[2m])'), T + 60_000);
    const lines = run('{service_name="payments", level="error"}').map((p) => p.line);
    // Two series: the traced line carries its metadata in its labels.
    expect(bytes.map((s) => s.points[0]?.[1]).sort()).toEqual(lines.map((l) => Buffer.byteLength(l)).sort());
    const max = evaluateMetricInstant(source, metric('max by (level) (count_over_time({service_name=~".+"} | json | __error__="" [10s]))'), T + 5_000);
    // The inventory lines are logfmt: `| json` marks them and `__error__=""` drops them.
    expect(max.map((s) => [s.labels, s.points[0]?.[1]])).toEqual([
      [{ level: 'error' }, 1],
      [{ level: 'info' }, 1],
    ]);
  });

  it('applies offset to the window', () => {
    const series = evaluateMetricInstant(source, metric('count_over_time({service_name="payments", level="error"}[1s] offset 59s)'), T + 60_000);
    expect(series.map((s) => s.points)).toEqual([[[T + 60_000, 1]]]);
  });
});
