import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveDist, staticPath, upstreamUrl } from './serve-dist';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

function listening(server: Server): string {
  cleanups.push(() => server.close());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('staticPath', () => {
  it('keeps paths inside the root and refuses the rest', () => {
    expect(staticPath('/srv/dist', '/assets/app.js')).toBe('/srv/dist/assets/app.js');
    expect(staticPath('/srv/dist', '/..%2fdist-old/secret.js')).toBeNull();
    expect(staticPath('/srv/dist', '/..%2f..%2fetc/passwd')).toBeNull();
    expect(staticPath('/srv/dist', '/%E0%A4%A')).toBeNull();
  });
});

describe('upstreamUrl', () => {
  it('appends the proxied path to the datasource URL, keeping its own path', () => {
    expect(upstreamUrl('http://mimir:8080/prometheus/', '/api/v1/query', '?query=up').href).toBe('http://mimir:8080/prometheus/api/v1/query?query=up');
    expect(upstreamUrl('http://prom:9090', '/api/v1/labels', '').href).toBe('http://prom:9090/api/v1/labels');
  });
});

describe('serveDist', () => {
  it('survives a malformed path and proxies under the upstream base path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-dist-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    const upstream = createServer((req, res) => res.end(`upstream saw ${req.url}`));
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const upstreamBase = listening(upstream);
    const base = listening(await serveDist({ dir, port: 0, proxies: { prom: `${upstreamBase}/prometheus` } }));

    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(200);
    expect(await (await fetch(`${base}/services`)).text()).toContain('<title>app</title>');
    // No config.json in dist/: a 404, never the index.html fallback, so the app runs its demo rather than a boot error.
    expect((await fetch(`${base}/config.json`)).status).toBe(404);
    expect(await (await fetch(`${base}/proxy/prom/api/v1/query?query=up`)).text()).toBe('upstream saw /prometheus/api/v1/query?query=up');
  });

  it('answers 503 with a reason, and keeps serving, when dist/ has no index.html', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-dist-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const base = listening(await serveDist({ dir, port: 0, proxies: {} }));
    const first = await fetch(`${base}/services`);
    expect(first.status).toBe(503);
    expect(await first.text()).toContain('no index.html');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>late</title>');
    expect(await (await fetch(`${base}/services`)).text()).toContain('<title>late</title>');
  });
});
