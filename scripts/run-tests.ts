/**
 * `npm test`: lint, typecheck, unit, real-server and end-to-end tests in order, then a check that
 * no process any of them started outlives the run (a Playwright webServer once left a Prometheus
 * behind). The check runs even when a step failed, and the failing step's exit code is kept.
 */
import { runWithLeftoverCheck, type Step } from './testRunner';

const STEPS: Step[] = ['lint', 'typecheck', 'test:unit', 'test:real', 'test:e2e'].map((script) => ({
  name: `npm run ${script}`,
  command: 'npm',
  args: ['run', script],
}));

// A Ctrl-C reaches the steps through the terminal's process group; this process stays to run the check.
process.on('SIGINT', () => undefined);

runWithLeftoverCheck(STEPS, { graceMs: 10_000, log: (line) => console.error(line) }).then(
  ({ exitCode }) => process.exit(exitCode),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
