import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInProcessFetch } from '../fetch';
import { exposeOpenMetrics, OPENMETRICS_CONTENT_TYPE } from '../openmetrics/expose';
import { createPrometheusHandlers } from '../promApi/handlers';
import { createSimulator, DEFAULT_SEED, defaultScenarios, type Simulator } from '../simulator';
import { createAlertingHandlers } from '../alerting/handlers';
import { createTraceHandlers } from '../traceHandlers';

export interface DemoServerOptions {
  /** 0 picks a free port. Default 7070. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed?: number;
  /** Freezes the server's clock at this instant (tests); the real clock otherwise. */
  nowMs?: number;
  /** Moves the provider-timeout incident's start (epoch ms); the default schedule otherwise. */
  incidentStartMs?: number;
}

export interface DemoServer {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  port: number;
  simulator: Simulator;
  close(): Promise<void>;
}

/** CORS as Prometheus sends it with its default `--web.cors.origin=.*`. */
function addCors(req: IncomingMessage, headers: Headers): void {
  headers.set('Vary', 'Origin');
  if (req.headers.origin === undefined) return;
  headers.set('Access-Control-Allow-Origin', '*');
  headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  headers.set('Access-Control-Allow-Headers', 'Accept, Authorization, Content-Type, Origin');
  headers.set('Access-Control-Expose-Headers', 'Date');
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const body = await readBody(req);
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    ...(body === undefined ? {} : { body: new Uint8Array(body) }),
  });
}

function writeHead(res: ServerResponse, response: Response, out: Record<string, string>): void {
  // An empty statusText would print a bare "HTTP/1.1 200 "; let node fill in the standard phrase.
  if (response.statusText === '') res.writeHead(response.status, out);
  else res.writeHead(response.status, response.statusText, out);
}

/**
 * Writes a Fetch Response to node. A body that arrives in one chunk goes out with a Content-Length;
 * a longer one (a 100,000-span trace) is relayed chunk by chunk as it is produced, waiting for the
 * socket to drain, so the server never holds the whole body.
 */
async function writeResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const headers = new Headers(response.headers);
  addCors(req, headers);
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  const reader = req.method === 'HEAD' ? undefined : response.body?.getReader();
  if (reader === undefined) {
    await response.body?.cancel();
    writeHead(res, response, out);
    res.end();
    return;
  }
  const first = await reader.read();
  const second = first.done ? first : await reader.read();
  if (second.done) {
    const body = Buffer.from(first.value ?? new Uint8Array(0));
    out['content-length'] = String(body.length);
    writeHead(res, response, out);
    res.end(body);
    return;
  }
  writeHead(res, response, out);
  let chunk: ReadableStreamReadResult<Uint8Array> = first;
  for (const pending of [first, second]) {
    chunk = pending;
    if (chunk.value !== undefined && !res.write(chunk.value)) await new Promise((resolve) => res.once('drain', resolve));
  }
  for (;;) {
    chunk = await reader.read();
    if (chunk.done) break;
    if (res.destroyed) {
      await reader.cancel();
      return;
    }
    if (!res.write(chunk.value)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

const INDEX_TEXT = `Watchfloor demo backend: a simulated microservice system.
  /api/v1/...             Prometheus HTTP API (also under /prometheus/api/v1/...)
  /metrics                OpenMetrics exposition with exemplars, for a real Prometheus to scrape
  /jaeger/api/...         Jaeger query API (v1 JSON and /api/v3 OTLP) over the simulated traces
  /tempo/api/...          Grafana Tempo API (traces, search with a TraceQL subset, tags, echo)
  /zipkin/api/v2/...      Zipkin API v2
  /-/healthy, /-/ready    health checks
`;

/**
 * Serves the demo's MSW handlers over real HTTP (node request → Fetch Request → the same handlers →
 * node response), the Prometheus API both at the root — so any Prometheus client can point at it —
 * and under `/prometheus` like the in-app demo, plus `/metrics` computed at the current instant.
 */
export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const frozen = opts.nowMs;
  const now = frozen === undefined ? () => Date.now() : () => frozen;
  const scenarios = defaultScenarios(now()).map((s) => (opts.incidentStartMs === undefined ? s : { ...s, startsAtMs: opts.incidentStartMs }));
  const simulator = createSimulator({ seed: opts.seed ?? DEFAULT_SEED, scenarios });
  const fetchFn = createInProcessFetch([
    ...createPrometheusHandlers(simulator, { basePath: '/prometheus', now }),
    ...createPrometheusHandlers(simulator, { basePath: '', now }),
    ...createTraceHandlers(simulator, { now }),
    // `*/api/v1/alerts` answers both the root and /prometheus; the Alertmanager API is under /alertmanager.
    ...createAlertingHandlers(simulator, { prometheusBasePath: '', now }),
  ]);
  const host = opts.host ?? '127.0.0.1';

  const answer = async (req: IncomingMessage, origin: string): Promise<Response> => {
    const path = new URL(req.url ?? '/', origin).pathname;
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    if (req.method === 'OPTIONS' && !path.includes('/api/v1/')) return new Response(null, { status: 204 });
    if (readOnly && path === '/metrics') {
      return new Response(exposeOpenMetrics(simulator, now()), { headers: { 'Content-Type': OPENMETRICS_CONTENT_TYPE } });
    }
    if (readOnly && (path === '/-/healthy' || path === '/-/ready')) {
      return new Response(`Demo backend is ${path === '/-/healthy' ? 'Healthy' : 'Ready'}.\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    if (readOnly && path === '/') return new Response(INDEX_TEXT, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    return fetchFn(await toFetchRequest(req, origin));
  };

  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? host}`;
    answer(req, origin)
      .then((response) => writeResponse(req, res, response))
      .catch((err: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`demo server error: ${err instanceof Error ? err.message : String(err)}\n`);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 7070, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    simulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
