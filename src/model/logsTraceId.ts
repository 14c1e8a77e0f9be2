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

// Key spellings looked for in a line, as JSON (`"traceId":"…"`) or logfmt (`trace_id=…`).
const TRACE_KEYS_IN_LINE = ['trace_id', 'traceId', 'traceID', 'trace.id', 'traceid'] as const;
const SPAN_KEYS_IN_LINE = ['span_id', 'spanId', 'spanID', 'span.id', 'spanid'] as const;

function isKeyStart(c: number): boolean {
  return Number.isNaN(c) || c <= 32 || c === 123 /* { */ || c === 44 /* , */ || c === 34 /* " */;
}

/**
 * The value after one of `keys` used as a key: at the start or after a space, `{`, `,` or `"`, then an optional
 * closing quote, `=` or `:` with optional spaces, an optional opening quote. The value runs to a space, quote,
 * comma or `}`, and is checked afterwards, so 31 or 33 hex characters are rejected, not cut. indexOf scans,
 * not a regex: a regex with a leading alternation is tried at every position of every line.
 */
function valueAfterKey(text: string, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(key, from);
      if (at === -1) break;
      from = at + key.length;
      if (!isKeyStart(at === 0 ? NaN : text.charCodeAt(at - 1))) continue;
      let i = at + key.length;
      if (text.charCodeAt(i) === 34) i++;
      while (text.charCodeAt(i) === 32) i++;
      const sep = text.charCodeAt(i);
      if (sep !== 61 /* = */ && sep !== 58 /* : */) continue;
      i++;
      while (text.charCodeAt(i) === 32) i++;
      if (text.charCodeAt(i) === 34) i++;
      const start = i;
      while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c <= 32 || c === 34 || c === 44 || c === 125) break;
        i++;
      }
      return text.slice(start, i);
    }
  }
  return undefined;
}
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
    if (!found.traceId && head.includes('race')) {
      const raw = valueAfterKey(head, TRACE_KEYS_IN_LINE);
      const id = raw === undefined ? undefined : strictTraceId(raw);
      if (id) {
        found.traceId = id;
        found.source = 'field';
      }
    }
  }
  if (found.traceId) {
    const span = fromLabels(metadata, SPAN_ID_KEYS, strictSpanId) ?? (head.includes('pan') ? strictSpanId(valueAfterKey(head, SPAN_KEYS_IN_LINE) ?? '') : undefined);
    if (span) found.spanId = span;
  }
  return found;
}
