import { describe, expect, it } from 'vitest';
import { dataSourceBaseUrl } from './baseUrl';

describe('dataSourceBaseUrl', () => {
  it('uses the configured URL without trailing slashes', () => {
    expect(dataSourceBaseUrl({ uid: 'prom', url: 'http://127.0.0.1:9090/', access: 'direct' })).toBe('http://127.0.0.1:9090');
    expect(dataSourceBaseUrl({ uid: 'prom', url: 'https://mimir.example/prometheus//' })).toBe('https://mimir.example/prometheus');
  });

  it('goes through the app proxy with access "proxy"', () => {
    expect(dataSourceBaseUrl({ uid: 'prom', url: 'http://internal:9090', access: 'proxy' })).toBe('/proxy/prom');
    expect(dataSourceBaseUrl({ uid: 'loki.eu', url: 'http://loki:3100', access: 'proxy' })).toBe('/proxy/loki.eu');
  });
});
