import { describe, expect, it } from 'vitest';
import { isErrorExemplar } from './exemplarError';

const ex = (labels: Record<string, string>, seriesLabels: Record<string, string> = {}) => ({ labels, seriesLabels });

describe('isErrorExemplar', () => {
  it('counts a 5xx status code in the exemplar or its series, in every common spelling', () => {
    for (const name of ['status', 'status_code', 'http_status_code', 'http_response_status_code', 'code']) {
      expect(isErrorExemplar(ex({ [name]: '503' })), name).toBe(true);
      expect(isErrorExemplar(ex({}, { [name]: '500' })), `series ${name}`).toBe(true);
    }
  });

  it('does not count successes, client errors or codes that are not numbers', () => {
    expect(isErrorExemplar(ex({ status: '200' }))).toBe(false);
    expect(isErrorExemplar(ex({ http_response_status_code: '404' }))).toBe(false);
    expect(isErrorExemplar(ex({ status: '600' }))).toBe(false);
    expect(isErrorExemplar(ex({ status: '5xx5' }))).toBe(false);
    expect(isErrorExemplar(ex({ trace_id: '500' }))).toBe(false);
  });

  it('counts error="true" and an outcome of error', () => {
    expect(isErrorExemplar(ex({ error: 'true' }))).toBe(true);
    expect(isErrorExemplar(ex({ error: 'TRUE' }))).toBe(true);
    expect(isErrorExemplar(ex({ error: 'false' }))).toBe(false);
    expect(isErrorExemplar(ex({}, { otel_status_code: 'ERROR' }))).toBe(true);
    expect(isErrorExemplar(ex({ outcome: 'failure' }))).toBe(true);
    expect(isErrorExemplar(ex({ otel_status_code: 'OK' }))).toBe(false);
  });

  it('counts every exemplar of a series that counts only errors', () => {
    expect(isErrorExemplar(ex({ status: '200' }), { errorSeries: true })).toBe(true);
    expect(isErrorExemplar(ex({}), { errorSeries: false })).toBe(false);
  });
});
