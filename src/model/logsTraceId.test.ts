import logfmt from 'logfmt';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { compileDerivedFields, extractTraceId, strictTraceId } from './logsTraceId';

const ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

function pinoLine(fields: Record<string, unknown>): string {
  let out = '';
  pino({}, { write: (s: string) => void (out = s.trimEnd()) }).info(fields, 'checkout');
  return out;
}

describe('extractTraceId', () => {
  it('finds trace_id, traceId and traceID fields in pino JSON lines, with the span ID', () => {
    for (const key of ['trace_id', 'traceId', 'traceID']) {
      const found = extractTraceId(pinoLine({ [key]: ID.toUpperCase(), span_id: SPAN }), undefined);
      expect(found, key).toEqual({ traceId: ID, spanId: SPAN, source: 'field' });
    }
  });

  it('finds them in logfmt lines written by the logfmt encoder', () => {
    const line = logfmt.stringify({ level: 'info', msg: 'charged card', traceID: ID, spanID: SPAN });
    expect(extractTraceId(line, undefined)).toEqual({ traceId: ID, spanId: SPAN, source: 'field' });
    expect(extractTraceId(`level=info trace_id=${ID.slice(16)}`, undefined).traceId, '64-bit IDs are padded').toBe(`0000000000000000${ID.slice(16)}`);
  });

  it('prefers metadata (Loki structured metadata, ECS trace.id) over the line', () => {
    const other = 'a'.repeat(32);
    expect(extractTraceId(`trace_id=${other}`, { trace_id: ID, span_id: SPAN })).toEqual({ traceId: ID, spanId: SPAN, source: 'metadata' });
    expect(extractTraceId('payment failed', { 'trace.id': ID, 'span.id': SPAN })).toEqual({ traceId: ID, spanId: SPAN, source: 'metadata' });
    expect(extractTraceId('x', undefined, [], { traceID: ID }).traceId, 'a stream label counts too').toBe(ID);
  });

  it('uses derived-field regexes (first capture group, or a group named traceId)', () => {
    const derived = compileDerivedFields([
      { name: 'TraceID', matcherRegex: 'tid:(\\w+)' },
      { name: 'named', matcherRegex: 'T\\[(?<traceId>[0-9a-f]+)\\]' },
    ]);
    expect(extractTraceId(`GET /pay tid:${ID} 500`, undefined, derived)).toEqual({ traceId: ID, source: 'derived' });
    expect(extractTraceId(`T[${ID}] boom`, undefined, derived)).toEqual({ traceId: ID, source: 'derived' });
    expect(() => compileDerivedFields([{ name: 'bad', matcherRegex: '(' }])).toThrow(/derived field "bad"/);
  });

  it('rejects non-hex, wrong lengths and the all-zero ID, rather than cutting them to fit', () => {
    expect(extractTraceId(`trace_id=${ID}0`, undefined).traceId, '33 hex').toBeUndefined();
    expect(extractTraceId(`trace_id=${ID.slice(1)}`, undefined).traceId, '31 hex').toBeUndefined();
    expect(extractTraceId(`trace_id=${ID.replace('4', 'g')}`, undefined).traceId, 'non-hex').toBeUndefined();
    expect(extractTraceId(`trace_id=${'0'.repeat(32)}`, undefined).traceId, 'all zero').toBeUndefined();
    expect(extractTraceId('"traceId":""', undefined).traceId).toBeUndefined();
    expect(extractTraceId(`subtrace_id=${ID}`, undefined).traceId, 'a longer key').toBeUndefined();
    expect(extractTraceId('nothing here', { trace_id: 'nope' })).toEqual({});
  });

  it('strictTraceId accepts only 16 or 32 hex', () => {
    expect(strictTraceId(ID.toUpperCase())).toBe(ID);
    expect(strictTraceId('abc')).toBeUndefined();
  });
});
