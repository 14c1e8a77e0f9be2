import logfmt from 'logfmt';
import pino from 'pino';
import type { LogLevel, LogLine, LogStream } from '../logs';

// Lines written by real loggers (pino for JSON, the logfmt encoder), wrapped as LogLines, for tests.

export function stream(labels: Record<string, string>): LogStream {
  const key = Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k]}"`)
    .join(',');
  return { key: `{${key}}`, labels };
}

export function logLine(s: LogStream, timeMs: number, line: string, level: LogLevel = 'info', seq = 0): LogLine {
  const timeNs = `${timeMs}000${String(seq).padStart(3, '0')}`;
  return { key: `${s.key}|${timeNs}|${seq}`, timeNs, timeMs, stream: s, line, level };
}

type PinoLevel = 'info' | 'warn' | 'error' | 'debug';

/** A pino logger that writes to an array; `at(ms)` sets the time of the next lines. */
export function pinoWriter(service: string): { lines: string[]; at(ms: number): void; log: pino.Logger } {
  const lines: string[] = [];
  let now = 0;
  const log = pino(
    { base: { service, hostname: 'payments-7d9f8c-x2k4q', pid: 4242 }, timestamp: () => `,"time":${now}`, level: 'debug' },
    { write: (s: string) => void lines.push(s.replace(/\n$/, '')) },
  );
  return { lines, at: (ms) => void (now = ms), log };
}

/** One pino line at `timeMs`. */
export function pinoLine(s: LogStream, timeMs: number, level: PinoLevel, msg: string, fields: Record<string, unknown> = {}, seq = 0): LogLine {
  const w = pinoWriter(s.labels.service ?? 'svc');
  w.at(timeMs);
  w.log[level](fields, msg);
  return logLine(s, timeMs, w.lines[0]!, level, seq);
}

/** One logfmt line at `timeMs`, as a legacy service writes it. */
export function logfmtLine(s: LogStream, timeMs: number, level: PinoLevel, msg: string, fields: Record<string, string | number> = {}, seq = 0): LogLine {
  const line = logfmt.stringify({ ts: new Date(timeMs).toISOString(), level, msg, ...fields });
  return logLine(s, timeMs, line, level, seq);
}
