import { describe, expect, it } from 'vitest';
import { burstsAfterTriggers, findBusyBursts, type BusyTick } from './busyBursts';

/** Builds cumulative readings every 50 ms from a per-interval busy function. */
function ticksFrom(durationMs: number, busyAt: (startMs: number) => number): BusyTick[] {
  const ticks: BusyTick[] = [{ atMs: 0, busyMs: 0 }];
  let total = 0;
  for (let t = 0; t < durationMs; t += 50) {
    total += busyAt(t);
    ticks.push({ atMs: t + 50, busyMs: total });
  }
  return ticks;
}

const options = { activeRatio: 0.1, mergeGapMs: 1000 };

describe('findBusyBursts', () => {
  it('finds one burst per refresh and subtracts the idle baseline', () => {
    // 1 ms idle per 50 ms, plus 40 ms of work at 5 s, 10 s and 15 s.
    const ticks = ticksFrom(18_000, (t) => 1 + (t % 5000 === 0 && t > 0 ? 40 : 0));
    const bursts = findBusyBursts(ticks, options);
    expect(bursts.map((b) => b.startMs)).toEqual([5000, 10_000, 15_000]);
    for (const b of bursts) expect(b.busyMs).toBeCloseTo(40, 6);
  });

  it('merges work split by short waits into one cycle', () => {
    // 30 ms, a 300 ms pause (the queries resolving), then 25 ms: one refresh of 55 ms.
    const ticks = ticksFrom(10_000, (t) => (t === 5000 ? 30 : t === 5350 ? 25 : 0));
    const bursts = findBusyBursts(ticks, options);
    expect(bursts).toHaveLength(1);
    expect(bursts[0]!.busyMs).toBeCloseTo(55, 6);
    expect(bursts[0]!.endMs).toBe(5400);
  });

  it('drops bursts cut off by the start or end of the observation', () => {
    const ticks = ticksFrom(6000, (t) => (t === 0 || t === 5950 || t === 3000 ? 20 : 0));
    expect(findBusyBursts(ticks, options).map((b) => b.startMs)).toEqual([3000]);
  });

  it('returns nothing for an idle page', () => {
    expect(findBusyBursts(ticksFrom(5000, () => 0.5), options)).toEqual([]);
  });
});

describe('burstsAfterTriggers', () => {
  const burst = (startMs: number, busyMs = 10) => ({ startMs, endMs: startMs + 100, busyMs });

  it('keeps the burst each trigger started and sets the others apart', () => {
    const { triggered, other } = burstsAfterTriggers([burst(1000), burst(9000), burst(16_020), burst(16_900)], [1000, 16_000], 1000);
    expect(triggered.map((b) => b.startMs)).toEqual([1000, 16_020]);
    expect(other.map((b) => b.startMs)).toEqual([9000, 16_900]);
  });

  it('leaves a trigger without a burst when nothing followed it in time', () => {
    const { triggered, other } = burstsAfterTriggers([burst(3000)], [1000], 1000);
    expect(triggered).toEqual([]);
    expect(other).toHaveLength(1);
  });
});
