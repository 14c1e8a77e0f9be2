import { describe, expect, it } from 'vitest';
import { DataSourceError } from '../../lib/errors';
import { readEnvelope } from './envelope';
import { parseSampleValue, transformExemplars, transformMetadata, transformQueryData } from './transform';

function parseFailure(run: () => unknown): DataSourceError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataSourceError);
    expect((error as DataSourceError).kind).toBe('parse');
    return error as DataSourceError;
  }
  throw new Error('expected a parse error');
}

describe('parseSampleValue', () => {
  it('reads numbers and the special strings', () => {
    expect(parseSampleValue('1', 'v')).toBe(1);
    expect(parseSampleValue('1e-07', 'v')).toBe(1e-7);
    expect(parseSampleValue('1e+21', 'v')).toBe(1e21);
    expect(parseSampleValue('-0.25', 'v')).toBe(-0.25);
    expect(parseSampleValue('NaN', 'v')).toBeNaN();
    expect(parseSampleValue('+Inf', 'v')).toBe(Infinity);
    expect(parseSampleValue('-Inf', 'v')).toBe(-Infinity);
  });

  it('rejects non-strings and garbage, naming the field', () => {
    expect(parseFailure(() => parseSampleValue(1, 'data.result[0].value[1]')).message).toBe(
      'Unexpected response from Prometheus: data.result[0].value[1] should be a sample value string, got number 1',
    );
    expect(parseFailure(() => parseSampleValue('abc', 'x')).message).toContain('x should be a number in a string, got the string "abc"');
    parseFailure(() => parseSampleValue('', 'x'));
  });
});

describe('transformQueryData', () => {
  it('turns a matrix into columnar series in ms', () => {
    const { series, warnings } = transformQueryData({
      resultType: 'matrix',
      result: [{ metric: { job: 'node' }, values: [[1435781430.781, '0'], [1435781445.781, 'NaN'], [1435781460.781, '+Inf']] }],
    });
    expect(warnings).toEqual([]);
    expect(series).toHaveLength(1);
    expect(series[0]!.labels).toEqual({ job: 'node' });
    expect([...series[0]!.times]).toEqual([1435781430781, 1435781445781, 1435781460781]);
    expect(series[0]!.values[0]).toBe(0);
    expect(series[0]!.values[1]).toBeNaN();
    expect(series[0]!.values[2]).toBe(Infinity);
    expect(series[0]!.times).toBeInstanceOf(Float64Array);
  });

  it('turns a vector into one point per series', () => {
    const { series } = transformQueryData({
      resultType: 'vector',
      result: [{ metric: { __name__: 'up', instance: 'localhost:9090', job: 'prometheus' }, value: [1435781451.781, '1'] }],
    });
    expect(series[0]!.labels.__name__).toBe('up');
    expect([...series[0]!.times]).toEqual([1435781451781]);
    expect([...series[0]!.values]).toEqual([1]);
  });

  it('turns a scalar into one unlabelled point', () => {
    const { series } = transformQueryData({ resultType: 'scalar', result: [1435781451.781, '-Inf'] });
    expect(series).toEqual([{ labels: {}, times: Float64Array.of(1435781451781), values: Float64Array.of(-Infinity) }]);
  });

  it('warns that a string result cannot be drawn', () => {
    const { series, warnings } = transformQueryData({ resultType: 'string', result: [1435781451.781, 'hello'] });
    expect(series).toEqual([]);
    expect(warnings[0]).toMatch(/string/);
  });

  it('keeps the first series and names how many were dropped', () => {
    const result = Array.from({ length: 50_000 }, (_, i) => ({ metric: { i: String(i) }, values: [[1, '1']] }));
    const { series, warnings } = transformQueryData({ resultType: 'matrix', result });
    expect(series).toHaveLength(10_000);
    expect(series[9_999]!.labels.i).toBe('9999');
    expect(warnings).toEqual([
      'The query returned 50,000 series; showing the first 10,000 and dropping 40,000. Aggregate (sum by …) or add label matchers to see them all.',
    ]);
  });

  it('warns about native histograms instead of failing', () => {
    const { series, warnings } = transformQueryData({
      resultType: 'matrix',
      result: [{ metric: { a: '1' }, histograms: [[1, { count: '1', sum: '1', buckets: [] }]] }],
    });
    expect(series[0]!.times).toHaveLength(0);
    expect(warnings[0]).toMatch(/native histograms/);
  });

  it('names the field that has the wrong shape', () => {
    expect(parseFailure(() => transformQueryData({ resultType: 'matrix', result: [{ metric: {}, values: [[1, '1'], [2, 3]] }] })).message).toContain(
      'data.result[0].values[1][1] should be a sample value string, got number 3',
    );
    expect(parseFailure(() => transformQueryData({ resultType: 'matrix', result: [{ metric: { a: 1 }, values: [] }] })).message).toContain(
      'data.result[0].metric.a should be a string',
    );
    expect(parseFailure(() => transformQueryData({ resultType: 'matrix' })).message).toContain('data.result should be an array, got nothing');
    expect(parseFailure(() => transformQueryData({ resultType: 'tensor', result: [] })).message).toContain('data.resultType should be one of');
    expect(parseFailure(() => transformQueryData({ resultType: 'vector', result: [{ metric: {}, value: [1] }] })).message).toContain(
      'data.result[0].value should be a [time, "value"] pair',
    );
    expect(parseFailure(() => transformQueryData(null)).message).toContain('data should be an object, got null');
  });
});

describe('readEnvelope', () => {
  it('hands back data with warnings then infos', () => {
    const env = readEnvelope({
      status: 'success',
      data: [],
      warnings: ['results truncated due to limit'],
      infos: ['PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "foo" (1:6)'],
    });
    expect(env.data).toEqual([]);
    expect(env.warnings).toEqual([
      'results truncated due to limit',
      'PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "foo" (1:6)',
    ]);
  });

  it('turns an error envelope into a query error with the server text', () => {
    try {
      readEnvelope({ status: 'error', errorType: 'execution', error: 'many-to-many matching not allowed' });
      throw new Error('unreachable');
    } catch (error) {
      expect(error).toMatchObject({ kind: 'query', errorType: 'execution', message: 'many-to-many matching not allowed' });
    }
  });

  it('rejects a body without status or data', () => {
    expect(parseFailure(() => readEnvelope({ data: 1 })).message).toContain('status should be "success" or "error", got nothing');
    expect(parseFailure(() => readEnvelope({ status: 'success' })).message).toContain('data is missing');
    expect(parseFailure(() => readEnvelope({ status: 'success', data: 1, warnings: 'x' })).message).toContain('warnings should be an array');
    expect(parseFailure(() => readEnvelope('<html>')).message).toContain('the response body should be an object');
  });
});

describe('transformExemplars', () => {
  it('flattens groups and normalises trace IDs from trace_id and traceID', () => {
    const out = transformExemplars([
      {
        seriesLabels: { __name__: 'http_request_duration_seconds_bucket', job: 'api', le: '0.5' },
        exemplars: [
          { labels: { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736' }, value: '0.37', timestamp: 1600096945.479 },
          { labels: { traceID: '2f3577b34da6a3ce929d0e0e4736' }, value: '0.4', timestamp: 1600096946 },
          { labels: { span_id: '00f067aa0ba902b7' }, value: '+Inf', timestamp: 1600096947 },
        ],
      },
    ]);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({
      seriesLabels: { __name__: 'http_request_duration_seconds_bucket', job: 'api', le: '0.5' },
      labels: { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736' },
      time: 1600096945479,
      value: 0.37,
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    expect(out[1]!.traceId).toBe('00002f3577b34da6a3ce929d0e0e4736');
    expect(out[2]!.traceId).toBeUndefined();
    expect(out[2]!.value).toBe(Infinity);
  });

  it('names a bad exemplar field', () => {
    expect(parseFailure(() => transformExemplars([{ seriesLabels: {}, exemplars: [{ labels: {}, value: '1', timestamp: '1' }] }])).message).toContain(
      'data[0].exemplars[0].timestamp should be a number',
    );
  });
});

describe('transformMetadata', () => {
  it('reads type, help and unit', () => {
    expect(transformMetadata({ http_requests_total: [{ type: 'counter', help: 'Number of HTTP requests', unit: '' }] })).toEqual({
      http_requests_total: [{ type: 'counter', help: 'Number of HTTP requests', unit: '' }],
    });
  });
});
