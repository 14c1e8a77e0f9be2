import { describe, expect, it } from 'vitest';
import { createSimulator, defaultScenarios } from '../simulator';
import { writeBackfillOpenMetrics } from './backfill';
import { parseOpenMetrics } from './parse';

const END = Date.UTC(2025, 5, 4, 12, 0, 0);
const START = END - 2 * 60_000;
const sim = createSimulator({ seed: 9, scenarios: defaultScenarios(END) });

function render(): string {
  const chunks: string[] = [];
  writeBackfillOpenMetrics(sim, START, END, (c) => chunks.push(c));
  return chunks.join('');
}

describe('writeBackfillOpenMetrics', () => {
  const text = render();
  const parsed = parseOpenMetrics(text);

  it('writes every sample of every series with second timestamps', () => {
    const series = sim.select([]);
    expect(parsed.samples).toHaveLength(series.length * 9);
    const byKey = new Map<string, Array<{ t: number; v: number }>>();
    for (const s of parsed.samples) {
      const key = JSON.stringify({ __name__: s.name, ...s.labels });
      byKey.set(key, [...(byKey.get(key) ?? []), { t: s.timestampS ?? NaN, v: s.value }]);
    }
    for (const s of series) {
      const block = s.samples(START, END);
      const written = byKey.get(JSON.stringify(s.labels)) ?? [];
      expect(written.map((p) => p.t * 1000)).toEqual(Array.from(block.timesMs));
      written.forEach((p, i) => expect(Object.is(p.v, block.values[i])).toBe(true));
    }
  });

  it('keeps each metric contiguous and a histogram point whole (buckets, count, sum per timestamp)', () => {
    const metricOf = (s: (typeof parsed.samples)[number]): string =>
      JSON.stringify({ f: s.family, ...Object.fromEntries(Object.entries(s.labels).filter(([k]) => k !== 'le')) });
    const finished = new Set<string>();
    let previous = '';
    for (const s of parsed.samples) {
      const metric = metricOf(s);
      if (metric !== previous) {
        expect(finished.has(metric)).toBe(false);
        finished.add(previous);
        previous = metric;
      }
    }
    const histogram = parsed.samples.filter((s) => s.family === 'http_server_request_duration_seconds').slice(0, 32);
    expect(new Set(histogram.slice(0, 16).map((s) => s.timestampS)).size).toBe(1);
    expect(histogram[15]?.name).toBe('http_server_request_duration_seconds_sum');
    expect((histogram[16]?.timestampS ?? 0) - (histogram[0]?.timestampS ?? 0)).toBe(15);
  });

  it('is byte-identical across runs', () => {
    expect(render()).toBe(text);
  });
});
