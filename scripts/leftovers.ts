import { readdirSync, readFileSync } from 'node:fs';

/**
 * Finding the processes a test run left behind. Every process `npm test` starts inherits the
 * environment variable below with a value unique to the run, and Linux shows a process's initial
 * environment in /proc/<pid>/environ, so a leftover is found however far it has been re-parented
 * (to init) or moved into its own process group (as the test harness does with its servers).
 */
export const RUN_MARKER_VAR = 'WATCHFLOOR_TEST_RUN';

export interface Leftover {
  pid: number;
  ppid: number;
  command: string;
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null; // gone meanwhile, or not ours to read
  }
}

/** Every live process (zombies excluded: they hold nothing but a pid) whose environment carries `marker`. */
export function findLeftovers(marker: string): Leftover[] {
  const wanted = `${RUN_MARKER_VAR}=${marker}`;
  const found: Leftover[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const environ = readProc(pid, 'environ');
    if (environ === null || !environ.split('\0').includes(wanted)) continue;
    const stat = readProc(pid, 'stat') ?? '';
    // Fields after the parenthesised command name: state, ppid, …
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z') continue;
    const command = (readProc(pid, 'cmdline') ?? '').split('\0').filter(Boolean).join(' ');
    found.push({ pid, ppid: Number(ppid), command });
  }
  return found;
}

/** Waits up to `graceMs` for the run's processes to finish their own teardown; returns those still alive. */
export async function waitForLeftovers(marker: string, graceMs: number): Promise<Leftover[]> {
  const deadline = Date.now() + graceMs;
  // One empty scan is not proof: a process in the middle of execve has no readable /proc/<pid>/environ for a
  // moment, and a busy machine stretches that moment. "None left" needs two empty scans 250 ms apart.
  let emptyScans = 0;
  for (;;) {
    const left = findLeftovers(marker);
    emptyScans = left.length === 0 ? emptyScans + 1 : 0;
    if (emptyScans >= 2 || (left.length > 0 && Date.now() >= deadline)) return left;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** SIGKILL, so that a failed check at least leaves the machine clean for the next run. */
export function killLeftovers(leftovers: readonly Leftover[]): void {
  for (const { pid } of leftovers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export function describeLeftovers(leftovers: readonly Leftover[]): string {
  return leftovers.map((l) => `  pid ${l.pid} (parent ${l.ppid}): ${l.command.slice(0, 300)}`).join('\n');
}
