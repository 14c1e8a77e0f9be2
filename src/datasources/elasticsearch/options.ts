import { ConfigError } from '../configError';
import { parseHttpOptions, type HttpOptions } from '../shared/httpOptions';
import { parseLogOptions, type LogOptions } from '../shared/logOptions';

/** Where the adapter finds each part of a log line in a document; ECS names by default. */
export interface EsFieldMap {
  service: string;
  traceId: string;
  spanId: string;
}

export interface EsOptions extends HttpOptions, LogOptions {
  /** The index pattern searched, e.g. `logs-*` (the default) or `filebeat-*,app-*`. */
  index: string;
  timeField: string;
  messageField: string;
  levelField: string;
  fields: EsFieldMap;
  /** The fields whose values make a line's stream (its labels, context, "same source"); absent ones are left out. */
  streamFields: readonly string[];
}

/** Elastic Agent, Filebeat 8 and OpenTelemetry's Elasticsearch exporter write logs to `logs-<dataset>-<namespace>` data streams. */
export const DEFAULT_INDEX = 'logs-*';

export const DEFAULT_FIELDS: EsFieldMap = { service: 'service.name', traceId: 'trace.id', spanId: 'span.id' };

function fieldName(options: Readonly<Record<string, unknown>>, name: string, fallback: string): string {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(`options.${name}`, `must be a field name such as "${fallback}", got ${JSON.stringify(value)}`);
  return value;
}

export function parseEsOptions(options: Readonly<Record<string, unknown>> | undefined): EsOptions {
  const o = options ?? {};
  const index = o.index === undefined ? DEFAULT_INDEX : o.index;
  if (typeof index !== 'string' || index.trim() === '') {
    throw new ConfigError('options.index', `must name the index pattern to search, such as "logs-*", got ${JSON.stringify(o.index)}`);
  }
  if (/[\s"\\/?#<>|]/.test(index)) throw new ConfigError('options.index', `holds a character index names cannot: ${JSON.stringify(index)}`);
  const fields = { ...DEFAULT_FIELDS };
  if (o.fields !== undefined) {
    if (typeof o.fields !== 'object' || o.fields === null || Array.isArray(o.fields)) throw new ConfigError('options.fields', 'must map service, traceId and spanId to field names');
    for (const [key, value] of Object.entries(o.fields)) {
      if (!(key in DEFAULT_FIELDS)) throw new ConfigError(`options.fields.${key}`, `is not one of ${Object.keys(DEFAULT_FIELDS).join(', ')}`);
      if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(`options.fields.${key}`, 'must be a field name');
      fields[key as keyof EsFieldMap] = value;
    }
  }
  let streamFields: string[] = [fields.service, 'host.name'];
  if (o.streamFields !== undefined) {
    if (!Array.isArray(o.streamFields) || !o.streamFields.every((f) => typeof f === 'string' && f !== '')) throw new ConfigError('options.streamFields', 'must be a list of field names');
    streamFields = o.streamFields as string[];
  }
  return {
    ...parseHttpOptions(options),
    ...parseLogOptions(options),
    index,
    timeField: fieldName(o, 'timeField', '@timestamp'),
    messageField: fieldName(o, 'messageField', 'message'),
    levelField: fieldName(o, 'levelField', 'log.level'),
    fields,
    streamFields,
  };
}
