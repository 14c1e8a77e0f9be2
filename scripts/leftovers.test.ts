import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { findLeftovers, killLeftovers, RUN_MARKER_VAR, waitForLeftovers } from './leftovers';

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** A process deliberately leaked the way the Prometheus was: detached, in a group of its own. */
function sleeper(env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn('sleep', ['30'], { env, detached: true, stdio: 'ignore' });
  started.push(child);
  return child;
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));

describe('leftover processes of a test run', () => {
  it('finds a detached process carrying the run marker, and only that run’s', async () => {
    const marker = randomUUID();
    const leaked = sleeper({ ...process.env, [RUN_MARKER_VAR]: marker });
    const otherRun = sleeper({ ...process.env, [RUN_MARKER_VAR]: randomUUID() });
    const unmarked = sleeper({ ...process.env, [RUN_MARKER_VAR]: '' });
    const found = findLeftovers(marker);
    expect(found.map((l) => l.pid)).toEqual([leaked.pid]);
    expect(found[0]?.command).toBe('sleep 30');
    expect(found[0]?.ppid).toBe(process.pid);
    expect(found.map((l) => l.pid)).not.toContain(otherRun.pid);
    expect(found.map((l) => l.pid)).not.toContain(unmarked.pid);
  });

  it('kills what it found, after which none is left', async () => {
    const marker = randomUUID();
    const leaked = sleeper({ ...process.env, [RUN_MARKER_VAR]: marker });
    const gone = exited(leaked);
    killLeftovers(findLeftovers(marker));
    await gone;
    expect(await waitForLeftovers(marker, 1000)).toEqual([]);
  });

  it('gives a process that is ending by itself the grace period before calling it a leftover', async () => {
    const marker = randomUUID();
    const leaked = sleeper({ ...process.env, [RUN_MARKER_VAR]: marker });
    setTimeout(() => leaked.kill('SIGTERM'), 300);
    expect(await waitForLeftovers(marker, 5000)).toEqual([]);
  });
});
