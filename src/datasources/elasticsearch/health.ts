import { isDataSourceError } from '../../lib/errors';
import type { HealthResult } from '../types';
import type { EsClient } from './client';

/**
 * A `size: 0` search of the configured index: it proves the URL, the credentials the proxy adds, and that the
 * index pattern matches something, which the root endpoint (often forbidden to log readers) would not.
 */
export async function checkHealth(client: EsClient, signal: AbortSignal): Promise<HealthResult> {
  try {
    const body = await client.search({ size: 0, track_total_hits: true, query: { match_all: {} } }, signal);
    const hits = typeof body.hits === 'object' && body.hits !== null ? (body.hits as Record<string, unknown>) : {};
    const total = typeof hits.total === 'number' ? hits.total : typeof hits.total === 'object' && hits.total !== null ? (hits.total as Record<string, unknown>).value : undefined;
    return { ok: true, message: `${client.serverName} answers; ${typeof total === 'number' ? total.toLocaleString('en-US') : 'some'} documents in ${client.options.index}` };
  } catch (error) {
    if (isDataSourceError(error) && error.kind === 'aborted') throw error;
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
