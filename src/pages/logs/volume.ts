import type { LogLevel } from '../../model/logs';
import type { Series } from '../../model/series';
import { LEVEL_ORDER, levelOf } from './levels';

export interface VolumeStacks {
  /** Bucket start times, sorted, epoch ms. */
  times: number[];
  /** One row per level present, in stacking order (least severe at the bottom); values per bucket. */
  levels: Array<{ level: LogLevel; counts: Float64Array }>;
  /** The tallest stack. */
  max: number;
  total: number;
}

/**
 * The adapter's per-level series as stacks on one time axis. Series whose `level` spells the same level
 * (`warn`, `warning`) are added together; NaN and negative counts count as nothing.
 */
export function stackVolume(series: readonly Series[]): VolumeStacks {
  const timeSet = new Set<number>();
  for (const s of series) for (const t of s.times) timeSet.add(t);
  const times = [...timeSet].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const byLevel = new Map<LogLevel, Float64Array>();
  for (const s of series) {
    const level = levelOf(s.labels.level ?? s.labels.detected_level);
    let counts = byLevel.get(level);
    if (!counts) {
      counts = new Float64Array(times.length);
      byLevel.set(level, counts);
    }
    for (let i = 0; i < s.times.length; i++) {
      const v = s.values[i]!;
      if (v > 0) counts[index.get(s.times[i]!)!]! += v;
    }
  }
  const levels = LEVEL_ORDER.filter((l) => byLevel.has(l)).map((level) => ({ level, counts: byLevel.get(level)! }));
  let max = 0;
  let total = 0;
  for (let i = 0; i < times.length; i++) {
    let sum = 0;
    for (const l of levels) sum += l.counts[i]!;
    total += sum;
    if (sum > max) max = sum;
  }
  return { times, levels, max, total };
}
