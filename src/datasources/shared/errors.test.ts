import { describe, expect, it } from 'vitest';
import { DataSourceError } from '../../lib/errors';
import { asDataSourceError, mapHttpError, readOrThrow } from './errors';
import { shapeReaders } from './shape';

const http = (status: number, body?: unknown) => new DataSourceError(`HTTP ${status}`, { kind: 'http', status, ...(body === undefined ? {} : { body }) });

describe('mapHttpError', () => {
  it("makes a 400 or 422 with the server's own JSON body a query error", () => {
    expect(mapHttpError(http(400, { error: 'bad' }), 'Loki')).toMatchObject({ kind: 'query', status: 400 });
    expect(mapHttpError(http(422, 'bad matcher'), 'Alertmanager')).toMatchObject({ kind: 'query', status: 422 });
    // Without a body the 400 may be a proxy's; it stays an http error.
    expect(mapHttpError(http(400), 'Loki')).toMatchObject({ kind: 'http' });
  });

  it('says what a status means, naming the server', () => {
    expect((mapHttpError(http(404), 'Tempo') as Error).message).toBe("HTTP 404. Is the datasource URL the Tempo server's base URL?");
    expect((mapHttpError(http(401), 'Loki') as Error).message).toContain('Loki refused the request');
    expect((mapHttpError(http(429), 'Loki') as Error).message).toContain('rate limiting');
  });

  it('leaves other errors alone', () => {
    const network = new DataSourceError('down', { kind: 'network' });
    expect(mapHttpError(network, 'Loki')).toBe(network);
    expect(mapHttpError(http(500), 'Loki')).toMatchObject({ kind: 'http', status: 500, message: 'HTTP 500' });
  });
});

describe('asDataSourceError and readOrThrow', () => {
  it("report a transform's own bug as the server's unreadable answer", () => {
    expect(asDataSourceError(new TypeError('x is undefined'), 'Jaeger')).toMatchObject({ kind: 'parse', message: 'Could not read the Jaeger response: x is undefined' });
    expect(() =>
      readOrThrow(() => {
        throw new RangeError('too deep');
      }, 'Tempo'),
    ).toThrow('Could not read the Tempo response: too deep');
  });
});

describe('shapeReaders', () => {
  it('name the server and the field', () => {
    const read = shapeReaders('Loki');
    expect(() => read.asString(7, 'data.result[0].values[1][0]')).toThrow('Unexpected response from Loki: data.result[0].values[1][0] should be a string, got number 7');
    expect(() => read.asLabels({ job: 1 }, 'stream')).toThrow('stream.job should be a string');
    expect(() => read.asNumber(NaN, 'duration')).toThrow('duration should be a number');
    expect(read.asStringList(['a'], 'data')).toEqual(['a']);
  });
});
