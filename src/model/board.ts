import type { Labels } from './series';
import type { Bands, Status } from './thresholds';
import type { Unit } from './units';

// The NOC wall board: pure rules for a tile's state, their order, staleness and the fit of any number of
// tiles to a screen. The page feeds it values; nothing here knows React or a datasource.

/** What a tile says, in words as well as colour (colour-blind viewers read the word and the shape). */
export type TileState = 'crit' | 'warn' | 'ok' | 'nodata' | 'stale';

export const TILE_STATE_LABEL: Readonly<Record<TileState, string>> = { crit: 'CRIT', warn: 'WARN', ok: 'OK', nodata: 'NO DATA', stale: 'STALE' };

/** A glyph per state, so a state is told by shape as well as colour. */
export const TILE_STATE_GLYPH: Readonly<Record<TileState, string>> = { crit: '✖', warn: '▲', ok: '●', nodata: '○', stale: '◌' };

/** Thresholds per service (`"*"` for every service), per Golden Signal, in the signal's config unit. */
export type ThresholdOverrides = Readonly<Record<string, Readonly<Partial<Record<string, Bands>>>>>;

/** The Golden Signals a tile can show (the services overview's columns), in the overview's order. */
export const BOARD_SIGNALS = ['requestRate', 'errorRatio', 'latencyP50', 'latencyP95', 'latencyP99', 'saturation'] as const;
export type BoardSignal = (typeof BOARD_SIGNALS)[number];

/**
 * The unit config.json's thresholds are written in, per graded signal: ratios as fractions (0.05 is 5 %),
 * latencies in seconds. Request rate has none: neither much nor little traffic is bad by itself.
 */
export const THRESHOLD_UNITS: Readonly<Partial<Record<BoardSignal, Unit>>> = {
  errorRatio: 'percentunit',
  latencyP50: 's',
  latencyP95: 's',
  latencyP99: 's',
  saturation: 'percentunit',
};

/**
 * A wall board, as config.json's `boards` entries describe it (and the default board, every service):
 * plain data, like a panel spec, so a user defines their own. `thresholds` override the defaults per
 * service (`"*"` for all), per Golden Signal, in the signal's config unit (THRESHOLD_UNITS).
 */
export interface BoardSpec {
  id: string;
  title: string;
  /** Only these services; empty or absent: every service the datasource lists. */
  services?: readonly string[];
  /** The signals its tiles show and are graded on, in this order; absent: every one of BOARD_SIGNALS. */
  signals?: readonly BoardSignal[];
  /** Datasource uid; absent: the default metrics datasource. */
  datasource?: string;
  /** Refresh interval in ms. */
  refreshMs: number;
  thresholds?: ThresholdOverrides;
}

export const DEFAULT_BOARD: BoardSpec = { id: 'services', title: 'All services', refreshMs: 30_000 };

/** What config.json says about wall boards: its own boards, and thresholds every board starts from. */
export interface WallConfig {
  boards: readonly BoardSpec[];
  thresholds?: ThresholdOverrides;
}

/**
 * The thresholds of `signal` for `service`, most specific first: the board's own for the service, the board's
 * `"*"`, then config.json's top-level `thresholds` for the service and its `"*"`; undefined: the defaults apply.
 */
export function boardBands(board: BoardSpec, service: string, signal: string, base?: ThresholdOverrides): Bands | undefined {
  return board.thresholds?.[service]?.[signal] ?? board.thresholds?.['*']?.[signal] ?? base?.[service]?.[signal] ?? base?.['*']?.[signal];
}

/**
 * Config bands (in THRESHOLD_UNITS) in the unit a query answers in (latency in ms, ratios in percent), or
 * undefined when they cannot be compared: 1.2 cores are not 120 % of anything, so no band is guessed.
 */
export function bandsInUnit(bands: Bands, signal: string, unit: Unit): Bands | undefined {
  const from = THRESHOLD_UNITS[signal as BoardSignal];
  if (from === unit) return bands;
  const factor = from === 's' && unit === 'ms' ? 1000 : from === 'percentunit' && unit === 'percent' ? 100 : undefined;
  return factor === undefined ? undefined : { warn: bands.warn * factor, crit: bands.crit * factor };
}

/** One Golden Signal of a tile. */
export interface TileSignal {
  signal: string;
  title: string;
  unit: Unit;
  value?: number;
  status: Status;
  /** Recent values for the trend line, oldest first. */
  trend?: readonly number[];
}

/**
 * A tile's state. Stale wins over everything: a value that stopped updating is never shown as healthy, nor
 * as red (it may have recovered). Then the worst graded signal; a tile with no value at all is NO DATA; a
 * tile whose values exist but none is graded (request rate only) is OK.
 */
export function tileState(signals: readonly TileSignal[], stale: boolean): TileState {
  if (stale) return 'stale';
  if (signals.some((s) => s.status === 'crit')) return 'crit';
  if (signals.some((s) => s.status === 'warn')) return 'warn';
  if (signals.every((s) => s.value === undefined || Number.isNaN(s.value))) return 'nodata';
  return 'ok';
}

const RANK: Readonly<Record<Status, number>> = { crit: 3, warn: 2, ok: 1, unknown: 0 };

/** The signal the tile shows in large digits: the worst graded one, else the first with a value. */
export function headlineSignal(signals: readonly TileSignal[]): TileSignal | undefined {
  let best: TileSignal | undefined;
  for (const s of signals) {
    if (s.value === undefined || Number.isNaN(s.value)) continue;
    if (!best || RANK[s.status] > RANK[best.status]) best = s;
  }
  return best;
}

/** Tile order: CRIT first, then STALE (unknown may be worse), WARN, NO DATA, OK; by name within a state. */
const ORDER: Readonly<Record<TileState, number>> = { crit: 0, stale: 1, warn: 2, nodata: 3, ok: 4 };

export function compareTiles(a: { service: string; state: TileState }, b: { service: string; state: TileState }): number {
  return ORDER[a.state] - ORDER[b.state] || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0);
}

/**
 * Staleness by a monotonic clock (`performance.now()`), so a wall clock that jumps (laptop sleep, NTP) cannot
 * make old data look fresh or fresh data old: stale when the last successful refresh is older than twice the
 * refresh interval, or when none has succeeded since the board started longer ago than that.
 */
export function freshness(lastSuccessMono: number | undefined, startedMono: number, nowMono: number, refreshMs: number): { stale: boolean; ageMs?: number } {
  const limit = 2 * refreshMs;
  if (lastSuccessMono === undefined) return { stale: nowMono - startedMono > limit };
  const ageMs = Math.max(0, nowMono - lastSuccessMono);
  return { stale: ageMs > limit, ageMs };
}

export interface BoardLayout {
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
}

/**
 * The grid that fits `count` tiles into `width` × `height` px without scrolling, with tiles as large and as
 * close to `aspect` (width / height) as possible. Tries every column count (count ≤ a few thousand).
 */
export function fitTiles(count: number, width: number, height: number, gap = 8, aspect = 1.6): BoardLayout {
  if (count <= 0 || width <= 0 || height <= 0) return { columns: 1, rows: 0, tileWidth: Math.max(0, width), tileHeight: 0 };
  let best: BoardLayout & { score: number } = { columns: 1, rows: count, tileWidth: width, tileHeight: 0, score: -1 };
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const cellW = (width - gap * (columns - 1)) / columns;
    const cellH = (height - gap * (rows - 1)) / rows;
    if (cellW <= 0) break;
    if (cellH <= 0) continue;
    // The largest tile of the wanted aspect that fits the cell; its area is the score.
    const tileW = Math.min(cellW, cellH * aspect);
    const tileH = Math.min(cellH, cellW / aspect);
    const score = tileW * tileH;
    if (score > best.score) best = { columns, rows, tileWidth: Math.floor(cellW), tileHeight: Math.floor(cellH), score };
  }
  const { score: _score, ...layout } = best;
  return layout;
}

/** "firing for 12m" and tile ages: the largest whole unit, never "0s ago" for a fresh value. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** An alert as the strip shows it, from Prometheus or Alertmanager. */
export interface StripAlert {
  key: string;
  name: string;
  severity: string;
  summary: string;
  labels: Labels;
  sinceMs: number;
  /** Where it came from (datasource name). */
  source: string;
  /** Why it pages no one (silenced, inhibited, muted), or undefined. */
  suppressed?: string;
}

const SEVERITY_RANK: Readonly<Record<string, number>> = { critical: 0, page: 0, error: 1, warning: 2, warn: 2, info: 3 };

/** Pages first, then by severity, then oldest first; suppressed ones go to their own list. */
export function compareAlerts(a: StripAlert, b: StripAlert): number {
  const ra = SEVERITY_RANK[a.severity] ?? 2.5;
  const rb = SEVERITY_RANK[b.severity] ?? 2.5;
  return ra - rb || a.sinceMs - b.sinceMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
