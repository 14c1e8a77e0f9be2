import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ensureBinaries } from './binaries';

const run = promisify(execFile);

/**
 * Backfills an OpenMetrics file into TSDB blocks with `promtool tsdb create-blocks-from openmetrics`.
 * Returns promtool's output; throws with that output when promtool fails.
 */
export async function createBlocksFromOpenMetrics(openMetricsFile: string, tsdbDir: string, timeoutMs = 120_000): Promise<string> {
  const { promtool } = ensureBinaries(['promtool']);
  try {
    const { stdout, stderr } = await run(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', openMetricsFile, tsdbDir], {
      timeout: timeoutMs,
      maxBuffer: 16 * 1024 * 1024,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`promtool create-blocks-from openmetrics failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}
