import { isDataSourceError } from '../../lib/errors';
import { readOrThrow } from '../shared/errors';
import type { HealthResult } from '../types';
import { read, SERVER, type LokiClient } from './client';

/**
 * `/loki/api/v1/status/buildinfo` (JSON without an envelope: `{"version", …}`): the server is up, is Loki, and the
 * URL is its base. `/ready` would say more about ingesters but answers text, and a 503 there during a rollout
 * does not stop queries.
 */
export async function checkHealth(client: LokiClient, signal: AbortSignal): Promise<HealthResult> {
  try {
    const body = await client.get('/loki/api/v1/status/buildinfo', [], signal);
    const version = readOrThrow(() => read.asString(read.asRecord(body, 'the response body').version, 'version'), SERVER);
    return { ok: true, message: `Loki ${version}` };
  } catch (error) {
    if (isDataSourceError(error) && error.kind === 'aborted') throw error;
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
