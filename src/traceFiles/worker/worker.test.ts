import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { recordSdkSpans, sdkOtlpJson, toTempoForm, type SdkSpanPlan } from '../../datasources/shared/otlp/sdkTraces.testing';
import { buildTraceTree } from '../../model/traceTree';
import { TraceFileError } from '../detect';
import { jaegerFileOf, zipkinFileOf } from '../fileProducers.testing';
import { openTraceFileInWorker, type WorkerLike } from './client';
import { JobCancelled, runTraceFileJob } from './job';
import type { JobProgress, PageToWorkerMessage, WorkerToPageMessage } from './protocol';
import { serveTraceFileJobs, type JobPort } from './serve';
import { WORKER_FORMATS } from './workerFormats';

// The trace-file worker's pure part (runTraceFileJob, serveTraceFileJobs) with the adapters' real converters,
// on files the OpenTelemetry JS SDK produced; and the page's client over the same code run in-thread.

const plan: SdkSpanPlan = {
  name: 'GET /checkout',
  service: 'frontend',
  kind: SpanKind.SERVER,
  startNs: 0,
  durationNs: 30_000_000,
  children: [
    { name: 'charge 支払い', service: 'payments', kind: SpanKind.CLIENT, startNs: 1_000_000, durationNs: 20_000_000, status: { code: SpanStatusCode.ERROR, message: 'timeout' } },
    { name: 'reserve', service: 'inventory', kind: SpanKind.CLIENT, startNs: 2_000_000, durationNs: 3_000_000 },
  ],
};
const spans = recordSdkSpans(plan);
const traceId = spans[0]!.spanContext().traceId;
const other = recordSdkSpans({ name: 'nightly', service: 'batch', kind: SpanKind.INTERNAL, startNs: 0, durationNs: 1000 });

const never = new AbortController().signal;
const blob = (text: string) => new Blob([text]);
/** A Blob whose stream gives the bytes in chunks of `size`, so multi-byte characters fall across edges. */
function chunked(text: string, size: number, onPull: () => void = () => {}): Blob {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  const fake = {
    size: bytes.byteLength,
    stream: () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          onPull();
          if (at >= bytes.byteLength) controller.close();
          else controller.enqueue(bytes.slice(at, (at += size)));
        },
      }),
  };
  return fake as unknown as Blob;
}

async function open(text: string) {
  const result = await runTraceFileJob(blob(text), WORKER_FORMATS, { signal: never, onProgress: () => {} });
  return { format: result.format, traces: result.traces.map((t) => ({ traceId: t.traceId, spans: t.spans.map((s) => `${s.service}:${s.name}`).sort() })) };
}
const expected = { traceId, spans: ['frontend:GET /checkout', 'inventory:reserve', 'payments:charge 支払い'] };

describe('runTraceFileJob: each format, through the converters the worker runs', () => {
  it('OTLP/JSON as the SDK exporter writes it, and in Tempo form', async () => {
    expect(await open(JSON.stringify(sdkOtlpJson(spans)))).toEqual({ format: 'OTLP/JSON', traces: [expected] });
    expect((await open(JSON.stringify(toTempoForm(sdkOtlpJson(spans))))).traces).toEqual([expected]);
  });

  it("the Collector file exporter's one request per line, two traces: both kept", async () => {
    const lines = [...spans, ...other].map((s) => JSON.stringify(sdkOtlpJson([s]))).join('\n');
    const read = await open(lines);
    expect(read.format).toBe('OTLP/JSON (4 lines)');
    expect(read.traces.map((t) => t.spans.length)).toEqual([3, 1]);
  });

  it('Jaeger JSON with the jaeger adapter\'s reader: {data:[…]} of two traces, a single trace object, JSONL', async () => {
    const file = jaegerFileOf(spans);
    const two = { data: [...file.data, ...jaegerFileOf(other).data] };
    const read = await open(JSON.stringify(two));
    expect(read.format).toBe('Jaeger JSON');
    expect(read.traces).toEqual([expected, { traceId: other[0]!.spanContext().traceId, spans: ['batch:nightly'] }]);
    expect((await open(JSON.stringify(file.data[0]))).traces).toEqual([expected]);
    expect((await open(`${JSON.stringify(file)}\n${JSON.stringify(jaegerFileOf(other))}\n`)).format).toBe('Jaeger JSON (2 lines)');
  });

  it('Jaeger JSON keeps what the adapter reads: parents, typed tags, processes', async () => {
    const { traces } = await runTraceFileJob(blob(JSON.stringify(jaegerFileOf(spans))), WORKER_FORMATS, { signal: never, onProgress: () => {} });
    const byName = new Map(traces[0]!.spans.map((s) => [s.name, s]));
    expect(byName.get('reserve')!.parentSpanId).toBe(byName.get('GET /checkout')!.spanId);
    expect(byName.get('GET /checkout')!.resource).toEqual({ 'service.name': 'frontend' });
  });

  it("Zipkin v2 with the zipkin adapter's reader: spans of two traces in one list become two traces", async () => {
    const read = await open(JSON.stringify([...zipkinFileOf(spans), ...zipkinFileOf(other)]));
    expect(read).toEqual({ format: 'Zipkin v2 JSON', traces: [expected, { traceId: other[0]!.spanContext().traceId, spans: ['batch:nightly'] }] });
    const { traces } = await runTraceFileJob(blob(JSON.stringify(zipkinFileOf(spans))), WORKER_FORMATS, { signal: never, onProgress: () => {} });
    expect(traces[0]!.spans.find((s) => s.service === 'payments')).toMatchObject({ kind: 'client', status: 'error', durationUs: 20_000 });
  });

  it('names the file, not a server, and the field, when a Jaeger file is broken', async () => {
    const file = jaegerFileOf(spans) as { data: Array<{ spans: Array<Record<string, unknown>> }> };
    file.data[0]!.spans[1]!.duration = 'long';
    const error = await runTraceFileJob(blob(JSON.stringify(file)), WORKER_FORMATS, { signal: never, onProgress: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TraceFileError);
    expect((error as Error).message).toBe('This looks like Jaeger JSON but could not be read:\n- Jaeger JSON: data[0].spans[1].duration should be a number, got the string "long"');
    // A single trace object is the whole file: its fields are named from the top.
    const single = await runTraceFileJob(blob(JSON.stringify(file.data[0])), WORKER_FORMATS, { signal: never, onProgress: () => {} }).catch((e: unknown) => e);
    expect((single as Error).message).toContain('- Jaeger JSON: spans[1].duration should be a number');
  });
});

describe('runTraceFileJob: progress and cancel', () => {
  const text = JSON.stringify(sdkOtlpJson(spans));

  it('reports bytes read as they arrive, then the JSON and convert steps; multi-byte characters survive chunk edges', async () => {
    const seen: JobProgress[] = [];
    let tick = 0;
    const result = await runTraceFileJob(chunked(text, 7), WORKER_FORMATS, { signal: never, onProgress: (p) => seen.push(p), progressEveryMs: 1, now: () => tick++ });
    expect(result.traces[0]!.spans.map((s) => s.name)).toContain('charge 支払い');
    const total = new TextEncoder().encode(text).byteLength;
    const reading = seen.filter((p) => p.phase === 'reading');
    expect(reading.length).toBeGreaterThan(10);
    expect(reading.every((p, i) => p.total === total && (i === 0 || p.loaded >= reading[i - 1]!.loaded))).toBe(true);
    expect(reading[0]!.loaded).toBe(0);
    expect(reading.at(-1)!.loaded).toBe(total);
    expect(seen.slice(reading.length).map((p) => p.phase)).toEqual(['json', 'convert']);
  });

  it('reports reading progress at most every progressEveryMs', async () => {
    const seen: JobProgress[] = [];
    await runTraceFileJob(chunked(text, 7), WORKER_FORMATS, { signal: never, onProgress: (p) => seen.push(p), progressEveryMs: 1000, now: () => 0 });
    expect(seen.map((p) => p.phase)).toEqual(['reading', 'reading', 'json', 'convert']);
  });

  it('stops reading when cancelled, and rejects as cancelled rather than failed', async () => {
    const controller = new AbortController();
    let pulls = 0;
    const job = runTraceFileJob(chunked(text, 16, () => void (++pulls === 3 && controller.abort())), WORKER_FORMATS, { signal: controller.signal, onProgress: () => {} });
    await expect(job).rejects.toBeInstanceOf(JobCancelled);
    expect(pulls).toBeLessThan(6);
  });
});

/** The worker's code run in this thread behind the client's WorkerLike, with messages cloned as postMessage does. */
function inThreadWorker() {
  const pageListeners: Array<(event: MessageEvent<unknown>) => void> = [];
  const workerListeners: Array<(event: MessageEvent<unknown>) => void> = [];
  const toWorker: PageToWorkerMessage['type'][] = [];
  const state = { terminated: false };
  const port: JobPort = {
    postMessage: (message: WorkerToPageMessage) =>
      setTimeout(() => {
        if (!state.terminated) for (const l of pageListeners) l({ data: structuredClone(message) } as MessageEvent<unknown>);
      }),
    addEventListener: (_type, listener) => void workerListeners.push(listener),
  };
  serveTraceFileJobs(port, WORKER_FORMATS);
  const worker: WorkerLike = {
    postMessage(message) {
      toWorker.push(message.type);
      if (!state.terminated) setTimeout(() => workerListeners.forEach((l) => l({ data: message } as MessageEvent<unknown>)));
    },
    addEventListener: (type: 'message' | 'error', listener: (event: never) => void) => {
      if (type === 'message') pageListeners.push(listener as (event: MessageEvent<unknown>) => void);
    },
    terminate: () => void (state.terminated = true),
  };
  return { worker, toWorker, state };
}

describe('openTraceFileInWorker: the page side of the protocol', () => {
  it('resolves with the traces and passes progress on; the worker is ended after', async () => {
    const { worker, state } = inThreadWorker();
    const phases: string[] = [];
    const result = await openTraceFileInWorker(blob(JSON.stringify(zipkinFileOf(spans))), { signal: never, onProgress: (p) => phases.push(p.phase), createWorker: () => worker });
    expect(result.traces[0]!.spans).toHaveLength(3);
    // The tree comes built, the same as the page would have built it.
    expect(result.trees).toHaveLength(1);
    expect(result.trees[0]).toEqual(buildTraceTree(result.traces[0]!));
    // And it answers as one: the clone postMessage made lost the span-ID map's methods (selecting a span threw).
    const tree = result.trees[0]!;
    for (const [row, span] of tree.spans.entries()) expect(tree.rowBySpanId.get(span.spanId)).toBe(row);
    expect(phases[0]).toBe('reading');
    expect(phases.slice(-3)).toEqual(['json', 'convert', 'tree']);
    expect(state.terminated).toBe(true);
  });

  it('a file that is not a trace rejects with the same TraceFileError, attempts and all', async () => {
    const { worker } = inThreadWorker();
    const error = await openTraceFileInWorker(blob('{"dashboard": {"panels": []}}'), { signal: never, onProgress: () => {}, createWorker: () => worker }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TraceFileError);
    expect((error as TraceFileError).attempts.map((a) => a.format)).toEqual(['OTLP/JSON', 'Jaeger JSON', 'Zipkin v2 JSON']);
    expect((error as Error).message).toBe(
      'This is not a trace file Watchfloor can read. Tried:\n' +
        '- OTLP/JSON: no resourceSpans (or batches) array\n' +
        '- Jaeger JSON: no data array and no traceID with spans\n' +
        '- Zipkin v2 JSON: needs an array of spans, got an object',
    );
  });

  it('cancel tells the worker, ends it at once and rejects as cancelled; a late answer is ignored', async () => {
    const { worker, toWorker, state } = inThreadWorker();
    const controller = new AbortController();
    const progress: JobProgress[] = [];
    const job = openTraceFileInWorker(blob(JSON.stringify(sdkOtlpJson(spans))), { signal: controller.signal, onProgress: (p) => progress.push(p), createWorker: () => worker });
    controller.abort();
    await expect(job).rejects.toBeInstanceOf(JobCancelled);
    expect(toWorker).toEqual(['open', 'cancel']);
    expect(state.terminated).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(progress).toEqual([]);
  });

  it('a worker that fails to start or crashes rejects with an error saying so', async () => {
    let fail: (event: ErrorEvent) => void = () => {};
    const broken: WorkerLike = {
      postMessage: () => setTimeout(() => fail({ message: 'SyntaxError: Unexpected token' } as ErrorEvent)),
      addEventListener: (type: 'message' | 'error', listener: (event: never) => void) => {
        if (type === 'error') fail = listener as (event: ErrorEvent) => void;
      },
      terminate: () => {},
    };
    await expect(openTraceFileInWorker(blob('{}'), { signal: never, onProgress: () => {}, createWorker: () => broken })).rejects.toThrow('The trace-file reader stopped: SyntaxError: Unexpected token');
  });

  it('an error that is not a TraceFileError is reported with its message, never dropped', async () => {
    const posted: WorkerToPageMessage[] = [];
    let listener: (event: MessageEvent<unknown>) => void = () => {};
    const throwing = [{ name: 'Broken', recognize: (): string | undefined => { throw new RangeError('Invalid array length'); }, parse: () => [] }];
    serveTraceFileJobs({ postMessage: (m) => posted.push(m), addEventListener: (_t, l) => void (listener = l) }, throwing);
    listener({ data: { type: 'open', id: 7, file: blob('{}') } } as MessageEvent<unknown>);
    await new Promise((r) => setTimeout(r, 20));
    expect(posted.at(-1)).toEqual({ type: 'failed', id: 7, summary: 'The file could not be read: Invalid array length' });
  });
});
