import { describe, expect, it } from 'vitest';
import { shapeReaders } from '../shared/shape';
import { parseZipkinTrace } from './spans';

const read = shapeReaders('Zipkin');
const ts = { timestamp: 1000, duration: 10 };

describe('parseZipkinTrace', () => {
  it('a 128-bit trace ID wins over its 64-bit form when the spans mix them', () => {
    const trace = parseZipkinTrace([
      { traceId: 'd269b633813fc60c', id: '0000000000000001', ...ts },
      { traceId: '5b8efff798038103d269b633813fc60c', id: '0000000000000002', parentId: '0000000000000001', ...ts },
    ], '', read);
    expect(trace.traceId).toBe('5b8efff798038103d269b633813fc60c');
    expect(trace.spans.every((s) => s.traceId === trace.traceId)).toBe(true);
  });

  it('a shared server half with no client half (Envoy at the edge) keeps its ID; no serviceName is "unknown"', () => {
    const trace = parseZipkinTrace([{ traceId: '978883983d506fa5', id: '978883983d506fa5', kind: 'SERVER', shared: true, name: 'ingress', localEndpoint: { ipv4: '10.0.0.1' }, ...ts }], '', read);
    expect(trace.spans).toEqual([expect.objectContaining({ spanId: '978883983d506fa5', service: 'unknown', kind: 'server', name: 'ingress' })]);
  });

  it('without the shared flag, a SERVER beside a CLIENT of the same ID is still the server half (older tracers)', () => {
    const trace = parseZipkinTrace([
      { traceId: '978883983d506fa5', id: '00000000000000ff', kind: 'CLIENT', localEndpoint: { serviceName: 'a' }, ...ts },
      { traceId: '978883983d506fa5', id: '00000000000000ff', kind: 'SERVER', localEndpoint: { serviceName: 'b' }, ...ts },
    ], '', read);
    expect(trace.spans.map((s) => [s.service, s.spanId, s.parentSpanId])).toEqual([['a', '00000000000000ff', undefined], ['b', '0000000000000100', '00000000000000ff']]);
  });

  it('an otel.status_code tag of OK is ok; any error tag, even empty, is an error', () => {
    const trace = parseZipkinTrace([
      { traceId: '978883983d506fa5', id: '0000000000000001', tags: { 'otel.status_code': 'OK' }, ...ts },
      { traceId: '978883983d506fa5', id: '0000000000000002', tags: { error: '' }, ...ts },
    ], '', read);
    expect(trace.spans.map((s) => s.status)).toEqual(['ok', 'error']);
  });

  it('rejects tags that are not strings, naming the field', () => {
    expect(() => parseZipkinTrace([{ traceId: '978883983d506fa5', id: '0000000000000001', tags: { n: 1 } }], '', read)).toThrow('[0].tags.n should be a string, got number 1');
  });
});
