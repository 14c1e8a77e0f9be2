import { isDataSourceError } from '../../lib/errors';
import type { LogLine, TailHandlers, TailStatus, TailSubscription } from '../../model/logs';
import { compareNs } from '../../model/logsTime';

export interface PollTiming {
  intervalMs: number;
  /** First retry delay after a failed poll; doubles per failure up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_POLL_TIMING: PollTiming = { intervalMs: 2_000, baseBackoffMs: 500, maxBackoffMs: 30_000 };

/**
 * Live tail by polling, for servers without a streaming API (Elasticsearch, OpenSearch) and as Loki's fallback.
 * `fetchSince(lastLine, signal)` returns the lines after the last one delivered, oldest first; lines already
 * delivered (by key, at the last nanosecond) are left out. A query the server rejects ends the tail with its
 * error; anything else is `reconnecting` with capped exponential backoff, then `live` again.
 */
export function pollingTail(fetchSince: (last: LogLine | undefined, signal: AbortSignal) => Promise<LogLine[]>, handlers: TailHandlers, signal: AbortSignal, timing: PollTiming = DEFAULT_POLL_TIMING): TailSubscription {
  let closed = signal.aborted;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const abort = new AbortController();
  let last: LogLine | undefined;
  let keysAtLast = new Set<string>();
  let attempt = 0;
  const status = (s: TailStatus) => {
    if (!closed) handlers.onStatus(s);
  };
  const shutdown = () => {
    if (closed) return;
    closed = true;
    if (timer !== undefined) clearTimeout(timer);
    abort.abort();
    signal.removeEventListener('abort', shutdown);
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      timer = undefined;
      void poll();
    }, ms);
  };
  const poll = async () => {
    if (closed) return;
    try {
      const lines = await fetchSince(last, abort.signal);
      if (closed) return;
      attempt = 0;
      status({ state: 'live', transport: 'polling' });
      const fresh = lines.filter((l) => !keysAtLast.has(l.key) && (last === undefined || compareNs(l.timeNs, last.timeNs) >= 0));
      if (fresh.length > 0) {
        const newest = fresh[fresh.length - 1]!;
        if (last === undefined || newest.timeNs !== last.timeNs) keysAtLast = new Set();
        for (let i = fresh.length - 1; i >= 0 && fresh[i]!.timeNs === newest.timeNs; i--) keysAtLast.add(fresh[i]!.key);
        last = newest;
        handlers.onLines(fresh);
      }
      if (!closed) schedule(timing.intervalMs);
    } catch (error) {
      if (closed) return;
      if (isDataSourceError(error) && (error.kind === 'query' || error.kind === 'parse')) {
        handlers.onError(error);
        return shutdown();
      }
      attempt++;
      const retryInMs = Math.min(timing.maxBackoffMs, timing.baseBackoffMs * 2 ** (attempt - 1));
      status({ state: 'reconnecting', attempt, retryInMs, reason: error instanceof Error ? error.message : String(error) });
      schedule(retryInMs);
    }
  };
  if (!closed) {
    signal.addEventListener('abort', shutdown, { once: true });
    status({ state: 'connecting' });
    void poll();
  }
  return { close: shutdown };
}
