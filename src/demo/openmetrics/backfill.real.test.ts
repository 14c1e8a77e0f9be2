import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimulator, defaultScenarios } from '../simulator';
import { writeBackfillOpenMetrics } from './backfill';

const PROMTOOL = process.env['PROMTOOL'] ?? '/usr/bin/promtool';
const dir = mkdtempSync(join(tmpdir(), 'watchfloor-backfill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('promtool accepts the backfill file', () => {
  it('creates blocks holding every simulated series', () => {
    const end = Date.UTC(2025, 5, 4, 12, 0, 0);
    const sim = createSimulator({ seed: 2, scenarios: defaultScenarios(end) });
    const chunks: string[] = [];
    writeBackfillOpenMetrics(sim, end - 10 * 60_000, end, (c) => chunks.push(c));
    const file = join(dir, 'demo.om');
    writeFileSync(file, chunks.join(''));
    const out = execFileSync(PROMTOOL, ['tsdb', 'create-blocks-from', 'openmetrics', file, join(dir, 'data')], { encoding: 'utf8' });
    // One row per block; the window ends on a 2 h block boundary, so its last scrape opens a second block.
    const rows = out.split('\n').filter((l) => /^[0-9A-Z]{26}\s/.test(l)).map((l) => l.trim().split(/\s+/));
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => Number(r[6]))).toEqual([sim.select([]).length, sim.select([]).length]);
    expect(rows.reduce((acc, r) => acc + Number(r[4]), 0)).toBe(sim.select([]).length * 41);
  });
});
