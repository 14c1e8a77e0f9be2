/**
 * The real stack's scrape target, in a process of its own: each `/metrics` exposition costs the demo server
 * about 150 ms of CPU, which inside the bench's process would stall its 50 ms busy-time readings.
 * Usage: `tsx bench/metrics/demoTarget.ts <port> <incidentStartMs>`.
 */
import { startDemoServer } from '../../src/demo/server/nodeServer';

const [port, incidentStartMs] = process.argv.slice(2).map(Number);
if (!Number.isInteger(port) || !Number.isFinite(incidentStartMs)) {
  process.stderr.write('usage: demoTarget.ts <port> <incidentStartMs>\n');
  process.exit(2);
}
const server = await startDemoServer({ port, host: '127.0.0.1', incidentStartMs });
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
