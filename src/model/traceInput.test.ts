import { describe, expect, it } from 'vitest';
import { parseTraceInput } from './traceInput';

const ID32 = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('parseTraceInput', () => {
  it('accepts 32 and 16 hex characters, in any case, trimmed, as the canonical 32-hex ID', () => {
    expect(parseTraceInput(` ${ID32.toUpperCase()}\n`)).toEqual({ ok: true, traceId: ID32 });
    expect(parseTraceInput('a3ce929d0e0e4736')).toEqual({ ok: true, traceId: '0000000000000000a3ce929d0e0e4736' });
  });

  it('accepts an ID whose leading zeros were dropped (Tempo search) and one that keeps them', () => {
    expect(parseTraceInput('abcd')).toEqual({ ok: true, traceId: '0000000000000000000000000000abcd' });
    expect(parseTraceInput('0000000000000000000000000000abcd')).toEqual({ ok: true, traceId: '0000000000000000000000000000abcd' });
    expect(parseTraceInput('00000000000abcd')).toEqual({ ok: true, traceId: '0000000000000000000000000000abcd' });
  });

  it('reads a W3C traceparent: the trace ID, and the parent span to select', () => {
    expect(parseTraceInput(`00-${ID32}-00f067aa0ba902b7-01`)).toEqual({ ok: true, traceId: ID32, spanId: '00f067aa0ba902b7' });
    expect(parseTraceInput(`00-${ID32.toUpperCase()}-00F067AA0BA902B7-00`)).toEqual({ ok: true, traceId: ID32, spanId: '00f067aa0ba902b7' });
  });

  it('says why input is not a trace ID', () => {
    const reason = (text: string) => {
      const r = parseTraceInput(text);
      if (r.ok) throw new Error(`${text} was accepted`);
      return r.reason;
    };
    expect(reason('')).toMatch(/Enter a trace ID/);
    expect(reason('   ')).toMatch(/Enter a trace ID/);
    expect(reason('4bf92f35g7b3')).toBe('"g" at position 9 is not a hex digit (0-9, a-f).');
    expect(reason(`${ID32}0`)).toBe('33 hex characters: a trace ID has at most 32.');
    expect(reason('0000')).toMatch(/all-zero/);
    expect(reason(`00-${ID32}-00f067aa0ba902b7`)).toMatch(/Not a traceparent/);
    expect(reason(`00-${ID32.slice(1)}-00f067aa0ba902b7-01`)).toMatch(/Not a traceparent/);
    expect(reason(`ff-${ID32}-00f067aa0ba902b7-01`)).toMatch(/version ff/);
    expect(reason(`00-${'0'.repeat(32)}-00f067aa0ba902b7-01`)).toMatch(/all-zero trace ID/);
    expect(reason(`00-${ID32}-0000000000000000-01`)).toMatch(/all-zero parent ID/);
    expect(reason('<script>')).toMatch(/not a hex digit/);
  });
});
