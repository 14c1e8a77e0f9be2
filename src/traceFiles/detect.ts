import type { Trace } from '../model/trace';

/**
 * One file format a trace file may be in. `recognize` is a cheap look at the document's shape: undefined
 * when it is this format, else why not ("no resourceSpans array"). `parse` converts a recognized document
 * and throws, naming the field, when it is broken. Formats come in as parameters so the detector is pure
 * (no DOM, no fetch: a Web Worker can run it) and each converter stays with its adapter.
 */
export interface TraceFileFormat {
  readonly name: string;
  recognize(doc: unknown): string | undefined;
  parse(doc: unknown): Trace[];
}

export interface TraceFileResult {
  /** The format(s) the file was read as, e.g. "OTLP/JSON (4 lines)". */
  format: string;
  traces: Trace[];
}

export interface FormatAttempt {
  format: string;
  reason: string;
}

/** A file that is not a trace: the message lists every format tried and why each failed. */
export class TraceFileError extends Error {
  /** The first line, without the attempts: with them, enough to build the same error again in another thread. */
  readonly summary: string;
  readonly attempts: readonly FormatAttempt[];
  constructor(summary: string, attempts: readonly FormatAttempt[]) {
    super(attempts.length === 0 ? summary : `${summary}\n${attempts.map((a) => `- ${a.format}: ${a.reason}`).join('\n')}`);
    this.name = 'TraceFileError';
    this.summary = summary;
    this.attempts = attempts;
  }
}

/** The steps after the bytes are read, reported as they start (JSON.parse itself cannot report progress). */
export type ParsePhase = 'json' | 'convert';

const EXCERPT = 60;

/**
 * Reads a trace file: one JSON document, or JSON Lines (one document a line, as Jaeger's and the OpenTelemetry
 * Collector's file exporters write). Each document is read as the first format that recognizes it; spans of
 * one trace ID spread over several lines are joined into one trace.
 */
export function parseTraceFile(text: string, formats: readonly TraceFileFormat[], onPhase: (phase: ParsePhase) => void = () => {}): TraceFileResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const names = formats.map((f) => f.name);
  if (body.trim() === '') throw new TraceFileError(`The file is empty; expected one of: ${names.join(', ')}.`, []);
  onPhase('json');
  const docs = readDocuments(body, names);
  onPhase('convert');

  const traces = new Map<string, Trace>();
  const used = new Map<string, number>();
  for (const { doc, line } of docs) {
    const where = docs.length > 1 ? `line ${line}: ` : '';
    const attempts: FormatAttempt[] = [];
    const format = formats.find((f) => {
      const reason = f.recognize(doc);
      if (reason !== undefined) attempts.push({ format: f.name, reason });
      return reason === undefined;
    });
    if (format === undefined) throw new TraceFileError(`${where}This is not a trace file Watchfloor can read. Tried:`, attempts);
    let parsed: Trace[];
    try {
      parsed = format.parse(doc);
    } catch (error) {
      throw new TraceFileError(`${where}This looks like ${format.name} but could not be read:`, [{ format: format.name, reason: reasonOf(error) }]);
    }
    used.set(format.name, (used.get(format.name) ?? 0) + 1);
    for (const trace of parsed) merge(traces, trace);
  }
  const result = [...traces.values()].filter((t) => t.spans.length > 0);
  if (result.length === 0) {
    throw new TraceFileError(`The file is ${[...used.keys()].join(' and ')} but holds no spans.`, []);
  }
  const format = [...used].map(([name, n]) => (docs.length > 1 ? `${name} (${n} line${n === 1 ? '' : 's'})` : name)).join(', ');
  return { format, traces: result };
}

function readDocuments(body: string, names: readonly string[]): Array<{ doc: unknown; line: number }> {
  let wholeError: string;
  try {
    return [{ doc: JSON.parse(body) as unknown, line: 1 }];
  } catch (error) {
    wholeError = reasonOf(error);
  }
  const lines = body.split(/\r?\n/);
  const docs: Array<{ doc: unknown; line: number }> = [];
  const nonEmpty = lines.filter((l) => l.trim() !== '').length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    try {
      docs.push({ doc: JSON.parse(line) as unknown, line: i + 1 });
    } catch (error) {
      const attempts = names.map((format) => ({ format, reason: 'needs JSON' }));
      const asLines = nonEmpty > 1 ? ` As JSON Lines, line ${i + 1} is not JSON either (${reasonOf(error)}).` : '';
      throw new TraceFileError(`The file is not JSON (${wholeError}; it starts ${JSON.stringify(body.slice(0, EXCERPT))}).${asLines} Every trace format read is JSON:`, attempts);
    }
  }
  return docs;
}

/** Spans of one trace that arrive in several documents (one request per line) become one trace. */
function merge(traces: Map<string, Trace>, trace: Trace): void {
  const seen = traces.get(trace.traceId);
  if (seen === undefined) {
    traces.set(trace.traceId, { traceId: trace.traceId, spans: [...trace.spans], warnings: [...trace.warnings] });
    return;
  }
  seen.spans.push(...trace.spans);
  for (const w of trace.warnings) if (!seen.warnings.includes(w)) seen.warnings.push(w);
}

/** A converter's error without the adapter's "Unexpected response from X:" prefix, which reads oddly for a file. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Unexpected response from [^:]+: /, '');
}
