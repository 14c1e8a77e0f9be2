import logfmt from 'logfmt';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { MAX_PARSE_CHARS, parseFields, parseLogfmt } from './logsFields';

/** Lines as pino writes them: a real logger writing to an in-memory stream. */
function pinoLines(write: (logger: pino.Logger) => void): string[] {
  const out: string[] = [];
  const logger = pino({ base: { service: 'payments' }, level: 'trace' }, { write: (chunk: string) => void out.push(chunk.replace(/\n$/, '')) });
  write(logger);
  return out;
}

describe('parseFields: JSON', () => {
  it('reads pino lines, nested objects flattened with dots', () => {
    const [line] = pinoLines((log) => log.error({ http: { method: 'POST', status: 502 }, trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', retry: true }, 'payment provider timeout after 30000ms'));
    const parsed = parseFields(line!);
    expect(parsed.format).toBe('json');
    expect(parsed.truncated).toBeUndefined();
    const fields = Object.fromEntries(parsed.fields);
    expect(fields).toMatchObject({
      level: '50',
      service: 'payments',
      'http.method': 'POST',
      'http.status': '502',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      retry: 'true',
      msg: 'payment provider timeout after 30000ms',
    });
    expect(fields.time).toMatch(/^\d+$/);
  });

  it('keeps pino error serialisations, quotes, newlines and unicode as written', () => {
    const [line] = pinoLines((log) => log.warn({ err: new Error('bad "thing"\nsecond line'), user: 'zoë <script>' }, 'failed'));
    const fields = parseFields(line!).fields;
    expect(fields.get('err.message')).toBe('bad "thing"\nsecond line');
    expect(fields.get('err.type')).toBe('Error');
    expect(fields.get('user')).toBe('zoë <script>');
  });

  it('keeps arrays and nulls as JSON text, and hostile keys as plain keys', () => {
    const parsed = parseFields('{"tags":["a","b"],"x":null,"__proto__":"p","0":"zero","a":{"b":{"c":1}}}');
    expect(parsed.fields.get('tags')).toBe('["a","b"]');
    expect(parsed.fields.get('x')).toBe('null');
    expect(parsed.fields.get('__proto__')).toBe('p');
    expect(parsed.fields.get('a.b.c')).toBe('1');
  });

  it('is not fooled by a line that only looks like JSON', () => {
    expect(parseFields('{not json} level=info').format).not.toBe('json');
    expect(parseFields('[1,2,3]').format).toBe('none');
    expect(parseFields('{"a":1').format).not.toBe('json');
  });

  it('survives 100,000-deep nesting (iterative flattening)', () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const parsed = parseFields(deep, { maxChars: deep.length });
    expect(parsed.format).toBe('json');
    expect(parsed.fields.size).toBe(1);
    expect([...parsed.fields.keys()][0]!.split('.')).toHaveLength(100_000);
  });

  it('caps fields, with the flag set', () => {
    const object = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    const parsed = parseFields(JSON.stringify(object), { maxFields: 10 });
    expect(parsed.fields.size).toBe(10);
    expect(parsed.truncated?.reason).toMatch(/more than 10 fields/);
  });
});

describe('parseFields: logfmt', () => {
  it('reads what the logfmt package encodes, round trip', () => {
    const records = [
      { level: 'info', msg: 'request done', path: '/api/pay', status: '200', duration_ms: '12.5' },
      { level: 'error', msg: 'provider said "no"', detail: 'a\\b', empty: '', eq: 'a=b' },
      { at: 'warn', traceID: '4bf92f3577b34da6a3ce929d0e0e4736', unicode: 'Grüße 🌍' },
    ];
    for (const record of records) {
      const line = logfmt.stringify(record);
      const parsed = parseFields(line);
      expect(parsed.format, line).toBe('logfmt');
      expect(Object.fromEntries(parsed.fields), line).toEqual(record);
    }
  });

  it('reads null as an empty value, as the encoder writes it', () => {
    const line = logfmt.stringify({ a: null, b: 'x' });
    expect(Object.fromEntries(parseFields(line).fields)).toEqual({ a: '', b: 'x' });
  });

  it('agrees with the logfmt package parser on its own lines', () => {
    const line = logfmt.stringify({ ts: '2024-05-01T10:00:00Z', level: 'warn', msg: 'cache miss ratio high', ratio: '0.93', host: 'web-1' });
    const theirs = logfmt.parse(line);
    expect(Object.fromEntries(parseFields(line).fields)).toEqual(Object.fromEntries(Object.entries(theirs).map(([k, v]) => [k, String(v)])));
  });

  it('reads bare keys, escapes and unterminated quotes', () => {
    const parsed = parseLogfmt('level=info cached msg="tab\\there \\"q\\" \\u00e9" path=/x');
    expect(parsed.format).toBe('logfmt');
    expect(Object.fromEntries(parsed.fields)).toEqual({ level: 'info', cached: '', msg: 'tab\there "q" é', path: '/x' });
    expect(parseLogfmt('msg="never closed').fields.get('msg')).toBe('never closed');
  });

  it('calls plain text "none", keeping only key=value pairs with identifier keys', () => {
    const parsed = parseFields('GET /pay?x=1 took 3 seconds user=42');
    expect(parsed.format).toBe('none');
    expect(Object.fromEntries(parsed.fields)).toEqual({ user: '42' });
    expect(parseFields('just words here').fields.size).toBe(0);
    expect(parseFields('').format).toBe('none');
  });
});

describe('parseFields: 1 MB lines', () => {
  it('does not parse a too-long JSON line, and says so', () => {
    const line = JSON.stringify({ level: 'info', blob: 'x'.repeat(MAX_PARSE_CHARS + 10) });
    const parsed = parseFields(line);
    expect(parsed.format).toBe('json');
    expect(parsed.fields.size).toBe(0);
    expect(parsed.truncated?.reason).toMatch(/over the .* parsed; fields not read/);
  });

  it('parses the head of a too-long logfmt line, and says so', () => {
    const line = `level=warn msg=big blob=${'y'.repeat(1_000_000)}`;
    const parsed = parseFields(line);
    expect(parsed.format).toBe('logfmt');
    expect(parsed.fields.get('level')).toBe('warn');
    expect(parsed.fields.get('blob')!.length).toBeLessThanOrEqual(MAX_PARSE_CHARS);
    expect(parsed.truncated?.reason).toMatch(/only the first .* were parsed/);
  });
});
