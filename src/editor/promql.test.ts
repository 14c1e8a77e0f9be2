import { CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { promqlLanguage } from './promql';
import type { PromQLCompletionSource } from './promqlClient';
import { requoted } from './promqlClient';

/** Records every lookup codemirror-promql makes through the source. */
function recordingSource() {
  const calls: { call: string; args: unknown[]; signal: AbortSignal }[] = [];
  const source: PromQLCompletionSource = {
    labelNames: async (signal, match) => (calls.push({ call: 'labelNames', args: [match], signal }), ['job', 'status']),
    labelValues: async (label, signal, match) => {
      calls.push({ call: 'labelValues', args: [label, match], signal });
      return label === '__name__' ? ['http_requests_total', 'http_request_duration_seconds_bucket', 'up'] : ['api', 'web"ui'];
    },
    series: async (match, signal) => (calls.push({ call: 'series', args: [match], signal }), []),
    metadata: async (signal) => (calls.push({ call: 'metadata', args: [], signal }), { http_requests_total: [{ type: 'counter', help: 'Requests served.' }] }),
  };
  return { source, calls };
}

/** Completes at `|` in `doc` (the end when there is none), as the editor would on Ctrl+Space. */
async function complete(text: string, source: PromQLCompletionSource): Promise<CompletionResult | null> {
  const pos = text.includes('|') ? text.indexOf('|') : text.length;
  const doc = text.replace('|', '');
  const language = promqlLanguage(source);
  const state = EditorState.create({ doc, extensions: [language.extension] });
  const sources = state.languageDataAt<CompletionSource>('autocomplete', pos);
  expect(sources).toHaveLength(1);
  return sources[0]!(new CompletionContext(state, pos, true));
}

describe('PromQL completion through a completion source', () => {
  it('offers metric names (with their metadata) and functions for a bare identifier', async () => {
    const { source, calls } = recordingSource();
    const result = await complete('http_req', source);
    const labels = result?.options.map((o) => o.label) ?? [];
    expect(labels).toContain('http_requests_total');
    expect(labels).toContain('histogram_quantile');
    expect(result?.options.find((o) => o.label === 'http_requests_total')).toMatchObject({ detail: 'counter', info: 'Requests served.' });
    expect(calls.map((c) => c.call)).toEqual(['labelValues', 'metadata']);
    expect(calls[0]!.args).toEqual(['__name__', undefined]);
  });

  it('asks for label names of the metric being selected', async () => {
    const { source, calls } = recordingSource();
    const result = await complete('http_requests_total{|}', source);
    expect(result?.options.map((o) => o.label)).toEqual(['job', 'status']);
    expect(calls).toMatchObject([{ call: 'labelNames', args: ['http_requests_total'] }]);
  });

  it('asks for label values narrowed by the metric and the other matchers, each operator kept', async () => {
    const { source, calls } = recordingSource();
    const result = await complete('http_requests_total{status=~"5..", code!="", env!~"dev", zone!="eu", job="|"}', source);
    expect(calls).toMatchObject([{ call: 'labelValues', args: ['job', 'http_requests_total{status=~"5..",env!~"dev",zone!="eu"}'] }]);
    // A value holding a quote is inserted escaped.
    expect(result?.options.find((o) => o.label === 'web"ui')?.apply).toBe('web\\"ui');
  });

  it('passes one signal per editor, which destroy aborts; later lookups get a fresh one', async () => {
    const { source, calls } = recordingSource();
    const language = promqlLanguage(source);
    const state = EditorState.create({ doc: 'up{}', extensions: [language.extension] });
    const run = () => state.languageDataAt<CompletionSource>('autocomplete', 3)[0]!(new CompletionContext(state, 3, true));
    await run();
    language.destroy?.();
    expect(calls[0]!.signal.aborted).toBe(true);
    await run();
    expect(calls[1]!.signal.aborted).toBe(false);
  });

  it('completes nothing from a source that fails, instead of throwing into the editor', async () => {
    const failing: PromQLCompletionSource = {
      labelNames: () => Promise.reject(new Error('down')),
      labelValues: () => Promise.reject(new Error('down')),
      series: () => Promise.reject(new Error('down')),
      metadata: () => Promise.reject(new Error('down')),
    };
    const result = await complete('rat', failing);
    const labels = result?.options.map((o) => o.label) ?? [];
    expect(labels).toContain('rate');
    expect(labels).not.toContain('http_requests_total');
  });
});

describe('requoted', () => {
  it('keeps a double-quoted literal as typed and makes a single-quoted one safe in double quotes', () => {
    expect(requoted('a\\"b\\\\c')).toBe('a\\"b\\\\c');
    expect(requoted('say "hi" \\\'x\\\'')).toBe('say \\"hi\\" \'x\'');
    expect(requoted('trailing\\')).toBe('trailing\\\\');
  });
});
