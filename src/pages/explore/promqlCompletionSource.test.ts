import { describe, expect, it } from 'vitest';
import type { DataSource, MetricsCapability, QueryCtx } from '../../datasources/types';
import { createCompletionCache } from '../../editor/completionCache';
import type { TimeRange } from '../../model/time';
import { completionRange, promqlCompletionSource } from './promqlCompletionSource';

const T0 = Date.UTC(2026, 10, 20, 10, 30, 17);
const HOUR = 3_600_000;

/** A datasource whose metrics capability records every lookup; nothing here can fetch. */
function recordingDataSource(uid: string) {
  const calls: { call: string; range: TimeRange; args: unknown[] }[] = [];
  const record = (call: string, ctx: QueryCtx, ...args: unknown[]) => calls.push({ call, range: ctx.range, args });
  const metrics: MetricsCapability = {
    queryRange: () => Promise.reject(new Error('not for completion')),
    labelNames: async (ctx, match) => (record('labelNames', ctx, match), ['job']),
    labelValues: async (label, ctx, match) => (record('labelValues', ctx, label, match), ['up']),
    series: async (match, ctx, limit) => (record('series', ctx, match, limit), [{ __name__: 'up', job: 'api' }]),
    metadata: async () => (calls.push({ call: 'metadata', range: { from: 0, to: 0 }, args: [] }), { up: [{ type: 'gauge', help: 'Up.', unit: '' }] }),
  };
  const ds: DataSource = { uid, kind: 'prometheus', name: uid, metrics, health: async () => ({ ok: true }) };
  return { ds, calls };
}

const signal = new AbortController().signal;

describe('promqlCompletionSource', () => {
  it('asks the adapter (labels, label values, series, metadata) over the page range widened to minutes', async () => {
    const { ds, calls } = recordingDataSource('prom');
    const source = promqlCompletionSource(ds, () => ({ from: T0 - HOUR, to: T0 }), createCompletionCache(10));
    expect(await source.labelNames(signal, 'up')).toEqual(['job']);
    expect(await source.labelValues('__name__', signal)).toEqual(['up']);
    expect(await source.series('up{job="api"}', signal)).toEqual([{ __name__: 'up', job: 'api' }]);
    expect(await source.metadata(signal)).toEqual({ up: [{ type: 'gauge', help: 'Up.', unit: '' }] });
    const minute = completionRange({ from: T0 - HOUR, to: T0 });
    expect(minute).toEqual({ from: Date.UTC(2026, 10, 20, 9, 30), to: Date.UTC(2026, 10, 20, 10, 31) });
    expect(calls).toEqual([
      { call: 'labelNames', range: minute, args: [['up']] },
      { call: 'labelValues', range: minute, args: ['__name__', undefined] },
      { call: 'series', range: minute, args: [['up{job="api"}'], 1000] },
      { call: 'metadata', range: { from: 0, to: 0 }, args: [] },
    ]);
  });

  it('caches per datasource and range: a refresh tick within the minute asks nothing new', async () => {
    const cache = createCompletionCache(10);
    const a = recordingDataSource('a');
    const b = recordingDataSource('b');
    let range: TimeRange = { from: T0 - HOUR, to: T0 };
    const onA = promqlCompletionSource(a.ds, () => range, cache);
    const onB = promqlCompletionSource(b.ds, () => range, cache);
    await onA.labelValues('job', signal);
    range = { from: T0 - HOUR + 15_000, to: T0 + 15_000 }; // a 15 s tick, same minutes
    await onA.labelValues('job', signal);
    expect(a.calls).toHaveLength(1);
    await onB.labelValues('job', signal); // another datasource: its own answer
    expect(b.calls).toHaveLength(1);
    range = { from: T0 - 6 * HOUR, to: T0 }; // another range
    await onA.labelValues('job', signal);
    expect(a.calls).toHaveLength(2);
    await onA.labelValues('job', signal, 'up'); // another selector
    expect(a.calls).toHaveLength(3);
  });

  it('completes nothing from a datasource that lacks a lookup, without calling anything', async () => {
    const ds: DataSource = {
      uid: 'bare',
      kind: 'prometheus',
      name: 'bare',
      metrics: { queryRange: () => Promise.reject(new Error('no')) },
      health: async () => ({ ok: true }),
    };
    const source = promqlCompletionSource(ds, () => ({ from: 0, to: HOUR }), createCompletionCache(10));
    expect(await source.labelNames(signal)).toEqual([]);
    expect(await source.labelValues('job', signal)).toEqual([]);
    expect(await source.series('up', signal)).toEqual([]);
    expect(await source.metadata(signal)).toEqual({});
  });
});
