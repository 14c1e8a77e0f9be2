const UNIT_US: Readonly<Record<string, number>> = { ns: 0.001, us: 1, 'µs': 1, 'μs': 1, ms: 1_000, s: 1_000_000, m: 60_000_000, h: 3_600_000_000 };

/**
 * A Go `time.ParseDuration` string (`1.2ms`, `500us`, `1h30m`, `-2s`) in µs, or an Error with Go's
 * message (`time: invalid duration "abc"`), which Jaeger and Tempo echo in their 400s.
 */
export function parseGoDuration(text: string): number | Error {
  const invalid = new Error(`time: invalid duration ${JSON.stringify(text)}`);
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return invalid;
  let total = 0;
  const term = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  while (rest !== '') {
    const m = term.exec(rest);
    if (m === null) return rest.match(/^(\d+\.?\d*|\.\d+)/) ? new Error(`time: missing unit in duration ${JSON.stringify(text)}`) : invalid;
    total += Number(m[1]) * (UNIT_US[m[2] ?? ''] ?? NaN);
    rest = rest.slice(m[0].length);
  }
  return Number.isFinite(total) ? sign * total : invalid;
}
