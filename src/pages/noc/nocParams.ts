import { DEFAULT_BOARD, type BoardSpec, type WallConfig } from '../../model/board';

export interface NocParams {
  kiosk: boolean;
  /** `?board=<id>`: a board of config.json's `boards`; absent: the built-in board of every service. */
  boardId?: string;
  /** `?refresh=`, when given: it overrides the board's own interval. */
  refreshMs?: number;
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

/** `/noc?kiosk&board=ops&refresh=30s&playlist=board,payments&interval=60s&services=a,b`. Junk is named, never fatal. */
export function parseNocParams(search: URLSearchParams): NocParams {
  const problems: string[] = [];
  const duration = (name: string, min: number, max: number): number | undefined => {
    const text = search.get(name);
    if (text === null) return undefined;
    const ms = parseDurationMs(text);
    if (ms === undefined || ms < min || ms > max) {
      problems.push(`${name}=${JSON.stringify(text)} is not a duration between ${min / 1000}s and ${max / 60_000}m; using the default`);
      return undefined;
    }
    return ms;
  };
  const list = (name: string) =>
    (search.get(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const refreshMs = duration('refresh', MIN_REFRESH_MS, MAX_REFRESH_MS);
  const playlist = list('playlist');
  const intervalMs = duration('interval', 5_000, MAX_REFRESH_MS) ?? 60_000;
  const kioskText = search.get('kiosk');
  const boardId = search.get('board')?.trim() || undefined;
  return {
    kiosk: kioskText !== null && kioskText !== '0' && kioskText !== 'false',
    ...(boardId ? { boardId } : {}),
    ...(refreshMs === undefined ? {} : { refreshMs }),
    playlist,
    intervalMs,
    services: list('services'),
    problems,
  };
}

/** What one screen of the wall shows: a board, or a service's dashboard. */
export type NocScreen = { kind: 'board'; board: BoardSpec } | { kind: 'service'; service: string };

/**
 * The board `?board=` names (config.json's boards), with `?services=` narrowing it; an unknown id is named in
 * `problems` and the built-in board of every service is shown instead.
 */
export function urlBoard(params: NocParams, wall: WallConfig | undefined, problems: string[]): BoardSpec {
  let board = DEFAULT_BOARD;
  if (params.boardId !== undefined && params.boardId !== DEFAULT_BOARD.id) {
    const found = wall?.boards.find((b) => b.id === params.boardId);
    if (found) board = found;
    else {
      const known = wall?.boards.map((b) => b.id) ?? [];
      problems.push(`board=${JSON.stringify(params.boardId)} is not a board in config.json (${known.length > 0 ? `boards: ${known.join(', ')}` : 'it defines no boards'}); showing all services`);
    }
  }
  return params.services.length > 0 ? { ...board, services: params.services } : board;
}

/**
 * A playlist entry: `board` is the URL's board, a config.json board id (or `services`, the built-in one) is
 * that board, anything else a service's dashboard. A board id shadows a service of the same name.
 */
export function resolveScreen(entry: string, current: BoardSpec, wall: WallConfig | undefined): NocScreen {
  if (entry === 'board' || entry === current.id) return { kind: 'board', board: current };
  if (entry === DEFAULT_BOARD.id) return { kind: 'board', board: DEFAULT_BOARD };
  const board = wall?.boards.find((b) => b.id === entry);
  return board ? { kind: 'board', board } : { kind: 'service', service: entry };
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
