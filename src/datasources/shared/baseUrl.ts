import type { DataSourceConfig } from '../types';

/** Where the browser sends a datasource's requests. */
export const PROXY_PREFIX = '/proxy/';

/**
 * The base URL a datasource's API paths hang off: the server itself, or, with `"access": "proxy"`, the app's own
 * origin at `/proxy/<uid>`, which whatever serves the app forwards to `url` (for servers that send no CORS headers).
 * Trailing slashes go, so `${base}/api/…` never doubles them.
 */
export function dataSourceBaseUrl(config: Pick<DataSourceConfig, 'uid' | 'url' | 'access'>): string {
  if (config.access === 'proxy') return `${PROXY_PREFIX}${encodeURIComponent(config.uid)}`;
  return config.url.replace(/\/+$/, '');
}
