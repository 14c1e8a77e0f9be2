import { describe, expect, it } from 'vitest';
import { locatePromQLError } from './promqlErrorPosition';
import { SERVER_ERROR_CLASS, serverDiagnostics } from './serverDiagnostics';

const promql = { locateServerError: locatePromQLError };
const bad = 'sum(rate(x[5m])';
const error = { query: bad, message: 'invalid parameter "query": 1:16: parse error: unclosed left parenthesis' };

describe('serverDiagnostics', () => {
  it('puts the server error where the server points, with its message', () => {
    expect(serverDiagnostics(promql, error, bad)).toEqual([
      { from: 14, to: 15, severity: 'error', source: 'server', message: error.message, markClass: SERVER_ERROR_CLASS },
    ]);
  });

  it('shifts past leading whitespace the server never saw (the run trims it)', () => {
    const [d] = serverDiagnostics(promql, error, `\n  ${bad}  `);
    expect([d?.from, d?.to]).toEqual([17, 18]);
  });

  it('drops the server error once the text is no longer the text that was run', () => {
    expect(serverDiagnostics(promql, error, `${bad})`)).toEqual([]);
    expect(serverDiagnostics(promql, undefined, bad)).toEqual([]);
  });

  it('says nothing for errors without a position (they show in the panel)', () => {
    expect(serverDiagnostics(promql, { query: 'up', message: 'Prometheus gave up on the query: timeout' }, 'up')).toEqual([]);
  });
});
