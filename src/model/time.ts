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

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Steps people read easily on an axis (Grafana rounds its intervals to a similar ladder). Pages and
 * adapters round to the same ladder, so a page's chosen step is one the adapter keeps, and round
 * steps keep query keys (and server caches) stable as ranges move.
 */
const NICE_STEPS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 20 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY,
];

/** The smallest nice step at or above `ms`; beyond a week, whole weeks. */
export function roundUpToNiceStep(ms: number): number {
  for (const nice of NICE_STEPS_MS) if (nice >= ms) return nice;
  return Math.ceil(ms / (7 * DAY)) * 7 * DAY;
}

/**
 * The scrape interval assumed when a datasource does not state one: what the demo and most Prometheus
 * setups use. The one place this default lives.
 */
export const DEFAULT_SCRAPE_INTERVAL_MS = 15_000;

/** What a step is chosen from. Pages say how many points they can show; adapters add their server's limits. */
export interface StepRequest {
  /** A step the caller asked for; wins over `points`. */
  stepMs?: number;
  /** About how many points the chart can show (one per pixel); 1,000, a wide chart's worth, if neither is given. */
  points?: number;
  /** Never finer than this, the scrape interval: finer steps only repeat samples. */
  minStepMs?: number;
  /** The server's limit on points per series (Prometheus rejects more than 11,000). */
  maxPoints?: number;
}

/**
 * The one step rule, used by pages (points from the chart width) and adapters (the step a page chose, plus
 * the server's limits): the smallest nice step at or above the wish, the minimum and span / maxPoints.
 * Both rounding to the same ladder means an adapter keeps the step a page chose unless its limits demand more.
 */
export function chooseStep(range: TimeRange, request: StepRequest = {}): number {
  const spanMs = Math.max(0, range.to - range.from);
  const { stepMs, points = 1000, minStepMs = DEFAULT_SCRAPE_INTERVAL_MS, maxPoints } = request;
  const wanted = stepMs !== undefined && stepMs > 0 ? stepMs : spanMs / Math.max(1, points);
  const fewestAllowed = maxPoints === undefined ? 0 : Math.ceil(spanMs / maxPoints);
  return roundUpToNiceStep(Math.max(wanted, minStepMs, fewestAllowed, 1));
}
