/** Epoch-millisecond interval; always resolved (never "now-1h") by the time a query runs. */
export interface TimeRange {
  from: number;
  to: number;
}

/** What the URL holds: Grafana spellings such as `now-1h`, `now`, or epoch ms as text. */
export interface RawTimeRange {
  from: string;
  to: string;
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/** Parses `30s`, `5m`, `1h30m`, `7d`; returns NaN for anything else. */
export function parseDuration(text: string): number {
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/gy;
  let total = 0;
  let matched = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    total += Number(m[1]) * (UNIT_MS[m[2]!] ?? NaN);
    matched = re.lastIndex;
  }
  return matched === text.length && text.length > 0 ? total : NaN;
}

/** Formats ms as the shortest Prometheus-style duration (`90000` → `1m30s`). */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0s';
  const units: Array<[string, number]> = [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]];
  let rest = Math.round(ms);
  let out = '';
  for (const [u, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${u}`;
      rest -= n * size;
    }
  }
  return out;
}

/**
 * Resolves one end of a range: `now`, `now-5m`, `now+1h`, epoch ms, or an ISO date.
 * Returns NaN when the text is not a time, so callers can name the bad field.
 */
export function resolveTime(text: string, now: number): number {
  const t = text.trim();
  if (t === 'now') return now;
  const rel = /^now([+-])(.+)$/.exec(t);
  if (rel) {
    const d = parseDuration(rel[2]!);
    return Number.isNaN(d) ? NaN : rel[1] === '-' ? now - d : now + d;
  }
  if (/^\d+$/.test(t)) return Number(t);
  const iso = Date.parse(t);
  return Number.isNaN(iso) ? NaN : iso;
}

export function resolveRange(raw: RawTimeRange, now: number): TimeRange {
  return { from: resolveTime(raw.from, now), to: resolveTime(raw.to, now) };
}

export function isRelative(raw: RawTimeRange): boolean {
  return raw.from.startsWith('now') || raw.to.startsWith('now');
}
