/** One line of bench/results.json. `median` is null when no valid sample could be taken (see `note`). */
export interface BenchResult {
  name: string;
  unit: string;
  median: number | null;
  samples: number[];
  budget: number;
  note?: string;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return round(m);
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function toResult(name: string, unit: string, budget: number, samples: readonly number[], notes: readonly string[]): BenchResult {
  const rounded = samples.map((s) => round(s));
  const result: BenchResult = { name, unit, median: median(rounded), samples: rounded, budget };
  const unique = [...new Set(notes)];
  if (unique.length > 0) result.note = unique.join('; ');
  return result;
}

/** A fixed-width text table; budgets are upper bounds, so "over" marks a median above its budget. */
export function formatTable(results: readonly BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    r.median === null ? 'n/a' : String(r.median),
    r.unit,
    String(r.budget),
    r.median === null ? 'no data' : r.median <= r.budget ? 'ok' : 'over',
    String(r.samples.length),
    r.note ?? '',
  ]);
  const header = ['metric', 'median', 'unit', 'budget', 'status', 'n', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
