import { encodeTraceId, hashInts, SERVICES, spanIdFromKey, traceKey, traceTimeline, unitHash, type DemoRequestClass, type Simulator, type TraceIdParts } from '../simulator';
import { createLru, type LruCache } from '../lruCache';
import { MAX_TRACE_MS } from '../simulator/exemplars';
import { batchLines, batchRunTrace, BATCH_SERVICE, type BatchRun } from './batchLines';
import { DEMO_LEVELS, LazyEntry, streamOf, type DemoLevel, type DemoLogEntry, type DemoStream, type TraceRef } from './entry';
import { formatLine } from './formats';
import { formatOf, requestLines, type RequestLogChoice } from './requestLines';

/** Requests are grouped by start minute; a line window draws on the request windows that can reach it. */
const REQUEST_WINDOW_MS = 60_000;
/** Lines are served in windows of 10 s, each sorted by time: the unit of laziness and of the cache. */
export const LINE_WINDOW_MS = 10_000;
/** One access log per this many requests of a class (every error, warning and exemplar request is logged). */
export const DEFAULT_SAMPLE_EVERY = 50;
const REQUEST_CACHE = 8;
/**
 * Line windows are kept up to this many entries in all (about an hour of the demo's normal traffic), so a
 * dashboard refreshing a one-hour volume histogram reuses them; a burst's windows count by their size.
 */
const LINE_CACHE_ENTRIES = 150_000;

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

/**
 * A tiny LRU of windows weighed by their entries: what a scan or a refresh reads again is kept, and memory
 * stays bounded however dense the windows are.
 */
export function lru<V extends readonly unknown[]>(capacity: number): LruCache<number, V> {
  // Always keep the window just made, even when it alone is over capacity.
  return createLru<number, V>({ maxWeight: capacity, weightOf: (v) => v.length, keepOversized: true });
}

/**
 * The demo's logs: what the simulated requests write, computed from the simulator one window at a time,
 * never stored beyond a few cached windows. A request class's requests are counted with the closed form the
 * request counters use (`requestCount`), request `n` of the class gets a trace ID naming the class, a start in
 * its minute and a sequence number, so its trace resolves on the demo's trace APIs and agrees with its lines.
 * Every request with an outcome other than ok logs what happened; one in `sampleEvery` also writes its
 * access logs, so the access logs' levels follow the error ratio and their count × `sampleEvery` follows the
 * request rate. The requests the histograms sample as exemplars log what went wrong too, so an incident
 * exemplar's trace ID finds its error lines.
 */
export function createLogSource(simulator: Simulator, opts: DemoLogOptions = {}): DemoLogSource {
  const seed = simulator.seed;
  const every = Math.max(1, Math.floor(opts.sampleEvery ?? DEFAULT_SAMPLE_EVERY));
  const batches = [...(opts.batches ?? [])].map((run) => ({ run, traceId: encodeTraceId(batchRunTrace(run, seed)) }));
  // Request windows hold ~2,000 entries each: a few suffice to build consecutive line windows.
  const requestWindows = lru<DemoLogEntry[]>(REQUEST_CACHE * 2_500);
  const lineWindows = lru<DemoLogEntry[]>(LINE_CACHE_ENTRIES);

  const logRequest = (cls: DemoRequestClass, parts: TraceIdParts, choice: RequestLogChoice, out: DemoLogEntry[]): void => {
    requestLines(new LazyTrace(parts), { parts, outcome: cls.outcome, hops: cls.hops, timings: traceTimeline(parts, cls.hops) }, choice, out);
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
        // Outcome lines only: exemplars sample each route × status alike, so their access logs would skew the levels.
        if (d !== undefined) requestLines({ traceId: id, spanId: (i) => d.spanIds[i] ?? '' }, d, { requestLogs: false, outcomeLogs: true }, out);
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

  const requestStreams = possibleStreams(simulator);
  const streams = (startUs: number, endUs: number): DemoStream[] => {
    const out: DemoStream[] = [...requestStreams];
    const batchInRange = batches.some(({ run }) => run.startMs * 1000 < endUs && (run.startMs + run.durationMs) * 1000 > startUs);
    if (batchInRange) for (const level of ['info', 'warn', 'error'] as const) out.push(streamOf(BATCH_SERVICE, level));
    return out;
  };

  return { seed, entries, streams };
}

/**
 * The (service, level) streams the requests can write, from the templates by the rules of requestLines:
 * access logs by status, the cause's level by outcome, callers' complaints; debug for every service.
 * Every level of every service shows up within minutes, so the label endpoints list these for any range.
 */
function possibleStreams(simulator: Simulator): DemoStream[] {
  const pairs = new Set<string>();
  const add = (service: string, level: DemoLevel): void => void pairs.add(`${service}\u0000${level}`);
  for (const service of SERVICES) add(service, 'debug');
  for (const cls of simulator.requestClasses) {
    const kind = cls.outcome.kind;
    for (const hop of cls.hops) {
      const status = Number(hop.status);
      if (hop.kind === 'server') {
        add(hop.service, status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');
        if (hop.service === cls.outcome.target) {
          if (kind === 'fail' || kind === 'degrade') add(hop.service, 'error');
          if (kind === 'reject' || kind === 'slow') add(hop.service, 'warn');
        }
      } else if (kind !== 'ok' && (hop.timedOut || status >= 500)) {
        add(hop.service, kind === 'degrade' && !hop.timedOut ? 'warn' : 'error');
      }
    }
  }
  const order = (level: DemoLevel): number => DEMO_LEVELS.indexOf(level);
  return SERVICES.flatMap((service) =>
    DEMO_LEVELS.filter((level) => pairs.has(`${service}\u0000${level}`))
      .sort((a, b) => order(a) - order(b))
      .map((level) => streamOf(service, level)),
  );
}

/** A request's trace ID and span IDs, encoded on first read (most counted entries never need them). */
class LazyTrace implements TraceRef {
  private id: string | undefined;
  private key: number | undefined;
  constructor(private readonly parts: TraceIdParts) {}
  get traceId(): string {
    this.id ??= encodeTraceId(this.parts);
    return this.id;
  }
  spanId(hop: number): string {
    this.key ??= traceKey(this.parts);
    return spanIdFromKey(this.key, hop);
  }
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
