import { encodeTraceId, hashInts, SERVICES, spanIdFor, traceTimeline, unitHash, type DemoRequestClass, type Simulator, type TraceIdParts } from '../simulator';
import { MAX_TRACE_MS } from '../simulator/exemplars';
import { batchLines, batchRunTrace, BATCH_SERVICE, type BatchRun } from './batchLines';
import { DEMO_LEVELS, LazyEntry, streamOf, type DemoLogEntry, type DemoStream } from './entry';
import { formatLine } from './formats';
import { formatOf, requestLines, type RequestLogChoice } from './requestLines';

/** Requests are grouped by start minute; a line window draws on the request windows that can reach it. */
const REQUEST_WINDOW_MS = 60_000;
/** Lines are served in windows of 10 s, each sorted by time: the unit of laziness and of the cache. */
export const LINE_WINDOW_MS = 10_000;
/** One access log per this many requests of a class (every error, warning and exemplar request is logged). */
export const DEFAULT_SAMPLE_EVERY = 50;
const REQUEST_CACHE = 8;
const LINE_CACHE = 8;

export interface DemoLogOptions {
  /** Access logs are written for one request in this many; default 50. */
  sampleEvery?: number;
  /** Batch-job runs (the 100,000-line burst, the tail benchmark's steady stream). */
  batches?: readonly BatchRun[];
}

export interface DemoLogSource {
  readonly seed: number;
  /** Entries with timeUs in [startUs, endUs), oldest first (`forward`) or newest first, generated window by window. */
  entries(startUs: number, endUs: number, direction: 'forward' | 'backward'): Generator<DemoLogEntry, void, undefined>;
  /** The streams that have entries in [startUs, endUs) (every service writes at every level; batch only during a run). */
  streams(startUs: number, endUs: number): DemoStream[];
}

/** A tiny LRU: the windows a scan or a refresh reads again are kept, memory stays bounded. */
function lru<V>(capacity: number): { get(key: number, make: () => V): V } {
  const map = new Map<number, V>();
  return {
    get(key, make) {
      const hit = map.get(key);
      if (hit !== undefined) {
        map.delete(key);
        map.set(key, hit);
        return hit;
      }
      const value = make();
      if (map.size >= capacity) {
        const oldest = map.keys().next().value;
        if (oldest !== undefined) map.delete(oldest);
      }
      map.set(key, value);
      return value;
    },
  };
}

/**
 * The demo's logs: what the simulated requests write, computed from the simulator one window at a time,
 * never stored beyond a few cached windows. A request class's requests are counted with the closed form the
 * request counters use (`requestCount`), request `n` of the class gets a trace ID naming the class, a start in
 * its minute and a sequence number, so its trace resolves on the demo's trace APIs and agrees with its lines.
 * Every request with an outcome other than ok logs what happened; one in `sampleEvery` also writes its
 * access logs, so the access logs' levels follow the error ratio and their count × `sampleEvery` follows the
 * request rate. The requests the histograms sample as exemplars log everything, so an exemplar's trace ID
 * finds its lines.
 */
export function createLogSource(simulator: Simulator, opts: DemoLogOptions = {}): DemoLogSource {
  const seed = simulator.seed;
  const every = Math.max(1, Math.floor(opts.sampleEvery ?? DEFAULT_SAMPLE_EVERY));
  const batches = [...(opts.batches ?? [])].map((run) => ({ run, traceId: encodeTraceId(batchRunTrace(run, seed)) }));
  const requestWindows = lru<DemoLogEntry[]>(REQUEST_CACHE);
  const lineWindows = lru<DemoLogEntry[]>(LINE_CACHE);

  const logRequest = (cls: DemoRequestClass, parts: TraceIdParts, choice: RequestLogChoice, out: DemoLogEntry[]): void => {
    const traceId = encodeTraceId(parts);
    requestLines(traceId, { parts, outcome: cls.outcome, hops: cls.hops, timings: traceTimeline(parts, cls.hops), spanId: (i) => spanIdFor(parts, i) }, choice, out);
  };

  const requestWindow = (r: number): DemoLogEntry[] =>
    requestWindows.get(r, () => {
      const out: DemoLogEntry[] = [];
      const fromMs = r * REQUEST_WINDOW_MS;
      const toMs = fromMs + REQUEST_WINDOW_MS;
      if (fromMs < 0) return out;
      for (const cls of simulator.requestClasses) {
        const n0 = Math.floor(simulator.requestCount(cls.index, fromMs));
        const n1 = Math.floor(simulator.requestCount(cls.index, toMs));
        const offset = hashInts(seed, 60, cls.index) % every;
        const sampled = (n: number): boolean => (n + offset) % every === 0;
        const partsOf = (n: number): TraceIdParts => ({
          seed,
          startMs: fromMs + Math.floor(unitHash(seed, 61, cls.index, n) * REQUEST_WINDOW_MS),
          flow: cls.flowIndex,
          outcome: cls.outcomeCode,
          seq: hashInts(seed, 62, cls.index, n) & 0xffffff,
        });
        if (cls.outcome.kind === 'ok') {
          const first = n0 + ((every - ((n0 + offset) % every)) % every);
          for (let n = first; n < n1; n += every) logRequest(cls, partsOf(n), { requestLogs: true, outcomeLogs: false }, out);
        } else {
          for (let n = n0; n < n1; n++) logRequest(cls, partsOf(n), { requestLogs: sampled(n), outcomeLogs: true }, out);
        }
      }
      for (const id of simulator.sampledTraceIds(fromMs, toMs - 1)) {
        const d = simulator.describeTrace(id);
        if (d !== undefined) requestLines(id, { ...d, spanId: (i) => d.spanIds[i] ?? '' }, { requestLogs: true, outcomeLogs: true }, out);
      }
      backgroundLines(seed, r, fromMs, out);
      return out;
    });

  const lineWindow = (k: number): DemoLogEntry[] =>
    lineWindows.get(k, () => {
      const fromUs = k * LINE_WINDOW_MS * 1000;
      const toUs = fromUs + LINE_WINDOW_MS * 1000;
      const out: DemoLogEntry[] = [];
      const firstR = Math.floor((k * LINE_WINDOW_MS - MAX_TRACE_MS) / REQUEST_WINDOW_MS);
      const lastR = Math.floor(((k + 1) * LINE_WINDOW_MS - 1) / REQUEST_WINDOW_MS);
      for (let r = firstR; r <= lastR; r++) for (const e of requestWindow(r)) if (e.timeUs >= fromUs && e.timeUs < toUs) out.push(e);
      for (const { run, traceId } of batches) batchLines(run, seed, traceId, fromUs, toUs, out);
      // Stable: entries at the same µs keep generation order, so every call answers alike.
      out.sort((a, b) => a.timeUs - b.timeUs);
      return out;
    });

  function* entries(startUs: number, endUs: number, direction: 'forward' | 'backward'): Generator<DemoLogEntry, void, undefined> {
    if (!(endUs > startUs)) return;
    const windowUs = LINE_WINDOW_MS * 1000;
    const first = Math.floor(Math.max(0, startUs) / windowUs);
    const last = Math.floor((endUs - 1) / windowUs);
    if (direction === 'forward') {
      for (let k = first; k <= last; k++) for (const e of lineWindow(k)) if (e.timeUs >= startUs && e.timeUs < endUs) yield e;
    } else {
      for (let k = last; k >= first; k--) {
        const w = lineWindow(k);
        for (let i = w.length - 1; i >= 0; i--) {
          const e = w[i];
          if (e !== undefined && e.timeUs >= startUs && e.timeUs < endUs) yield e;
        }
      }
    }
  }

  const streams = (startUs: number, endUs: number): DemoStream[] => {
    const out: DemoStream[] = [];
    for (const service of SERVICES) for (const level of DEMO_LEVELS) out.push(streamOf(service, level));
    const batchInRange = batches.some(({ run }) => run.startMs * 1000 < endUs && (run.startMs + run.durationMs) * 1000 > startUs);
    if (batchInRange) for (const level of ['info', 'warn', 'error'] as const) out.push(streamOf(BATCH_SERVICE, level));
    return out;
  };

  return { seed, entries, streams };
}

/** Each service reports its connection pool once a minute, outside any request: lines without a trace. */
function backgroundLines(seed: number, r: number, fromMs: number, out: DemoLogEntry[]): void {
  SERVICES.forEach((service, s) => {
    const timeMs = fromMs + (hashInts(seed, 63, s, r) % REQUEST_WINDOW_MS);
    const active = hashInts(seed, 64, s, r) % 20;
    const write = (): string => formatLine(formatOf(service), { level: 'debug', timeMs, service, msg: 'connection pool stats', fields: { pool_active: active, pool_idle: 20 - active, pool_waiting: 0 } });
    out.push(new LazyEntry(timeMs * 1000 + (hashInts(seed, 65, s, r) % 1000), streamOf(service, 'debug'), write));
  });
}
