import { describe, expect, it } from 'vitest';
import { heapGrowthSlope, type HeapCheckpoint } from './heapSlope';

/** A checkpoint every 10 refreshes, one refresh per second. */
function run(count: number, usedAt: (refreshes: number) => number): HeapCheckpoint[] {
  return Array.from({ length: count }, (_, i) => ({ refreshes: i * 10, elapsedMs: i * 10_000, usedBytes: usedAt(i * 10) }));
}

describe('heapGrowthSlope', () => {
  it('reports a steady leak in kB per 100 refreshes', () => {
    // 2 kB (2000 bytes) per refresh = 200 kB per 100.
    const slope = heapGrowthSlope(run(10, (r) => 5e6 + 2000 * r), 0);
    expect(slope?.kbPer100).toBeCloseTo(200, 6);
    expect(slope?.fitted).toBe(10);
  });

  it('ignores the one-time cache fill before the warm-up ends', () => {
    // Grows 50 kB per refresh for the first 60 s (60 refreshes), then stays flat.
    const checkpoints = run(16, (r) => 5e6 + 50_000 * Math.min(r, 60));
    expect(heapGrowthSlope(checkpoints, 0)!.kbPer100).toBeGreaterThan(1000);
    const steady = heapGrowthSlope(checkpoints, 70_000);
    expect(steady?.kbPer100).toBeCloseTo(0, 6);
    expect(steady?.fitted).toBe(9);
  });

  it('averages out GC noise around a flat heap', () => {
    const noise = [30_000, -20_000, 10_000, -30_000, 20_000, -10_000, 0, 15_000, -15_000, 0];
    const slope = heapGrowthSlope(run(10, (r) => 8e6 + noise[r / 10]!), 0);
    expect(Math.abs(slope!.kbPer100)).toBeLessThan(50);
  });

  it('declines to fit fewer than 3 checkpoints or checkpoints without refreshes between them', () => {
    expect(heapGrowthSlope(run(10, () => 1e6), 80_000)).toBeUndefined();
    const stuck = [0, 1, 2].map((i) => ({ refreshes: 5, elapsedMs: i * 1000, usedBytes: 1e6 + i }));
    expect(heapGrowthSlope(stuck, 0)).toBeUndefined();
  });
});
