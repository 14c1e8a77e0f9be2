import { isDataSourceError } from '../../lib/errors';
import { withDeadline } from '../shared/abort';
import { readBodyText } from '../shared/readBody';
import type { HealthResult } from '../types';
import type { TempoClient } from './client';

/**
 * `/api/echo`, what Grafana's "test datasource" asks: 200 `echo` (text/plain). Anything else (an HTML login
 * page, a 404 from a URL that is not Tempo's) is unhealthy, said in words.
 */
export async function checkHealth(client: TempoClient, signal: AbortSignal): Promise<HealthResult> {
  const deadline = withDeadline(signal, client.options.timeoutMs);
  try {
    const response = await client.fetchFn(`${client.baseUrl}/api/echo`, { signal: deadline.signal });
    const text = (await readBodyText(response, 64 * 1024)).trim();
    if (response.ok && text === 'echo') return { ok: true, message: 'Tempo answers /api/echo' };
    const what = text === '' ? 'an empty body' : /^\s*</.test(text) ? 'an HTML page' : JSON.stringify(text.slice(0, 80));
    return { ok: false, message: `${client.baseUrl}/api/echo answered HTTP ${response.status} with ${what}; is this Tempo's base URL?` };
  } catch (error) {
    if (deadline.timedOut()) return { ok: false, message: `Tempo did not answer /api/echo within ${client.options.timeoutMs} ms` };
    const reason = isDataSourceError(error) || error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Could not reach ${client.baseUrl}: ${reason}` };
  } finally {
    deadline.dispose();
  }
}
