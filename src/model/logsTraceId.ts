import type { Labels } from './series';
import { normalizeSpanId, normalizeTraceId } from './traceId';

// Trace IDs in log lines, for the link from a line to its trace. Run for every line of a page, so the line
// is scanned with one regex (after a cheap substring check), never parsed.

/** A derived field from the datasource's options: `matcherRegex` with one capture group holding the value. */
export interface DerivedField {
  name: string;
  matcherRegex: string;
  urlTemplate?: string;
}

export interface CompiledDerivedField {
  name: string;
  regex: RegExp;
  urlTemplate?: string;
}

/** Compiles derived fields once per datasource; a bad regex throws with the field's name and the engine's reason. */
export function compileDerivedFields(fields: readonly DerivedField[]): CompiledDerivedField[] {
  return fields.map((field) => {
    let regex: RegExp;
    try {
      regex = new RegExp(field.matcherRegex);
    } catch (error) {
      throw new SyntaxError(`derived field "${field.name}": ${error instanceof Error ? error.message : String(error)}`);
    }
    return field.urlTemplate === undefined ? { name: field.name, regex } : { name: field.name, regex, urlTemplate: field.urlTemplate };
  });
}

export const TRACE_ID_KEYS = ['trace_id', 'traceId', 'traceID', 'trace.id', 'traceid'] as const;
export const SPAN_ID_KEYS = ['span_id', 'spanId', 'spanID', 'span.id', 'spanid'] as const;

// A `trace_id`/`traceId`/`traceID`/`trace.id` key as JSON (`"traceId":"…"`) or logfmt (`trace_id=…`); the value is
// read up to a delimiter and checked afterwards, so 31 or 33 hex characters are rejected, not cut.
const TRACE_IN_LINE = /(?:^|[\s{,"])(?:trace_?id|traceI[dD]|trace\.id)"?\s*[=:]\s*"?([^\s",}]*)/;
const SPAN_IN_LINE = /(?:^|[\s{,"])(?:span_?id|spanI[dD]|span\.id)"?\s*[=:]\s*"?([^\s",}]*)/;
/** How much of a line is scanned: IDs sit near the front, and a 1 MB line is not searched whole for every row. */
const SCAN_CHARS = 16 * 1024;

/**
 * A trace ID as found in a log: 32 or 16 hex characters (64-bit IDs of Zipkin, B3, older Jaeger), in
 * canonical form. Anything else, including other lengths, non-hex and all zeros, is not a trace ID.
 */
export function strictTraceId(raw: string): string | undefined {
  const id = raw.trim();
  if (id.length !== 32 && id.length !== 16) return undefined;
  return /^[0-9a-fA-F]+$/.test(id) ? normalizeTraceId(id) : undefined;
}

function strictSpanId(raw: string): string | undefined {
  const id = raw.trim();
  return id.length === 16 && /^[0-9a-fA-F]+$/.test(id) ? normalizeSpanId(id) : undefined;
}

export type TraceIdSource = 'metadata' | 'derived' | 'field';

export interface FoundTraceId {
  traceId?: string;
  spanId?: string;
  source?: TraceIdSource;
}

function fromLabels(labels: Labels | undefined, keys: readonly string[], check: (raw: string) => string | undefined): string | undefined {
  if (!labels) return undefined;
  for (const key of keys) {
    const raw = labels[key];
    if (raw !== undefined) {
      const id = check(raw);
      if (id) return id;
    }
  }
  return undefined;
}

/**
 * The line's trace (and span) ID, from, in order: metadata the server sent apart from the line (Loki structured
 * metadata, Elasticsearch ECS `trace.id`), the datasource's derived-field regexes, then a `trace_id`,
 * `traceId`, `traceID` or `trace.id` field in the line (JSON or logfmt). Stream labels count as metadata too.
 */
export function extractTraceId(line: string, metadata: Labels | undefined, derived: readonly CompiledDerivedField[] = [], labels?: Labels): FoundTraceId {
  const found: FoundTraceId = {};
  const fromMeta = fromLabels(metadata, TRACE_ID_KEYS, strictTraceId) ?? fromLabels(labels, TRACE_ID_KEYS, strictTraceId);
  const head = line.length > SCAN_CHARS ? line.slice(0, SCAN_CHARS) : line;
  if (fromMeta) {
    found.traceId = fromMeta;
    found.source = 'metadata';
  } else {
    for (const field of derived) {
      const m = field.regex.exec(head);
      const id = m ? strictTraceId(m.groups?.traceId ?? m[1] ?? m[0]) : undefined;
      if (id) {
        found.traceId = id;
        found.source = 'derived';
        break;
      }
    }
    if (!found.traceId && (head.includes('race') || head.includes('RACE'))) {
      const m = TRACE_IN_LINE.exec(head);
      const id = m ? strictTraceId(m[1]!) : undefined;
      if (id) {
        found.traceId = id;
        found.source = 'field';
      }
    }
  }
  if (found.traceId) {
    const span = fromLabels(metadata, SPAN_ID_KEYS, strictSpanId) ?? (head.includes('pan') ? strictSpanId(SPAN_IN_LINE.exec(head)?.[1] ?? '') : undefined);
    if (span) found.spanId = span;
  }
  return found;
}
