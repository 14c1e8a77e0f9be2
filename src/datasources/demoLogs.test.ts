import { describe, expect, it } from 'vitest';
import { loadDataSources } from './registry';

// The embedded demo's logs read through the real Loki adapter, as the log explorer reads them: the incident's
// timeout errors carry trace IDs that the demo's trace backends resolve.

const noConfig: typeof fetch = async () => new Response('not found', { status: 404 });

describe('the demo through the Loki adapter', () => {
  it("finds the provider timeouts of the last 15 minutes, each with a trace ID the demo's Jaeger opens", async () => {
    const set = await loadDataSources(noConfig);
    const loki = set.get('demo-loki')!.logs!;
    const to = Date.now();
    const range = { from: to - 15 * 60_000, to };
    const signal = new AbortController().signal;
    const page = await loki.queryLogs('{service_name="payments"} |= "payment provider timeout"', { range, signal, limit: 50, direction: 'backward' });
    expect(page.lines.length).toBeGreaterThan(0);
    for (const line of page.lines) {
      expect(line.line).toContain('payment provider timeout after 30000ms');
      expect(line.level).toBe('error');
      expect(line.traceId).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(page.lines.map((l) => l.timeMs)).toEqual([...page.lines.map((l) => l.timeMs)].sort((a, b) => b - a));
    const first = page.lines[0]!;
    const trace = await set.get('demo-jaeger')!.traces!.getTrace(first.traceId!, { range: { from: first.timeMs - 60_000, to: first.timeMs + 60_000 }, signal });
    expect(trace.spans.some((s) => s.service === 'payment-provider' || s.service === 'payments')).toBe(true);
    if (first.spanId) expect(trace.spans.some((s) => s.spanId === first.spanId), 'the line’s span is in the trace').toBe(true);
  });
});
