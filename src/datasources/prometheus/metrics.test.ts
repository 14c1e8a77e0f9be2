import { describe, expect, it } from 'vitest';
import { createPrometheusDataSource } from './index';

const neverFetch: typeof fetch = () => Promise.reject(new Error('no request expected'));

describe('the metrics capability', () => {
  it('offers the configured scrape interval as the finest useful step', () => {
    const ds = createPrometheusDataSource(
      { uid: 'p', kind: 'prometheus', name: 'P', url: 'http://127.0.0.1:9090', options: { scrapeInterval: '1m30s' } },
      neverFetch,
    );
    expect(ds.metrics?.minStepMs).toBe(90_000);
  });

  it('defaults to 15 s, the Prometheus default scrape interval', () => {
    const ds = createPrometheusDataSource({ uid: 'p', kind: 'prometheus', name: 'P', url: 'http://127.0.0.1:9090' }, neverFetch);
    expect(ds.metrics?.minStepMs).toBe(15_000);
  });
});
