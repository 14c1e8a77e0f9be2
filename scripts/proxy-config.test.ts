import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { proxyFromConfig } from './proxy-config';

const dirs: string[] = [];
function configFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wf-proxy-'));
  dirs.push(dir);
  const path = join(dir, 'config.json');
  writeFileSync(path, content);
  return path;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('proxyFromConfig', () => {
  it('maps every "access": "proxy" datasource to /proxy/<uid>, stripping the prefix', () => {
    const table = proxyFromConfig(
      configFile(
        JSON.stringify({
          datasources: [
            { uid: 'loki', kind: 'loki', name: 'Loki', url: 'http://loki:3100', access: 'proxy' },
            { uid: 'prom', kind: 'prometheus', name: 'Prom', url: 'http://prom:9090' },
          ],
        }),
      ),
    );
    expect(Object.keys(table)).toHaveLength(1);
    const [key, entry] = Object.entries(table)[0]!;
    expect(entry.target).toBe('http://loki:3100');
    expect(entry.ws, 'websocket upgrades are forwarded, for the Loki tail').toBe(true);
    expect(entry.rewrite('/proxy/loki/loki/api/v1/labels')).toBe('/loki/api/v1/labels');
    expect(entry.rewrite('/proxy/loki')).toBe('/');
    // Vite reads a key starting with ^ as a RegExp (else as a plain prefix).
    expect(key.startsWith('^')).toBe(true);
    expect(new RegExp(key).test('/proxy/loki/loki/api/v1/labels')).toBe(true);
    expect(new RegExp(key).test('/proxy/loki')).toBe(true);
  });

  it('never routes one uid to another that it is a prefix of', () => {
    const table = proxyFromConfig(
      configFile(
        JSON.stringify({
          datasources: [
            { uid: 'prom', kind: 'prometheus', name: 'A', url: 'http://a:9090', access: 'proxy' },
            { uid: 'prom.eu', kind: 'prometheus', name: 'B', url: 'http://b:9090', access: 'proxy' },
          ],
        }),
      ),
    );
    const targetOf = (path: string) => Object.entries(table).find(([key]) => new RegExp(key).test(path))?.[1].target;
    expect(targetOf('/proxy/prom.eu/api/v1/query')).toBe('http://b:9090');
    expect(targetOf('/proxy/prom/api/v1/query')).toBe('http://a:9090');
    expect(targetOf('/proxy/promXeu/api/v1/query')).toBeUndefined();
  });

  it('yields no proxies for a missing or malformed file (the app reports the bad config itself)', () => {
    expect(proxyFromConfig('/nonexistent/config.json')).toEqual({});
    expect(proxyFromConfig(configFile('{"datasources": ['))).toEqual({});
    expect(proxyFromConfig(configFile('{"datasources": 3}'))).toEqual({});
  });
});
