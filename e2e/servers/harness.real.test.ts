import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startAlertmanager } from './alertmanager';
import { findFreePort } from './ports';
import { prometheusConfig, startPrometheus } from './prometheus';
import { queryPrometheus } from './prometheusApi';

async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch {
    return true;
  }
}

describe('real-server harness', () => {
  it('finds distinct free loopback ports', async () => {
    const ports = await Promise.all([findFreePort(), findFreePort(), findFreePort()]);
    for (const p of ports) expect(p).toBeGreaterThan(1023);
  });

  it('writes a scrape config that keeps the exposed job/instance and times out before the next scrape', () => {
    const yaml = prometheusConfig([{ address: '127.0.0.1:7070' }], 1);
    expect(yaml).toContain('scrape_interval: 1s');
    expect(yaml).toContain('scrape_timeout: 800ms');
    expect(yaml).toContain('honor_labels: true');
    expect(yaml).toContain('targets: ["127.0.0.1:7070"]');
  });

  it('starts Prometheus on loopback, answers the API, and cleans up the process and temp dirs on stop', async () => {
    const prom = await startPrometheus();
    try {
      expect(prom.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const info = await queryPrometheus(prom.url, '/api/v1/status/buildinfo', {});
      expect(info.status).toBe('success');
      expect((info as { data: { version: string } }).data.version).toMatch(/^2\./);
      const flags = await queryPrometheus(prom.url, '/api/v1/query', { query: '1+1', time: '1700000000' });
      expect(flags).toMatchObject({ status: 'success', data: { resultType: 'scalar', result: [1700000000, '2'] } });
      expect(existsSync(prom.tsdbPath)).toBe(true);
    } finally {
      await prom.stop();
    }
    expect(existsSync(prom.tsdbPath)).toBe(false);
    expect(await refusesConnections(`${prom.url}/-/ready`)).toBe(true);
  });

  it('starts Alertmanager on loopback with its v2 API', async () => {
    const am = await startAlertmanager();
    try {
      const res = await fetch(`${am.url}/api/v2/status`);
      const status = (await res.json()) as { versionInfo: { version: string }; cluster: { status: string } };
      expect(status.versionInfo.version).toMatch(/^0\./);
      expect(status.cluster.status).toBe('disabled');
    } finally {
      await am.stop();
    }
    expect(await refusesConnections(`${am.url}/-/ready`)).toBe(true);
  });
});
