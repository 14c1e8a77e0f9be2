import { existsSync, readFileSync } from 'node:fs';

interface ProxyEntry {
  target: string;
  changeOrigin: boolean;
  /** Forward websocket upgrades too: Loki's live tail (`/loki/api/v1/tail`) is one. */
  ws: boolean;
  rewrite: (path: string) => string;
}

/**
 * Builds Vite's `server.proxy` / `preview.proxy` table from the runtime config: every datasource
 * with `"access": "proxy"` is reachable at `/proxy/<uid>/…`, forwarded to its `url`. The browser
 * then talks same-origin, which is what servers without CORS headers (Loki, Tempo, Jaeger) need.
 * A missing or unreadable config yields no proxies; the app itself reports a malformed config.
 */
export function proxyFromConfig(path: string): Record<string, ProxyEntry> {
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
  const list = (parsed as { datasources?: unknown }).datasources;
  if (!Array.isArray(list)) return {};
  const table: Record<string, ProxyEntry> = {};
  for (const ds of list as Array<Record<string, unknown>>) {
    if (ds['access'] !== 'proxy' || typeof ds['uid'] !== 'string' || typeof ds['url'] !== 'string') continue;
    const prefix = `/proxy/${ds['uid']}`;
    // Vite matches a plain key as a string prefix, so `/proxy/prom` would also catch `/proxy/prom-eu/…`;
    // a `^` key is a RegExp, which can insist on the whole uid.
    table[`^${escapeRegExp(prefix)}(?:/|\\?|$)`] = {
      target: ds['url'],
      changeOrigin: true,
      ws: true,
      rewrite: (p) => p.slice(prefix.length) || '/',
    };
  }
  return table;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
