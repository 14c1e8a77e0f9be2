import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { onEmergencyExit } from './emergencyCleanup';

/** A server process in its own process group, with the tail of its output kept for error messages. */
export interface ManagedProcess {
  readonly pid: number;
  /** The last lines the process printed (stdout and stderr interleaved). */
  recentOutput(): string;
  /** True once the process has exited. */
  exited(): boolean;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when the process is gone. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

const MAX_OUTPUT_LINES = 80;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

/**
 * util-linux's setpriv sets the kernel's parent-death signal and then execs the server, so the
 * server is SIGKILLed the moment the process that started it dies, even by SIGKILL. Without it a
 * server in its own group outlives a runner killed outright: Playwright SIGKILLs a webServer's
 * process group, which never reaches the Prometheus in a group of its own.
 */
const SETPRIV = '/usr/bin/setpriv';

function withParentDeathSignal(command: string, args: readonly string[]): [string, string[]] {
  return existsSync(SETPRIV) ? [SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args]] : [command, [...args]];
}

export function startProcess(command: string, args: readonly string[], options: { cwd?: string } = {}): ManagedProcess {
  const [file, argv] = withParentDeathSignal(command, args);
  const child = spawn(file, argv, { cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const unregister = onEmergencyExit(() => killGroup(child, 'SIGKILL'));
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length > MAX_OUTPUT_LINES) lines.shift();
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let spawnError: Error | undefined;
  const exit = new Promise<void>((resolve) => {
    const done = () => {
      unregister();
      resolve();
    };
    child.once('close', done);
    // A failed spawn may emit 'error' without 'close'.
    child.once('error', (error) => {
      spawnError = error;
      done();
    });
  });
  const pid = child.pid;
  return {
    pid,
    recentOutput: () => [spawnError ? `spawn error: ${spawnError.message}` : '', ...lines].filter(Boolean).join('\n'),
    exited: () => spawnError !== undefined || child.exitCode !== null || child.signalCode !== null,
    stop: async (graceMs = 5000) => {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}
