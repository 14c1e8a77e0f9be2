import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, preview, type InlineConfig } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { configJson404 } from './config-json-404';

// The quick start (`npm install && npm start`) must run the demo: the app needs a 404 for a missing config.json,
// while Vite's SPA fallback answers every unknown path with index.html and a 200.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function appDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wf-vite-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
  mkdirSync(join(dir, 'public'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>built app</title>');
  return dir;
}

const base = (root: string, withPlugin: boolean): InlineConfig => ({
  root,
  configFile: false,
  logLevel: 'silent',
  plugins: withPlugin ? [configJson404()] : [],
  server: { host: '127.0.0.1', port: 0, strictPort: false, watch: null },
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
});

async function devServer(config: InlineConfig): Promise<string> {
  const server = await createServer(config);
  cleanups.push(() => server.close());
  await server.listen();
  return `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
}

async function previewServer(config: InlineConfig): Promise<string> {
  const server = await preview(config);
  cleanups.push(() => server.close());
  return `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
}

const get = async (url: string) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
};

describe('configJson404', () => {
  it("is needed: without it the dev server answers a missing config.json with index.html", async () => {
    const url = await devServer(base(appDir(), false));
    const answer = await get(`${url}/config.json`);
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('text/html');
  });

  it('makes the dev server answer 404 for a missing config.json, and serve one that exists', async () => {
    const url = await devServer(base(appDir(), true));
    expect((await get(`${url}/config.json`)).status).toBe(404);
    expect((await get(`${url}/config.json?x=1`)).status).toBe(404);
    expect((await get(`${url}/services`)).text).toContain('<title>app</title>');

    // Vite indexes public/ when it starts (its watcher keeps the index current, and is off here).
    const root = appDir();
    writeFileSync(join(root, 'public', 'config.json'), '{"datasources":[]}');
    const present = await get(`${await devServer(base(root, true))}/config.json`);
    expect(present.status).toBe(200);
    expect(present.text).toBe('{"datasources":[]}');
  });

  it('makes the preview server answer 404 for a missing dist/config.json, and serve it once it exists', async () => {
    const root = appDir();
    const url = await previewServer(base(root, true));
    expect((await get(`${url}/config.json`)).status).toBe(404);
    expect((await get(`${url}/services`)).text).toContain('<title>built app</title>');

    writeFileSync(join(root, 'dist', 'config.json'), '{"datasources":[]}');
    expect((await get(`${url}/config.json`)).status).toBe(200);
  });

  it("is in the project's vite.config.ts", async () => {
    const { default: projectConfig } = await import('../vite.config');
    const names = (projectConfig.plugins ?? []).flat().map((p) => (p && typeof p === 'object' && 'name' in p ? p.name : undefined));
    expect(names).toContain('watchfloor:config-json-404');
  });
});
