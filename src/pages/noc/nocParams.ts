import { DEFAULT_BOARD, type BoardSpec } from '../../model/board';

export interface NocParams {
  kiosk: boolean;
  refreshMs: number;
  /** Screens of the playlist in order: `board` (or a board id) or a service name; empty: just the board. */
  playlist: string[];
  intervalMs: number;
  services: string[];
  /** What was wrong in the URL, said on screen; the board runs on defaults for those parts. */
  problems: string[];
}

const MIN_REFRESH_MS = 1000;
const MAX_REFRESH_MS = 3_600_000;

/** `500ms`, `5s`, `1m`, `2h` → ms; undefined for anything else. */
export function parseDurationMs(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  return Number.isFinite(n) ? n : undefined;
}

/** `/noc?kiosk&refresh=30s&playlist=board,payments&interval=60s&services=a,b`. Junk is named, never fatal. */
export function parseNocParams(search: URLSearchParams, board: BoardSpec = DEFAULT_BOARD): NocParams {
  const problems: string[] = [];
  const duration = (name: string, fallback: number, min: number, max: number): number => {
    const text = search.get(name);
    if (text === null) return fallback;
    const ms = parseDurationMs(text);
    if (ms === undefined || ms < min || ms > max) {
      problems.push(`${name}=${JSON.stringify(text)} is not a duration between ${min / 1000}s and ${max / 60_000}m; using ${fallback / 1000}s`);
      return fallback;
    }
    return ms;
  };
  const list = (name: string) =>
    (search.get(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const refreshMs = duration('refresh', board.refreshMs, MIN_REFRESH_MS, MAX_REFRESH_MS);
  const playlist = list('playlist');
  const intervalMs = duration('interval', 60_000, 5_000, MAX_REFRESH_MS);
  const kioskText = search.get('kiosk');
  return { kiosk: kioskText !== null && kioskText !== '0' && kioskText !== 'false', refreshMs, playlist, intervalMs, services: list('services'), problems };
}

/** The playlist screen shown `elapsedMs` after the playlist started. */
export function playlistIndex(count: number, intervalMs: number, elapsedMs: number): number {
  if (count <= 1) return 0;
  return Math.floor(Math.max(0, elapsedMs) / intervalMs) % count;
}

/** The next refresh delay: the interval while healthy; after failures it doubles, capped at one minute. */
export function refreshDelayMs(refreshMs: number, consecutiveFailures: number): number {
  if (consecutiveFailures <= 0) return refreshMs;
  return Math.min(60_000, Math.max(refreshMs, refreshMs * 2 ** Math.min(consecutiveFailures, 16)));
}
