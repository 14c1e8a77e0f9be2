import { describe, expect, it } from 'vitest';
import { exemplarWindow } from './exemplarWindow';

describe('exemplarWindow', () => {
  it('snaps outwards to a grain of five steps, at least a minute, so refresh ticks share a window', () => {
    const a = exemplarWindow({ from: 1_000_000, to: 4_600_000 }, 15_000);
    const b = exemplarWindow({ from: 1_005_000, to: 4_605_000 }, 15_000);
    expect(a).toEqual({ from: 975_000, to: 4_650_000 });
    expect(b).toEqual(a);
    expect(exemplarWindow({ from: 0, to: 86_400_000 + 1 }, 120_000)).toEqual({ from: 0, to: 87_000_000 });
  });
});
