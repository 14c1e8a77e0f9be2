import { DataSourceError } from '../../lib/errors';

/**
 * Small readers for untrusted JSON: each names the exact field that was wrong (`data.result[3].values[7][1]`)
 * so a panel can say more than "something broke".
 */
export function shapeError(path: string, expected: string, got: unknown): DataSourceError {
  return new DataSourceError(`Unexpected response from Prometheus: ${path} should be ${expected}, got ${describe(got)}`, {
    kind: 'parse',
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  if (value === undefined) return 'nothing';
  return `${typeof value} ${String(value)}`;
}

export function asRecord(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw shapeError(path, 'an object', value);
  return value as Record<string, unknown>;
}

export function asArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw shapeError(path, 'an array', value);
  return value;
}

export function asString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw shapeError(path, 'a string', value);
  return value;
}

export function asNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw shapeError(path, 'a number', value);
  return value;
}

export function asStringList(value: unknown, path: string): string[] {
  const list = asArray(value, path);
  for (let i = 0; i < list.length; i++) asString(list[i], `${path}[${i}]`);
  return list as string[];
}

/** A label set: an object whose every value is a string. */
export function asLabels(value: unknown, path: string): Readonly<Record<string, string>> {
  const record = asRecord(value, path);
  for (const key of Object.keys(record)) asString(record[key], `${path}.${key}`);
  return record as Record<string, string>;
}
