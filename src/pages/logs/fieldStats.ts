import type { LogLine } from '../../model/logs';

export interface ValueCount {
  value: string;
  count: number;
}

export interface ValueStats {
  /** Lines looked at. */
  total: number;
  /** Lines that have the field at all. */
  present: number;
  /** Most frequent values, most first (ties by value, so the order is stable). */
  top: ValueCount[];
  /** Distinct values seen. */
  distinct: number;
}

/**
 * How the values of one field spread over the lines in hand (Grafana's "ad hoc statistics"). `valueOf`
 * returns undefined where a line lacks the field. Stream labels are read per line but cost nothing extra;
 * parsed fields are parsed here, once per line, only when someone asks.
 */
export function valueStats(lines: readonly LogLine[], valueOf: (line: LogLine) => string | undefined, topN = 5): ValueStats {
  const counts = new Map<string, number>();
  let present = 0;
  for (const line of lines) {
    const v = valueOf(line);
    if (v === undefined) continue;
    present++;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, topN)
    .map(([value, count]) => ({ value, count }));
  return { total: lines.length, present, top, distinct: counts.size };
}

/** Stream labels repeat per stream: count per stream object first, then per value (100,000 lines, few streams). */
export function labelStats(lines: readonly LogLine[], label: string, topN = 5): ValueStats {
  const perStream = new Map<LogLine['stream'], number>();
  for (const line of lines) perStream.set(line.stream, (perStream.get(line.stream) ?? 0) + 1);
  const counts = new Map<string, number>();
  let present = 0;
  for (const [stream, n] of perStream) {
    const v = stream.labels[label];
    if (v === undefined) continue;
    present += n;
    counts.set(v, (counts.get(v) ?? 0) + n);
  }
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, topN)
    .map(([value, count]) => ({ value, count }));
  return { total: lines.length, present, top, distinct: counts.size };
}
