import { DataSourceError, isDataSourceError } from '../../lib/errors';
import { mapHttpError } from '../shared/errors';

/**
 * Gives generic HTTP failures their Prometheus meaning (reference §1.1): `bad_data` (400) and
 * `execution` (422) are the query's fault and must not be retried; a JSON 503 is the server giving up on a
 * slow query; a plain-text 503 is Prometheus starting or stopping its storage. The rest is shared.
 */
export function toPrometheusError(error: unknown): unknown {
  if (!isDataSourceError(error) || error.kind !== 'http') return error;
  const { status, errorType, body } = error;
  const keep = { status, body, cause: error, ...(errorType === undefined ? {} : { errorType }) };

  if (errorType === 'bad_data' || errorType === 'execution') {
    return new DataSourceError(error.message, { kind: 'query', ...keep });
  }
  if (errorType === 'timeout' || (status === 503 && body !== undefined)) {
    return new DataSourceError(`Prometheus gave up on the query: ${error.message}`, { kind: 'timeout', ...keep });
  }
  if (status === 503) {
    return new DataSourceError(
      `${error.message}. Prometheus answers this while its storage is starting or shutting down; try again shortly.`,
      { kind: 'http', ...keep },
    );
  }
  return mapHttpError(error, 'Prometheus');
}
