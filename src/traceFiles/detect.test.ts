import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { recordSdkSpans, sdkOtlpJson, toTempoForm, type SdkSpanPlan } from '../datasources/shared/otlp/sdkTraces.testing';
import { jaegerFileOf, miniJaegerConverter, miniZipkinConverter, zipkinFileOf } from './fileProducers.testing';
import { parseTraceFile, traceFileFormats, TraceFileError } from './index';

const plan: SdkSpanPlan = {
  name: 'GET /checkout',
  service: 'frontend',
  kind: SpanKind.SERVER,
  startNs: 0,
  durationNs: 30_000_000,
  attributes: { 'http.route': '/checkout' },
  children: [
    { name: 'charge', service: 'payments', kind: SpanKind.CLIENT, startNs: 1_000_000, durationNs: 20_000_000, status: { code: SpanStatusCode.ERROR, message: 'timeout' } },
    { name: 'reserve', service: 'inventory', kind: SpanKind.CLIENT, startNs: 2_000_000, durationNs: 3_000_000 },
  ],
};
const spans = recordSdkSpans(plan);
const traceId = spans[0]!.spanContext().traceId;
const formats = traceFileFormats({ jaeger: miniJaegerConverter, zipkin: miniZipkinConverter });

function failure(text: string): TraceFileError {
  try {
    parseTraceFile(text, formats);
  } catch (error) {
    expect(error).toBeInstanceOf(TraceFileError);
    return error as TraceFileError;
  }
  throw new Error('expected the file to be refused');
}

const summary = (text: string) => {
  const { format, traces } = parseTraceFile(text, formats);
  return { format, traces: traces.map((t) => ({ traceId: t.traceId, spans: t.spans.map((s) => `${s.service}:${s.name}`).sort() })) };
};
const expected = { traceId, spans: ['frontend:GET /checkout', 'inventory:reserve', 'payments:charge'] };

describe('parseTraceFile: formats detected', () => {
  it('reads the OTLP/JSON the SDK exporter writes', () => {
    expect(summary(JSON.stringify(sdkOtlpJson(spans)))).toEqual({ format: 'OTLP/JSON', traces: [expected] });
  });

  it("reads Tempo's form (base64 IDs, enum names, batches) and saved API answers (Tempo v2, Jaeger v3)", () => {
    expect(summary(JSON.stringify(toTempoForm(sdkOtlpJson(spans), 'batches'))).traces).toEqual([expected]);
    expect(summary(JSON.stringify({ trace: toTempoForm(sdkOtlpJson(spans)) })).traces).toEqual([expected]);
    expect(summary(JSON.stringify({ result: sdkOtlpJson(spans) })).traces).toEqual([expected]);
  });

  it("joins a trace spread over the Collector file exporter's one-request-per-line form", () => {
    const lines = spans.map((s) => JSON.stringify(sdkOtlpJson([s]))).join('\n');
    expect(summary(`${lines}\n`)).toEqual({ format: 'OTLP/JSON (3 lines)', traces: [expected] });
  });

  it('reads Jaeger JSON as Jaeger UI downloads it, a single trace object, and JSONL of them', () => {
    const file = jaegerFileOf(spans);
    expect(summary(JSON.stringify(file))).toEqual({ format: 'Jaeger JSON', traces: [expected] });
    expect(summary(JSON.stringify(file.data[0])).traces).toEqual([expected]);
    const other = jaegerFileOf(recordSdkSpans({ name: 'nightly', service: 'batch', kind: SpanKind.INTERNAL, startNs: 0, durationNs: 1000 }));
    const jsonl = summary(`${JSON.stringify(file)}\r\n\r\n${JSON.stringify(other.data[0])}`);
    expect(jsonl.format).toBe('Jaeger JSON (2 lines)');
    expect(jsonl.traces.map((t) => t.spans.length)).toEqual([3, 1]);
  });

  it("reads Zipkin v2 JSON from the Zipkin exporter's conversion, as spans or as a list of traces", () => {
    const file = zipkinFileOf(spans);
    expect(summary(JSON.stringify(file))).toEqual({ format: 'Zipkin v2 JSON', traces: [expected] });
    expect(summary(JSON.stringify([file])).traces).toEqual([expected]);
    const charge = parseTraceFile(JSON.stringify(file), formats).traces[0]!.spans.find((s) => s.name === 'charge')!;
    expect(charge).toMatchObject({ kind: 'client', status: 'error', durationUs: 20_000 });
  });

  it('reads a single Zipkin span object', () => {
    const one = zipkinFileOf(spans)[0] as Record<string, unknown>;
    expect(summary(JSON.stringify(one))).toEqual({ format: 'Zipkin v2 JSON', traces: [{ traceId, spans: [`${String((one.localEndpoint as Record<string, unknown>).serviceName)}:${String(one.name)}`] }] });
  });

  it("unwraps Jaeger UI's internal trace state, saying so", () => {
    const state = { data: jaegerFileOf(spans).data[0], id: traceId, state: 'FETCH_DONE' };
    const { traces } = parseTraceFile(JSON.stringify(state), formats);
    expect(traces[0]!.spans).toHaveLength(3);
    expect(traces[0]!.warnings[0]).toMatch(/Jaeger UI's internal trace state/);
  });

  it('skips a byte-order mark', () => {
    expect(summary(`\uFEFF${JSON.stringify(sdkOtlpJson(spans))}`).traces).toEqual([expected]);
  });
});

describe('parseTraceFile: files that are not traces', () => {
  it('says which formats were tried and why each failed', () => {
    const error = failure('{"dashboard": {"panels": []}}');
    expect(error.message).toBe(
      'This is not a trace file Watchfloor can read. Tried:\n' +
        '- OTLP/JSON: no resourceSpans (or batches) array\n' +
        '- Jaeger JSON: no data array and no traceID with spans\n' +
        '- Zipkin v2 JSON: needs an array of spans, got an object',
    );
    expect(error.attempts.map((a) => a.format)).toEqual(['OTLP/JSON', 'Jaeger JSON', 'Zipkin v2 JSON']);
    expect(failure('[1, 2]').message).toContain('- Zipkin v2 JSON: the first element is not a Zipkin span (traceId and id)');
  });

  it('says a file is not JSON, with its first characters as text', () => {
    const error = failure('<html><script>alert(1)</script></html>');
    expect(error.message).toMatch(/^The file is not JSON \(.+; it starts "<html><script>alert\(1\)<\/script><\/html>"\)\. Every trace format read is JSON:\n- OTLP\/JSON: needs JSON\n/);
  });

  it('names the JSONL line that is not JSON', () => {
    const good = JSON.stringify(sdkOtlpJson(spans));
    expect(failure(`${good}\n${good}\n{"resourceSpans": [`).message).toContain('As JSON Lines, line 3 is not JSON either');
  });

  it('names the field when a file looks like a format but is broken', () => {
    const broken = sdkOtlpJson(spans) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<Record<string, unknown>> }> }> };
    broken.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.kind = 'SERVER-ish';
    broken.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.startTimeUnixNano = -5;
    expect(failure(JSON.stringify(broken)).message).toBe(
      'This looks like OTLP/JSON but could not be read:\n- OTLP/JSON: resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano should be a non-negative integer of nanoseconds, got number -5',
    );
  });

  it('refuses an empty file and a trace file with no spans', () => {
    expect(failure('  \n').message).toBe('The file is empty; expected one of: OTLP/JSON, Jaeger JSON, Zipkin v2 JSON.');
    expect(failure('{"data": [], "total": 0}').message).toBe('The file is Jaeger JSON but holds no spans.');
  });

  it('offers only the formats whose converter it was given', () => {
    const error = (() => {
      try {
        parseTraceFile(JSON.stringify(zipkinFileOf(spans)), traceFileFormats());
      } catch (e) {
        return e as TraceFileError;
      }
      throw new Error('expected a refusal');
    })();
    expect(error.attempts).toEqual([{ format: 'OTLP/JSON', reason: 'needs an object with resourceSpans, got an array' }]);
  });
});
