import logfmt from 'logfmt';
import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { logfmtLine, pinoLine, type LogFields } from './formats';

/** What a real pino logger writes for the same call: base `service`, string levels, a fixed time, trace context as child bindings. */
function realPino(level: 'info' | 'warn' | 'error' | 'debug', timeMs: number, service: string, bindings: Record<string, string>, fields: LogFields, msg: string): string {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pino(
    { level: 'debug', base: { service }, formatters: { level: (label) => ({ level: label }) }, timestamp: () => `,"time":${timeMs}` },
    sink,
  );
  const target = Object.keys(bindings).length > 0 ? logger.child(bindings) : logger;
  target[level](fields, msg);
  logger.flush();
  return (lines[0] ?? '').replace(/\n$/, '');
}

describe('pinoLine', () => {
  it('writes what pino writes for a request log with trace context and nested http fields', () => {
    const fields = { req: { method: 'POST', url: '/payments' }, res: { statusCode: 500 }, responseTime: 30005 };
    const ours = pinoLine({ level: 'error', timeMs: 1796126399785, service: 'payments', msg: 'request errored', traceId: 'dd37e5023de83d2300776067dba36c37', spanId: 'e33887af3e285eb5', fields });
    expect(ours).toBe(realPino('error', 1796126399785, 'payments', { trace_id: 'dd37e5023de83d2300776067dba36c37', span_id: 'e33887af3e285eb5' }, fields, 'request errored'));
  });

  it('writes what pino writes for a line outside a request, with quotes and HTML in the message', () => {
    const msg = 'handler crashed: cannot read "session" <b>&</b>';
    expect(pinoLine({ level: 'debug', timeMs: 1, service: 'api-gateway', msg, fields: { pool_active: 3 } })).toBe(realPino('debug', 1, 'api-gateway', {}, { pool_active: 3 }, msg));
  });
});

describe('logfmtLine', () => {
  it('writes what logfmt.stringify writes, and logfmt.parse reads it back', () => {
    const timeMs = Date.UTC(2026, 11, 1, 12, 0, 0, 123);
    const fields = { method: 'GET', path: '/inventory/stock', status: 200, duration_ms: 5, note: 'a "quoted" = value' };
    const ours = logfmtLine({ level: 'info', timeMs, service: 'inventory', msg: 'request completed', traceId: 'abc', spanId: 'def', fields });
    const expected = logfmt.stringify({ ts: new Date(timeMs).toISOString(), level: 'info', msg: 'request completed', ...fields, traceID: 'abc', spanID: 'def' });
    expect(ours).toBe(expected);
    expect(logfmt.parse(ours)).toMatchObject({ level: 'info', msg: 'request completed', note: 'a "quoted" = value', traceID: 'abc', spanID: 'def' });
  });
});
