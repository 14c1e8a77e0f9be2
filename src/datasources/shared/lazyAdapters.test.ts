import { describe, expect, it, vi } from 'vitest';
import type { TailHandlers } from '../../model/logs';
import { DATASOURCE_PLUGINS } from '../kinds';
import { createWithOptions as createEs } from '../elasticsearch';
import { createWithOptions as createJaeger } from '../jaeger';
import { createWithOptions as createLoki } from '../loki';
import { createWithOptions as createTempo } from '../tempo';
import { createWithOptions as createZipkin } from '../zipkin';
import type { DataSource, DataSourceConfig, FetchFn } from '../types';
import { lazyAdapter } from './lazyAdapter';

const EAGER: Record<string, (config: DataSourceConfig, fetchFn: FetchFn, options: never) => DataSource> = {
  loki: createLoki,
  elasticsearch: createEs('elasticsearch'),
  opensearch: createEs('opensearch'),
  jaeger: createJaeger,
  tempo: createTempo,
  zipkin: createZipkin,
};

/** A datasource as pages see it before calling anything: each capability's keys, and its plain values. */
function surfaceOf(ds: DataSource): Record<string, unknown> {
  const out: Record<string, unknown> = { uid: ds.uid, kind: ds.kind, name: ds.name, health: typeof ds.health };
  for (const cap of ['metrics', 'services', 'logs', 'traces', 'alerts'] as const) {
    const c = ds[cap] as Record<string, unknown> | undefined;
    if (c) out[cap] = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, typeof v === 'function' ? 'method' : v]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  }
  return out;
}

const fetchNothing: FetchFn = () => Promise.reject(new Error('no network in this test'));

describe('lazy adapters', () => {
  const lazyKinds = DATASOURCE_PLUGINS.filter((p) => p.kind in EAGER);

  it.each(lazyKinds.map((p) => [p.kind, p] as const))('%s: the surface known at boot is the adapter\u2019s, method for method and value for value', (kind, plugin) => {
    const config: DataSourceConfig = { uid: 'u', kind, name: 'N', url: 'http://127.0.0.1:1' };
    // Options that change a value the surface carries (Elasticsearch's correlation fields) are passed too.
    const raw = kind === 'elasticsearch' || kind === 'opensearch' ? { fields: { service: 'svc', traceId: 'tid', spanId: 'sid' } } : undefined;
    const options = plugin.parseOptions(raw) as never;
    const lazy = plugin.create(config, fetchNothing, options);
    expect(surfaceOf(lazy)).toEqual(surfaceOf(EAGER[kind]!(config, fetchNothing, options)));
  });

  it('covers every log and trace kind: none is built eagerly at boot', () => {
    const eagerLogOrTrace = DATASOURCE_PLUGINS.filter((p) => (p.capabilities as readonly string[]).some((c) => c === 'logs' || c === 'traces') && !(p.kind in EAGER));
    expect(eagerLogOrTrace.map((p) => p.kind)).toEqual([]);
  });

  it('loads the adapter on the first call, once, and hands the call and its answer through', async () => {
    const queryLogs = vi.fn(async (query: string) => ({ lines: [], warnings: [query] }));
    const create = vi.fn((config: DataSourceConfig): DataSource => ({ uid: config.uid, kind: 'k', name: 'n', logs: { language: 'logql', queryLogs } as never, health: async () => ({ ok: true }) }));
    const load = vi.fn(async () => create);
    const ds = lazyAdapter(() => ({ logs: { values: { language: 'logql' }, methods: ['queryLogs'] } }), load)({ uid: 'u', kind: 'k', name: 'n', url: '/' }, fetchNothing, undefined);
    expect(load).not.toHaveBeenCalled();
    expect(ds.logs?.language).toBe('logql');
    const signal = new AbortController().signal;
    const [a, b] = await Promise.all([ds.logs!.queryLogs('{a="1"}', { range: { from: 0, to: 1 }, signal, limit: 1, direction: 'backward' }), ds.health(signal)]);
    expect(a).toEqual({ lines: [], warnings: ['{a="1"}'] });
    expect(b).toEqual({ ok: true });
    expect(load).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('a failed load fails that call with its reason, and the next call tries again', async () => {
    let attempts = 0;
    const load = async () => {
      attempts++;
      if (attempts === 1) throw new Error('chunk did not arrive');
      return (config: DataSourceConfig): DataSource => ({ uid: config.uid, kind: 'k', name: 'n', health: async () => ({ ok: true }) });
    };
    const ds = lazyAdapter(() => ({}), load)({ uid: 'u', kind: 'k', name: 'n', url: '/' }, fetchNothing, undefined);
    const signal = new AbortController().signal;
    await expect(ds.health(signal)).rejects.toThrow('chunk did not arrive');
    await expect(ds.health(signal)).resolves.toEqual({ ok: true });
  });

  it('a tail closed before the adapter arrives never starts; one left open starts, and a failed load is its error', async () => {
    const started: string[] = [];
    const create = (config: DataSourceConfig): DataSource => ({
      uid: config.uid,
      kind: 'k',
      name: 'n',
      logs: { language: 'logql', queryLogs: async () => ({ lines: [], warnings: [] }), tail: (q: string) => (started.push(q), { close: () => started.push(`closed ${q}`) }) } as never,
      health: async () => ({ ok: true }),
    });
    const surface = () => ({ logs: { values: { language: 'logql' as const }, methods: ['queryLogs', 'tail'] as const } });
    const ds = lazyAdapter(surface, async () => create)({ uid: 'u', kind: 'k', name: 'n', url: '/' }, fetchNothing, undefined);
    const handlers: TailHandlers = { onLines: vi.fn(), onStatus: vi.fn(), onError: vi.fn() };
    const signal = new AbortController().signal;
    ds.logs!.tail!('early', handlers, signal).close();
    const open = ds.logs!.tail!('open', handlers, signal);
    await vi.waitFor(() => expect(started).toEqual(['open']));
    open.close();
    expect(started).toEqual(['open', 'closed open']);

    const failing = lazyAdapter(surface, () => Promise.reject(new Error('offline')))({ uid: 'u', kind: 'k', name: 'n', url: '/' }, fetchNothing, undefined);
    failing.logs!.tail!('q', handlers, signal);
    await vi.waitFor(() => expect(handlers.onError).toHaveBeenCalledWith(new Error('offline')));
  });
});
