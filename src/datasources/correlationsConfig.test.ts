import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { ConfigError } from './configError';
import { parseCorrelations } from './correlationsConfig';
import { loadDataSources } from './registry';
import type { DataSourceConfig } from './types';

const CONFIGS: DataSourceConfig[] = [
  { uid: 'prom', kind: 'prometheus', name: 'Prometheus', url: 'http://prom:9090', default: true },
  { uid: 'prom-eu', kind: 'prometheus', name: 'Prometheus EU', url: 'http://prom-eu:9090' },
  { uid: 'jaeger', kind: 'jaeger', name: 'Jaeger', url: 'http://jaeger:16686' },
  { uid: 'tempo', kind: 'tempo', name: 'Tempo', url: 'http://tempo:3200' },
  { uid: 'loki', kind: 'loki', name: 'Loki', url: 'http://loki:3100' },
  { uid: 'es', kind: 'elasticsearch', name: 'Elastic', url: 'http://es:9200' },
];

/** The ConfigError's field and message of a bad `correlations` value. */
function problem(raw: unknown): { field: string; message: string } {
  try {
    parseCorrelations(raw, CONFIGS);
  } catch (error) {
    if (error instanceof ConfigError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseCorrelations', () => {
  it('is absent when config.json has none, and reads every rule', () => {
    expect(parseCorrelations(undefined, CONFIGS)).toBeUndefined();
    const parsed = parseCorrelations(
      {
        exemplars: { prom: { traceDatasource: 'jaeger' }, 'prom-eu': { traceDatasource: 'tempo', traceIdLabel: 'traceID' } },
        traceToLogs: { tempo: { logsDatasource: 'loki', traceIdField: 'traceID', serviceLabel: 'app' }, jaeger: { logsDatasource: 'es', traceIdField: 'trace.id' } },
        logsToTraces: { es: { traceDatasource: 'jaeger' } },
        logs: { loki: { traceIdMatch: 'line', serviceLabel: 'service' }, es: { serviceLabel: 'service.name' } },
        metricsDatasource: 'prom-eu',
      },
      CONFIGS,
    );
    expect(parsed).toEqual({
      exemplars: { prom: { traceDatasource: 'jaeger' }, 'prom-eu': { traceDatasource: 'tempo', traceIdLabel: 'traceID' } },
      traceToLogs: { tempo: { logsDatasource: 'loki', traceIdField: 'traceID', serviceLabel: 'app' }, jaeger: { logsDatasource: 'es', traceIdField: 'trace.id' } },
      logsToTraces: { es: { traceDatasource: 'jaeger' } },
      logs: { loki: { traceIdMatch: 'line', serviceLabel: 'service' }, es: { serviceLabel: 'service.name' } },
      metricsDatasource: 'prom-eu',
    });
  });

  it('names the field of a datasource that does not exist', () => {
    expect(problem({ exemplars: { prom: { traceDatasource: 'x' } } })).toEqual({
      field: 'correlations.exemplars.prom.traceDatasource',
      message: 'correlations.exemplars.prom.traceDatasource: no datasource "x"; the uids are prom, prom-eu, jaeger, tempo, loki, es',
    });
    expect(problem({ exemplars: { nope: {} } }).field).toBe('correlations.exemplars.nope');
    expect(problem({ metricsDatasource: 'gone' }).field).toBe('correlations.metricsDatasource');
  });

  it('refuses a datasource that cannot do what the rule needs', () => {
    expect(problem({ exemplars: { prom: { traceDatasource: 'loki' } } }).message).toBe('correlations.exemplars.prom.traceDatasource: "loki" is a loki datasource, which has no traces');
    expect(problem({ exemplars: { jaeger: {} } }).message).toMatch(/"jaeger" is a jaeger datasource, which has no metrics/);
    expect(problem({ traceToLogs: { tempo: { logsDatasource: 'prom' } } }).field).toBe('correlations.traceToLogs.tempo.logsDatasource');
    expect(problem({ logsToTraces: { loki: { traceDatasource: 'es' } } }).field).toBe('correlations.logsToTraces.loki.traceDatasource');
    expect(problem({ metricsDatasource: 'loki' }).message).toMatch(/has no services/);
  });

  it('refuses label and field names a query cannot carry', () => {
    expect(problem({ exemplars: { prom: { traceIdLabel: 'trace-id' } } }).field).toBe('correlations.exemplars.prom.traceIdLabel');
    // A Loki label filter cannot name a dotted field; Elasticsearch can.
    expect(problem({ traceToLogs: { tempo: { logsDatasource: 'loki', traceIdField: 'trace.id' } } }).field).toBe('correlations.traceToLogs.tempo.traceIdField');
    expect(problem({ logs: { es: { traceIdField: 'a b' } } }).field).toBe('correlations.logs.es.traceIdField');
    expect(problem({ logs: { es: { traceIdMatch: 'line' } } }).message).toMatch(/for Loki datasources only/);
    expect(problem({ logs: { loki: { traceIdMatch: 'regex' } } }).message).toMatch(/must be "label" or "line"/);
  });

  it('refuses unknown keys and wrong shapes, naming where', () => {
    expect(problem([]).field).toBe('correlations');
    expect(problem({ exemplar: {} }).message).toMatch(/correlations.exemplar: is not a known key; expected one of exemplars/);
    expect(problem({ exemplars: { prom: { traceDatasourse: 'jaeger' } } }).field).toBe('correlations.exemplars.prom.traceDatasourse');
    expect(problem({ exemplars: { prom: 'jaeger' } }).field).toBe('correlations.exemplars.prom');
    expect(problem({ traceToLogs: [] }).field).toBe('correlations.traceToLogs');
  });
});

describe('loadDataSources with correlations', () => {
  const serve = (body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const noDemo = async () => {
    throw new Error('the demo must not load');
  };

  it('fills DataSourceSet.correlations from config.json', async () => {
    const set = await loadDataSources(serve({ datasources: CONFIGS, correlations: { exemplars: { prom: { traceDatasource: 'tempo' } } } }), '/config.json', noDemo);
    expect(set.correlations).toEqual({ exemplars: { prom: { traceDatasource: 'tempo' } } });
  });

  it('is a boot error naming the field when a rule is bad', async () => {
    await expect(loadDataSources(serve({ datasources: CONFIGS, correlations: { exemplars: { prom: { traceDatasource: 'x' } } } }), '/config.json', noDemo)).rejects.toMatchObject({
      name: 'ConfigError',
      field: 'correlations.exemplars.prom.traceDatasource',
    });
  });

  it('leaves correlations absent without the key', async () => {
    const set = await loadDataSources(serve({ datasources: CONFIGS }), '/config.json', noDemo);
    expect(set.correlations).toBeUndefined();
  });
});

describe("the README's correlations example", () => {
  it('is a valid config.json', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!).find((text) => text.includes('"correlations"'));
    expect(block, 'README.md needs a config.json example with "correlations"').toBeDefined();
    const json = JSON.parse(block!) as { correlations: unknown };
    const parsed = parseCorrelations(json.correlations, parseConfig(json));
    expect(parsed?.exemplars?.['prom-edge']).toEqual({ traceDatasource: 'jaeger', traceIdLabel: 'traceID' });
  });
});
