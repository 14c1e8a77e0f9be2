import { describe, expect, it } from 'vitest';
import { syntheticJaegerFile } from './syntheticJaeger';

describe('syntheticJaegerFile', () => {
  it('writes the asked-for spans, services and depth as Jaeger JSON, the same bytes every time', () => {
    const { text, depth } = syntheticJaegerFile({ spans: 5000, services: 30, maxDepth: 25 });
    const file = JSON.parse(text) as { data: Array<{ spans: Array<{ spanID: string; processID: string; references: Array<{ spanID: string }>; startTime: number; duration: number }>; processes: object }> };
    const trace = file.data[0]!;
    expect(trace.spans).toHaveLength(5000);
    expect(new Set(trace.spans.map((s) => s.processID)).size).toBe(30);
    expect(Object.keys(trace.processes)).toHaveLength(30);
    expect(depth).toBe(25);
    // Every parent exists and holds its child's time.
    const byId = new Map(trace.spans.map((s) => [s.spanID, s]));
    for (const s of trace.spans.slice(1)) {
      const p = byId.get(s.references[0]!.spanID)!;
      expect(s.startTime).toBeGreaterThanOrEqual(p.startTime);
      expect(s.startTime + s.duration).toBeLessThanOrEqual(p.startTime + p.duration + 1);
    }
    expect(syntheticJaegerFile({ spans: 5000, services: 30, maxDepth: 25 }).text).toBe(text);
  });
});
