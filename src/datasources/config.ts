import { ConfigError } from './configError';
import { DATASOURCE_PLUGINS, type DataSourceKind } from './kinds';
import type { DataSourceConfig } from './types';

export { ConfigError } from './configError';

/** The kinds Watchfloor knows (from the one list in kinds.ts); only some have an adapter in a given build. */
export const KNOWN_KINDS: readonly DataSourceKind[] = DATASOURCE_PLUGINS.map((plugin) => plugin.kind);
export type { DataSourceKind };

/** Used in URLs (`/proxy/<uid>`) and query keys, so kept to a URL-safe charset. */
const UID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Validates the shape of `public/config.json` and returns its datasources. */
export function parseConfig(json: unknown): DataSourceConfig[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ConfigError('config.json', 'must be a JSON object with a "datasources" array');
  }
  const list = (json as Record<string, unknown>).datasources;
  if (!Array.isArray(list)) throw new ConfigError('datasources', 'must be an array of datasources');
  if (list.length === 0) throw new ConfigError('datasources', 'must list at least one datasource');

  const configs = list.map((entry, i) => parseEntry(entry, `datasources[${i}]`));
  const seenUids = new Map<string, number>();
  const defaultKinds = new Set<string>();
  configs.forEach((config, i) => {
    const earlier = seenUids.get(config.uid);
    if (earlier !== undefined) {
      throw new ConfigError(`datasources[${i}].uid`, `"${config.uid}" is already the uid of datasources[${earlier}]; uids must be unique`);
    }
    seenUids.set(config.uid, i);
    if (config.default) {
      if (defaultKinds.has(config.kind)) {
        throw new ConfigError(`datasources[${i}].default`, `another ${config.kind} datasource is already the default`);
      }
      defaultKinds.add(config.kind);
    }
  });
  return configs;
}

function parseEntry(entry: unknown, path: string): DataSourceConfig {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new ConfigError(path, 'must be an object with uid, kind, name and url');
  }
  const raw = entry as Record<string, unknown>;
  const uid = requireString(raw, 'uid', path);
  if (!UID_PATTERN.test(uid)) {
    throw new ConfigError(`${path}.uid`, `"${uid}" may hold only letters, digits, ".", "_" and "-" (at most 64)`);
  }
  const kind = requireString(raw, 'kind', path);
  if (!(KNOWN_KINDS as readonly string[]).includes(kind)) {
    throw new ConfigError(`${path}.kind`, `unknown kind "${kind}"; expected one of ${KNOWN_KINDS.join(', ')}`);
  }
  const name = requireString(raw, 'name', path);
  const url = requireString(raw, 'url', path);
  checkUrl(url, `${path}.url`);

  const config: DataSourceConfig = { uid, kind, name, url };
  if (raw.default !== undefined) {
    if (typeof raw.default !== 'boolean') throw new ConfigError(`${path}.default`, 'must be true or false');
    config.default = raw.default;
  }
  if (raw.access !== undefined) {
    if (raw.access !== 'direct' && raw.access !== 'proxy') {
      throw new ConfigError(`${path}.access`, `must be "direct" or "proxy", got ${JSON.stringify(raw.access)}`);
    }
    config.access = raw.access;
  }
  if (raw.options !== undefined) {
    if (typeof raw.options !== 'object' || raw.options === null || Array.isArray(raw.options)) {
      throw new ConfigError(`${path}.options`, 'must be an object');
    }
    config.options = raw.options as Record<string, unknown>;
  }
  return config;
}

function requireString(raw: Record<string, unknown>, key: string, path: string): string {
  const value = raw[key];
  if (value === undefined) throw new ConfigError(`${path}.${key}`, 'is missing');
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(`${path}.${key}`, 'must be a non-empty string');
  return value.trim();
}

/** An absolute http(s) URL, or a same-origin path (a reverse proxy in front of the app). */
function checkUrl(url: string, field: string): void {
  if (url.startsWith('/') && !url.startsWith('//')) return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(field, `"${url}" is not a URL; write it like http://127.0.0.1:9090`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(field, `"${url}" must use http or https, like http://127.0.0.1:9090`);
  }
}
