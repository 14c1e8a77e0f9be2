import { ConfigError } from '../configError';
import { parseHttpOptions, type HttpOptions } from '../shared/httpOptions';
import { parseLogOptions, type LogOptions } from '../shared/logOptions';

export interface LokiOptions extends HttpOptions, LogOptions {
  /**
   * Send `X-Loki-Response-Encoding-Flags: categorize-labels`, so structured metadata (OTLP `trace_id`) and
   * parsed labels arrive apart from the stream labels (reference §2.4). Default on; turn it off for a proxy
   * that refuses the header.
   */
  categorizeLabels: boolean;
}

export function parseLokiOptions(options: Readonly<Record<string, unknown>> | undefined): LokiOptions {
  const categorize = options?.categorizeLabels;
  if (categorize !== undefined && typeof categorize !== 'boolean') throw new ConfigError('options.categorizeLabels', `must be true or false, got ${JSON.stringify(categorize)}`);
  return { ...parseHttpOptions(options), ...parseLogOptions(options), categorizeLabels: categorize ?? true };
}
