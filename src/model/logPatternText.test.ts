import logfmt from 'logfmt';
import { describe, expect, it } from 'vitest';
import { maskVariables, MAX_MESSAGE_CHARS, messageOf, patternTokens, tokenize } from './logPatternText';
import { pinoWriter } from './testing/logLineBuilders';

describe('messageOf', () => {
  it('takes the msg of a pino line, not the nested error message before it', () => {
    const w = pinoWriter('payments');
    w.log.error({ err: new Error('socket hang up'), orderId: 'ord-1' }, 'payment provider timeout after 30000ms');
    expect(w.lines[0]).toContain('"message":"socket hang up"');
    expect(messageOf(w.lines[0]!)).toBe('payment provider timeout after 30000ms');
  });

  it('decodes escapes in a JSON message', () => {
    const w = pinoWriter('api');
    w.log.info('said "hi"\tto \\ \u00e9');
    expect(messageOf(w.lines[0]!)).toBe('said "hi" to \\ \u00e9');
  });

  it('takes the message field of an ECS-style line', () => {
    expect(messageOf('{"@timestamp":"2025-01-01T00:00:00Z","log.level":"warn","message":"cache miss for key user:42"}')).toBe('cache miss for key user:42');
  });

  it('does not take a "msg" that is a value, and falls back to the line', () => {
    const line = '{"note":"msg","n":1}';
    expect(messageOf(line)).toBe(line);
  });

  it('takes the msg of a logfmt line, quoted or bare', () => {
    const quoted = logfmt.stringify({ ts: '2025-01-01T00:00:00Z', level: 'info', msg: 'GET /orders/123 200', duration: '12ms' });
    expect(messageOf(quoted)).toBe('GET /orders/123 200');
    const bare = logfmt.stringify({ level: 'warn', msg: 'retrying' });
    expect(messageOf(bare)).toBe('retrying');
    const escaped = logfmt.stringify({ level: 'warn', msg: 'bad "input" here' });
    expect(messageOf(escaped)).toBe('bad "input" here');
  });

  it('keeps a plain line as it is, and cuts a huge one', () => {
    expect(messageOf('connection reset by peer')).toBe('connection reset by peer');
    expect(messageOf('x'.repeat(1_000_000))).toHaveLength(MAX_MESSAGE_CHARS);
  });
});

describe('maskVariables', () => {
  it.each([
    ['payment provider timeout after 30000ms', 'payment provider timeout after <*>'],
    ['GET /orders/12345 200 in 1.5s', 'GET /orders/<*> <*> in <*>'],
    ['user 6f1c2b9e-3a4d-4e5f-9a8b-7c6d5e4f3a2b logged in', 'user <*> logged in'],
    ['trace 4bf92f3577b34da6a3ce929d0e0e4736 sampled', 'trace <*> sampled'],
    ['connect to 10.0.3.17:5432 refused', 'connect to <*> refused'],
    ['lookup "acme corp" failed', 'lookup <*> failed'],
    ["can't find 'foo bar'", "can't find <*>"],
    ['pointer 0xdeadBEEF freed', 'pointer <*> freed'],
    ['http2 stream v2 ok', 'http2 stream v2 ok'],
    ['status=503 retries=3', 'status=<*> retries=<*>'],
  ])('%s', (input, masked) => {
    expect(maskVariables(input)).toBe(masked);
  });
});

describe('tokenize', () => {
  it('splits on runs of whitespace and has no empty tokens', () => {
    expect(tokenize('  a  b\tc ')).toEqual(['a', 'b', 'c']);
    expect(tokenize('   ')).toEqual([]);
  });

  it('works from the raw line to tokens', () => {
    expect(patternTokens('{"level":30,"msg":"order ord-77 shipped in 420ms"}')).toEqual(['order', 'ord-<*>', 'shipped', 'in', '<*>']);
  });
});
