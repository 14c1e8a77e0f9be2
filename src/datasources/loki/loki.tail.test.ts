import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LogLine, TailStatus } from '../../model/logs';
import type { SocketLike } from '../types';
import { createLokiClient } from './client';
import { parseLokiOptions } from './options';
import { backoffMs, tailLoki, tailUrl, type TailTiming } from './tail';

// The tail websocket of reference §2.6 with a scripted socket; the HTTP side (probe, polling) through msw.

const BASE = 'http://loki.tail:3100';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = 1_700_000_000_000;
const timing: TailTiming = { baseBackoffMs: 5, maxBackoffMs: 20, pollIntervalMs: 10, now: () => NOW };
const client = () => createLokiClient({ uid: 'loki', kind: 'loki', name: 'Loki', url: BASE }, (i, init) => globalThis.fetch(i, init), parseLokiOptions({ maxLines: 50 }));

class ScriptedSocket implements SocketLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  closedByClient = false;
  constructor(readonly url: string) {}
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  frame(body: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(body) }));
  }
  drop(code = 1006, reason = '') {
    this.readyState = 3;
    this.onerror?.(new Event('error'));
    this.onclose?.({ code, reason, wasClean: false } as CloseEvent);
  }
  close() {
    this.closedByClient = true;
    this.readyState = 3;
  }
}

function harness() {
  const sockets: ScriptedSocket[] = [];
  const openSocket = (url: string) => {
    const s = new ScriptedSocket(url);
    sockets.push(s);
    return s;
  };
  const lines: LogLine[] = [];
  const statuses: TailStatus[] = [];
  const errors: Error[] = [];
  let dropped = 0;
  const handlers = { onLines: (l: LogLine[]) => void lines.push(...l), onStatus: (s: TailStatus) => void statuses.push(s), onError: (e: Error) => void errors.push(e), onDropped: (n: number) => void (dropped += n) };
  return { sockets, openSocket, lines, statuses, errors, handlers, dropped: () => dropped };
}

const frame = (values: Array<[string, string]>, extra: Record<string, unknown> = {}) => ({ streams: [{ stream: { job: 'app' }, values }], ...extra });

describe('loki tail over the websocket', () => {
  it('builds ws/wss URLs from http/https bases, with the query, start ns and limit', () => {
    const url = new URL(tailUrl('https://logs.example/loki-base', '{job="a"}', '1700000000000000000', 50));
    expect(url.protocol).toBe('wss:');
    expect(url.pathname).toBe('/loki-base/loki/api/v1/tail');
    expect(Object.fromEntries(url.searchParams)).toEqual({ query: '{job="a"}', start: '1700000000000000000', limit: '50', delay_for: '0' });
    expect(tailUrl('http://loki:3100', 'q', '1', 1)).toMatch(/^ws:\/\/loki:3100\/loki\/api\/v1\/tail\?/);
  });

  it('delivers frames oldest first, counts dropped_entries, and reports live', () => {
    const h = harness();
    const sub = tailLoki(client(), '{job="app"}', h.handlers, new AbortController().signal, h.openSocket, timing);
    expect(h.statuses).toEqual([{ state: 'connecting' }]);
    h.sockets[0]!.open();
    h.sockets[0]!.frame({
      streams: [
        { stream: { job: 'app' }, values: [['1700000000000000003', 'c']] },
        { stream: { job: 'web' }, values: [['1700000000000000001', 'a']] },
      ],
      dropped_entries: [{ labels: { job: 'app' }, timestamp: '1700000000000000002' }],
    });
    expect(h.lines.map((l) => l.line)).toEqual(['a', 'c']);
    expect(h.dropped()).toBe(1);
    expect(h.statuses.at(-1)).toEqual({ state: 'live', transport: 'websocket' });
    sub.close();
    expect(h.sockets[0]!.closedByClient).toBe(true);
  });

  it('reconnects with capped exponential backoff after a drop, from just after the last line, and says so', async () => {
    const h = harness();
    tailLoki(client(), '{job="app"}', h.handlers, new AbortController().signal, h.openSocket, timing);
    h.sockets[0]!.open();
    h.sockets[0]!.frame(frame([['1700000000000000007', 'x']]));
    h.sockets[0]!.drop(1011, 'querier unavailable');
    expect(h.statuses.at(-1)).toEqual({ state: 'reconnecting', attempt: 1, retryInMs: 5, reason: 'Loki closed the tail: querier unavailable' });
    await vi.waitFor(() => expect(h.sockets).toHaveLength(2));
    expect(new URL(h.sockets[1]!.url).searchParams.get('start')).toBe('1700000000000000008');
    h.sockets[1]!.open();
    h.sockets[1]!.drop();
    await vi.waitFor(() => expect(h.sockets).toHaveLength(3));
    h.sockets[2]!.open();
    h.sockets[2]!.drop();
    const waits = h.statuses.flatMap((s) => (s.state === 'reconnecting' ? [s.retryInMs] : []));
    expect(waits).toEqual([5, 10, 20]);
    expect(backoffMs(10, timing)).toBe(20);
    expect(h.errors).toEqual([]);
  });

  it('delivers a line older than one already shown (another stream, late), and reconnects from past the newest', async () => {
    const h = harness();
    tailLoki(client(), '{job="app"}', h.handlers, new AbortController().signal, h.openSocket, timing);
    h.sockets[0]!.open();
    h.sockets[0]!.frame(frame([['1700000000000000005', 'a']]));
    h.sockets[0]!.frame({ streams: [{ stream: { job: 'web' }, values: [['1700000000000000003', 'late']] }] });
    expect(h.lines.map((l) => l.line)).toEqual(['a', 'late']);
    h.sockets[0]!.drop();
    await vi.waitFor(() => expect(h.sockets).toHaveLength(2));
    expect(new URL(h.sockets[1]!.url).searchParams.get('start')).toBe('1700000000000000006');
  });

  it('delivers lines stamped before the browser\'s clock (a server clock behind, ingestion delay)', () => {
    const h = harness();
    tailLoki(client(), '{job="app"}', h.handlers, new AbortController().signal, h.openSocket, timing);
    h.sockets[0]!.open();
    h.sockets[0]!.frame(frame([['1699999990000000000', 'ten seconds behind']]));
    expect(h.lines.map((l) => l.line)).toEqual(['ten seconds behind']);
  });

  it('a socket that never opens, for a query Loki rejects, ends with Loki\'s text', async () => {
    server.use(http.get(`${BASE}/loki/api/v1/query_range`, () => new HttpResponse('parse error at line 1, col 2: syntax error\n', { status: 400, headers: { 'Content-Type': 'text/plain' } })));
    const h = harness();
    tailLoki(client(), '{job=', h.handlers, new AbortController().signal, h.openSocket, timing);
    h.sockets[0]!.drop();
    await vi.waitFor(() => expect(h.errors).toHaveLength(1));
    expect(h.errors[0]!.message).toBe('parse error at line 1, col 2: syntax error');
    expect(h.sockets).toHaveLength(1);
  });

  it('a socket that never opens on a server that answers HTTP falls back to polling query_range forward', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE}/loki/api/v1/query_range`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        asked.push(params);
        const values = asked.length >= 3 ? [['1700000000000000005', 'polled']] : [];
        return HttpResponse.json({ status: 'success', data: { resultType: 'streams', result: values.length ? [{ stream: { job: 'app' }, values }] : [], stats: {} } });
      }),
    );
    const h = harness();
    const sub = tailLoki(client(), '{job="app"}', h.handlers, new AbortController().signal, h.openSocket, timing);
    h.sockets[0]!.drop();
    await vi.waitFor(() => expect(h.lines.map((l) => l.line)).toEqual(['polled']));
    expect(h.statuses).toContainEqual({ state: 'live', transport: 'polling' });
    expect(asked.slice(1).every((p) => p.get('direction') === 'forward')).toBe(true);
    sub.close();
    const count = asked.length;
    await new Promise((r) => setTimeout(r, 40));
    expect(asked.length, 'no polling after close').toBe(count);
  });

  it('polls when there is no websocket at all', async () => {
    server.use(http.get(`${BASE}/loki/api/v1/query_range`, () => HttpResponse.json({ status: 'success', data: { resultType: 'streams', result: [], stats: {} } })));
    const h = harness();
    const original = globalThis.WebSocket;
    vi.stubGlobal('WebSocket', undefined);
    try {
      const controller = new AbortController();
      tailLoki(client(), '{job="app"}', h.handlers, controller.signal, undefined, timing);
      await vi.waitFor(() => expect(h.statuses).toContainEqual({ state: 'live', transport: 'polling' }));
      controller.abort();
    } finally {
      vi.stubGlobal('WebSocket', original);
    }
  });

  it('after abort or close no handler is called again, and close is idempotent', () => {
    const h = harness();
    const controller = new AbortController();
    const sub = tailLoki(client(), '{job="app"}', h.handlers, controller.signal, h.openSocket, timing);
    h.sockets[0]!.open();
    controller.abort();
    const before = h.statuses.length;
    h.sockets[0]!.frame(frame([['1700000000000000009', 'late']]));
    h.sockets[0]!.drop();
    sub.close();
    sub.close();
    expect(h.lines).toEqual([]);
    expect(h.statuses).toHaveLength(before);
    expect(tailLoki(client(), 'q', h.handlers, AbortSignal.abort(), h.openSocket, timing)).toBeDefined();
    expect(h.sockets).toHaveLength(1);
  });

  it('a frame that is not Loki\'s shape ends the tail with a parse error naming the field', () => {
    const h = harness();
    tailLoki(client(), '{job="app"}', h.handlers, new AbortController().signal, h.openSocket, timing);
    h.sockets[0]!.open();
    h.sockets[0]!.frame({ streams: [{ stream: { job: 'app' }, values: [[1700000000000000000, 'x']] }] });
    expect(h.errors[0]!.message).toMatch(/Loki: streams\[0\]\.values\[0\]\[0\] should be a string/);
    expect(h.sockets[0]!.closedByClient).toBe(true);
  });
});
