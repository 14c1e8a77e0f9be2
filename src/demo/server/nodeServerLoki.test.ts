import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startDemoServer, type DemoServer } from './nodeServer';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({ port: 0, nowMs: NOW, logs: { burstLines: 1000 } });
});
afterAll(async () => {
  await server.close();
});

const wsUrl = (path: string): string => `${server.url.replace(/^http/, 'ws')}${path}`;

describe('demo server: Loki', () => {
  it("serves Loki's HTTP API at a real Loki's paths and at the in-app demo's", async () => {
    for (const base of ['', '/loki']) {
      const res = await fetch(`${server.url}${base}/loki/api/v1/label/service_name/values`);
      expect(((await res.json()) as { data: string[] }).data).toContain('batch');
    }
  });

  it('tails over a real websocket: Loki frames with structured metadata when the header asks, pings every second', async () => {
    const query = encodeURIComponent('{service_name="payments", level="error"} |= "timeout"');
    const socket = new WebSocket(wsUrl(`/loki/api/v1/tail?query=${query}&limit=120`), { headers: { 'X-Loki-Response-Encoding-Flags': 'categorize-labels' } });
    const frames: Array<{ streams: Array<{ stream: Record<string, string>; values: Array<[string, string, { structuredMetadata?: Record<string, string> }]> }>; encodingFlags?: string[] }> = [];
    let pinged = false;
    socket.on('ping', () => {
      pinged = true;
    });
    await new Promise<void>((resolve, reject) => {
      socket.on('message', (data: Buffer) => {
        frames.push(JSON.parse(data.toString()) as (typeof frames)[number]);
        if (frames.length === 2 && pinged) resolve();
      });
      socket.on('ping', () => {
        if (frames.length >= 2) resolve();
      });
      socket.on('error', reject);
    });
    socket.close();
    expect(frames.map((f) => f.streams.length)).toEqual([100, 20]);
    const [, line, meta] = frames[0]?.streams[0]?.values[0] ?? [];
    expect(line).toContain('payment provider timeout after 30000ms');
    expect(meta?.structuredMetadata?.['trace_id']).toMatch(/^[0-9a-f]{32}$/);
    expect(frames[0]?.encodingFlags).toEqual(['categorize-labels']);
    expect(frames[0]?.streams[0]?.stream).toEqual({ level: 'error', namespace: 'watchfloor-demo', service_name: 'payments' });
  }, 30_000);

  it("answers a bad tail query before the upgrade with Loki's 400 text", async () => {
    const socket = new WebSocket(wsUrl(`/loki/api/v1/tail?query=${encodeURIComponent('{a=')}`));
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      socket.on('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      socket.on('open', () => reject(new Error('upgraded')));
    });
    expect(status).toBe(400);
    expect(body).toMatch(/^parse error at line 1, col \d+: syntax error/);
  });
});
