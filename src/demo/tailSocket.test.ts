import { describe, expect, it, vi } from 'vitest';
import type { SocketLike } from '../model/datasourceConfig';
import { createDemoBackend } from './index';

/** The events a socket fires, in order, until it closes or `ms` pass. */
function record(socket: SocketLike, ms: number, events: string[] = []): Promise<string[]> {
  return new Promise((resolve) => {
    const done = setTimeout(() => resolve(events), ms);
    socket.onopen = () => events.push(`open ${socket.readyState}`);
    socket.onmessage = (e) => {
      const frame = JSON.parse(String(e.data)) as { streams: Array<{ stream: Record<string, string>; values: string[][] }> };
      events.push(`frame ${frame.streams.length} ${frame.streams.every((s) => s.stream['service_name'] === 'payments' && /^\d{19}$/.test(s.values[0]?.[0] ?? ''))}`);
    };
    socket.onerror = () => events.push('error');
    socket.onclose = (e) => {
      events.push(`close ${e.code} ${e.reason} ${e.wasClean} ${socket.readyState}`);
      clearTimeout(done);
      resolve(events);
    };
  });
}

describe('the in-app tail socket (in-process demo)', () => {
  const demo = createDemoBackend({ nowMs: Date.now() });
  const url = (query: string, extra = ''): string => `ws://demo.watchfloor.invalid/loki/loki/api/v1/tail?query=${encodeURIComponent(query)}${extra}`;

  it('opens, sends the history as Loki tail frames, then closes cleanly when the client closes', async () => {
    const socket = demo.openSocket(url('{service_name="payments"}', '&limit=150'));
    expect(socket.readyState).toBe(0);
    const seen: string[] = [];
    const ended = record(socket, 20_000, seen);
    await vi.waitFor(() => expect(seen.filter((e) => e.startsWith('frame')).length).toBeGreaterThanOrEqual(2), { timeout: 20_000 });
    socket.close(1000, 'bye');
    expect(socket.readyState).toBe(2);
    await ended;
    expect(seen[0]).toBe('open 1');
    // 150 history entries: frames of 100 and 50.
    expect(seen.slice(1, 3)).toEqual(['frame 100 true', 'frame 50 true']);
    expect(seen[seen.length - 1]).toBe('close 1000 bye true 3');
  }, 30_000);

  it('refuses a bad query the way a browser sees a refused handshake: error, then close 1006', async () => {
    const seen = await record(demo.openSocket(url('{service_name="payments"')), 20_000);
    expect(seen).toEqual(['error', 'close 1006  false 3']);
  }, 30_000);
});
