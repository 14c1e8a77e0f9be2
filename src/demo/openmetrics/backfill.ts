import type { SampleBlock, SampleSource } from '../source';
import { familyHeader, groupIntoFamilies } from './families';
import { formatLabelSet, formatTimestamp, formatValue } from './format';

/**
 * Writes every sample of every series in [startMs, endMs] as OpenMetrics with explicit timestamps,
 * the input of `promtool tsdb create-blocks-from openmetrics`: each family once (metadata, then all
 * its samples), each Metric's points consecutive and in time order, a histogram's points as whole
 * MetricPoints (all buckets, `_count` and `_sum` at one timestamp together), then `# EOF`.
 * `write` is called once per family header and once per Metric, so memory stays per Metric.
 */
export function writeBackfillOpenMetrics(source: SampleSource, startMs: number, endMs: number, write: (chunk: string) => void): void {
  for (const family of groupIntoFamilies(source)) {
    write(familyHeader(family));
    for (const metric of family.metrics) {
      const blocks: SampleBlock[] = metric.samples.map((s) => s.series.samples(startMs, endMs));
      const prefixes = metric.samples.map((s) => `${s.name}${formatLabelSet(s.labels)} `);
      const times = blocks[0]?.timesMs ?? new Float64Array();
      const lines: string[] = [];
      for (let i = 0; i < times.length; i++) {
        const ts = ` ${formatTimestamp(times[i] ?? 0)}`;
        blocks.forEach((block, k) => lines.push(`${prefixes[k] ?? ''}${formatValue(block.values[i] ?? NaN)}${ts}`));
      }
      if (lines.length > 0) write(`${lines.join('\n')}\n`);
    }
  }
  write('# EOF\n');
}
