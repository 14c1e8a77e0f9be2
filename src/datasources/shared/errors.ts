import { DataSourceError, isDataSourceError } from '../../lib/errors';

/**
 * Gives the HTTP failures every server shares their meaning. `fetchJson` already turned HTML pages,
 * truncated JSON, oversized bodies and dropped connections into DataSourceErrors; this adds what a status
 * says about whose fault it is. Adapters map their own server's error classes first, then call this.
 */
export function mapHttpError(error: unknown, serverName: string): unknown {
  if (!isDataSourceError(error) || error.kind !== 'http') return error;
  const { status, errorType, body } = error;
  const keep = { status, body, cause: error, ...(errorType === undefined ? {} : { errorType }) };
  // A JSON error body for 400/422 is the server's own verdict on the query, not a proxy's.
  if (body !== undefined && (status === 400 || status === 422)) return new DataSourceError(error.message, { kind: 'query', ...keep });
  if (status === 401 || status === 403) {
    return new DataSourceError(`${error.message}. ${serverName} refused the request; check the credentials the proxy adds.`, { kind: 'http', ...keep });
  }
  if (status === 404 && body === undefined) {
    return new DataSourceError(`${error.message}. Is the datasource URL the ${serverName} server's base URL?`, { kind: 'http', ...keep });
  }
  if (status === 429) return new DataSourceError(`${error.message}. ${serverName} is rate limiting; try again later.`, { kind: 'http', ...keep });
  return error;
}

/** Whatever a transform threw is still reported as this server's unreadable answer, never leaked raw. */
export function asDataSourceError(error: unknown, serverName: string): DataSourceError {
  if (isDataSourceError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DataSourceError(`Could not read the ${serverName} response: ${reason}`, { kind: 'parse', cause: error });
}

/** Runs a transform of a parsed body, so a bug or a bad shape in it rejects with a DataSourceError. */
export function readOrThrow<T>(transform: () => T, serverName: string): T {
  try {
    return transform();
  } catch (error) {
    throw asDataSourceError(error, serverName);
  }
}
