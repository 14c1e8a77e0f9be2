import { describe, expect, it } from 'vitest';
import { isTraceNotFound } from '../shared/traceErrors';
import type { QueryCtx } from '../types';
import { createJaegerDataSource } from './index';

// The api_v3 path reads `{result: TracesData}` with the shared OTLP reader (src/datasources/shared/otlp) and
// then finishTrace; this pins what that gives a Jaeger user, replacing the tests of the stand-in it had.

const TRACE = '5b8efff798038103d269b633813fc60c';
const span = (extra: Record<string, unknown>) => ({ traceId: TRACE.toUpperCase(), spanId: 'EEE19B7EC3C1B174', name: 'GET /cart', kind: 2, startTimeUnixNano: '1544712660000000123', endTimeUnixNano: '1544712661000000456', ...extra });
const result = (spans: unknown[], resourceAttributes: unknown[] = [{ key: 'service.name', value: { stringValue: 'checkout' } }]) => ({ resourceSpans: [{ resource: { attributes: resourceAttributes }, scopeSpans: [{ scope: { name: 's' }, spans }] }] });

/** A Jaeger v2 that answers every api_v3 call with `body` (api pinned to v3, so nothing falls back). */
function jaegerAnswering(body: unknown) {
  const fetchFn = () => Promise.resolve(new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } }));
  return createJaegerDataSource({ uid: 'j', kind: 'jaeger', name: 'Jaeger', url: 'http://jaeger:16686', options: { api: 'v3' } }, fetchFn).traces!;
}
const ctx = (): QueryCtx => ({ range: { from: 0, to: 1 }, signal: new AbortController().signal });

describe('Jaeger api_v3 traces through the shared OTLP reader', () => {
  it('reads uppercase hex IDs, ns strings to fractional µs, every AnyValue kind, the status message', async () => {
    const trace = await jaegerAnswering({
      result: result([span({
        parentSpanId: '0000000000000000',
        status: { code: 2, message: 'card declined' },
        attributes: [
          { key: 's', value: { stringValue: 'v' } }, { key: 'i', value: { intValue: '10' } }, { key: 'big', value: { intValue: '9223372036854775807' } },
          { key: 'd', value: { doubleValue: 'NaN' } }, { key: 'b', value: { boolValue: false } }, { key: 'bytes', value: { bytesValue: 'AAEC' } },
          { key: 'arr', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: 1 }] } } },
          { key: 'kv', value: { kvlistValue: { values: [{ key: 'k', value: { stringValue: 'v' } }] } } }, { key: 'empty', value: {} },
        ],
      })]),
    }).getTrace(TRACE, ctx());
    const s = trace.spans[0]!;
    expect(trace.traceId).toBe(TRACE);
    expect(s).toMatchObject({ spanId: 'eee19b7ec3c1b174', service: 'checkout', kind: 'server', status: 'error', statusMessage: 'card declined' });
    expect(s.parentSpanId).toBeUndefined();
    // An epoch time in µs has a resolution of 0.25 µs as a double; the duration, taken from the exact ns, keeps the ns.
    expect(s.startUs).toBe(1544712660000000);
    expect(s.durationUs).toBeCloseTo(1_000_000.333, 3);
    expect(s.attributes).toEqual({ 'otel.scope.name': 's', s: 'v', i: 10, big: '9223372036854775807', d: NaN, b: false, bytes: 'AAEC', arr: ['a', 1], kv: '{"k":"v"}', empty: null });
    expect(trace.warnings).toEqual([]);
  });

  it('{"result":{}} is "not found", not a broken answer; so is a trace with no spans', async () => {
    const empty = await jaegerAnswering({ result: {} }).getTrace(TRACE, ctx()).catch((e: unknown) => e);
    expect(isTraceNotFound(empty)).toBe(true);
    expect((empty as Error).message).toContain(TRACE);
    expect(await jaegerAnswering({ result: {} }).search!({ limit: 20 }, ctx())).toEqual([]);
    expect(isTraceNotFound(await jaegerAnswering({ result: { resourceSpans: [] } }).getTrace(TRACE, ctx()).catch((e: unknown) => e))).toBe(true);
  });

  it('search groups spans by trace; a resource without service.name is "unknown_service"', async () => {
    const other = '0af7651916cd43dd8448eb211c80319c';
    const found = await jaegerAnswering({ result: result([span({}), span({ traceId: other, spanId: '00000000000000aa' })], []) }).search!({ limit: 20 }, ctx());
    expect(found.map((t) => [t.traceId, t.rootService, t.spanCount])).toEqual([[TRACE, 'unknown_service', 1], [other, 'unknown_service', 1]]);
  });

  it("reads Tempo's enum names; an unknown kind and an unreadable span ID are warnings, not a failed trace", async () => {
    const trace = await jaegerAnswering({
      result: result([span({ kind: 'SPAN_KIND_CLIENT' }), span({ spanId: '00000000000000bb', kind: 'SERVER' }), span({ spanId: 'zz' })]),
    }).getTrace(TRACE, ctx());
    expect(trace.spans.map((s) => s.kind)).toEqual(['client', 'unspecified']);
    expect(trace.warnings.join('\n')).toMatch(/1 span\(s\) have an unknown kind.*"SERVER"/);
    expect(trace.warnings.join('\n')).toMatch(/1 span\(s\) without a valid span ID were left out \(first: result\.resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[2\]\.spanId = "zz"\)/);
  });

  it('names the field of a value of the wrong type, under result', async () => {
    const error = await jaegerAnswering({ result: result([span({ kind: { name: 'SERVER' } })]) }).getTrace(TRACE, ctx()).catch((e: unknown) => e);
    expect((error as Error).message).toContain('result.resourceSpans[0].scopeSpans[0].spans[0].kind');
  });

  it('a parent missing from the answer makes the trace partial, said by finishTrace', async () => {
    const trace = await jaegerAnswering({ result: result([span({ parentSpanId: '00000000000000cc' })]) }).getTrace(TRACE, ctx());
    expect(trace.warnings).toEqual(['1 span has a parent that is not in the trace: the trace is partial.']);
  });
});
