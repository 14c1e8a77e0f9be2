import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

/** Running, as opposed to gone or a zombie waiting for init. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('startProcess', () => {
  it('takes its server down when the process that started it is SIGKILLed (no teardown runs)', async () => {
    // This is how Playwright ends a webServer: SIGKILL to its process group, which never reaches
    // a server in a group of its own (the Prometheus that outlived `npm test`).
    const runner = spawn('node_modules/.bin/tsx', ['e2e/servers/fixtures/startSleeper.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const firstLine = await new Promise<string>((resolve) => createInterface({ input: runner.stdout! }).once('line', resolve));
    const serverPid = Number(firstLine);
    try {
      expect(running(serverPid)).toBe(true);
      // tsx runs the script in a child node process; kill the whole tree the way a group SIGKILL would.
      const scriptPids = readFileSync(`/proc/${runner.pid}/task/${runner.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
      for (const pid of [runner.pid!, ...scriptPids]) process.kill(pid, 'SIGKILL');
      await expect.poll(() => running(serverPid), { timeout: 5000 }).toBe(false);
    } finally {
      if (running(serverPid)) process.kill(serverPid, 'SIGKILL');
    }
  });
});
