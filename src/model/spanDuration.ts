/**
 * Span durations as people type them in a search form: `1.2s`, `300ms`, `45us` (or `µs`), `800ns`, `2m`,
 * `1h`, and sums of those (`1m30s`), as Go's time.ParseDuration reads them. Trace backends take durations
 * in µs or ms, so the value is kept in ms with µs precision (45us = 0.045 ms).
 */
const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
};

/** The duration in ms, or an Error saying what is wrong with the text. */
export function parseSpanDuration(text: string): number | Error {
  const t = text.trim();
  if (t === '') return new Error('empty duration');
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  let total = 0;
  let at = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    at = re.lastIndex;
  }
  if (at !== t.length || at === 0) {
    return new Error(`"${t.slice(0, 40)}" is not a duration: write a number and a unit, e.g. 1.2s, 300ms, 45us`);
  }
  if (!Number.isFinite(total)) return new Error(`"${t.slice(0, 40)}" is too long a duration`);
  // µs is the finest unit any backend stores: 800ns searches as 0.8 µs, rounded up to 1 µs by the adapters.
  return total;
}
