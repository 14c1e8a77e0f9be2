import type { LogLevel, LogLine, LogStream } from '../../../model/logs';
import type { Labels } from '../../../model/series';

/** A stream for tests, keyed the way the model keys streams (sorted name="value" pairs). */
export function testStream(labels: Labels): LogStream {
  const key = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(',');
  return { key: `{${key}}`, labels };
}

/** A line of `stream` at `timeMs` (+ `ns` nanoseconds), its key unique by stream, time and `n`. */
export function testLine(stream: LogStream, timeMs: number, line: string, extra: Partial<LogLine> & { level?: LogLevel; n?: number; ns?: number } = {}): LogLine {
  const { n = 0, ns = 0, ...rest } = extra;
  const timeNs = `${BigInt(timeMs) * 1_000_000n + BigInt(ns)}`;
  return { key: `${stream.key}@${timeNs}#${n}`, timeNs, timeMs, stream, line, level: 'info', ...rest };
}

/** `count` synthetic lines across a few streams, newest first, one per 10 ms back from `endMs`. */
export function syntheticLines(count: number, endMs: number): LogLine[] {
  const services = ['api-gateway', 'payments', 'orders', 'auth'];
  const streams = services.map((service) => testStream({ service_name: service, level: 'info' }));
  const levels: LogLevel[] = ['info', 'info', 'info', 'warn', 'error', 'debug'];
  const out = new Array<LogLine>(count);
  for (let i = 0; i < count; i++) {
    const stream = streams[i % streams.length]!;
    const level = levels[i % levels.length]!;
    const traceId = (i * 2654435761 >>> 0).toString(16).padStart(8, '0').repeat(4);
    out[i] = testLine(
      stream,
      endMs - i * 10,
      JSON.stringify({ level, msg: i % 97 === 0 ? 'payment provider timeout after 30000ms' : `request handled route=/api/${i % 13} status=${i % 50 === 0 ? 500 : 200}`, duration_ms: i % 1000, trace_id: traceId }),
      { level, n: i, traceId },
    );
  }
  return out;
}
