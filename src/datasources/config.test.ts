import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

function configError(json: unknown): ConfigError {
  try {
    parseConfig(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

const prom = { uid: 'prom', kind: 'prometheus', name: 'Prometheus', url: 'http://127.0.0.1:9090', default: true };

describe('parseConfig', () => {
  it('accepts the documented example', () => {
    expect(parseConfig({ datasources: [prom] })).toEqual([prom]);
  });

  it('keeps access and options and accepts same-origin paths', () => {
    const loki = { uid: 'logs', kind: 'loki', name: 'Loki', url: 'http://loki:3100', access: 'proxy', options: { maxLines: 1000 } };
    const rel = { uid: 'p2', kind: 'prometheus', name: 'Behind nginx', url: '/prometheus' };
    expect(parseConfig({ datasources: [prom, loki, rel] })).toEqual([prom, loki, rel]);
  });

  it.each([
    [null, 'config.json', /JSON object/],
    [[], 'config.json', /JSON object/],
    [{}, 'datasources', /array/],
    [{ datasources: [] }, 'datasources', /at least one/],
    [{ datasources: ['prom'] }, 'datasources[0]', /object/],
    [{ datasources: [{ ...prom, uid: undefined }] }, 'datasources[0].uid', /is missing/],
    [{ datasources: [{ ...prom, uid: 'a/b' }] }, 'datasources[0].uid', /letters, digits/],
    [{ datasources: [prom, { ...prom, kind: 'graphite' }] }, 'datasources[1].kind', /unknown kind "graphite"; expected one of prometheus, loki/],
    [{ datasources: [{ ...prom, name: '' }] }, 'datasources[0].name', /non-empty string/],
    [{ datasources: [prom, { ...prom, uid: 'b', url: 'not a url' }] }, 'datasources[1].url', /is not a URL/],
    [{ datasources: [{ ...prom, url: 'ftp://x' }] }, 'datasources[0].url', /http or https/],
    [{ datasources: [{ ...prom, url: 42 }] }, 'datasources[0].url', /non-empty string/],
    [{ datasources: [{ ...prom, default: 'yes' }] }, 'datasources[0].default', /true or false/],
    [{ datasources: [{ ...prom, access: 'tunnel' }] }, 'datasources[0].access', /"direct" or "proxy"/],
    [{ datasources: [{ ...prom, options: [] }] }, 'datasources[0].options', /object/],
    [{ datasources: [prom, { ...prom, name: 'Again' }] }, 'datasources[1].uid', /already the uid of datasources\[0\]/],
    [{ datasources: [prom, { ...prom, uid: 'b' }] }, 'datasources[1].default', /already the default/],
  ])('rejects %j naming %s', (json, field, problem) => {
    const error = configError(json);
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
    expect(error.message).toMatch(problem);
  });
});
