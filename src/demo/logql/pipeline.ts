import type { DemoLogEntry } from '../logs/entry';
import type { LabelPredicate, LogQuery, Stage } from './ast';
import { extractJson, extractLogfmt } from './lineParsers';

/** One entry after a query's pipeline: its (possibly reformatted) line and the labels the pipeline added. */
export interface PipedEntry {
  entry: DemoLogEntry;
  line: string;
  /** Labels from `| json` / `| logfmt`, and `__error__` / `__error_details__`; undefined when none. */
  parsed: Map<string, string> | undefined;
}

/** Structured metadata of an entry, as Loki keeps it beside the line. */
export function metadataOf(entry: DemoLogEntry): Record<string, string> | undefined {
  if (entry.traceId === undefined) return undefined;
  const out: Record<string, string> = { trace_id: entry.traceId };
  if (entry.spanId !== undefined) out['span_id'] = entry.spanId;
  return out;
}

/** A label's value as the pipeline sees it: parsed labels over structured metadata over stream labels. */
function labelOf(entry: DemoLogEntry, parsed: Map<string, string> | undefined, name: string): string | undefined {
  const p = parsed?.get(name);
  if (p !== undefined) return p;
  if (name === 'trace_id' && entry.traceId !== undefined) return entry.traceId;
  if (name === 'span_id' && entry.spanId !== undefined) return entry.spanId;
  return entry.stream.labels[name];
}

function hasOriginal(entry: DemoLogEntry, name: string): boolean {
  return entry.stream.labels[name] !== undefined || (name === 'trace_id' && entry.traceId !== undefined) || (name === 'span_id' && entry.spanId !== undefined);
}

function lineMatches(stage: Extract<Stage, { kind: 'line' }>, line: string): boolean {
  switch (stage.op) {
    case '|=':
      return stage.values.some((v) => line.includes(v));
    case '!=':
      return !stage.values.some((v) => line.includes(v));
    case '|~':
      return (stage.regexes ?? []).some((r) => r.test(line));
    case '!~':
      return !(stage.regexes ?? []).some((r) => r.test(line));
  }
}

const ERROR = '__error__';

/**
 * Loki's label filters: a string matcher compares the value (missing = empty); a numeric one drops a line
 * without the label, and keeps one whose value is not a number, marked `__error__="LabelFilterErr"`. A line
 * already in error passes untouched.
 */
function labelFilter(p: LabelPredicate, entry: DemoLogEntry, parsed: Map<string, string>): boolean {
  switch (p.kind) {
    case 'and':
      return labelFilter(p.left, entry, parsed) && labelFilter(p.right, entry, parsed);
    case 'or':
      return labelFilter(p.left, entry, parsed) || labelFilter(p.right, entry, parsed);
    case 'string':
      return p.test(labelOf(entry, parsed, p.matcher.name) ?? '');
    case 'number': {
      if (parsed.has(ERROR)) return true;
      const raw = labelOf(entry, parsed, p.name);
      if (raw === undefined) return p.op === '!=';
      const v = raw.trim() === '' ? NaN : Number(raw);
      if (Number.isNaN(v)) {
        parsed.set(ERROR, 'LabelFilterErr');
        parsed.set('__error_details__', `strconv.ParseFloat: parsing ${JSON.stringify(raw)}: invalid syntax`);
        return true;
      }
      switch (p.op) {
        case '==':
          return v === p.value;
        case '!=':
          return v !== p.value;
        case '>':
          return v > p.value;
        case '>=':
          return v >= p.value;
        case '<':
          return v < p.value;
        case '<=':
          return v <= p.value;
      }
    }
  }
}

/** The stages of `query` as one function: an entry in, the piped entry out, or undefined when a stage drops it. */
export function compilePipeline(query: LogQuery): (entry: DemoLogEntry) => PipedEntry | undefined {
  const stages = query.stages;
  if (stages.length === 0) return (entry) => ({ entry, line: entry.line, parsed: undefined });
  return (entry) => {
    let line = entry.line;
    let parsed: Map<string, string> | undefined;
    for (const stage of stages) {
      switch (stage.kind) {
        case 'line':
          if (!lineMatches(stage, line)) return undefined;
          break;
        case 'json':
        case 'logfmt': {
          parsed ??= new Map();
          if (parsed.has(ERROR)) break;
          const found = new Map<string, string>();
          const ok = stage.kind === 'json' ? extractJson(line, found) : extractLogfmt(line, found);
          if (!ok) {
            parsed.set(ERROR, stage.kind === 'json' ? 'JSONParserErr' : 'LogfmtParserErr');
            parsed.set('__error_details__', stage.kind === 'json' ? 'the line is not a JSON object' : 'the line is not logfmt');
            break;
          }
          for (const [k, v] of found) parsed.set(hasOriginal(entry, k) ? `${k}_extracted` : k, v);
          break;
        }
        case 'labelFilter':
          parsed ??= new Map();
          if (!labelFilter(stage.predicate, entry, parsed)) return undefined;
          break;
        case 'lineFormat':
          line = stage.parts.map((part) => ('text' in part ? part.text : (labelOf(entry, parsed, part.label) ?? ''))).join('');
          break;
      }
    }
    return { entry, line, parsed: parsed !== undefined && parsed.size > 0 ? parsed : undefined };
  };
}

/** Every label of a piped entry (stream, structured metadata, parsed), keys sorted: Loki's stream without `categorize-labels`. */
export function allLabels(p: PipedEntry): Record<string, string> {
  const out: Record<string, string> = { ...p.entry.stream.labels };
  const meta = metadataOf(p.entry);
  if (meta !== undefined) Object.assign(out, meta);
  if (p.parsed !== undefined) for (const [k, v] of p.parsed) out[k] = v;
  return sortedLabels(out);
}

export function sortedLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(labels).sort()) out[k] = labels[k] ?? '';
  return out;
}

/** A stable key of a label set (keys sorted). */
export function labelsKey(labels: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]));
}
