/**
 * Writes the demo simulator's samples in a window as OpenMetrics with timestamps, for
 * `promtool tsdb create-blocks-from openmetrics` (the differential PromQL test backfills them).
 *
 *   tsx scripts/write-openmetrics.ts --start <ms|RFC3339> --end <ms|RFC3339> [--seed N]
 *       [--incident-start <ms|RFC3339>] [--no-incident] [--out file]   (stdout without --out)
 *
 * The incident follows the default schedule relative to --end unless --incident-start says otherwise.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeBackfillOpenMetrics } from '../src/demo/openmetrics/backfill';
import { createSimulator, DEFAULT_SEED, defaultScenarios, type Scenario } from '../src/demo/simulator';

function parseTime(name: string, raw: string | undefined): number {
  if (raw === undefined) throw new Error(`--${name} is required`);
  const ms = /^-?\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(ms)) throw new Error(`--${name}: not epoch ms or RFC3339: ${raw}`);
  return ms;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      start: { type: 'string' },
      end: { type: 'string' },
      seed: { type: 'string' },
      'incident-start': { type: 'string' },
      'no-incident': { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  const startMs = parseTime('start', values.start);
  const endMs = parseTime('end', values.end);
  if (endMs < startMs) throw new Error('--end is before --start');
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  let scenarios: Scenario[] = defaultScenarios(endMs);
  if (values['no-incident']) scenarios = [];
  else if (values['incident-start'] !== undefined) {
    scenarios = scenarios.map((s) => ({ ...s, startsAtMs: parseTime('incident-start', values['incident-start']) }));
  }
  const source = createSimulator({ seed, scenarios });
  const fd = values.out === undefined ? 1 : openSync(values.out, 'w');
  try {
    writeBackfillOpenMetrics(source, startMs, endMs, (chunk) => {
      writeSync(fd, chunk);
    });
  } finally {
    if (fd !== 1) closeSync(fd);
  }
}

try {
  main();
} catch (err) {
  process.stderr.write(`write-openmetrics: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
