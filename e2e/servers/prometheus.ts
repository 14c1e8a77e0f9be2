import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBinaries } from './binaries';
import { startHttpServer } from './serverProcess';
import { makeTempDir, type TempDir } from './tempDir';

export interface ScrapeTarget {
  /** `host:port` */
  address: string;
  metricsPath?: string;
}

export interface PrometheusOptions {
  /** Scrape targets; none means Prometheus only serves the TSDB (e.g. a backfilled one). */
  scrapeTargets?: readonly ScrapeTarget[];
  /** Default 1 s; the scrape timeout is set to 80 % of it. */
  scrapeIntervalSeconds?: number;
  /**
   * An existing TSDB directory (for example one `promtool tsdb create-blocks-from` wrote). It belongs to
   * the caller and is left in place on stop. Without it a fresh temp dir is used and removed on stop.
   */
  tsdbPath?: string;
  /** Default `100y`, so backfilled historical blocks are not deleted at start-up. */
  retention?: string;
  readyTimeoutMs?: number;
  /** A rule file's content (YAML); Prometheus evaluates it every scrape interval. */
  rules?: string;
  /** `host:port` of an Alertmanager to send alerts to. */
  alertmanager?: string;
  /** A fixed port, to start it again where a stopped one was (with the same `tsdbPath`, the same data). */
  port?: number;
}

export interface RunningPrometheus {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  tsdbPath: string;
  recentOutput(): string;
  /** Kills the process group and removes the temp dirs this harness created. Idempotent. */
  stop(): Promise<void>;
}

/** The generated prometheus.yml. `honor_labels` keeps the simulated `job`/`instance` labels as exposed. */
export function prometheusConfig(targets: readonly ScrapeTarget[], intervalSeconds: number, extra: { ruleFile?: string; alertmanager?: string } = {}): string {
  const timeoutMs = Math.max(100, Math.floor(intervalSeconds * 800));
  const lines = [
    'global:',
    `  scrape_interval: ${intervalSeconds}s`,
    `  scrape_timeout: ${timeoutMs}ms`,
    `  evaluation_interval: ${intervalSeconds}s`,
  ];
  if (extra.ruleFile !== undefined) lines.push('rule_files:', `  - ${JSON.stringify(extra.ruleFile)}`);
  if (extra.alertmanager !== undefined) lines.push('alerting:', '  alertmanagers:', '    - static_configs:', `        - targets: [${JSON.stringify(extra.alertmanager)}]`);
  lines.push('scrape_configs:');
  targets.forEach((target, i) => {
    lines.push(
      `  - job_name: demo-${i}`,
      '    honor_labels: true',
      `    metrics_path: ${JSON.stringify(target.metricsPath ?? '/metrics')}`,
      '    static_configs:',
      `      - targets: [${JSON.stringify(target.address)}]`,
    );
  });
  if (targets.length === 0) lines.push('  []');
  return `${lines.join('\n')}\n`;
}

export async function startPrometheus(options: PrometheusOptions = {}): Promise<RunningPrometheus> {
  const { prometheus } = ensureBinaries(['prometheus']);
  const configDir = makeTempDir('prom-config');
  const ownedTsdb: TempDir | undefined = options.tsdbPath === undefined ? makeTempDir('prom-tsdb') : undefined;
  const tsdbPath = options.tsdbPath ?? ownedTsdb!.path;
  const cleanupDirs = () => {
    configDir.remove();
    ownedTsdb?.remove();
  };
  const configFile = join(configDir.path, 'prometheus.yml');
  const ruleFile = options.rules === undefined ? undefined : join(configDir.path, 'rules.yml');
  if (ruleFile !== undefined) writeFileSync(ruleFile, options.rules!);
  writeFileSync(
    configFile,
    prometheusConfig(options.scrapeTargets ?? [], options.scrapeIntervalSeconds ?? 1, {
      ...(ruleFile === undefined ? {} : { ruleFile }),
      ...(options.alertmanager === undefined ? {} : { alertmanager: options.alertmanager }),
    }),
  );
  try {
    const { port, process: proc } = await startHttpServer({
      name: 'prometheus',
      command: prometheus,
      cwd: configDir.path,
      readyPath: '/-/ready',
      readyTimeoutMs: options.readyTimeoutMs ?? 60_000,
      ...(options.port === undefined ? {} : { port: options.port }),
      args: (p) => [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${tsdbPath}`,
        `--storage.tsdb.retention.time=${options.retention ?? '100y'}`,
        `--web.listen-address=127.0.0.1:${p}`,
        '--enable-feature=exemplar-storage',
        '--log.level=warn',
      ],
    });
    let stopped = false;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      tsdbPath,
      recentOutput: () => proc.recentOutput(),
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await proc.stop();
        cleanupDirs();
      },
    };
  } catch (error) {
    cleanupDirs();
    throw error;
  }
}
