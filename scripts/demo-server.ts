/**
 * `npm run demo:server`: the demo backend over HTTP, for a real Prometheus to scrape (`/metrics`) and
 * for Prometheus clients to query (`/api/v1/...`, also under `/prometheus`).
 *
 * Environment: PORT (7070), HOST (127.0.0.1), DEMO_SEED (1), DEMO_INCIDENT_START (epoch ms; by
 * default the incident starts 20 minutes before the current hour and lasts 3 hours), and for the logs
 * DEMO_LOG_BURST (batch lines in the minute before start), DEMO_TAIL_RATE (batch lines per second from
 * start on), DEMO_MAX_ENTRIES (Loki's max_entries_limit_per_query, default 5000).
 */
import { startDemoServer } from '../src/demo/server/nodeServer';

function intFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return Number(raw);
}

async function main(): Promise<void> {
  const port = intFromEnv('PORT') ?? 7070;
  const seed = intFromEnv('DEMO_SEED');
  const incidentStartMs = intFromEnv('DEMO_INCIDENT_START');
  const host = process.env['HOST'] || '127.0.0.1';
  const burstLines = intFromEnv('DEMO_LOG_BURST');
  const tailRate = intFromEnv('DEMO_TAIL_RATE');
  const maxEntries = intFromEnv('DEMO_MAX_ENTRIES');
  const logs = { ...(burstLines === undefined ? {} : { burstLines }), ...(tailRate === undefined ? {} : { tailRate }), ...(maxEntries === undefined ? {} : { maxEntries }) };
  const server = await startDemoServer({ port, host, logs, ...(seed === undefined ? {} : { seed }), ...(incidentStartMs === undefined ? {} : { incidentStartMs }) });
  const incident = server.simulator.scenarios[0];
  process.stdout.write(
    `Watchfloor demo backend on ${server.url} (seed ${server.simulator.seed})\n` +
      `  Prometheus API: ${server.url}/api/v1 and ${server.url}/prometheus/api/v1\n` +
      `  OpenMetrics:    ${server.url}/metrics\n` +
      `  Loki API:       ${server.url}/loki/api/v1 (tail: ${server.url.replace(/^http/, 'ws')}/loki/api/v1/tail)\n` +
      (incident ? `  Incident:       ${incident.name} from ${new Date(incident.startsAtMs).toISOString()} for ${incident.durationMs / 60_000} min\n` : ''),
  );
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal}: shutting down\n`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`demo server: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`demo server: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
