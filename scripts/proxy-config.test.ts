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
    expect(Object.keys(table)).toEqual(['/proxy/loki']);
    expect(table['/proxy/loki']?.target).toBe('http://loki:3100');
    expect(table['/proxy/loki']?.rewrite('/proxy/loki/loki/api/v1/labels')).toBe('/loki/api/v1/labels');
    expect(table['/proxy/loki']?.rewrite('/proxy/loki')).toBe('/');
  });

  it('yields no proxies for a missing or malformed file (the app reports the bad config itself)', () => {
    expect(proxyFromConfig('/nonexistent/config.json')).toEqual({});
    expect(proxyFromConfig(configFile('{"datasources": ['))).toEqual({});
    expect(proxyFromConfig(configFile('{"datasources": 3}'))).toEqual({});
  });
});
