import type { LogLine } from '../../model/logs';
import { stripAnsi } from './lineText';

/** One line per log line: RFC 3339 time (UTC, ms), level, then the line without escape codes. */
export function linesAsText(lines: readonly LogLine[]): string {
  let out = '';
  for (const l of lines) out += `${new Date(l.timeMs).toISOString()} ${l.level} ${stripAnsi(l.line).replace(/\r?\n/g, '\\n')}\n`;
  return out;
}

/** Everything in hand, lossless: the ns timestamp as a string, the stream's labels, metadata, trace ID. */
export function linesAsJson(lines: readonly LogLine[]): string {
  return JSON.stringify(
    lines.map((l) => ({
      time: new Date(l.timeMs).toISOString(),
      timeNs: l.timeNs,
      level: l.level,
      labels: l.stream.labels,
      line: l.line,
      ...(l.metadata ? { metadata: l.metadata } : {}),
      ...(l.traceId ? { traceId: l.traceId } : {}),
      ...(l.spanId ? { spanId: l.spanId } : {}),
    })),
    null,
    1,
  );
}

/** A file name that says what and when: `logs-2026-12-01T12-00-00Z.txt`. */
export function downloadName(ext: 'txt' | 'json', now: number): string {
  return `logs-${new Date(now).toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.${ext}`;
}

/** Hands the text to the browser as a file download. */
export function saveFile(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
