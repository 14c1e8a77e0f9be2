import { describe, expect, it } from 'vitest';
import { buildRequest, escapeLabelNameForPath, formatPromSeconds, formatPromTime, MAX_GET_URL_LENGTH } from './request';

describe('buildRequest', () => {
  it('sends short queries as GET with encoded parameters', () => {
    const req = buildRequest('http://p', '/api/v1/query', [['query', 'sum(rate(x{a="b c"}[1m]))'], ['time', '10']], true);
    expect(req.method).toBe('GET');
    expect(req.url).toBe('http://p/api/v1/query?query=sum%28rate%28x%7Ba%3D%22b+c%22%7D%5B1m%5D%29%29&time=10');
    expect(req.body).toBeUndefined();
  });

  it('switches to a form POST when the URL would be too long', () => {
    const query = `up{job=~"${'a|'.repeat(1500)}b"}`;
    const req = buildRequest('http://p', '/api/v1/query_range', [['query', query], ['step', '15']], true);
    expect(req.method).toBe('POST');
    expect(req.url).toBe('http://p/api/v1/query_range');
    expect(req.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(new URLSearchParams(req.body).get('query')).toBe(query);
    expect(new URLSearchParams(req.body).get('step')).toBe('15');
  });

  it('keeps GET for endpoints that accept only GET', () => {
    const match = `x{a="${'z'.repeat(MAX_GET_URL_LENGTH)}"}`;
    expect(buildRequest('http://p', '/api/v1/label/job/values', [['match[]', match]], false).method).toBe('GET');
  });

  it('repeats parameters such as match[]', () => {
    const req = buildRequest('http://p', '/api/v1/series', [['match[]', 'a'], ['match[]', 'b']], true);
    expect(new URL(req.url).searchParams.getAll('match[]')).toEqual(['a', 'b']);
  });
});

describe('formatPromTime / formatPromSeconds', () => {
  it('prints seconds like Prometheus', () => {
    expect(formatPromTime(1_435_781_451_000)).toBe('1435781451');
    expect(formatPromTime(1_435_781_451_050)).toBe('1435781451.050');
    expect(formatPromSeconds(15_000)).toBe('15');
    expect(formatPromSeconds(500)).toBe('0.5');
  });
});

describe('escapeLabelNameForPath', () => {
  it('leaves classic names alone', () => {
    expect(escapeLabelNameForPath('service_name')).toBe('service_name');
    expect(escapeLabelNameForPath('__name__')).toBe('__name__');
  });

  it('value-encodes names with dots, slashes and other characters', () => {
    expect(escapeLabelNameForPath('http.status_code')).toBe('U__http_2e_status__code');
    expect(escapeLabelNameForPath('k8s/pod')).toBe('U__k8s_2f_pod');
    expect(escapeLabelNameForPath('9lives')).toBe('U___39_lives');
    expect(escapeLabelNameForPath('ünit')).toBe('U___fc_nit');
    expect(escapeLabelNameForPath('🚀')).toBe('U___1f680_');
  });
});
