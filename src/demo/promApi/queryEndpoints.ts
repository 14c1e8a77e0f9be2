import { evaluateInstant, evaluateRange, parseQuery, selectorsOf, labelsKey, compareLabels, type InstantResult } from '../promql';
import type { ExemplarSeries } from '../source';
import { applyLimit, queryFailure, type Endpoint } from './endpointContext';
import { formValue, parseDurationNs, parseLimit, parseTime, parseTimeParam, readForm } from './params';
import { failure, invalidParam, success } from './responses';
import { exemplarsJson, queryDataJson } from './serialize';

/** Prometheus's per-series point cap for range queries. */
const MAX_POINTS = 11_000;

function limited(result: InstantResult, limit: number): { result: InstantResult; warnings: string[] } {
  if (result.resultType === 'matrix') {
    const { items, warnings } = applyLimit(result.series, limit);
    return { result: { ...result, series: [...items] }, warnings };
  }
  if (result.resultType === 'vector') {
    const { items, warnings } = applyLimit(result.samples, limit);
    return { result: { ...result, samples: [...items] }, warnings };
  }
  return { result, warnings: [] };
}

/** GET/POST /api/v1/query_range, validating in Prometheus's order with its messages. */
export const queryRange: Endpoint = async (request, ctx) => {
  const form = await readForm(request);
  const start = parseTime(formValue(form, 'start'));
  if (!start.ok) return invalidParam(request, 'start', start.error);
  const end = parseTime(formValue(form, 'end'));
  if (!end.ok) return invalidParam(request, 'end', end.error);
  if (end.value < start.value) return invalidParam(request, 'end', 'end timestamp must not be before start time');
  const step = parseDurationNs(formValue(form, 'step'));
  if (!step.ok) return invalidParam(request, 'step', step.error);
  const stepMs = Math.trunc(step.value / 1e6);
  if (step.value <= 0 || stepMs <= 0) {
    return invalidParam(request, 'step', 'zero or negative query resolution step widths are not accepted. Try a positive integer');
  }
  if (Math.floor(((end.value - start.value) * 1e6) / step.value) > MAX_POINTS) {
    return failure(request, 'bad_data', 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
  }
  const limit = parseLimit(formValue(form, 'limit'));
  if (!limit.ok) return invalidParam(request, 'limit', limit.error);
  try {
    const query = formValue(form, 'query');
    // The answer depends on these alone (no `now`): a window asked again is answered from the cache.
    const key = JSON.stringify([query, start.value, end.value, stepMs, limit.value]);
    const answer = ctx.rangeAnswers.get(key, () => {
      const { result, warnings } = limited(evaluateRange(ctx.source, query, start.value, end.value, stepMs, ctx.rangeWindows), limit.value);
      const dataJson = queryDataJson(result);
      return { dataJson, warnings, size: dataJson.length };
    });
    return success(request, answer.dataJson, answer.warnings);
  } catch (e) {
    return queryFailure(request, e);
  }
};

/** GET/POST /api/v1/query: `time` defaults to now. */
export const queryInstant: Endpoint = async (request, ctx) => {
  const form = await readForm(request);
  const time = parseTimeParam(form, 'time', ctx.now());
  if (!time.ok) return invalidParam(request, 'time', time.error);
  const limit = parseLimit(formValue(form, 'limit'));
  if (!limit.ok) return invalidParam(request, 'limit', limit.error);
  try {
    const { result, warnings } = limited(evaluateInstant(ctx.source, formValue(form, 'query'), time.value), limit.value);
    return success(request, queryDataJson(result), warnings);
  } catch (e) {
    return queryFailure(request, e);
  }
};

/** The demo bounds an open exemplar window to the last hour instead of all of time. */
const DEFAULT_EXEMPLAR_WINDOW_MS = 3600_000;

/** GET/POST /api/v1/query_exemplars: exemplars of every selector in the query. */
export const queryExemplars: Endpoint = async (request, ctx) => {
  const form = await readForm(request);
  const end = parseTimeParam(form, 'end', ctx.now());
  if (!end.ok) return invalidParam(request, 'end', end.error);
  const start = parseTimeParam(form, 'start', end.value - DEFAULT_EXEMPLAR_WINDOW_MS);
  if (!start.ok) return invalidParam(request, 'start', start.error);
  if (end.value < start.value) return invalidParam(request, 'end', 'end timestamp must not be before start time');
  let selectors;
  try {
    selectors = selectorsOf(parseQuery(formValue(form, 'query')));
  } catch (e) {
    return queryFailure(request, e);
  }
  // No selectors: Prometheus answers with a nil result, which omits `data`.
  if (selectors.length === 0) return success(request, undefined);
  const bySeries = new Map<string, ExemplarSeries>();
  for (const matchers of selectors) {
    for (const series of ctx.source.exemplars(matchers, start.value, end.value)) {
      const key = labelsKey(series.seriesLabels);
      if (!bySeries.has(key)) bySeries.set(key, series);
    }
  }
  const sorted = [...bySeries.values()].sort((a, b) => compareLabels(a.seriesLabels, b.seriesLabels));
  return success(request, exemplarsJson(sorted));
};
