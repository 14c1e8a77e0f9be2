import { ConfigError } from '../configError';
import { DEFAULT_MAX_BODY_BYTES } from './readBody';

/** What every HTTP adapter reads from its config entry's `options`, besides its own settings. */
export interface HttpOptions {
  /** Gives up on a request after this long. */
  timeoutMs: number;
  /** The most one response body may hold, decoded. */
  maxResponseBytes: number;
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = { timeoutMs: 30_000, maxResponseBytes: DEFAULT_MAX_BODY_BYTES };

/** Reads `options.timeoutMs` and `options.maxResponseMB`; a bad value throws ConfigError naming it. */
export function parseHttpOptions(options: Readonly<Record<string, unknown>> | undefined): HttpOptions {
  const result = { ...DEFAULT_HTTP_OPTIONS };
  if (options?.timeoutMs !== undefined) {
    if (typeof options.timeoutMs !== 'number' || !(options.timeoutMs > 0)) {
      throw new ConfigError('options.timeoutMs', 'must be a positive number of milliseconds');
    }
    result.timeoutMs = options.timeoutMs;
  }
  if (options?.maxResponseMB !== undefined) {
    if (typeof options.maxResponseMB !== 'number' || !(options.maxResponseMB > 0) || !Number.isFinite(options.maxResponseMB)) {
      throw new ConfigError('options.maxResponseMB', `must be a positive number of megabytes, got ${JSON.stringify(options.maxResponseMB)}`);
    }
    result.maxResponseBytes = Math.round(options.maxResponseMB * 1024 * 1024);
  }
  return result;
}
