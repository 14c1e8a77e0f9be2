import { describe, expect, it } from 'vitest';
import { locatePromQLError, offsetOfByteColumn, tokenSpanAt } from './promqlErrorPosition';

describe('locatePromQLError', () => {
  it('reads the position from the API message Prometheus 2.42 sends for an unclosed parenthesis (end of text)', () => {
    const query = 'sum(rate(http_server_request_duration_seconds_count[5m])';
    const span = locatePromQLError('invalid parameter "query": 1:57: parse error: unclosed left parenthesis', query);
    expect(span).toEqual({ from: 55, to: 56 });
  });

  it('underlines the token the position starts at', () => {
    const query = 'sum(rate(foo[5m])) by (job) bar';
    // 1:29 is the 29th byte: the "bar" after the grouping.
    expect(locatePromQLError('1:29: parse error: unexpected identifier "bar"', query)).toEqual({ from: 28, to: 31 });
  });

  it('counts columns in UTF-8 bytes, as Prometheus does, and lines from 1', () => {
    // "é" is two bytes and one UTF-16 unit; "𝄞" is four bytes and two units.
    const query = 'up{a="é𝄞"}\n  + )';
    expect(offsetOfByteColumn(query, 1, 1)).toBe(0);
    expect(offsetOfByteColumn(query, 1, 8)).toBe(7); // after é: 7 bytes in, 7 units
    expect(offsetOfByteColumn(query, 1, 12)).toBe(9); // after 𝄞: 11 bytes in, 9 units
    expect(offsetOfByteColumn(query, 2, 5)).toBe(query.indexOf(')'));
    expect(locatePromQLError('2:5: parse error: unexpected right parenthesis \')\'', query)).toEqual({ from: query.indexOf(')'), to: query.length });
  });

  it('finds nothing in messages without a parse position, or a line the query does not have', () => {
    expect(locatePromQLError('invalid parameter "query": parse error: unexpected end of input', 'up')).toBeUndefined();
    expect(locatePromQLError('execution: query timed out in expression evaluation', 'up')).toBeUndefined();
    expect(locatePromQLError('3:1: parse error: x', 'up')).toBeUndefined();
  });

  it('trusts a position before the first interval variable, and none after it (the server saw the filled-in text)', () => {
    expect(locatePromQLError('1:1: parse error: unexpected identifier "foo"', 'foo rate(x[$__rate_interval])')).toEqual({ from: 0, to: 3 });
    // Sent as `rate(x[1m15s])) foo`: column 17 there is column 28 here.
    expect(locatePromQLError('1:17: parse error: unexpected identifier "foo"', 'rate(x[$__rate_interval])) foo')).toBeUndefined();
  });

  it('clamps a column past the end of its line to the line end', () => {
    expect(offsetOfByteColumn('ab\ncd', 1, 40)).toBe(2);
    expect(tokenSpanAt('', 0)).toEqual({ from: 0, to: 0 });
  });
});
