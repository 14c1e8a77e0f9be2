import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBinaries } from './binaries';
import { startHttpServer } from './serverProcess';
import { makeTempDir } from './tempDir';

export interface RunningAlertmanager {
  /** Base URL without a trailing slash; the v2 API is under `/api/v2`. */
  url: string;
  port: number;
  recentOutput(): string;
  stop(): Promise<void>;
}

/** One catch-all receiver with no integrations: alerts are accepted and grouped, never sent anywhere. */
const MINIMAL_CONFIG = `route:
  receiver: blackhole
  group_wait: 1s
  group_interval: 1s
receivers:
  - name: blackhole
`;

/** Starts Alertmanager on loopback with clustering off (it would otherwise bind 0.0.0.0:9094). */
export async function startAlertmanager(options: { config?: string; readyTimeoutMs?: number } = {}): Promise<RunningAlertmanager> {
  const { 'prometheus-alertmanager': binary } = ensureBinaries(['prometheus-alertmanager']);
  const dir = makeTempDir('alertmanager');
  const configFile = join(dir.path, 'alertmanager.yml');
  writeFileSync(configFile, options.config ?? MINIMAL_CONFIG);
  try {
    const { port, process: proc } = await startHttpServer({
      name: 'alertmanager',
      command: binary,
      cwd: dir.path,
      readyPath: '/-/ready',
      readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
      args: (p) => [
        `--config.file=${configFile}`,
        `--storage.path=${join(dir.path, 'data')}`,
        `--web.listen-address=127.0.0.1:${p}`,
        '--cluster.listen-address=',
        '--log.level=warn',
      ],
    });
    let stopped = false;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      recentOutput: () => proc.recentOutput(),
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await proc.stop();
        dir.remove();
      },
    };
  } catch (error) {
    dir.remove();
    throw error;
  }
}
