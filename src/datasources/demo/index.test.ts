import { describe, expect, it } from 'vitest';
import { createDemoBackend, DEMO_PROMETHEUS_URL } from './index';

describe('createDemoBackend', () => {
  const demo = createDemoBackend({ nowMs: Date.UTC(2025, 5, 4, 12, 0, 0), seed: 3 });

  it('offers one default Prometheus datasource on an unresolvable host', () => {
    expect(demo.configs).toEqual([
      {
        uid: 'demo-prometheus',
        kind: 'prometheus',
        name: 'Demo Prometheus',
        url: 'http://demo.watchfloor.invalid/prometheus',
        default: true,
        options: { scrapeInterval: '15s' },
      },
    ]);
  });

  it('answers the Prometheus API in-process', async () => {
    const res = await demo.fetchFn(`${DEMO_PROMETHEUS_URL}/api/v1/label/job/values`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: string[] };
    expect(body.data).toEqual(['api-gateway', 'auth', 'inventory', 'notifications', 'orders', 'payment-provider', 'payments', 'users']);
  });

  it('answers anything else with a 404 rather than a network error', async () => {
    const res = await demo.fetchFn('http://demo.watchfloor.invalid/loki/api/v1/labels');
    expect(res.status).toBe(404);
  });
});
