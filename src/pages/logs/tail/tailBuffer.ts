import { createRingBuffer } from '../../../lib/ringBuffer';
import type { LogLine } from '../../../model/logs';

/** The window lines/s is measured over. */
export const RATE_WINDOW_MS = 5000;

/**
 * What a live tail holds between flushes: the lines in a ring buffer (bounded memory), the dropped count
 * (what the server said it dropped plus what the ring evicted), and the arrivals of the last RATE_WINDOW_MS
 * for lines/s. Plain data and functions, no React: the hook flushes it into state a few times a second.
 */
export interface TailBuffer {
  receive(lines: readonly LogLine[], nowMs: number): void;
  serverDropped(count: number): void;
  readonly held: number;
  readonly dropped: number;
  /** Every line received so far, held or not. */
  readonly received: number;
  /** Lines per second over the last RATE_WINDOW_MS (or since the start, when that is shorter). */
  linesPerSecond(nowMs: number): number;
  /** The held lines, oldest first: a new array (a snapshot later pushes cannot change). */
  snapshot(): LogLine[];
}

export function createTailBuffer(capacity: number, startMs: number): TailBuffer {
  const ring = createRingBuffer<LogLine>(capacity);
  let dropped = 0;
  let received = 0;
  /** Arrivals as [time, count], oldest first; one entry per message, so a few dozen at most. */
  const arrivals: Array<[number, number]> = [];
  let inWindow = 0;

  const expire = (nowMs: number): void => {
    while (arrivals.length > 0 && arrivals[0]![0] <= nowMs - RATE_WINDOW_MS) inWindow -= arrivals.shift()![1];
  };

  return {
    receive(lines, nowMs) {
      if (lines.length === 0) return;
      dropped += ring.pushAll(lines);
      received += lines.length;
      arrivals.push([nowMs, lines.length]);
      inWindow += lines.length;
      expire(nowMs);
    },
    serverDropped(count) {
      if (Number.isFinite(count) && count > 0) dropped += count;
    },
    get held() {
      return ring.size;
    },
    get dropped() {
      return dropped;
    },
    get received() {
      return received;
    },
    linesPerSecond(nowMs) {
      expire(nowMs);
      const spanMs = Math.min(RATE_WINDOW_MS, Math.max(1000, nowMs - startMs));
      return (inWindow * 1000) / spanMs;
    },
    snapshot: () => ring.toArray(),
  };
}
