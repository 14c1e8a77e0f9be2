import { describe, expect, it } from 'vitest';
import { createDemoBackend, followClock } from './demoHandlers';

describe('followClock', () => {
  it('reads the page time at boot and advances with the local clock', () => {
    let local = 5_000;
    const now = followClock(1_000_000, 5_000, () => local);
    expect(now()).toBe(1_000_000);
    local = 7_500;
    expect(now()).toBe(1_002_500);
  });
});

describe('createDemoBackend', () => {
  it('answers an instant query without `time` at the given clock, not the host clock', async () => {
    const pageNow = Date.UTC(2025, 5, 4, 12, 0, 0);
    const { fetchFn } = createDemoBackend({ anchorMs: pageNow, seed: 3, now: () => pageNow });
    const res = await fetchFn('http://demo.watchfloor.invalid/prometheus/api/v1/query?query=1');
    const body = (await res.json()) as { data: { resultType: string; result: [number, string] } };
    expect(body.data.resultType).toBe('scalar');
    expect(body.data.result).toEqual([pageNow / 1000, '1']);
  });
});
