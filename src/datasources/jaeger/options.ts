import { ConfigError } from '../configError';
import { DEFAULT_HTTP_OPTIONS, parseHttpOptions, type HttpOptions } from '../shared/httpOptions';

/** Which query API to speak: `auto` tries api_v3 and falls back to the v1 JSON API. */
export type JaegerApiChoice = 'auto' | 'v3' | 'v1';

export interface JaegerOptions extends HttpOptions {
  api: JaegerApiChoice;
}

export const DEFAULT_JAEGER_OPTIONS: JaegerOptions = { ...DEFAULT_HTTP_OPTIONS, api: 'auto' };

/** Reads `options.api` ("auto", "v3" or "v1") besides the shared HTTP options; a bad value names the field. */
export function parseJaegerOptions(options: Readonly<Record<string, unknown>> | undefined): JaegerOptions {
  if (options === undefined) return DEFAULT_JAEGER_OPTIONS;
  const result: JaegerOptions = { ...DEFAULT_JAEGER_OPTIONS, ...parseHttpOptions(options) };
  if (options.api !== undefined) {
    if (options.api !== 'auto' && options.api !== 'v3' && options.api !== 'v1') {
      throw new ConfigError('options.api', `must be "auto", "v3" or "v1", got ${JSON.stringify(options.api)}`);
    }
    result.api = options.api;
  }
  return result;
}
