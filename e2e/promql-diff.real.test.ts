/**
 * The demo's PromQL subset against real Prometheus on the very same samples: the simulator's window is
 * written as OpenMetrics, backfilled with `promtool tsdb create-blocks-from openmetrics`, served by a
 * Prometheus with no scraping, and every query is answered by both. Answers must agree within 1e-9
 * relative (NaN equals NaN) with the same label sets and timestamps.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateInstant, evaluateRange, PromqlError } from '../src/demo/promql';
import { writeBackfillOpenMetrics } from '../src/demo/openmetrics/backfill';
import { createSimulator } from '../src/demo/simulator';
import type { SampleSource } from '../src/demo/source';
import { createPrometheusDataSource, enumerateTemplateQueries } from '../src/datasources/prometheus';
import type { DataSource } from '../src/datasources/types';
import { createBlocksFromOpenMetrics } from './servers/promtool';
import { startPrometheus, type RunningPrometheus } from './servers/prometheus';
import { queryPrometheus, type PromApiResult } from './servers/prometheusApi';
import { recordingFetch, type RecordedCall } from './servers/recordingFetch';
import { makeTempDir, type TempDir } from './servers/tempDir';
import { clipSource } from './servers/diff/clipSource';
import { compareResults, type Difference } from './servers/diff/compare';
import { fromEvaluator, fromPrometheusData } from './servers/diff/normalize';
import { INSTANT_ONLY_QUERIES, KNOWN_PARSE_ERROR_DIFFERENCES, PARSE_ERROR_QUERIES, REGEX_QUERIES, SUBSET_QUERIES } from './servers/diff/queries';
import { REGEX_PROBE_VALUES, withRegexProbe } from './servers/diff/regexProbe';

const MINUTE = 60_000;
const SEED = 4242;
/** A fixed historical window: 3 h on 12 March 2024, with the provider timeout inside it. */
const WINDOW_START = Date.UTC(2024, 2, 12, 9, 0, 0);
const WINDOW_END = WINDOW_START + 180 * MINUTE;
const SCENARIOS = [{ name: 'payment-provider-timeout', startsAtMs: WINDOW_START + 50 * MINUTE, durationMs: 90 * MINUTE }];

/** The dashboard's view of the window: the adapter picks step and `$__rate_interval` itself. */
const DASHBOARD_RANGE = { from: WINDOW_START + 7 * MINUTE + 3_000, to: WINDOW_END };
/** From before the first sample to past the last: series appearing, and lookback after the data ends. */
const EDGE_RANGE = { from: WINDOW_START - 10 * MINUTE, to: WINDOW_END + 10 * MINUTE };
/** Evaluation instants that fall between samples, with a step that is no multiple of the scrape interval. */
const OFF_GRID = { startMs: WINDOW_START + 1_234, endMs: WINDOW_END, stepMs: 37_000 };
const INSTANTS = [WINDOW_START + 95 * MINUTE + 7_500, WINDOW_END + 2 * MINUTE];

const seconds = (ms: number) => (ms / 1000).toFixed(3);

let tmp: TempDir;
let prom: RunningPrometheus;
let source: SampleSource;

beforeAll(async () => {
  tmp = makeTempDir('promql-diff');
  // The simulator's metrics plus a few probe series whose label values hold newlines and other regex traps.
  const simulator = withRegexProbe(createSimulator({ seed: SEED, scenarios: SCENARIOS }));
  source = clipSource(simulator, WINDOW_START, WINDOW_END);
  const file = join(tmp.path, 'backfill.om');
  const fd = openSync(file, 'w');
  try {
    writeBackfillOpenMetrics(simulator, WINDOW_START, WINDOW_END, (chunk: string) => {
      writeSync(fd, chunk);
    });
  } finally {
    closeSync(fd);
  }
  await createBlocksFromOpenMetrics(file, join(tmp.path, 'tsdb'));
  prom = await startPrometheus({ tsdbPath: join(tmp.path, 'tsdb') });
});

afterAll(async () => {
  await prom?.stop();
  tmp?.remove();
});

/** Evaluates with the demo; a PromqlError becomes a difference, since every query here is in the subset. */
function demoAnswer(evaluate: () => ReturnType<typeof evaluateRange> | ReturnType<typeof evaluateInstant>) {
  try {
    return { ok: true as const, series: fromEvaluator(evaluate()) };
  } catch (error) {
    if (error instanceof PromqlError) return { ok: false as const, message: `${error.kind}: ${error.message}` };
    throw error;
  }
}

/** What a comparison looked at, so a test can tell "agreed" from "both answered nothing". */
interface Compared {
  differences: string[];
  series: number;
  points: number;
}

function describeDifferences(query: string, where: string, prometheus: PromApiResult, demo: ReturnType<typeof demoAnswer>): Compared {
  const none = { series: 0, points: 0 };
  if (prometheus.status !== 'success') return { differences: [`${query} @ ${where}: Prometheus refused it: ${prometheus.error}`], ...none };
  if (!demo.ok) return { differences: [`${query} @ ${where}: demo refused it: ${demo.message}`], ...none };
  const expected = fromPrometheusData(prometheus.data);
  const differences = compareResults(expected, demo.series).map((d: Difference) => `${query} @ ${where}: ${d.series} ${d.problem}`);
  return { differences, series: expected.length, points: expected.reduce((n, s) => n + s.timesMs.length, 0) };
}

/** Accumulates comparisons; `check` fails with a readable report of every difference. */
class DiffLog {
  differences: string[] = [];
  empty: string[] = [];
  points = 0;

  add(query: string, compared: Compared): void {
    this.differences.push(...compared.differences);
    this.points += compared.points;
    if (compared.series === 0 && compared.differences.length === 0) this.empty.push(query);
  }

  check(): void {
    const shown = this.differences.slice(0, 60).join('\n');
    expect(this.differences.length === 0 ? '' : `${this.differences.length} differences:\n${shown}`).toBe('');
  }
}

async function diffRange(query: string, startMs: number, endMs: number, stepMs: number): Promise<Compared> {
  const prometheus = await queryPrometheus(prom.url, '/api/v1/query_range', {
    query,
    start: seconds(startMs),
    end: seconds(endMs),
    step: String(stepMs / 1000),
  });
  const demo = demoAnswer(() => evaluateRange(source, query, startMs, endMs, stepMs));
  return describeDifferences(query, `range ${seconds(startMs)}..${seconds(endMs)} step ${stepMs / 1000}s`, prometheus, demo);
}

async function diffInstant(query: string, timeMs: number): Promise<Compared> {
  const prometheus = await queryPrometheus(prom.url, '/api/v1/query', { query, time: seconds(timeMs) });
  const demo = demoAnswer(() => evaluateInstant(source, query, timeMs));
  return describeDifferences(query, `instant ${seconds(timeMs)}`, prometheus, demo);
}

/** Replays a query_range the adapter sent to Prometheus through the demo evaluator with the same parameters. */
function diffRecordedRange(call: RecordedCall): Compared {
  const query = call.params.get('query') ?? '';
  const startMs = Math.round(Number(call.params.get('start')) * 1000);
  const endMs = Math.round(Number(call.params.get('end')) * 1000);
  const stepMs = Math.round(Number(call.params.get('step')) * 1000);
  const body = call.body as { status: string; data?: unknown; error?: string };
  const prometheus: PromApiResult =
    body.status === 'success'
      ? { status: 'success', data: body.data, httpStatus: call.status }
      : { status: 'error', errorType: 'bad_data', error: String(body.error), httpStatus: call.status };
  const demo = demoAnswer(() => evaluateRange(source, query, startMs, endMs, stepMs));
  return describeDifferences(query, `range ${seconds(startMs)}..${seconds(endMs)} step ${stepMs / 1000}s`, prometheus, demo);
}

/** Every query the Golden Signals templates produce, OTel (payments) and classic (inventory). */
function templateQueries(): string[] {
  return [...new Set([...enumerateTemplateQueries('payments'), ...enumerateTemplateQueries('inventory')])];
}

describe('PromQL subset: demo evaluator vs Prometheus on the same backfilled samples', () => {
  it('backfilled exactly the simulated samples (every raw sample of every series)', async () => {
    const log = new DiffLog();
    log.add('all', await diffInstant('{__name__=~".+"}[3h]', WINDOW_END));
    log.check();
    const seriesCount = source.select([{ name: '__name__', type: '=~', value: '.+' }]).length;
    expect(log.points).toBe(seriesCount * (1 + (WINDOW_END - WINDOW_START) / 15_000));
  });

  it.each([
    ['at the default step', undefined, DASHBOARD_RANGE],
    ['at a 60 s step across both edges of the data', 60_000, EDGE_RANGE],
  ])('agrees on every Golden Signals template query through the adapter, %s', async (_label, stepMs, range) => {
    const queries = templateQueries();
    expect(queries.length).toBeGreaterThanOrEqual(20);
    const recorder = recordingFetch();
    const ds: DataSource = createPrometheusDataSource({ uid: 'diff', kind: 'prometheus', name: 'diff', url: prom.url }, recorder.fetch);
    const log = new DiffLog();
    for (const query of queries) {
      const signal = AbortSignal.timeout(30_000);
      await ds.metrics!.queryRange(query, { range, signal, ...(stepMs === undefined ? {} : { stepMs }) }).catch(() => undefined);
      const call = recorder.calls.at(-1);
      expect(call?.path).toBe('/api/v1/query_range');
      expect(call!.params.get('query')).not.toContain('$__');
      log.add(call!.params.get('query') ?? '', diffRecordedRange(call!));
    }
    log.check();
    console.info(`${queries.length} template queries, ${log.points} points compared`);
    // Templates for the other convention (service_name="inventory", job="payments") are legitimately empty.
    expect(log.empty.filter((q) => !/service_name="inventory"|job="payments"/.test(q))).toEqual([]);
    expect(log.points).toBeGreaterThan(queries.length * 50);
  });

  it('agrees on the subset queries as range queries on the sample grid', async () => {
    const log = new DiffLog();
    for (const query of SUBSET_QUERIES) log.add(query, await diffRange(query, WINDOW_START, WINDOW_END, 15_000));
    log.check();
    expect(log.empty).toEqual([]);
  });

  it('agrees on the subset queries as range queries between samples', async () => {
    const log = new DiffLog();
    for (const query of SUBSET_QUERIES) log.add(query, await diffRange(query, OFF_GRID.startMs, OFF_GRID.endMs, OFF_GRID.stepMs));
    log.check();
    expect(log.empty).toEqual([]);
  });

  it('agrees on instant queries, including past the last sample', async () => {
    const log = new DiffLog();
    for (const timeMs of INSTANTS) {
      for (const query of [...SUBSET_QUERIES, ...INSTANT_ONLY_QUERIES]) log.add(query, await diffInstant(query, timeMs));
    }
    log.check();
    expect(log.points).toBeGreaterThan(INSTANTS.length * SUBSET_QUERIES.length);
  });

  it('agrees on regex matchers: newlines, (?i) and other flag groups, RE2 classes', async () => {
    const log = new DiffLog();
    let matched = 0;
    for (const query of REGEX_QUERIES) {
      const compared = await diffInstant(query, WINDOW_END);
      matched += compared.series;
      log.add(query, compared);
    }
    log.check();
    // Most cases select something, so agreement is not two empty answers.
    expect(log.empty.length).toBeLessThan(REGEX_QUERIES.length / 4);
    expect(matched).toBeGreaterThan(REGEX_QUERIES.length);
    // The finding the demo follows: in 2.42 `.` stops at \n (3.0 compiles `^(?s:value)$`, where it would not).
    const dot = await queryPrometheus(prom.url, '/api/v1/query', { query: 'count(watchfloor_regex_probe{value=~"line one.line two"}) or vector(0)', time: seconds(WINDOW_END) });
    const dotAll = await queryPrometheus(prom.url, '/api/v1/query', { query: 'count(watchfloor_regex_probe{value=~"(?s)line one.line two"})', time: seconds(WINDOW_END) });
    const count = (r: PromApiResult) => (r.status === 'success' ? (r.data as { result: Array<{ value: [number, string] }> }).result[0]?.value[1] : r.error);
    expect([count(dot), count(dotAll)]).toEqual(['0', '1']);
    // The probe's newline values made it through the backfill intact.
    const all = await queryPrometheus(prom.url, '/api/v1/series', { 'match[]': 'watchfloor_regex_probe', start: seconds(WINDOW_START), end: seconds(WINDOW_END) });
    expect(all.status === 'success' ? (all.data as Array<Record<string, string>>).map((l) => l['value'] ?? '').sort() : all).toEqual([...REGEX_PROBE_VALUES].sort());
  });

  /** Prometheus's `line:col: parse error: …` for a query, or its whole error when it is no parse error. */
  async function prometheusParseError(query: string): Promise<string> {
    const prometheus = await queryPrometheus(prom.url, '/api/v1/query', { query, time: seconds(WINDOW_END) });
    if (prometheus.status !== 'error') return 'accepted';
    return /(\d+:\d+: parse error: .*)$/.exec(prometheus.error)?.[1] ?? prometheus.error;
  }

  it('reports parse errors worded and placed exactly as Prometheus does', async () => {
    const mismatches: string[] = [];
    for (const query of PARSE_ERROR_QUERIES) {
      const theirs = await prometheusParseError(query);
      const demo = demoAnswer(() => evaluateInstant(source, query, WINDOW_END));
      const ours = demo.ok ? 'accepted' : demo.message.replace(/^parse: /, '');
      if (!theirs.includes('parse error') || ours !== theirs) {
        mismatches.push(`${JSON.stringify(query)}: Prometheus ${JSON.stringify(theirs)}, demo ${JSON.stringify(ours)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('still differs from Prometheus only as documented on the known differences', async () => {
    for (const { query, demo: expected } of KNOWN_PARSE_ERROR_DIFFERENCES) {
      expect(await prometheusParseError(query), query).toContain('parse error');
      const demo = demoAnswer(() => evaluateInstant(source, query, WINDOW_END));
      const outcome = demo.ok ? 'accepted' : demo.message.startsWith('unsupported: ') ? 'unsupported' : demo.message;
      expect(outcome, query).toBe(expected);
    }
  });
});
