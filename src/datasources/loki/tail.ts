import { isDataSourceError } from '../../lib/errors';
import type { LogLine, TailHandlers, TailStatus, TailSubscription } from '../../model/logs';
import { createLineBuilder } from '../../model/logsPage';
import { addNs, compareNs, msToNs } from '../../model/logsTime';
import { readOrThrow } from '../shared/errors';
import type { OpenSocket, SocketLike } from '../types';
import { read, SERVER, type LokiClient } from './client';
import { createLogQuery } from './logs';
import { readStreams, sortLines } from './streams';

export interface TailTiming {
  /** First reconnect delay; doubles per failed attempt up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** How often the polling fallback asks for new lines. */
  pollIntervalMs: number;
  now(): number;
}

export const DEFAULT_TAIL_TIMING: TailTiming = { baseBackoffMs: 500, maxBackoffMs: 30_000, pollIntervalMs: 2_000, now: () => Date.now() };

/** A socket open this long before it dropped counts as a success: the next reconnect starts from the shortest delay. */
const STABLE_MS = 10_000;

/** The capped exponential backoff: 0.5 s, 1 s, 2 s, … 30 s. */
export function backoffMs(attempt: number, timing: Pick<TailTiming, 'baseBackoffMs' | 'maxBackoffMs'>): number {
  return Math.min(timing.maxBackoffMs, timing.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
}

/** `ws://`/`wss://` for the datasource's `http://`/`https://` base (a relative proxy base resolves against the page). */
export function tailUrl(baseUrl: string, query: string, startNs: string, limit: number): string {
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`, globalThis.location?.href ?? 'http://localhost/');
  const url = new URL('loki/api/v1/tail', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = new URLSearchParams({ query, start: startNs, limit: String(limit), delay_for: '0' }).toString();
  return url.toString();
}

function browserSocket(): OpenSocket | undefined {
  const Ctor = (globalThis as { WebSocket?: new (url: string) => SocketLike }).WebSocket;
  return Ctor === undefined ? undefined : (url) => new Ctor(url);
}

/** One websocket frame: `{"streams": […], "dropped_entries": [{labels, timestamp}]}` (reference §2.6). */
export function readTailFrame(data: unknown, builder: ReturnType<typeof createLineBuilder>): { lines: LogLine[]; dropped: number } {
  return readOrThrow(() => {
    const text = typeof data === 'string' ? data : String(data);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw read.shapeError('the tail frame', 'JSON', text);
    }
    const frame = read.asRecord(body, 'the tail frame');
    const lines = frame.streams === undefined || frame.streams === null ? [] : sortLines(readStreams(frame.streams, 'streams', builder), 'forward');
    const dropped = frame.dropped_entries === undefined || frame.dropped_entries === null ? 0 : read.asArray(frame.dropped_entries, 'dropped_entries').length;
    return { lines, dropped };
  }, SERVER);
}

/**
 * Live tail over `/loki/api/v1/tail`. A socket that drops (or a server that closes it, code 1011 with its
 * reason) reconnects with capped exponential backoff, reported as `reconnecting`; the reconnect asks from just
 * after the last line received, so the gap is filled without repeats. When no websocket can be had (no
 * `WebSocket`, a proxy that does not upgrade), it polls `query_range` forward instead. A socket that fails
 * before it ever opened is checked with one HTTP query: a query Loki rejects ends the tail with Loki's text
 * (the browser hides the 400 behind the failed upgrade); a server that answers HTTP but not the socket means
 * polling; an unreachable one means reconnecting.
 */
export function tailLoki(client: LokiClient, query: string, handlers: TailHandlers, signal: AbortSignal, openSocket: OpenSocket | undefined, timing: TailTiming = DEFAULT_TAIL_TIMING): TailSubscription {
  const open = openSocket ?? browserSocket();
  const builder = createLineBuilder(client.options.compiledDerivedFields);
  const queryLogs = createLogQuery(client);
  let closed = false;
  let socket: SocketLike | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let lastNs = msToNs(timing.now());
  let everOpened = false;
  let openedAt = 0;
  let polling = false;
  const pollAbort = new AbortController();

  const status = (s: TailStatus) => {
    if (!closed) handlers.onStatus(s);
  };
  // `lastNs` is where a reconnect or the next poll starts: just past the newest line delivered. Socket frames are
  // delivered whole: Loki sends each line once, and a line of one stream may be older than one already shown
  // from another, so a time filter would drop real lines. Polled pages overlap at their first ms and are filtered.
  const deliver = (lines: LogLine[], overlapping: boolean) => {
    const fresh = overlapping ? lines.filter((l) => compareNs(l.timeNs, lastNs) >= 0) : lines;
    if (fresh.length === 0 || closed) return;
    for (const line of fresh) if (compareNs(line.timeNs, lastNs) >= 0) lastNs = addNs(line.timeNs, 1);
    handlers.onLines(fresh);
  };
  const fail = (error: Error) => {
    if (closed) return;
    handlers.onError(error);
    shutdown();
  };
  const shutdown = () => {
    if (closed) return;
    closed = true;
    if (timer !== undefined) clearTimeout(timer);
    pollAbort.abort();
    detach();
    signal.removeEventListener('abort', shutdown);
  };
  const detach = () => {
    const s = socket;
    socket = undefined;
    if (!s) return;
    s.onopen = s.onmessage = s.onerror = s.onclose = null;
    if (s.readyState === 0 || s.readyState === 1) s.close(1000, 'tail closed');
  };
  const later = (fn: () => void, ms: number) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) fn();
    }, ms);
  };
  const reconnect = (reason: string, again: () => void) => {
    attempt++;
    const retryInMs = backoffMs(attempt, timing);
    status({ state: 'reconnecting', attempt, retryInMs, reason });
    later(again, retryInMs);
  };

  const connect = () => {
    if (closed) return;
    if (!open) return startPolling();
    status({ state: 'connecting' });
    let s: SocketLike;
    try {
      s = open(tailUrl(client.baseUrl, query, lastNs, client.options.maxLines));
    } catch {
      return startPolling();
    }
    socket = s;
    s.onopen = () => {
      everOpened = true;
      openedAt = timing.now();
      status({ state: 'live', transport: 'websocket' });
    };
    s.onmessage = (event: MessageEvent) => {
      try {
        const frame = readTailFrame(event.data, builder);
        deliver(frame.lines, false);
        if (frame.dropped > 0 && !closed) handlers.onDropped?.(frame.dropped);
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
      }
    };
    s.onerror = () => undefined; // the close that follows says what happened
    s.onclose = (event: CloseEvent) => {
      socket = undefined;
      if (closed) return;
      if (!everOpened) return void probe();
      // A socket that stayed up a while was a success; one the server closes at once is another failed attempt.
      if (timing.now() - openedAt >= STABLE_MS) attempt = 0;
      const reason = event.reason ? `${SERVER} closed the tail: ${event.reason}` : `the tail connection dropped (code ${event.code})`;
      reconnect(reason, connect);
    };
  };

  /** The socket never opened: is it the query, the socket, or the server? One small HTTP query says. */
  const probe = async () => {
    const now = timing.now();
    try {
      await queryLogs(query, { range: { from: now - 60_000, to: now }, limit: 1, direction: 'forward', signal: pollAbort.signal });
    } catch (error) {
      if (closed) return;
      if (isDataSourceError(error) && error.kind === 'query') return fail(error);
      return reconnect(error instanceof Error ? error.message : String(error), connect);
    }
    if (!closed) startPolling();
  };

  const startPolling = () => {
    if (closed) return;
    polling = true;
    void poll();
  };
  const poll = async () => {
    if (closed || !polling) return;
    const now = timing.now();
    const from = Number(lastNs.length > 6 ? lastNs.slice(0, -6) : '0');
    try {
      const page = await queryLogs(query, { range: { from: Math.min(from, now), to: now }, limit: client.options.maxLines, direction: 'forward', signal: pollAbort.signal });
      if (closed) return;
      attempt = 0;
      status({ state: 'live', transport: 'polling' });
      deliver(page.lines, true);
      later(() => void poll(), timing.pollIntervalMs);
    } catch (error) {
      if (closed) return;
      if (isDataSourceError(error) && (error.kind === 'query' || error.kind === 'parse')) return fail(error);
      reconnect(error instanceof Error ? error.message : String(error), () => void poll());
    }
  };

  if (signal.aborted) {
    closed = true;
    return { close: () => undefined };
  }
  signal.addEventListener('abort', shutdown, { once: true });
  connect();
  return { close: shutdown };
}
