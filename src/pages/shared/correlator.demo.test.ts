import { describe, expect, it } from 'vitest';
import { loadDataSources } from '../../datasources/registry';
import type { CrossLink } from '../../model/correlations';
import { createCorrelator } from '../../model/correlator';
import { readLogsUrl } from '../logs/useLogsUrl';
import { correlationSource } from './correlator';

// The links the correlator builds, followed on the embedded demo through the real adapters, as the log
// explorer follows them: "Logs for this trace" must list the incident's provider-timeout lines of that trace.

const noConfig: typeof fetch = async () => new Response('not found', { status: 404 });

function target(link: CrossLink) {
  if (!link.available) throw new Error(`no link: ${link.reason}`);
  const url = new URL(link.href, 'http://x');
  return { path: url.pathname, state: readLogsUrl(url.searchParams), from: Number(url.searchParams.get('from')), to: Number(url.searchParams.get('to')) };
}

describe('the correlator on the demo', () => {
  it("'Logs for this trace' and 'Logs for this span' list the payment provider timeout lines carrying the trace's ID", async () => {
    const set = await loadDataSources(noConfig);
    const signal = new AbortController().signal;
    const loki = set.get('demo-loki')!.logs!;
    const to = Date.now();
    const seed = await loki.queryLogs('{service_name="payments"} |= "payment provider timeout"', { range: { from: to - 15 * 60_000, to }, signal, limit: 5, direction: 'backward' });
    const traceId = seed.lines[0]?.traceId;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    const seenAt = seed.lines[0]!.timeMs;
    const trace = await set.get('demo-jaeger')!.traces!.getTrace(traceId!, { range: { from: seenAt - 60_000, to: seenAt + 60_000 }, signal });
    const startUs = Math.min(...trace.spans.map((s) => s.startUs));
    const endUs = Math.max(...trace.spans.map((s) => s.startUs + s.durationUs));

    const correlator = createCorrelator(set.list.map((ds) => correlationSource(ds)), set.correlations);
    const link = correlator.logsForTrace({ datasourceUid: 'demo-jaeger', traceId: trace.traceId, startMs: startUs / 1000, endMs: endUs / 1000 });
    const t = target(link);
    expect(t.path).toBe('/explore/logs');
    expect(t.state.ds).toBe('demo-loki');
    const page = await set.get(t.state.ds!)!.logs!.queryLogs(t.state.query, { range: { from: t.from, to: t.to }, signal, limit: 500, direction: 'backward' });
    expect(page.lines.length).toBeGreaterThan(0);
    for (const line of page.lines) expect(line.traceId).toBe(trace.traceId);
    expect(page.lines.some((l) => l.line.includes('payment provider timeout after 30000ms'))).toBe(true);

    // The span that timed out: payments' client call to the provider.
    const client = trace.spans.find((s) => s.service === 'payments' && s.kind === 'client' && s.status === 'error');
    expect(client).toBeDefined();
    const spanLink = correlator.logsForSpan('demo-jaeger', {
      traceId: trace.traceId,
      spanId: client!.spanId,
      service: client!.service,
      startMs: client!.startUs / 1000,
      endMs: (client!.startUs + client!.durationUs) / 1000,
    });
    const s = target(spanLink);
    const spanPage = await set.get(s.state.ds!)!.logs!.queryLogs(s.state.query, { range: { from: s.from, to: s.to }, signal, limit: 500, direction: 'backward' });
    expect(spanPage.lines.length).toBeGreaterThan(0);
    for (const line of spanPage.lines) {
      expect(line.traceId).toBe(trace.traceId);
      expect(line.stream.labels['service_name']).toBe('payments');
    }
    expect(spanPage.lines.some((l) => l.line.includes('payment provider timeout after 30000ms'))).toBe(true);
  });
});
