import { streamOf, type DemoLevel, type DemoLogEntry } from '../logs/entry';
import type { DemoLogSource } from '../logs/logSource';

/** A log source over entries in hand, for exact evaluator tests. */
export function fixedSource(entries: readonly DemoLogEntry[]): DemoLogSource {
  const sorted = [...entries].sort((a, b) => a.timeUs - b.timeUs);
  return {
    seed: 0,
    entries: function* (startUs, endUs, direction) {
      const inRange = sorted.filter((e) => e.timeUs >= startUs && e.timeUs < endUs);
      yield* direction === 'forward' ? inRange : inRange.reverse();
    },
    streams: () => [...new Set(sorted.map((e) => e.stream))],
  };
}

export function entry(timeMs: number, service: string, level: DemoLevel, line: string, traceId?: string, spanId?: string): DemoLogEntry {
  return { timeUs: timeMs * 1000, stream: streamOf(service, level), line, ...(traceId === undefined ? {} : { traceId }), ...(spanId === undefined ? {} : { spanId }) };
}
