import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * Serves a built app (`dist/`) the way production would: static files, the SPA fallback to index.html for
 * client-side routes, an optional `config.json` override (so one build can be pointed at another backend without
 * copying it), and `/proxy/<uid>/…` forwarding for datasources configured with `"access": "proxy"`.
 * Used by the real-server end-to-end tests and the benchmarks.
 */
export interface ServeDistOptions {
  dir: string;
  port: number;
  host?: string;
  /** Served at /config.json instead of the file in `dir`; `null` makes /config.json a 404 (demo mode). */
  configJson?: unknown;
  /** uid → upstream base URL for `/proxy/<uid>/…`. */
  proxies?: Record<string, string>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function serveDist(opts: ServeDistOptions): Promise<Server> {
  const root = resolve(opts.dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const proxy = /^\/proxy\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (proxy && opts.proxies?.[proxy[1]!]) {
      const upstream = upstreamUrl(opts.proxies[proxy[1]!]!, proxy[2] ?? '/', url.search);
      const out = httpRequest(upstream, { method: req.method, headers: { ...req.headers, host: upstream.host } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      out.on('error', (err) => {
        // Once the upstream's headers went out, all that is left is to cut the response short.
        if (res.headersSent) return void res.destroy(err);
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy error: ${err.message}`);
      });
      req.pipe(out);
      return;
    }
    if (url.pathname === '/config.json' && opts.configJson !== undefined) {
      if (opts.configJson === null) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(opts.configJson));
      }
      return;
    }
    const path = staticPath(root, url.pathname);
    const file = path !== null && existsSync(path) && statSync(path).isFile() ? path : null;
    // Missing assets are 404s; any other path is a client-side route and gets index.html.
    if (!file && (url.pathname.startsWith('/assets/') || extname(url.pathname) === '.json')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const target = file ?? join(root, 'index.html');
    // A dist/ without index.html (not built yet, or half-written) is the server's problem to report, not a crash.
    if (!file && !existsSync(target)) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end(`no index.html in ${root}: build the app first (npm run build)`);
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(target)
      .on('error', (err) => res.destroy(err))
      .pipe(res);
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolveServer(server));
  });
}

/**
 * The upstream URL for a proxied path: appended to the datasource URL's own path, as Vite's proxy does,
 * so a URL such as `http://mimir/prometheus` keeps its `/prometheus`.
 */
export function upstreamUrl(base: string, path: string, search: string): URL {
  const target = new URL(base);
  target.pathname = `${target.pathname.replace(/\/+$/, '')}${path}`;
  target.search = search;
  return target;
}

/** The file a URL path names under `root`, or null when it is malformed or lies outside (`/..%2f`, a sibling `dist-old/`). */
export function staticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  return path === root || path.startsWith(root + sep) ? path : null;
}
