import { DataSourceError } from '../../lib/errors';

/**
 * Small readers for untrusted JSON: each names the server and the exact field that was wrong
 * (`Unexpected response from Loki: data.result[3].values[7][1] should be a string, got number 2`), so a panel
 * can say more than "something broke". Every adapter makes its own set with its server's name.
 */
export interface ShapeReaders {
  shapeError(path: string, expected: string, got: unknown): DataSourceError;
  asRecord(value: unknown, path: string): Record<string, unknown>;
  asArray(value: unknown, path: string): unknown[];
  asString(value: unknown, path: string): string;
  /** A finite JSON number; wire formats that carry NaN or infinities send them as strings. */
  asNumber(value: unknown, path: string): number;
  asStringList(value: unknown, path: string): string[];
  /** A label set: an object whose every value is a string. */
  asLabels(value: unknown, path: string): Readonly<Record<string, string>>;
}

export function shapeReaders(serverName: string): ShapeReaders {
  const shapeError = (path: string, expected: string, got: unknown): DataSourceError =>
    new DataSourceError(`Unexpected response from ${serverName}: ${path} should be ${expected}, got ${describeValue(got)}`, { kind: 'parse' });

  const asRecord = (value: unknown, path: string): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw shapeError(path, 'an object', value);
    return value as Record<string, unknown>;
  };
  const asArray = (value: unknown, path: string): unknown[] => {
    if (!Array.isArray(value)) throw shapeError(path, 'an array', value);
    return value;
  };
  const asString = (value: unknown, path: string): string => {
    if (typeof value !== 'string') throw shapeError(path, 'a string', value);
    return value;
  };
  const asNumber = (value: unknown, path: string): number => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw shapeError(path, 'a number', value);
    return value;
  };
  const asStringList = (value: unknown, path: string): string[] => {
    const list = asArray(value, path);
    for (let i = 0; i < list.length; i++) asString(list[i], `${path}[${i}]`);
    return list as string[];
  };
  const asLabels = (value: unknown, path: string): Readonly<Record<string, string>> => {
    const record = asRecord(value, path);
    for (const key of Object.keys(record)) asString(record[key], `${path}.${key}`);
    return record as Record<string, string>;
  };
  return { shapeError, asRecord, asArray, asString, asNumber, asStringList, asLabels };
}

/** What a wrong value was, short enough for a panel: type and a clipped excerpt, never the whole thing. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  if (value === undefined) return 'nothing';
  return `${typeof value} ${String(value)}`;
}
