/**
 * A real Prometheus scraping the demo server, for trying the app against real Prometheus by hand:
 *
 *   tsx scripts/prometheus-demo.ts        (DEMO_PORT, default 7070; Prometheus gets a free port)
 *
 * Prints the Prometheus URL to put in public/config.json. Ctrl-C stops both and removes the TSDB.
 */
import { startDemoServer } from '../src/demo/server/nodeServer';
import { startPrometheus } from '../e2e/servers/prometheus';

async function main(): Promise<void> {
  const demoPort = Number(process.env['DEMO_PORT'] ?? 7070);
  const demo = await startDemoServer({ port: demoPort, host: '127.0.0.1' });
  const prom = await startPrometheus({ scrapeTargets: [{ address: `127.0.0.1:${demo.port}` }], scrapeIntervalSeconds: 1 });
  process.stdout.write(
    `demo server ${demo.url} (/metrics), Prometheus ${prom.url} scraping it every 1 s\n` +
      `public/config.json: {"datasources":[{"uid":"prom","kind":"prometheus","name":"Prometheus","url":"${prom.url}","default":true}]}\n`,
  );
  const stop = async () => {
    await prom.stop();
    await demo.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`prometheus-demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
