import { useCallback, useEffect, useRef, useState } from 'react';
import type { LogsCapability } from '../../../datasources/types';
import type { LogLine, TailStatus } from '../../../model/logs';
import { createTailBuffer } from './tailBuffer';

export const DEFAULT_TAIL_CAPACITY = 10_000;
/**
 * Lines are handed to React at most this often (4×/s), however fast they come: at 2,000 lines/s a render per
 * line (or per message) would be the whole frame budget. The rate and dropped counts update on the same beat
 * and once a second when nothing comes, so lines/s falls to 0 on a quiet stream.
 */
export const TAIL_FLUSH_MS = 250;
const IDLE_TICK_MS = 1000;

export interface LiveTail {
  /** Oldest first, at most `capacity`; frozen while paused. */
  lines: readonly LogLine[];
  status: TailStatus;
  paused: boolean;
  pause(): void;
  resume(): void;
  linesPerSecond: number;
  /** Server-reported drops plus lines evicted from the buffer. */
  dropped: number;
  /** Lines received since the view froze (paused), not in `lines`; 0 while live. */
  pending: number;
  error?: Error;
}

interface Flushed {
  lines: readonly LogLine[];
  linesPerSecond: number;
  dropped: number;
  pending: number;
}

/** What one subscription has said; it belongs to (logs, query, capacity) and is ignored for any other. */
interface SessionState {
  logs: LogsCapability;
  query: string;
  capacity: number;
  flushed: Flushed;
  status: TailStatus;
  error?: Error;
}

const EMPTY: readonly LogLine[] = [];
const CONNECTING: TailStatus = { state: 'connecting' };
const OFF: TailStatus = { state: 'closed' };
const NO_TAIL: TailStatus = { state: 'closed', reason: 'This datasource has no live tail' };

/**
 * A live tail of `query` through `logs.tail`, into a ring buffer of `capacity` lines. Subscribes while
 * `enabled`; a new query (or datasource, or capacity) closes the old subscription and starts afresh; unmount
 * closes it. Paused, lines keep arriving into the buffer (and the counts keep moving) but `lines` stays as it
 * was; resume shows the buffer at once.
 */
export function useLiveTail(logs: LogsCapability | undefined, query: string, opts: { enabled: boolean; capacity?: number }): LiveTail {
  const capacity = opts.capacity ?? DEFAULT_TAIL_CAPACITY;
  const { enabled } = opts;
  const [session, setSession] = useState<SessionState | undefined>(undefined);
  const [paused, setPaused] = useState(false);
  const pausedRef = useRef(false);
  const flushNowRef = useRef<(() => void) | undefined>(undefined);

  useEffect(() => {
    if (!enabled || logs?.tail === undefined) return;
    const startMs = Date.now();
    const buffer = createTailBuffer(capacity, startMs);
    const controller = new AbortController();
    let open = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shown: readonly LogLine[] = EMPTY;
    let receivedWhenShown = 0;
    let last: Flushed | undefined;

    const update = (change: (prev: SessionState) => Partial<SessionState>): void => {
      if (!open) return;
      setSession((prev) => {
        const base: SessionState =
          prev !== undefined && prev.logs === logs && prev.query === query && prev.capacity === capacity
            ? prev
            : { logs, query, capacity, status: CONNECTING, flushed: { lines: EMPTY, linesPerSecond: 0, dropped: 0, pending: 0 } };
        return { ...base, ...change(base) };
      });
    };
    const flush = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (!pausedRef.current) {
        shown = buffer.snapshot();
        receivedWhenShown = buffer.received;
      }
      const flushed: Flushed = { lines: shown, linesPerSecond: buffer.linesPerSecond(Date.now()), dropped: buffer.dropped, pending: buffer.received - receivedWhenShown };
      // A quiet stream's idle tick changes nothing: no render for it.
      if (
        last !== undefined &&
        last.lines === flushed.lines &&
        last.linesPerSecond === flushed.linesPerSecond &&
        last.dropped === flushed.dropped &&
        last.pending === flushed.pending
      ) {
        return;
      }
      last = flushed;
      update(() => ({ flushed }));
    };
    const schedule = (): void => {
      timer ??= setTimeout(flush, TAIL_FLUSH_MS);
    };
    flushNowRef.current = flush;
    const idle = setInterval(schedule, IDLE_TICK_MS);

    const subscription = logs.tail(
      query,
      {
        onLines(lines) {
          if (!open) return;
          buffer.receive(lines, Date.now());
          schedule();
        },
        onDropped(count) {
          if (!open) return;
          buffer.serverDropped(count);
          schedule();
        },
        onStatus(status) {
          update(() => ({ status }));
        },
        onError(error) {
          update(() => ({ error, status: { state: 'closed', reason: error.message } }));
        },
      },
      controller.signal,
    );

    return () => {
      open = false;
      flushNowRef.current = undefined;
      if (timer !== undefined) clearTimeout(timer);
      clearInterval(idle);
      controller.abort();
      subscription.close();
    };
  }, [logs, query, enabled, capacity]);

  const pause = useCallback(() => {
    pausedRef.current = true;
    setPaused(true);
  }, []);
  const resume = useCallback(() => {
    pausedRef.current = false;
    setPaused(false);
    flushNowRef.current?.();
  }, []);

  const mine = session !== undefined && session.logs === logs && session.query === query && session.capacity === capacity ? session : undefined;
  const status: TailStatus = !enabled ? OFF : logs?.tail === undefined ? NO_TAIL : (mine?.status ?? CONNECTING);
  return {
    lines: mine?.flushed.lines ?? EMPTY,
    status,
    paused,
    pause,
    resume,
    linesPerSecond: mine?.flushed.linesPerSecond ?? 0,
    dropped: mine?.flushed.dropped ?? 0,
    pending: mine?.flushed.pending ?? 0,
    error: mine?.error,
  };
}
