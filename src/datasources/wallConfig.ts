import { BOARD_SIGNALS, DEFAULT_BOARD, THRESHOLD_UNITS, type BoardSignal, type BoardSpec, type ThresholdOverrides, type WallConfig } from '../model/board';
import type { DataSourceConfig } from '../model/datasourceConfig';
import type { Bands } from '../model/thresholds';
import { parseDuration } from '../model/time';
import { ConfigError } from './configError';
import { pluginFor } from './kinds';

// config.json's wall-board keys, `boards` and `thresholds`, beside `datasources` (config.ts), read into the
// model's BoardSpec. Every problem is a ConfigError naming the field (`boards[0].services[2]`), as for datasources.

/** Board ids go in URLs (`/noc?board=<id>`, playlist entries), so they keep to a URL-safe charset. */
const BOARD_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** `board` means "the URL's board" in a playlist, and `services` is the built-in board of every service. */
const RESERVED_IDS: readonly string[] = ['board', DEFAULT_BOARD.id];
const MIN_REFRESH_MS = 1000;
const MAX_REFRESH_MS = 3_600_000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const describe = (value: unknown): string => (Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? 'an object' : String(value));

/**
 * Reads `boards` and `thresholds` from config.json (both optional). A board's `datasource` must be the uid of
 * a datasource in `datasources`; unknown keys are refused, so a typo ("service" for "services") is named
 * rather than silently showing every service.
 */
export function parseWallConfig(json: unknown, datasources: readonly DataSourceConfig[]): WallConfig {
  if (!isObject(json)) return { boards: [] };
  const thresholds = json.thresholds === undefined ? undefined : parseThresholds(json.thresholds, 'thresholds');
  const boards = json.boards === undefined ? [] : parseBoards(json.boards, datasources);
  return thresholds ? { boards, thresholds } : { boards };
}

function parseBoards(raw: unknown, datasources: readonly DataSourceConfig[]): BoardSpec[] {
  if (!Array.isArray(raw)) throw new ConfigError('boards', `must be an array of boards, got ${describe(raw)}`);
  const seen = new Map<string, number>();
  return raw.map((entry, i) => {
    const board = parseBoard(entry, `boards[${i}]`, datasources);
    const earlier = seen.get(board.id);
    if (earlier !== undefined) throw new ConfigError(`boards[${i}].id`, `"${board.id}" is already the id of boards[${earlier}]; board ids must be unique`);
    seen.set(board.id, i);
    return board;
  });
}

const BOARD_KEYS = ['id', 'title', 'services', 'signals', 'datasource', 'refresh', 'thresholds'];

function parseBoard(raw: unknown, path: string, datasources: readonly DataSourceConfig[]): BoardSpec {
  if (!isObject(raw)) throw new ConfigError(path, `must be an object with at least an "id", got ${describe(raw)}`);
  for (const key of Object.keys(raw)) {
    if (!BOARD_KEYS.includes(key)) throw new ConfigError(`${path}.${key}`, `is not a board setting; expected one of ${BOARD_KEYS.join(', ')}`);
  }
  const id = nonEmptyString(raw.id, `${path}.id`);
  if (!BOARD_ID_PATTERN.test(id)) throw new ConfigError(`${path}.id`, `"${id}" may hold only letters, digits, ".", "_" and "-" (at most 64), since it goes in the URL`);
  if (RESERVED_IDS.includes(id)) throw new ConfigError(`${path}.id`, `"${id}" is reserved (${RESERVED_IDS.map((r) => `"${r}"`).join(' and ')} name the built-in board); choose another id`);
  const board: { -readonly [K in keyof BoardSpec]: BoardSpec[K] } = { id, title: raw.title === undefined ? id : nonEmptyString(raw.title, `${path}.title`), refreshMs: DEFAULT_BOARD.refreshMs };
  if (raw.services !== undefined) board.services = stringList(raw.services, `${path}.services`, (name) => name);
  if (raw.signals !== undefined) board.signals = stringList(raw.signals, `${path}.signals`, signalName);
  if (raw.datasource !== undefined) {
    const uid = nonEmptyString(raw.datasource, `${path}.datasource`);
    // Tiles need the service list and metrics; an Alertmanager or a Loki cannot feed them.
    const boardable = datasources.filter((ds) => pluginFor(ds.kind)?.capabilities.includes('services'));
    if (!boardable.some((ds) => ds.uid === uid)) {
      const what = datasources.some((ds) => ds.uid === uid) ? 'is not a metrics datasource with services' : 'is not the uid of any datasource';
      throw new ConfigError(`${path}.datasource`, `"${uid}" ${what}; expected one of ${boardable.map((ds) => ds.uid).join(', ') || '(none configured)'}`);
    }
    board.datasource = uid;
  }
  if (raw.refresh !== undefined) board.refreshMs = refresh(raw.refresh, `${path}.refresh`);
  if (raw.thresholds !== undefined) board.thresholds = parseThresholds(raw.thresholds, `${path}.thresholds`);
  return board;
}

function nonEmptyString(value: unknown, field: string): string {
  if (value === undefined) throw new ConfigError(field, 'is missing');
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(field, `must be a non-empty string, got ${describe(value)}`);
  return value.trim();
}

/** A non-empty list of distinct non-empty strings, each checked by `check` (which throws for its element's path). */
function stringList<T extends string>(value: unknown, field: string, check: (text: string, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new ConfigError(field, `must be an array of names, got ${describe(value)}`);
  if (value.length === 0) throw new ConfigError(field, 'must name at least one; leave it out for all');
  const seen = new Map<string, number>();
  return value.map((item, i) => {
    const path = `${field}[${i}]`;
    // Service names are label values: kept exactly as written (spaces included), only emptiness refused.
    if (typeof item !== 'string' || item === '') throw new ConfigError(path, `must be a non-empty string, got ${describe(item)}`);
    const earlier = seen.get(item);
    if (earlier !== undefined) throw new ConfigError(path, `${JSON.stringify(item)} is already ${field}[${earlier}]`);
    seen.set(item, i);
    return check(item, path);
  });
}

function signalName(text: string, path: string): BoardSignal {
  if (!(BOARD_SIGNALS as readonly string[]).includes(text)) throw new ConfigError(path, `${JSON.stringify(text)} is not a Golden Signal; expected one of ${BOARD_SIGNALS.join(', ')}`);
  return text as BoardSignal;
}

function refresh(value: unknown, field: string): number {
  const ms = typeof value === 'string' ? parseDuration(value.trim()) : NaN;
  if (!Number.isFinite(ms) || ms < MIN_REFRESH_MS || ms > MAX_REFRESH_MS) {
    throw new ConfigError(field, `must be a duration between 1s and 60m such as "30s", got ${describe(value)}`);
  }
  return ms;
}

/** `{ "<service>" | "*": { "<signal>": { "warn": n, "crit": n } } }`, each number in the signal's config unit. */
function parseThresholds(raw: unknown, field: string): ThresholdOverrides {
  if (!isObject(raw)) throw new ConfigError(field, `must be an object of services ("*" for all), got ${describe(raw)}`);
  const out: Record<string, Partial<Record<string, Bands>>> = {};
  for (const [service, perSignal] of Object.entries(raw)) {
    const servicePath = /^[A-Za-z0-9_-]+$/.test(service) ? `${field}.${service}` : `${field}[${JSON.stringify(service)}]`;
    if (service === '') throw new ConfigError(servicePath, 'is an empty service name; use "*" for every service');
    if (!isObject(perSignal)) throw new ConfigError(servicePath, `must be an object of signals, like { "errorRatio": { "warn": 0.01, "crit": 0.05 } }, got ${describe(perSignal)}`);
    const bands: Partial<Record<string, Bands>> = {};
    for (const [signal, value] of Object.entries(perSignal)) bands[signal] = parseBands(value, `${servicePath}.${signal}`, signal);
    out[service] = bands;
  }
  return out;
}

function parseBands(raw: unknown, field: string, signal: string): Bands {
  const unit = THRESHOLD_UNITS[signal as BoardSignal];
  if (unit === undefined) {
    const graded = Object.keys(THRESHOLD_UNITS).join(', ');
    throw new ConfigError(field, signal === 'requestRate' ? `request rate has no thresholds (neither much nor little traffic is bad by itself); graded signals are ${graded}` : `is not a graded Golden Signal; expected one of ${graded}`);
  }
  if (!isObject(raw)) throw new ConfigError(field, `must be { "warn": <number>, "crit": <number> }, got ${describe(raw)}`);
  for (const key of Object.keys(raw)) if (key !== 'warn' && key !== 'crit') throw new ConfigError(`${field}.${key}`, 'is not a threshold; expected "warn" and "crit"');
  const number = (key: 'warn' | 'crit'): number => {
    const value = raw[key];
    if (value === undefined) throw new ConfigError(`${field}.${key}`, 'is missing');
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new ConfigError(`${field}.${key}`, `must be a number ≥ 0, got ${describe(value)}`);
    // The classic slip: 5 meaning 5 %. A ratio above 1 can never be reached, so the tile would never warn.
    if (unit === 'percentunit' && value > 1) throw new ConfigError(`${field}.${key}`, `${value} is above 1: ${signal} is a fraction (0.05 is 5 %)`);
    return value;
  };
  const warn = number('warn');
  const crit = number('crit');
  if (warn > crit) throw new ConfigError(`${field}.warn`, `${warn} is above crit (${crit}); a value warns before it is critical`);
  return { warn, crit };
}
