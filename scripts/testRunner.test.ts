import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findLeftovers, RUN_MARKER_VAR } from './leftovers';
import { runWithLeftoverCheck } from './testRunner';

const quiet = { graceMs: 500, log: () => undefined };
const sh = (name: string, script: string) => ({ name, command: 'sh', args: ['-c', script] });

/** Running, as opposed to gone or a zombie that init has not reaped yet. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('runWithLeftoverCheck', () => {
  it('passes a clean run with exit code 0', async () => {
    const outcome = await runWithLeftoverCheck([sh('a', 'true'), sh('b', 'sleep 0.1')], quiet);
    expect(outcome).toEqual({ exitCode: 0, ran: ['a', 'b'], leftovers: [] });
  });

  it('fails a passing run that leaves a detached process behind, and kills it', async () => {
    const outcome = await runWithLeftoverCheck([sh('leak', 'setsid sleep 30 > /dev/null 2>&1 &')], quiet);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.leftovers.map((l) => l.command)).toEqual(['sleep 30']);
    const pid = outcome.leftovers[0]!.pid;
    await expect.poll(() => alive(pid)).toBe(false);
  });

  it('still checks after a failing step, skips the rest and keeps the step’s exit code', async () => {
    const outcome = await runWithLeftoverCheck([sh('leak-and-fail', 'setsid sleep 30 > /dev/null 2>&1 & exit 3'), sh('never', 'true')], quiet);
    expect(outcome.exitCode).toBe(3);
    expect(outcome.ran).toEqual(['leak-and-fail']);
    expect(outcome.leftovers).toHaveLength(1);
  });

  it('gives every step the run marker, and only the steps', async () => {
    const outcome = await runWithLeftoverCheck([sh('marked', `test -n "$${RUN_MARKER_VAR}"`)], quiet);
    expect(outcome.exitCode).toBe(0);
    expect(findLeftovers('not-a-run')).toEqual([]);
  });
});
