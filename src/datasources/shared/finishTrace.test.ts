import { describe, expect, it } from 'vitest';
import { finishTrace, type DraftSpan } from './finishTrace';
import { summarizeTrace } from './traceSummary';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const draft = (spanId: string, parentSpanId: string | undefined, startUs: number | undefined, durationUs: number | undefined, extra: Partial<DraftSpan> = {}): DraftSpan => ({
  traceId: TRACE, spanId, ...(parentSpanId === undefined ? {} : { parentSpanId }), name: spanId, service: 'svc', kind: 'internal',
  startUs, durationUs, status: 'unset', attributes: {}, resource: {}, events: [], links: [], ...extra,
});

describe('finishTrace', () => {
  it('repairs missing and negative times, each with a warning, without touching its input', () => {
    const drafts = [draft('a', undefined, 100, 50), draft('b', 'a', undefined, undefined), draft('c', 'zz', 90, -5), draft('d', 'zz', undefined, 1)];
    const frozen = JSON.stringify(drafts);
    const trace = finishTrace(TRACE, drafts, ['from the server']);
    expect(trace.spans.map((s) => [s.spanId, s.startUs, s.durationUs])).toEqual([['a', 100, 50], ['b', 100, 0], ['c', 90, 0], ['d', 90, 1]]);
    expect(trace.warnings).toEqual([
      'from the server',
      "2 spans have no start time; placed at the parent's start (or the trace's).",
      '1 span has no duration (incomplete); shown as 0.',
      '1 span has a negative duration; shown as 0.',
      '2 spans have a parent that is not in the trace: the trace is partial.',
    ]);
    expect(JSON.stringify(drafts)).toBe(frozen);
  });

  it('reads a start in ns (where µs belong) as ns, with its duration and event times, and says so', () => {
    const ns = draft('a', undefined, 1_700_000_000_000_000_000, 5_000_000, { events: [{ timeUs: 1_700_000_000_001_000_000, name: 'e', attributes: {} }] });
    const trace = finishTrace(TRACE, [ns, draft('b', 'a', 1_700_000_000_000_100, 10)], []);
    expect(trace.spans.map((s) => [s.startUs, s.durationUs])).toEqual([[1_700_000_000_000_000, 5_000], [1_700_000_000_000_100, 10]]);
    expect(trace.spans[0]!.events[0]!.timeUs).toBe(1_700_000_000_001_000);
    expect(trace.warnings).toEqual(['1 span has times in nanoseconds where microseconds belong; divided by 1000.']);
  });

  it('keeps a 1 MB attribute value and markup as the text they are', () => {
    const big = 'x'.repeat(1_000_000);
    const trace = finishTrace(TRACE, [draft('a', undefined, 1, 1, { name: '<script>1</script>', attributes: { big, '<b>': '<i>' } })], []);
    expect(trace.spans[0]!.attributes.big).toBe(big);
    expect(trace.spans[0]!.name).toBe('<script>1</script>');
    expect(trace.spans[0]!.attributes['<b>']).toBe('<i>');
  });
});

describe('summarizeTrace', () => {
  it('takes the earliest parentless span as the root, counts errors, lists services', () => {
    const trace = finishTrace(TRACE, [
      draft('child', 'root', 2_000, 500, { service: 'db', status: 'error' }),
      draft('root', undefined, 1_000, 3_000, { name: 'GET /', service: 'web' }),
      draft('late-orphan', 'gone', 5_000, 1_000, { service: 'worker' }),
    ], []);
    expect(summarizeTrace(trace)).toEqual({ traceId: TRACE, rootService: 'web', rootName: 'GET /', startMs: 1, durationMs: 5, spanCount: 3, errorCount: 1, services: ['db', 'web', 'worker'] });
  });

  it('with a parent cycle (no root at all) the earliest span stands in, and nothing loops', () => {
    const trace = finishTrace(TRACE, [draft('a', 'b', 10, 1), draft('b', 'a', 5, 1)], []);
    expect(summarizeTrace(trace)).toMatchObject({ rootName: 'b', spanCount: 2 });
  });
});
