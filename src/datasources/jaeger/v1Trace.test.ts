import { describe, expect, it } from 'vitest';
import { shapeReaders } from '../shared/shape';
import { MAX_SPAN_WARNINGS, parseV1Trace } from './v1Trace';

const read = shapeReaders('Jaeger');
const span = (spanID: string, references: unknown[], extra: Record<string, unknown> = {}) => ({
  traceID: '1', spanID, operationName: `op-${spanID}`, references, startTime: 1000, duration: 10, tags: [], logs: [], processID: 'p1', ...extra,
});

describe('parseV1Trace', () => {
  it('a CHILD_OF and a FOLLOWS_FROM to the same span: parent from the first, link from the second; a reference to another trace is a link; each with its kind', () => {
    const trace = parseV1Trace({
      traceID: '1',
      spans: [span('1', []), span('2', [{ refType: 'CHILD_OF', traceID: '1', spanID: '1' }, { refType: 'FOLLOWS_FROM', traceID: '1', spanID: '1' }, { refType: 'CHILD_OF', traceID: 'ff', spanID: '9' }])],
      processes: { p1: { serviceName: 's' } },
    }, 'data[0]', read);
    expect(trace.traceId).toBe('00000000000000000000000000000001');
    expect(trace.spans[1]).toMatchObject({
      parentSpanId: '0000000000000001',
      links: [
        { traceId: '00000000000000000000000000000001', spanId: '0000000000000001', attributes: { 'opentracing.ref_type': 'follows_from' }, kind: 'follows_from' },
        { traceId: '000000000000000000000000000000ff', spanId: '0000000000000009', attributes: { 'opentracing.ref_type': 'child_of' }, kind: 'child_of' },
      ],
    });
    expect(trace.spans[1]!.parentKind).toBeUndefined();
  });

  it('a FOLLOWS_FROM-only span hangs under its cause with parentKind follows_from, and the status description is the status message', () => {
    const trace = parseV1Trace({
      traceID: '1',
      spans: [span('1', []), span('2', [{ refType: 'FOLLOWS_FROM', traceID: '1', spanID: '1' }], { tags: [{ key: 'otel.status_description', type: 'string', value: 'queue full' }] })],
      processes: { p1: { serviceName: 's' } },
    }, 'data[0]', read);
    expect(trace.spans[1]).toMatchObject({ parentSpanId: '0000000000000001', parentKind: 'follows_from', links: [], statusMessage: 'queue full' });
  });

  it('reads an inline process, and keeps two spans that share an ID (the tree keeps them apart)', () => {
    const trace = parseV1Trace({ traceID: '1', spans: [span('2', [], { processID: undefined, process: { serviceName: 'inline', tags: [] } }), span('2', [], { processID: undefined, process: { serviceName: 'inline' } })] }, 'data[0]', read);
    expect(trace.spans.map((s) => [s.spanId, s.service])).toEqual([['0000000000000002', 'inline'], ['0000000000000002', 'inline']]);
  });

  it('a log without an event field is named by its message, else "log"', () => {
    const logs = [{ timestamp: 5, fields: [{ key: 'message', type: 'string', value: 'hi' }] }, { timestamp: 6, fields: [{ key: 'level', type: 'string', value: 'info' }] }];
    const trace = parseV1Trace({ traceID: '1', spans: [span('1', [], { logs })], processes: { p1: { serviceName: 's' } } }, 'data[0]', read);
    expect(trace.spans[0]!.events.map((e) => e.name)).toEqual(['hi', 'log']);
  });

  it('keeps a span without an operation name (the tree names it and warns) rather than failing the trace', () => {
    const trace = parseV1Trace({ traceID: '1', spans: [span('1', [], { operationName: undefined }), span('2', [], { operationName: null })], processes: { p1: { serviceName: 's' } } }, 'data[0]', read);
    expect(trace.spans.map((s) => s.name)).toEqual(['', '']);
    expect(() => parseV1Trace({ traceID: '1', spans: [span('1', [], { operationName: 7 })], processes: { p1: { serviceName: 's' } } }, 'data[0]', read)).toThrow('data[0].spans[0].operationName should be a string');
  });

  it('names a missing process and a tag value of the wrong type', () => {
    expect(() => parseV1Trace({ traceID: '1', spans: [span('1', [])], processes: {} }, 'data[0]', read)).toThrow('data[0].processes.p1 should be an object, got nothing');
    expect(() => parseV1Trace({ traceID: '1', spans: [span('1', [], { tags: [{ key: 'k', type: 'string', value: { a: 1 } }] })], processes: { p1: { serviceName: 's' } } }, 'data[0]', read)).toThrow('data[0].spans[0].tags[0].value should be a string, number or boolean, got an object');
  });

  it('lists the first span-level server warnings and counts the rest: 100,000 warned spans are not 100,000 lines', () => {
    const spans = Array.from({ length: 100_000 }, (_, i) => span((i + 1).toString(16), [], { warnings: [`clock skew adjustment disabled (${i})`] }));
    const trace = parseV1Trace({ traceID: '1', spans, processes: { p1: { serviceName: 's' } }, warnings: ['trace-level'] }, 'data[0]', read);
    expect(trace.spans).toHaveLength(100_000);
    expect(trace.warnings).toHaveLength(1 + MAX_SPAN_WARNINGS + 1);
    expect(trace.warnings[0]).toBe('trace-level');
    expect(trace.warnings[1]).toBe('op-1 (0000000000000001): clock skew adjustment disabled (0)');
    expect(trace.warnings[trace.warnings.length - 1]).toBe(`…and ${(100_000 - MAX_SPAN_WARNINGS).toLocaleString('en-US')} more span warnings from the server`);
  });

  it('lists every span warning when there are few', () => {
    const trace = parseV1Trace({ traceID: '1', spans: [span('1', [], { warnings: ['a', 'b'] })], processes: { p1: { serviceName: 's' } } }, 'data[0]', read);
    expect(trace.warnings).toEqual(['op-1 (0000000000000001): a', 'op-1 (0000000000000001): b']);
  });
});
