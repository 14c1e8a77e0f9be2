import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseOpenMetrics } from '../src/demo/openmetrics/parse';

describe('scripts/write-openmetrics.ts', () => {
  it('writes a window of samples with timestamps to stdout', () => {
    const text = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/write-openmetrics.ts', '--start', '2025-06-04T10:00:00Z', '--end', '2025-06-04T10:00:30Z', '--seed', '3'],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const parsed = parseOpenMetrics(text);
    const times = new Set(parsed.samples.map((s) => s.timestampS));
    expect([...times].sort()).toEqual([1749031200, 1749031215, 1749031230]);
    expect(parsed.families.length).toBe(7);
  });

  it('refuses a missing --end with exit code 2', () => {
    let status = 0;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/write-openmetrics.ts', '--start', '0'], { stdio: 'pipe' });
    } catch (err) {
      status = (err as { status: number }).status;
    }
    expect(status).toBe(2);
  });
});
