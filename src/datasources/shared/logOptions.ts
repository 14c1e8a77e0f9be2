import { compileDerivedFields, type CompiledDerivedField, type DerivedField } from '../../model/logsTraceId';
import { ConfigError } from '../configError';

/** What every logs adapter reads from its entry's `options` besides its server's own settings. */
export interface LogOptions {
  /** Lines asked for when a page does not say; also the most one request asks for. */
  maxLines: number;
  derivedFields: readonly DerivedField[];
  /** Compiled once; applied to every line for its trace ID. */
  compiledDerivedFields: readonly CompiledDerivedField[];
}

export const DEFAULT_MAX_LINES = 1000;

/** Reads `options.maxLines` and `options.derivedFields`; a bad one throws ConfigError naming it. */
export function parseLogOptions(options: Readonly<Record<string, unknown>> | undefined): LogOptions {
  let maxLines = DEFAULT_MAX_LINES;
  if (options?.maxLines !== undefined) {
    if (typeof options.maxLines !== 'number' || !Number.isInteger(options.maxLines) || options.maxLines < 1) {
      throw new ConfigError('options.maxLines', `must be a positive whole number of lines, got ${JSON.stringify(options.maxLines)}`);
    }
    maxLines = options.maxLines;
  }
  const derivedFields = parseDerivedFields(options?.derivedFields);
  const compiledDerivedFields = derivedFields.map((field, i) => {
    try {
      return compileDerivedFields([field])[0]!;
    } catch (error) {
      throw new ConfigError(`options.derivedFields[${i}].matcherRegex`, `is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return { maxLines, derivedFields, compiledDerivedFields };
}

function parseDerivedFields(raw: unknown): DerivedField[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new ConfigError('options.derivedFields', 'must be a list of {"name", "matcherRegex", "urlTemplate"?} objects');
  return raw.map((item: unknown, i) => {
    const at = `options.derivedFields[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new ConfigError(at, 'must be an object with "name" and "matcherRegex"');
    const { name, matcherRegex, urlTemplate } = item as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') throw new ConfigError(`${at}.name`, 'must be a non-empty string');
    if (typeof matcherRegex !== 'string' || matcherRegex === '') throw new ConfigError(`${at}.matcherRegex`, 'must be a regular expression with one capture group, e.g. "traceID=(\\\\w+)"');
    if (urlTemplate !== undefined && typeof urlTemplate !== 'string') throw new ConfigError(`${at}.urlTemplate`, 'must be a string such as "https://tracing.example/trace/${__value.raw}"');
    return urlTemplate === undefined ? { name, matcherRegex } : { name, matcherRegex, urlTemplate };
  });
}
