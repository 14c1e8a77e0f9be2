import { describe, expect, it } from 'vitest';
import type { ServiceSignals } from '../../datasources/types';
import { DEFAULT_SIGNALS } from '../testing/fakeDataSource';
import { buildServiceDashboard, HEATMAP_TITLE, LATENCY_TITLE } from './layout';

const signals = (queries: ServiceSignals['queries'] = DEFAULT_SIGNALS): ServiceSignals => ({ service: 'payments', convention: 'otel', queries });

describe('buildServiceDashboard', () => {
  it('is plain data: it survives a JSON round trip unchanged', () => {
    const spec = buildServiceDashboard(signals());
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('lays out stats, charts and downstream calls, with unique panel ids', () => {
    const spec = buildServiceDashboard(signals());
    expect(spec.sections.map((s) => [s.id, s.panels.map((p) => p.title)])).toEqual([
      ['stats', ['Request rate', 'Error ratio', 'p99 latency', 'Saturation']],
      ['charts', [LATENCY_TITLE, HEATMAP_TITLE, 'Traffic by route', 'Traffic by status', 'Error ratio over time', 'Saturation over time']],
      ['downstream', ['Downstream request rate']],
    ]);
    const ids = spec.sections.flatMap((s) => s.panels.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names each stat’s reducer in the spec: traffic adds up, the worst series speaks for the rest', () => {
    const stats = buildServiceDashboard(signals()).sections[0]!.panels;
    expect(stats.map((p) => [p.title, p.reducer])).toEqual([
      ['Request rate', 'sum'],
      ['Error ratio', 'max'],
      ['p99 latency', 'max'],
      ['Saturation', 'max'],
    ]);
  });

  it('puts the three percentiles in one chart, each its own query ref, with the exemplar query and its trace link', () => {
    const latency = buildServiceDashboard(signals()).sections[1]!.panels[0]!;
    expect(latency.queries.map((q) => [q.ref, q.expr, q.legendPrefix])).toEqual([
      ['p50', 'p50', 'p50'],
      ['p95', 'p95', 'p95'],
      ['p99', 'p99', 'p99'],
    ]);
    expect(latency.options?.exemplarsExpr).toBe('heatmap');
    expect(latency.links).toContainEqual({ kind: 'exemplarTrace' });
  });

  it('keeps a panel for a signal the service lacks, with no query, and drops the downstream section', () => {
    const { saturation: _s, downstreamRate: _d, ...rest } = DEFAULT_SIGNALS;
    const spec = buildServiceDashboard(signals(rest));
    expect(spec.sections.map((s) => s.id)).toEqual(['stats', 'charts']);
    expect(spec.sections[0]!.panels.find((p) => p.title === 'Saturation')!.queries).toEqual([]);
  });
});
