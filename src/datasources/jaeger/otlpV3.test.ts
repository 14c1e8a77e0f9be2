import { describe, expect, it } from 'vitest';
import { parseOtlpTraces } from './otlpV3';

const span = (extra: Record<string, unknown>) => ({ traceId: '5B8EFFF798038103D269B633813FC60C', spanId: 'EEE19B7EC3C1B174', name: 'GET /cart', kind: 2, startTimeUnixNano: '1544712660000000123', endTimeUnixNano: '1544712661000000456', ...extra });
const body = (spans: unknown[], resourceAttributes: unknown[] = [{ key: 'service.name', value: { stringValue: 'checkout' } }]) => ({ resourceSpans: [{ resource: { attributes: resourceAttributes }, scopeSpans: [{ scope: { name: 's' }, spans }] }] });

describe('parseOtlpTraces (the api_v3 stand-in)', () => {
  it('reads uppercase hex IDs, ns strings to fractional µs, every AnyValue kind', () => {
    const [trace] = parseOtlpTraces(body([span({
      parentSpanId: '0000000000000000',
      attributes: [
        { key: 's', value: { stringValue: 'v' } }, { key: 'i', value: { intValue: '10' } }, { key: 'big', value: { intValue: '9223372036854775807' } },
        { key: 'd', value: { doubleValue: 'NaN' } }, { key: 'b', value: { boolValue: false } }, { key: 'bytes', value: { bytesValue: 'AAEC' } },
        { key: 'arr', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: 1 }] } } },
        { key: 'kv', value: { kvlistValue: { values: [{ key: 'k', value: { stringValue: 'v' } }] } } }, { key: 'empty', value: {} },
      ],
    })]), 'Jaeger');
    const s = trace!.spans[0]!;
    expect(trace!.traceId).toBe('5b8efff798038103d269b633813fc60c');
    expect(s.spanId).toBe('eee19b7ec3c1b174');
    expect(s.parentSpanId).toBeUndefined();
    // An epoch time in µs has a resolution of 0.25 µs as a double; the duration, taken from the exact ns, keeps the ns.
    expect(s.startUs).toBe(1544712660000000);
    expect(s.durationUs).toBeCloseTo(1_000_000.333, 3);
    expect(s.attributes).toEqual({ 'otel.scope.name': 's', s: 'v', i: 10, big: '9223372036854775807', d: NaN, b: false, bytes: 'AAEC', arr: ['a', 1], kv: '{"k":"v"}', empty: null });
  });

  it('groups spans by trace, and a resource without service.name is "unknown_service"', () => {
    const traces = parseOtlpTraces(body([span({}), span({ traceId: '0af7651916cd43dd8448eb211c80319c' })], []), 'Jaeger');
    expect(traces.map((t) => [t.traceId, t.spans.length, t.spans[0]!.service])).toEqual([['5b8efff798038103d269b633813fc60c', 1, 'unknown_service'], ['0af7651916cd43dd8448eb211c80319c', 1, 'unknown_service']]);
  });

  it('names the field of a bad enum and of a non-hex ID', () => {
    expect(() => parseOtlpTraces(body([span({ kind: 'SERVER' })]), 'Jaeger', 'result')).toThrow('Unexpected response from Jaeger: result.resourceSpans[0].scopeSpans[0].spans[0].kind should be an integer or one of');
    expect(() => parseOtlpTraces(body([span({ spanId: 'zz' })]), 'Jaeger')).toThrow('resourceSpans[0].scopeSpans[0].spans[0].spanId should be a span ID in hex, got the string "zz"');
  });
});
