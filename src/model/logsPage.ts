import type { LogLine } from './logs';
import { detectLevel } from './logsLevel';
import { createLineKeyer, createStreamInterner, type LineKeyer, type StreamInterner } from './logsStream';
import { nsToMs } from './logsTime';
import { extractTraceId, type CompiledDerivedField } from './logsTraceId';
import type { Labels } from './series';

/**
 * Builds the lines of one page (or one tail subscription): one stream object per label set, stable keys,
 * level and trace ID found cheaply. Adapters of every kind build lines through it, so they agree.
 */
export interface LineBuilder {
  build(labels: Labels, timeNs: string, text: string, metadata?: Labels): LogLine;
  readonly streams: StreamInterner;
}

export function createLineBuilder(derived: readonly CompiledDerivedField[] = [], keyer: LineKeyer = createLineKeyer()): LineBuilder {
  const streams = createStreamInterner();
  return {
    streams,
    build(labels, timeNs, text, metadata) {
      const entry = streams.intern(labels);
      const line: LogLine = {
        key: keyer.key(entry, timeNs),
        timeNs,
        timeMs: nsToMs(timeNs),
        stream: entry.stream,
        line: text,
        level: detectLevel(text, entry.stream.labels, metadata),
      };
      if (metadata !== undefined && Object.keys(metadata).length > 0) line.metadata = metadata;
      const found = extractTraceId(text, metadata, derived, entry.stream.labels);
      if (found.traceId) line.traceId = found.traceId;
      if (found.spanId) line.spanId = found.spanId;
      return line;
    },
  };
}

/**
 * Appends a "load older" (or "load newer") page to the lines in hand: lines already held (by key, as the
 * boundary lines of the next page are) are left out, and lines of a stream already held are pointed at the
 * held stream object, so a stream stays one object across pages. Neither input is changed.
 */
export function mergeLogPages(held: readonly LogLine[], next: readonly LogLine[]): LogLine[] {
  const keys = new Set<string>();
  const streams = new Map<string, LogLine['stream']>();
  for (const line of held) {
    keys.add(line.key);
    if (!streams.has(line.stream.key)) streams.set(line.stream.key, line.stream);
  }
  const out = held.slice();
  for (const line of next) {
    if (keys.has(line.key)) continue;
    keys.add(line.key);
    const stream = streams.get(line.stream.key);
    if (stream === undefined) streams.set(line.stream.key, line.stream);
    out.push(stream === undefined || stream === line.stream ? line : { ...line, stream });
  }
  return out;
}
