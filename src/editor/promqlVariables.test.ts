import { EditorState } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { LanguageType, PromQLExtension, promQLLanguage } from '@prometheus-io/codemirror-promql';
import { describe, expect, it } from 'vitest';
import { fillIntervalVariables, lintWithVariablesFilled } from './promqlVariables';

const grammar = promQLLanguage(LanguageType.PromQL);
const strategy = new PromQLExtension().getLinter();
const lint = lintWithVariablesFilled(strategy.promQL.call(strategy), grammar);

async function lintText(text: string) {
  const state = EditorState.create({ doc: text, extensions: [grammar] });
  return lint({ state } as unknown as EditorView);
}

describe('interval variables in the client-side PromQL linter', () => {
  it('fills variables with PromQL of the same length: durations in brackets, numbers elsewhere', () => {
    const text = 'rate(x[$__rate_interval]) / $__interval_ms + max_over_time(y[$__range:$__interval])';
    const filled = fillIntervalVariables(text);
    expect(filled).toHaveLength(text.length);
    expect(filled).toBe('rate(x[111111111111111s]) / 11111111111111 + max_over_time(y[1111111s:1111111111s])');
  });

  it('does not mark a dashboard query with $__rate_interval as wrong', async () => {
    expect(await lintText('sum by (service_name) (rate(http_server_request_duration_seconds_count[$__rate_interval]))')).toEqual([]);
  });

  it('still marks a real error in such a query, where it is', async () => {
    const text = 'sum(rate(x[$__rate_interval])) by (job) +';
    const diagnostics = await lintText(text);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]!.from).toBeGreaterThan(text.indexOf('(job)'));
  });

  it('leaves queries without variables to the linter as they are', async () => {
    expect(await lintText('sum(rate(x[5m]))')).toEqual([]);
    expect((await lintText('rate(x[5m])) + up')).length).toBeGreaterThan(0);
  });
});
