/**
 * The two line formats the demo's services write. Most services log like pino (one JSON object per line:
 * `level`, `time` in epoch ms, `service`, the trace context, the call's fields, `msg` last, which is the
 * order pino writes a child logger's bindings and a log call's object). The legacy service (`inventory`,
 * the one on classic Prometheus conventions too) writes logfmt the way the `logfmt` package stringifies.
 * formats.test.ts checks both against the real producers.
 */

export type LogFieldValue = string | number | boolean | null | { readonly [key: string]: LogFieldValue };
export type LogFields = Readonly<Record<string, LogFieldValue>>;

export type LineFormat = 'json' | 'logfmt';

export interface LineParts {
  level: string;
  timeMs: number;
  service: string;
  msg: string;
  traceId?: string;
  spanId?: string;
  /** Call-specific fields, in the order they are written. */
  fields?: LogFields;
}

/**
 * A pino line (string level labels via `formatters.level`, `base: { service }`, trace context as child
 * bindings): the same text as JSON.stringify of those keys in that order, written by hand because a
 * line is formatted for every entry a filter reads.
 */
export function pinoLine(p: LineParts): string {
  let out = `{"level":${JSON.stringify(p.level)},"time":${p.timeMs},"service":${JSON.stringify(p.service)}`;
  if (p.traceId !== undefined) out += `,"trace_id":${JSON.stringify(p.traceId)}`;
  if (p.spanId !== undefined) out += `,"span_id":${JSON.stringify(p.spanId)}`;
  if (p.fields !== undefined) for (const k in p.fields) out += `,${JSON.stringify(k)}:${JSON.stringify(p.fields[k])}`;
  return `${out},"msg":${JSON.stringify(p.msg)}}`;
}

/** One logfmt value as `logfmt.stringify` writes it: quoted when it holds a space or `=`, `"` and `\` escaped. */
export function logfmtValue(value: LogFieldValue): string {
  if (value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const needsQuoting = text.includes(' ') || text.includes('=');
  const needsEscaping = text.includes('"') || text.includes('\\');
  const escaped = needsEscaping ? text.replace(/["\\]/g, '\\$&') : text;
  if (needsQuoting || needsEscaping) return `"${escaped}"`;
  return escaped === '' ? '""' : escaped;
}

/** A legacy logfmt line: `ts` (RFC 3339 with ms), `level`, `msg`, the fields, then `traceID` and `spanID` (Jaeger-client style). */
export function logfmtLine(p: LineParts): string {
  const pairs: Array<[string, LogFieldValue]> = [
    ['ts', new Date(p.timeMs).toISOString()],
    ['level', p.level],
    ['msg', p.msg],
  ];
  if (p.fields !== undefined) for (const [k, v] of Object.entries(p.fields)) pairs.push([k, v]);
  if (p.traceId !== undefined) pairs.push(['traceID', p.traceId]);
  if (p.spanId !== undefined) pairs.push(['spanID', p.spanId]);
  return pairs.map(([k, v]) => `${k}=${logfmtValue(v)}`).join(' ');
}

export function formatLine(format: LineFormat, p: LineParts): string {
  return format === 'json' ? pinoLine(p) : logfmtLine(p);
}
