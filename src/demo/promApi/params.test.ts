import { describe, expect, it } from 'vitest';
import { parseDurationNs, parseLimit, parseTime, readForm } from './params';

describe('parseTime', () => {
  it('accepts unix seconds with decimals, rounded to ms', () => {
    expect(parseTime('1435781451')).toEqual({ ok: true, value: 1435781451000 });
    expect(parseTime('1435781451.781')).toEqual({ ok: true, value: 1435781451781 });
    expect(parseTime('1435781451.0506')).toEqual({ ok: true, value: 1435781451051 });
    expect(parseTime('1e9')).toEqual({ ok: true, value: 1e12 });
  });

  it('accepts RFC3339 with fractions and zones', () => {
    expect(parseTime('2015-07-01T20:10:51.781Z')).toEqual({ ok: true, value: Date.UTC(2015, 6, 1, 20, 10, 51, 781) });
    expect(parseTime('2015-07-01T22:10:51+02:00')).toEqual({ ok: true, value: Date.UTC(2015, 6, 1, 20, 10, 51) });
  });

  it('rejects anything else with the Prometheus message', () => {
    expect(parseTime('yesterday')).toEqual({ ok: false, error: 'cannot parse "yesterday" to a valid timestamp' });
    expect(parseTime('')).toEqual({ ok: false, error: 'cannot parse "" to a valid timestamp' });
    expect(parseTime('2015-02-31T00:00:00Z').ok).toBe(false);
  });
});

describe('parseDurationNs', () => {
  it('accepts float seconds and duration strings', () => {
    expect(parseDurationNs('15')).toEqual({ ok: true, value: 15e9 });
    expect(parseDurationNs('0.5')).toEqual({ ok: true, value: 5e8 });
    expect(parseDurationNs('1h30m')).toEqual({ ok: true, value: 5400e9 });
    expect(parseDurationNs('250ms')).toEqual({ ok: true, value: 250e6 });
  });

  it('rejects bad input', () => {
    expect(parseDurationNs('5x')).toEqual({ ok: false, error: 'cannot parse "5x" to a valid duration' });
    expect(parseDurationNs('1e300')).toEqual({ ok: false, error: 'cannot parse "1e300" to a valid duration. It overflows int64' });
  });
});

describe('parseLimit', () => {
  it('parses non-negative integers', () => {
    expect(parseLimit('')).toEqual({ ok: true, value: 0 });
    expect(parseLimit('5')).toEqual({ ok: true, value: 5 });
    expect(parseLimit('-1')).toEqual({ ok: false, error: 'limit must be non-negative' });
    expect(parseLimit('x').ok).toBe(false);
  });
});

describe('readForm', () => {
  it('merges a form-encoded POST body before the URL query', async () => {
    const request = new Request('http://h/api/v1/query?query=url&time=1', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=body&match%5B%5D=a&match%5B%5D=b',
    });
    const form = await readForm(request);
    expect(form.get('query')).toEqual(['body', 'url']);
    expect(form.get('match[]')).toEqual(['a', 'b']);
    expect(form.get('time')).toEqual(['1']);
  });
});
