import { describe, expect, it } from 'vitest';
import type { DataSourceConfig } from '../model/datasourceConfig';
import { ConfigError } from './configError';
import { loadDataSources } from './registry';
import { parseWallConfig } from './wallConfig';

const DATASOURCES: DataSourceConfig[] = [
  { uid: 'prom', kind: 'prometheus', name: 'Prometheus', url: 'http://127.0.0.1:9090' },
  { uid: 'am', kind: 'alertmanager', name: 'Alertmanager', url: 'http://127.0.0.1:9093' },
];

const parse = (json: Record<string, unknown>) => parseWallConfig({ datasources: DATASOURCES, ...json }, DATASOURCES);

/** The ConfigError's field and message, or a failure saying it did not throw one. */
function problem(json: Record<string, unknown>): { field: string; message: string } {
  try {
    parse(json);
  } catch (error) {
    if (error instanceof ConfigError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseWallConfig', () => {
  it('reads boards and thresholds, with defaults for what is left out', () => {
    const wall = parse({
      thresholds: { '*': { latencyP99: { warn: 0.5, crit: 2 } }, payments: { errorRatio: { warn: 0.005, crit: 0.02 } } },
      boards: [
        { id: 'checkout', title: 'Checkout path', services: ['api-gateway', 'orders', 'payments'], signals: ['errorRatio', 'latencyP99'], datasource: 'prom', refresh: '10s', thresholds: { payments: { errorRatio: { warn: 0.01, crit: 0.03 } } } },
        { id: 'everything' },
      ],
    });
    expect(wall.thresholds).toEqual({ '*': { latencyP99: { warn: 0.5, crit: 2 } }, payments: { errorRatio: { warn: 0.005, crit: 0.02 } } });
    expect(wall.boards).toEqual([
      { id: 'checkout', title: 'Checkout path', services: ['api-gateway', 'orders', 'payments'], signals: ['errorRatio', 'latencyP99'], datasource: 'prom', refreshMs: 10_000, thresholds: { payments: { errorRatio: { warn: 0.01, crit: 0.03 } } } },
      { id: 'everything', title: 'everything', refreshMs: 30_000 },
    ]);
  });

  it('has nothing to say about a config without the keys', () => {
    expect(parse({})).toEqual({ boards: [] });
  });

  it.each([
    [{ boards: { id: 'x' } }, 'boards', 'must be an array of boards, got an object'],
    [{ boards: ['x'] }, 'boards[0]', 'must be an object'],
    [{ boards: [{ title: 'No id' }] }, 'boards[0].id', 'is missing'],
    [{ boards: [{ id: 'a b' }] }, 'boards[0].id', 'may hold only letters'],
    [{ boards: [{ id: 'board' }] }, 'boards[0].id', 'is reserved'],
    [{ boards: [{ id: 'services' }] }, 'boards[0].id', 'is reserved'],
    [{ boards: [{ id: 'a' }, { id: 'a' }] }, 'boards[1].id', 'is already the id of boards[0]'],
    [{ boards: [{ id: 'a', service: ['payments'] }] }, 'boards[0].service', 'is not a board setting'],
    [{ boards: [{ id: 'a', services: ['orders', 'payments', 7] }] }, 'boards[0].services[2]', 'must be a non-empty string, got 7'],
    [{ boards: [{ id: 'a', services: ['orders', 'payments', ''] }] }, 'boards[0].services[2]', 'must be a non-empty string'],
    [{ boards: [{ id: 'a', services: ['orders', 'payments', 'orders'] }] }, 'boards[0].services[2]', '"orders" is already boards[0].services[0]'],
    [{ boards: [{ id: 'a', services: [] }] }, 'boards[0].services', 'must name at least one'],
    [{ boards: [{ id: 'a', signals: ['errorRatio', 'p99'] }] }, 'boards[0].signals[1]', '"p99" is not a Golden Signal'],
    [{ boards: [{ id: 'a', datasource: 'nope' }] }, 'boards[0].datasource', '"nope" is not the uid of any datasource; expected one of prom'],
    [{ boards: [{ id: 'a', datasource: 'am' }] }, 'boards[0].datasource', '"am" is not a metrics datasource with services; expected one of prom'],
    [{ boards: [{ id: 'a', refresh: 30 }] }, 'boards[0].refresh', 'must be a duration between 1s and 60m'],
    [{ boards: [{ id: 'a', refresh: '500ms' }] }, 'boards[0].refresh', 'must be a duration between 1s and 60m'],
    [{ boards: [{ id: 'a', thresholds: { payments: { errorRatio: { warn: 2, crit: 5 } } } }] }, 'boards[0].thresholds.payments.errorRatio.warn', '2 is above 1: errorRatio is a fraction (0.05 is 5 %)'],
    [{ thresholds: [] }, 'thresholds', 'must be an object of services'],
    [{ thresholds: { '*': { latencyP99: { warn: 3, crit: 1 } } } }, 'thresholds["*"].latencyP99.warn', '3 is above crit (1)'],
    [{ thresholds: { payments: { latencyP99: { warn: 1 } } } }, 'thresholds.payments.latencyP99.crit', 'is missing'],
    [{ thresholds: { payments: { latencyP99: { warn: '1', crit: 2 } } } }, 'thresholds.payments.latencyP99.warn', 'must be a number ≥ 0, got "1"'],
    [{ thresholds: { payments: { latencyP99: { warn: 1, crit: 2, critical: 3 } } } }, 'thresholds.payments.latencyP99.critical', 'is not a threshold'],
    [{ thresholds: { payments: { requestRate: { warn: 1, crit: 2 } } } }, 'thresholds.payments.requestRate', 'request rate has no thresholds'],
    [{ thresholds: { payments: { cpu: { warn: 1, crit: 2 } } } }, 'thresholds.payments.cpu', 'is not a graded Golden Signal'],
    [{ thresholds: { 'svc.eu': 7 } }, 'thresholds["svc.eu"]', 'must be an object of signals'],
  ])('%j is refused naming %s', (json, field, text) => {
    const { field: got, message } = problem(json);
    expect(got).toBe(field);
    expect(message).toContain(text);
  });
});

describe('loadDataSources with boards', () => {
  const serve = (json: unknown): typeof fetch => async () => new Response(JSON.stringify(json), { headers: { 'content-type': 'application/json' } });

  it('hands the boards to the pages beside the datasources', async () => {
    const set = await loadDataSources(serve({ datasources: DATASOURCES, boards: [{ id: 'pay', services: ['payments'] }] }));
    expect(set.wall?.boards.map((b) => b.id)).toEqual(['pay']);
    expect(set.list.map((ds) => ds.uid)).toEqual(['prom', 'am']);
  });

  it('refuses to start on a bad board, naming the field', async () => {
    await expect(loadDataSources(serve({ datasources: DATASOURCES, boards: [{ id: 'pay', services: ['a', 'b', null] }] }))).rejects.toThrow('boards[0].services[2]: must be a non-empty string, got null');
  });
});
