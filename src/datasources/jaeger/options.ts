import { ConfigError } from '../configError';
import { DEFAULT_HTTP_OPTIONS, parseHttpOptions, type HttpOptions } from '../shared/httpOptions';

/** Which query API to speak: `auto` tries api_v3 and falls back to the v1 JSON API. */
export type JaegerApiChoice = 'auto' | 'v3' | 'v1';

export interface JaegerOptions extends HttpOptions {
  api: JaegerApiChoice;
}

/**
 * Jaeger's body cap, sized for the 100,000-span trace the trace view promises to open: the v1 JSON
 * repeats every tag with its type per span (~730 bytes a span), 73 MB at 100,000 spans, past the kit's
 * 64 MB; its api_v3 OTLP answer of the same trace is 47 MB. `options.maxResponseMB` still sets it.
 */
export const JAEGER_MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

export const DEFAULT_JAEGER_OPTIONS: JaegerOptions = { ...DEFAULT_HTTP_OPTIONS, maxResponseBytes: JAEGER_MAX_RESPONSE_BYTES, api: 'auto' };

/** Reads `options.api` ("auto", "v3" or "v1") besides the shared HTTP options; a bad value names the field. */
export function parseJaegerOptions(options: Readonly<Record<string, unknown>> | undefined): JaegerOptions {
  if (options === undefined) return DEFAULT_JAEGER_OPTIONS;
  const result: JaegerOptions = { ...DEFAULT_JAEGER_OPTIONS, ...parseHttpOptions(options) };
  if (options.maxResponseMB === undefined) result.maxResponseBytes = JAEGER_MAX_RESPONSE_BYTES;
  if (options.api !== undefined) {
    if (options.api !== 'auto' && options.api !== 'v3' && options.api !== 'v1') {
      throw new ConfigError('options.api', `must be "auto", "v3" or "v1", got ${JSON.stringify(options.api)}`);
    }
    result.api = options.api;
  }
  return result;
}
