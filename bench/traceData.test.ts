import { describe, expect, it } from 'vitest';
import { parseV1Trace } from '../src/datasources/jaeger';
import { shapeReaders } from '../src/datasources/shared/shape';
import { buildTraceTree } from '../src/model/traceTree';
import { summarizeTraceTree } from '../src/model/traceStats';
import { syntheticJaegerTrace, TRACE_MAX_DEPTH, TRACE_SERVICES } from './traceData';

describe('the waterfall benchmark trace', () => {
  it('is a valid Jaeger trace of 30 services and depth up to 25, that the model takes without adjustments', () => {
    const doc = syntheticJaegerTrace(3_000);
    const trace = parseV1Trace(doc.data[0], 'data[0]', shapeReaders('Jaeger'));
    const tree = buildTraceTree(trace);
    const summary = summarizeTraceTree(tree);
    expect(summary.spanCount).toBe(3_000);
    expect(summary.services).toHaveLength(TRACE_SERVICES);
    expect(summary.depth).toBeLessThanOrEqual(TRACE_MAX_DEPTH);
    expect(summary.depth).toBeGreaterThanOrEqual(TRACE_MAX_DEPTH - 3);
    expect(tree.warnings).toEqual([]);
    expect(summary.errorCount).toBeGreaterThan(0);
    expect(trace.spans.some((s) => s.events.length > 0)).toBe(true);
  });

  it('is the same for the same size', () => {
    expect(JSON.stringify(syntheticJaegerTrace(200))).toBe(JSON.stringify(syntheticJaegerTrace(200)));
  });
});
