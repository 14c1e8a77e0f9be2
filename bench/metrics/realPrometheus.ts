import { closeSync, openSync, writeSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { findFreePort } from '../../e2e/servers/ports';
import { queryPrometheus } from '../../e2e/servers/prometheusApi';
import { startPrometheus, type RunningPrometheus } from '../../e2e/servers/prometheus';
import { createBlocksFromOpenMetrics } from '../../e2e/servers/promtool';
import { makeTempDir } from '../../e2e/servers/tempDir';
import { waitFor } from '../../e2e/servers/waitFor';
import { serveDist } from '../../scripts/serve-dist';
import { writeBackfillOpenMetrics } from '../../src/demo/openmetrics/backfill';
import { startHttpServer } from '../../e2e/servers/serverProcess';
import type { ManagedProcess } from '../../e2e/servers/childProcess';
import { createSimulator, DEFAULT_SEED, defaultScenarios } from '../../src/demo/simulator';
import { toResult, type BenchResult } from '../results';
import { firstLine } from './sampling';

export interface RealStackOptions {
  /** Project root (where bench/metrics/demoTarget.ts is). */
  root: string;
  /** The built app to serve (dist/). */
  distDir: string;
  /** How much history to backfill before now: the dashboard's range plus its longest rate window. */
  historyMs: number;
  /** Bound on the whole start-up (backfill, promtool, Prometheus ready, first scrapes). */
  startTimeoutMs: number;
}

export interface RealStack {
  /** The app, served with a config.json whose one datasource is the real Prometheus. */
  baseUrl: string;
  /** What start-up took, for the metric's note. */
  startupMs: number;
}

/**
 * The real-Prometheus stack of e2e/servers/realStack.ts (the demo server as a scrape target, a real
 * Prometheus scraping it, the built app pointed at it by config.json), with history: waiting for an hour of
 * scrapes is out of the question, so a simulator with the demo server's seed and incident writes the last
 * `historyMs` as OpenMetrics, promtool backfills it, and Prometheus starts on that TSDB and scrapes on from
 * there. The simulator is deterministic, so the live scrapes continue the same series and ranges ending
 * after start-up have new samples. Scrapes come every 15 s, the interval config.json declares and the
 * backfill's resolution (the demo server runs in its own process: see demoTarget.ts). Everything is
 * stopped, and the TSDB removed, when `run` settles.
 */
export async function withRealPrometheus<T>(options: RealStackOptions, run: (stack: RealStack) => Promise<T>): Promise<T> {
  const started = Date.now();
  const tmp = makeTempDir('bench-real');
  let demo: ManagedProcess | undefined;
  let prometheus: RunningPrometheus | undefined;
  let app: Server | undefined;
  try {
    const backfillEnd = Date.now() - 1000;
    // The demo server's default incident, fixed here so that target and backfill agree across an hour boundary.
    const scenarios = defaultScenarios(backfillEnd);
    const incidentStartMs = scenarios[0]!.startsAtMs;
    const target = await startHttpServer({
      name: 'demo server',
      command: 'npx',
      args: (p) => ['tsx', 'bench/metrics/demoTarget.ts', String(p), String(incidentStartMs)],
      cwd: options.root,
      readyPath: '/-/ready',
      readyTimeoutMs: 60_000,
    });
    demo = target.process;
    const simulator = createSimulator({ seed: DEFAULT_SEED, scenarios });
    const file = join(tmp.path, 'history.om');
    const fd = openSync(file, 'w');
    try {
      writeBackfillOpenMetrics(simulator, backfillEnd - options.historyMs, backfillEnd, (chunk) => {
        writeSync(fd, chunk);
      });
    } finally {
      closeSync(fd);
    }
    const tsdb = join(tmp.path, 'tsdb');
    await createBlocksFromOpenMetrics(file, tsdb, options.startTimeoutMs);
    prometheus = await startPrometheus({
      tsdbPath: tsdb,
      scrapeTargets: [{ address: `127.0.0.1:${target.port}` }],
      scrapeIntervalSeconds: 15,
    });
    const promUrl = prometheus.url;
    // Ready means: the backfilled history answers, and the live target has been scraped.
    const ask = async (query: string, time: number) => {
      const r = await queryPrometheus(promUrl, '/api/v1/query', { query, time: String(time / 1000) });
      return r.status === 'success' && (r.data as { result: unknown[] }).result.length > 0;
    };
    await waitFor(
      async () => ((await ask('count({__name__!=""})', backfillEnd - options.historyMs / 2)) && (await ask('up{job="demo-0"} == 1', Date.now())) ? true : undefined),
      { description: 'backfilled history and a live scrape', timeoutMs: Math.max(1000, options.startTimeoutMs - (Date.now() - started)), intervalMs: 500, diagnostics: prometheus.recentOutput },
    );
    const port = await findFreePort();
    const configJson = {
      datasources: [{ uid: 'prom', kind: 'prometheus', name: 'Prometheus (real)', url: promUrl, default: true, options: { scrapeInterval: '15s' } }],
    };
    app = await serveDist({ dir: options.distDir, port, configJson });
    return await run({ baseUrl: `http://127.0.0.1:${port}`, startupMs: Date.now() - started });
  } finally {
    if (app) {
      app.closeAllConnections();
      await new Promise<void>((r) => app!.close(() => r()));
    }
    await prometheus?.stop();
    await demo?.stop();
    tmp.remove();
  }
}

/**
 * A metric in ms measured on the real-Prometheus stack. A stack that cannot start (no Prometheus binary, a
 * promtool failure) gives a result with no samples and the reason in its note, not a failed bench run.
 */
export async function onRealPrometheus(
  spec: { name: string; budget: number },
  options: RealStackOptions,
  measure: (baseUrl: string) => Promise<BenchResult>,
): Promise<BenchResult> {
  try {
    return await withRealPrometheus(options, async ({ baseUrl, startupMs }) => {
      const result = await measure(baseUrl);
      const stack = `real Prometheus, ${Math.round(options.historyMs / 60_000)} min backfilled, started in ${(startupMs / 1000).toFixed(1)} s`;
      return { ...result, note: result.note === undefined ? stack : `${stack}; ${result.note}` };
    });
  } catch (error) {
    return toResult(spec.name, 'ms', spec.budget, [], [`real stack did not start: ${firstLine(error)}`]);
  }
}
