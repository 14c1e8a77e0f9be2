import { hashInts, spanIdFor, unitHash, type TraceIdParts } from '../simulator';
import { BATCH_FLOW } from '../traces/batchTrace';
import { LazyEntry, streamOf, type DemoLogEntry } from './entry';
import { pinoLine } from './formats';

/** The stream a batch run writes to: one service, so the burst is one stream per level. */
export const BATCH_SERVICE = 'batch';
/** The batch trace a run's lines point at has at most this many spans (a run may write millions of lines). */
const MAX_RUN_SPANS = 100_000;
const ERROR_SHARE = 0.002;
const WARN_SHARE = 0.01;

/**
 * A run of the nightly reconciliation job writing `lines` lines evenly over [startMs, startMs + durationMs):
 * the 100,000-line burst of the list benchmarks (`demo.logburst`), or a steady stream for the tail
 * benchmark (`demo.tailrate`). Line `j` is a pure function of (run, j), so a run is never held.
 */
export interface BatchRun {
  startMs: number;
  durationMs: number;
  lines: number;
}

/** The batch-job trace every line of the run belongs to (src/demo/traces/batchTrace.ts rebuilds it). */
export function batchRunTrace(run: BatchRun, seed: number): TraceIdParts {
  return { seed, startMs: run.startMs, flow: BATCH_FLOW, outcome: 0, seq: Math.max(2, Math.min(run.lines, MAX_RUN_SPANS)) };
}

/** Time of line `j` of the run, epoch µs. */
function lineUs(run: BatchRun, j: number): number {
  return run.startMs * 1000 + Math.floor((j * run.durationMs * 1000) / run.lines);
}

/** Lines of the run with times in [fromUs, toUs), oldest first, pushed onto `out`. */
export function batchLines(run: BatchRun, seed: number, traceId: string, fromUs: number, toUs: number, out: DemoLogEntry[]): void {
  if (!(run.lines > 0) || !(run.durationMs > 0)) return;
  const startUs = run.startMs * 1000;
  const spanUs = run.durationMs * 1000;
  const parts = batchRunTrace(run, seed);
  let j = Math.max(0, Math.floor(((fromUs - startUs) * run.lines) / spanUs) - 1);
  for (; j < run.lines; j++) {
    const t = lineUs(run, j);
    if (t >= toUs) break;
    if (t < fromUs) continue;
    const u = unitHash(seed, 71, run.startMs, j);
    const level = u < ERROR_SHARE ? 'error' : u < ERROR_SHARE + WARN_SHARE ? 'warn' : 'info';
    // Span 0 is the job's root; lines belong to its chunk and item spans.
    const spanId = spanIdFor(parts, 1 + (j % (parts.seq - 1)));
    const item = j;
    const write = (): string => {
      const orderId = `ord-${(hashInts(seed, 72, run.startMs, item) % 10_000_000).toString().padStart(7, '0')}`;
      const msg =
        level === 'error'
          ? `payment mismatch for order ${orderId}: ledger ${1000 + (item % 9000)} cents, provider 0 cents`
          : level === 'warn'
            ? `order ${orderId} reconciled after ${2 + (item % 3)} retries`
            : `reconciled order ${orderId}`;
      return pinoLine({ level, timeMs: Math.floor(t / 1000), service: BATCH_SERVICE, msg, traceId, spanId, fields: { job: 'reconcile-orders', item } });
    };
    out.push(new LazyEntry(t, streamOf(BATCH_SERVICE, level), write, traceId, spanId));
  }
}
