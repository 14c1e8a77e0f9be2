import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describeLeftovers, killLeftovers, RUN_MARKER_VAR, waitForLeftovers, type Leftover } from './leftovers';

export interface Step {
  name: string;
  command: string;
  args: readonly string[];
}

export interface RunOutcome {
  exitCode: number;
  /** The steps that ran, in order (a failing step stops the rest). */
  ran: string[];
  leftovers: Leftover[];
}

function runStep(step: Step, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: 'inherit', env });
    child.once('error', (error) => {
      log(`${step.name}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/**
 * Runs the steps in order, stopping at the first that fails, and then, whether they passed or not,
 * checks that none of the processes they started is still alive. Each step runs with a marker unique
 * to this run in its environment, which every descendant inherits (see leftovers.ts); a process still
 * carrying it after `graceMs` is a leftover: it is reported, killed, and the run fails. The exit code
 * is the failing step's, or 1 when only the leftover check failed.
 */
export async function runWithLeftoverCheck(steps: readonly Step[], options: { graceMs: number; log: (line: string) => void }): Promise<RunOutcome> {
  const marker = randomUUID();
  const env = { ...process.env, [RUN_MARKER_VAR]: marker };
  let exitCode = 0;
  const ran: string[] = [];
  for (const step of steps) {
    ran.push(step.name);
    exitCode = await runStep(step, env, options.log);
    if (exitCode !== 0) {
      options.log(`\n"${step.name}" failed (exit ${exitCode}); skipping the rest, checking for leftover processes.`);
      break;
    }
  }
  const leftovers = await waitForLeftovers(marker, options.graceMs);
  if (leftovers.length === 0) {
    options.log(`No process of this run (${RUN_MARKER_VAR}=${marker}) is left.`);
    return { exitCode, ran, leftovers };
  }
  options.log(`\n${leftovers.length} process(es) started by this run are still alive; killing them:\n${describeLeftovers(leftovers)}`);
  killLeftovers(leftovers);
  return { exitCode: exitCode === 0 ? 1 : exitCode, ran, leftovers };
}
