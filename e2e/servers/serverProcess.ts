import { startProcess, type ManagedProcess } from './childProcess';
import { findFreePort } from './ports';
import { waitFor } from './waitFor';

export interface StartedServer {
  port: number;
  process: ManagedProcess;
}

/**
 * Starts a server that listens on a port chosen here, and waits until `readyPath` answers 200.
 * Retries on a fresh port when the process dies before it is ready (another process may have taken
 * the port between `findFreePort` and the bind); a server that never gets ready is killed before the error.
 */
export async function startHttpServer(options: {
  name: string;
  command: string;
  args: (port: number) => string[];
  readyPath: string;
  readyTimeoutMs: number;
  cwd?: string;
  attempts?: number;
  /** Listen on this port (a restart where the last one was); one attempt, since no other port will do. */
  port?: number;
}): Promise<StartedServer> {
  const attempts = options.port === undefined ? (options.attempts ?? 3) : 1;
  let lastOutput = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = options.port ?? (await findFreePort());
    const proc = startProcess(options.command, options.args(port), { cwd: options.cwd });
    const url = `http://127.0.0.1:${port}${options.readyPath}`;
    let outcome: 'ready' | 'exited';
    try {
      outcome = await waitFor<'ready' | 'exited'>(
        async () => {
          if (proc.exited()) return 'exited';
          const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
          await res.arrayBuffer();
          return res.ok ? 'ready' : undefined;
        },
        {
          description: `${options.name} on port ${port} to answer 200 on ${options.readyPath}`,
          timeoutMs: options.readyTimeoutMs,
          intervalMs: 200,
          diagnostics: () => `${options.name} output:\n${proc.recentOutput()}`,
        },
      );
    } catch (error) {
      await proc.stop();
      throw error;
    }
    if (outcome === 'ready') return { port, process: proc };
    lastOutput = proc.recentOutput();
    await proc.stop();
  }
  throw new Error(`${options.name} exited before it was ready (${attempts} attempts). Last output:\n${lastOutput}`);
}
