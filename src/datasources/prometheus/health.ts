import { isDataSourceError } from '../../lib/errors';
import type { HealthResult } from '../types';
import type { PrometheusClient } from './client';

/**
 * Asks for the build info; servers that speak the Prometheus API without that endpoint (some Thanos,
 * Mimir and VictoriaMetrics set-ups) are healthy if they evaluate a trivial query instead.
 */
export async function checkHealth(client: PrometheusClient, signal: AbortSignal): Promise<HealthResult> {
  try {
    const info = await client.buildInfo(signal);
    return { ok: true, message: `Prometheus ${info.version}` };
  } catch (error) {
    if (!(isDataSourceError(error) && error.status === 404)) return { ok: false, message: messageOf(error) };
  }
  try {
    const now = Date.now();
    await client.queryInstant('1', { range: { from: now, to: now }, signal });
    return { ok: true, message: 'Answers queries (no build info endpoint)' };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
