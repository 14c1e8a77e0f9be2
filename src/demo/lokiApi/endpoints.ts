import { compileMatchers } from '../labelMatchers';
import { entryNs, utf8Bytes } from '../logs/entry';
import type { DemoLogSource } from '../logs/logSource';
import { LogqlError, type LogQuery, type MetricQuery } from '../logql/ast';
import { evaluateMetricInstant, evaluateMetricRange, runLogQuery, selectStreams, type MetricSeries } from '../logql/evaluate';
import { parseLogql, parseSelector } from '../logql/parse';
import { allLabels, labelsKey, metadataOf, sortedLabels, type PipedEntry } from '../logql/pipeline';
import { formatGoFloat } from '../promApi/format';
import { nsToMs, ParamError, parseBounds, parseDirection, parseLimit, parseSecondsOrDuration, parseTimestamp, usWindow, value, type Bounds, type Form } from './params';
import { goJsonString, jsonResponse, labelsJson, secondsJson, statsJson, textError } from './responses';

export interface LokiContext {
  source: DemoLogSource;
  now: () => number;
  /** Loki's `max_entries_limit_per_query` (default 5000). */
  maxEntries: number;
}

/** Loki's `max_query_length` (721h): longer ranges are refused. */
const MAX_QUERY_LENGTH_MS = 721 * 3_600_000;
const MAX_POINTS = 11_000;

export const CATEGORIZE_LABELS = 'categorize-labels';

/** True when the request asks for structured metadata and parsed labels apart (`X-Loki-Response-Encoding-Flags`). */
export function wantsCategorized(request: Request): boolean {
  const raw = request.headers.get('X-Loki-Response-Encoding-Flags') ?? '';
  return raw.split(',').some((f) => f.trim() === CATEGORIZE_LABELS);
}

/** Turns the demo's own errors into Loki's: 400 text for bad input and unsupported queries. */
export function asLokiError(error: unknown): Response {
  if (error instanceof ParamError || error instanceof LogqlError) return textError(400, error.message);
  return textError(500, `demo Loki backend error: ${error instanceof Error ? error.message : String(error)}`);
}

function checkBounds(b: Bounds): void {
  if (b.endNs <= b.startNs) throw new ParamError('end timestamp must not be before or equal to start time');
  const lengthMs = nsToMs(b.endNs - b.startNs);
  if (lengthMs > MAX_QUERY_LENGTH_MS) {
    throw new ParamError(`the query time range exceeds the limit (query length: ${goDuration(lengthMs)}, limit: 721h0m0s)`);
  }
}

/** Go's time.Duration String for whole seconds and up (`1h0m0s`, `800h0m0s`). */
function goDuration(ms: number): string {
  const totalS = Math.floor(ms / 1000);
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  return h > 0 ? `${h}h${m}m${s}s` : m > 0 ? `${m}m${s}s` : `${s}s`;
}

/** Entries of one output stream. */
interface OutStream {
  labels: Record<string, string>;
  values: string[];
}

/** A log query's `streams` result: the first `limit` entries in `direction`, grouped into streams sorted by labels. */
function streamsResult(ctx: LokiContext, query: LogQuery, b: Bounds, limit: number, direction: 'forward' | 'backward', categorized: boolean): string {
  const started = Date.now();
  const { startUs, endUs } = usWindow(b);
  const streams = new Map<string, OutStream>();
  let returned = 0;
  let bytes = 0;
  for (const piped of runLogQuery(ctx.source, query, startUs, endUs, direction)) {
    const labels = categorized ? piped.entry.stream.labels : allLabels(piped);
    const key = categorized ? piped.entry.stream.key : labelsKey(labels);
    let s = streams.get(key);
    if (s === undefined) {
      s = { labels, values: [] };
      streams.set(key, s);
    }
    s.values.push(entryJson(piped, categorized));
    bytes += utf8Bytes(piped.line);
    if (++returned >= limit) break;
  }
  const sorted = [...streams.values()].sort((x, y) => {
    const a = labelsJson(x.labels);
    const c = labelsJson(y.labels);
    return a < c ? -1 : a > c ? 1 : 0;
  });
  const result = sorted.map((s) => `{"stream":${labelsJson(s.labels)},"values":[${s.values.join(',')}]}`).join(',');
  const flags = categorized ? `,"encodingFlags":["${CATEGORIZE_LABELS}"]` : '';
  const stats = statsJson({ lines: returned, bytes, returned, execS: (Date.now() - started) / 1000 });
  return `{"status":"success","data":{"resultType":"streams"${flags},"result":[${result}],"stats":${stats}}}`;
}

/** `["<ns>","<line>"]`, or with `categorize-labels` `["<ns>","<line>",{structuredMetadata?, parsed?}]`. */
function entryJson(piped: PipedEntry, categorized: boolean): string {
  const head = `"${entryNs(piped.entry)}",${goJsonString(piped.line)}`;
  if (!categorized) return `[${head}]`;
  const parts: string[] = [];
  const meta = metadataOf(piped.entry);
  if (meta !== undefined) parts.push(`"structuredMetadata":${labelsJson(meta)}`);
  if (piped.parsed !== undefined) parts.push(`"parsed":${labelsJson(Object.fromEntries(piped.parsed))}`);
  return `[${head},{${parts.join(',')}}]`;
}

function matrixJson(series: MetricSeries[]): string {
  return series.map((s) => `{"metric":${labelsJson(sortedLabels(s.labels))},"values":[${s.points.map(([t, v]) => `[${secondsJson(t)},"${formatGoFloat(v)}"]`).join(',')}]}`).join(',');
}

function defaultStepMs(b: Bounds): number {
  const rangeS = nsToMs(b.endNs - b.startNs) / 1000;
  return Math.max(Math.floor(rangeS / 250), 1) * 1000;
}

function checkLimit(ctx: LokiContext, limit: number): void {
  if (limit > ctx.maxEntries) {
    throw new ParamError(`max entries limit per query exceeded, limit > max_entries_limit_per_query (${limit} > ${ctx.maxEntries})`);
  }
}

function parseQueryParam(form: Form) {
  return parseLogql(value(form, 'query'));
}

/** `GET|POST /loki/api/v1/query_range`: `streams` for a log query, `matrix` for a metric query. */
export function queryRange(ctx: LokiContext, form: Form, request: Request): Response {
  const b = parseBounds(form, ctx.now());
  const limit = parseLimit(form);
  const direction = parseDirection(form);
  const stepRaw = value(form, 'step');
  const stepMs = stepRaw === '' ? defaultStepMs(b) : parseSecondsOrDuration(stepRaw);
  if (!(stepMs > 0)) throw new ParamError('zero or negative query resolution step widths are not accepted. Try a positive integer');
  checkBounds(b);
  const query = parseQueryParam(form);
  if (query.kind === 'log') {
    checkLimit(ctx, limit);
    return jsonResponse(streamsResult(ctx, query, b, limit, direction, wantsCategorized(request)));
  }
  const startMs = nsToMs(b.startNs);
  const endMs = nsToMs(b.endNs);
  if ((endMs - startMs) / stepMs > MAX_POINTS) {
    throw new ParamError('exceeded maximum resolution of 11,000 points per time series. Try increasing the value of the step parameter');
  }
  return jsonResponse(metricBody(ctx, query, startMs, endMs, Math.round(stepMs)));
}

function metricBody(ctx: LokiContext, query: MetricQuery, startMs: number, endMs: number, stepMs: number): string {
  const started = Date.now();
  const series = evaluateMetricRange(ctx.source, query, startMs, endMs, stepMs);
  const stats = statsJson({ lines: 0, bytes: 0, returned: 0, execS: (Date.now() - started) / 1000 });
  return `{"status":"success","data":{"resultType":"matrix","result":[${matrixJson(series)}],"stats":${stats}}}`;
}

/** `GET|POST /loki/api/v1/query`: an instant metric query as a `vector`; log queries are refused as Loki does. */
export function queryInstant(ctx: LokiContext, form: Form): Response {
  const nowNs = BigInt(Math.floor(ctx.now())) * 1_000_000n;
  const timeNs = parseTimestamp(value(form, 'time'), nowNs);
  parseLimit(form);
  parseDirection(form);
  const query = parseQueryParam(form);
  if (query.kind === 'log') throw new ParamError('log queries are not supported as an instant query type, please change your query to a range query type');
  const started = Date.now();
  const timeMs = nsToMs(timeNs);
  const series = evaluateMetricInstant(ctx.source, query, timeMs);
  const result = series
    .map((s) => {
      const last = s.points[s.points.length - 1];
      return last === undefined ? undefined : `{"metric":${labelsJson(s.labels)},"value":[${secondsJson(timeMs)},"${formatGoFloat(last[1])}"]}`;
    })
    .filter((x) => x !== undefined)
    .join(',');
  const stats = statsJson({ lines: 0, bytes: 0, returned: 0, execS: (Date.now() - started) / 1000 });
  return jsonResponse(`{"status":"success","data":{"resultType":"vector","result":[${result}],"stats":${stats}}}`);
}

/** The streams in range a `query` selector (optional) picks. */
function streamsFor(ctx: LokiContext, form: Form, selectorParam: string) {
  const b = parseBounds(form, ctx.now());
  const { startUs, endUs } = usWindow(b);
  const raw = value(form, selectorParam);
  const all = ctx.source.streams(startUs, endUs);
  if (raw === '') return all;
  return [...selectStreams(ctx.source, parseSelector(raw), startUs, endUs)];
}

/** `/loki/api/v1/labels`: label names of the streams in range; none → `{"status":"success"}` without `data` (omitempty). */
export function labelNames(ctx: LokiContext, form: Form): Response {
  const names = new Set<string>();
  for (const s of streamsFor(ctx, form, 'query')) for (const k of Object.keys(s.labels)) names.add(k);
  return namesResponse([...names]);
}

/** `/loki/api/v1/label/<name>/values`. */
export function labelValues(ctx: LokiContext, form: Form, name: string): Response {
  const values = new Set<string>();
  for (const s of streamsFor(ctx, form, 'query')) {
    const v = s.labels[name];
    if (v !== undefined) values.add(v);
  }
  return namesResponse([...values]);
}

function namesResponse(list: string[]): Response {
  if (list.length === 0) return jsonResponse('{"status":"success"}');
  list.sort();
  return jsonResponse(`{"status":"success","data":[${list.map(goJsonString).join(',')}]}`);
}

/** `/loki/api/v1/series`: label sets of the streams any `match[]` selects; `data` always present. */
export function series(ctx: LokiContext, form: Form): Response {
  const matches = form.get('match[]') ?? form.get('match') ?? [];
  if (matches.length === 0) throw new ParamError('0 matcher groups supplied');
  const b = parseBounds(form, ctx.now());
  const { startUs, endUs } = usWindow(b);
  const preds = matches.map((m) => compileMatchers(parseSelector(m)));
  const found = ctx.source.streams(startUs, endUs).filter((s) => preds.some((p) => p(s.labels)));
  found.sort((a, b2) => (a.key < b2.key ? -1 : a.key > b2.key ? 1 : 0));
  return jsonResponse(`{"status":"success","data":[${found.map((s) => labelsJson(s.labels)).join(',')}]}`);
}
