import { describe, expect, it } from 'vitest';
import { evaluateInstant, evaluateRange, type InstantResult } from './evaluate';
import { PromqlError } from './errors';
import { createMemorySource, regularSamples, type FixtureSeries } from './testSource';

const MIN = 60_000;
const flat = (v: number, n = 41): number[] => Array.from({ length: n }, () => v);
const ramp = (perStep: number, n = 41): number[] => Array.from({ length: n }, (_, i) => i * perStep);

const FIXTURE: FixtureSeries[] = [
  { labels: { __name__: 'http_requests_total', job: 'api', code: '200', instance: 'a' }, samples: regularSamples(0, 15_000, ramp(30)) },
  { labels: { __name__: 'http_requests_total', job: 'api', code: '500', instance: 'a' }, samples: regularSamples(0, 15_000, ramp(3)) },
  { labels: { __name__: 'http_requests_total', job: 'db', code: '200', instance: 'b' }, samples: regularSamples(0, 15_000, ramp(15)) },
  { labels: { __name__: 'limit', job: 'api', team: 'red' }, samples: regularSamples(0, 15_000, flat(4)) },
  { labels: { __name__: 'limit', job: 'db', team: 'blue' }, samples: regularSamples(0, 15_000, flat(2)) },
  { labels: { __name__: 'gauge', job: 'api' }, samples: [[0, 7]] },
];
const source = createMemorySource(FIXTURE);

function vector(result: InstantResult): Array<[Record<string, string>, number]> {
  if (result.resultType !== 'vector') throw new Error(`expected a vector, got ${result.resultType}`);
  return result.samples.map((s) => [{ ...s.labels }, s.value] as [Record<string, string>, number]).sort((a, b) => JSON.stringify(a[0]).localeCompare(JSON.stringify(b[0])));
}

function errorOf(fn: () => unknown): PromqlError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PromqlError) return e;
    throw e;
  }
  throw new Error('expected a PromqlError');
}

describe('selectors', () => {
  it('supports all four matchers, fully anchored', () => {
    const q = (sel: string) => vector(evaluateInstant(source, sel, 5 * MIN)).map(([l]) => `${l.job}/${l.code}`);
    expect(q('http_requests_total{code="200"}')).toEqual(['api/200', 'db/200']);
    expect(q('http_requests_total{code!="200"}')).toEqual(['api/500']);
    expect(q('http_requests_total{code=~"2.."}')).toEqual(['api/200', 'db/200']);
    expect(q('http_requests_total{code=~"2"}')).toEqual([]);
    expect(q('http_requests_total{code!~"2..",job=~"api|db"}')).toEqual(['api/500']);
    expect(q('{__name__=~"http_.*", job="db"}')).toEqual(['db/200']);
  });

  it('looks back 5 minutes, closed on the left as in 2.x', () => {
    expect(vector(evaluateInstant(source, 'gauge', 5 * MIN))).toEqual([[{ __name__: 'gauge', job: 'api' }, 7]]);
    expect(vector(evaluateInstant(source, 'gauge', 5 * MIN + 1))).toEqual([]);
  });

  it('applies offset', () => {
    expect(vector(evaluateInstant(source, 'gauge offset 1m', 6 * MIN))).toEqual([[{ __name__: 'gauge', job: 'api' }, 7]]);
  });

  it('returns raw samples for a bare range selector in an instant query, window closed on the left', () => {
    const result = evaluateInstant(source, 'gauge[1m]', MIN);
    expect(result.resultType).toBe('matrix');
    if (result.resultType !== 'matrix') return;
    expect(Array.from(result.series[0]?.timesMs ?? [])).toEqual([0]);
  });
});

describe('range functions', () => {
  it('rate over a steady counter and drops __name__', () => {
    expect(vector(evaluateInstant(source, 'rate(http_requests_total{job="db"}[1m])', 5 * MIN))).toEqual([[{ job: 'db', code: '200', instance: 'b' }, 1]]);
  });

  it('count_over_time includes the sample exactly at t - range', () => {
    expect(vector(evaluateInstant(source, 'count_over_time(limit{job="db"}[1m])', 5 * MIN))).toEqual([[{ job: 'db', team: 'blue' }, 5]]);
  });

  it('last_over_time keeps the metric name', () => {
    expect(vector(evaluateInstant(source, 'last_over_time(limit{job="db"}[1m])', 5 * MIN))).toEqual([[{ __name__: 'limit', job: 'db', team: 'blue' }, 2]]);
  });
});

describe('aggregations', () => {
  it('sum by keeps only the grouping labels; without drops the listed labels and the name', () => {
    expect(vector(evaluateInstant(source, 'sum by (job) (rate(http_requests_total[1m]))', 5 * MIN))).toEqual([
      [{ job: 'api' }, 2.2],
      [{ job: 'db' }, 1],
    ]);
    expect(vector(evaluateInstant(source, 'sum without (code, instance) (http_requests_total)', 5 * MIN))).toEqual([
      [{ job: 'api' }, 600 + 60],
      [{ job: 'db' }, 300],
    ]);
  });

  it('avg, min, max, count', () => {
    const at = (q: string) => vector(evaluateInstant(source, q, 5 * MIN));
    expect(at('avg(limit)')).toEqual([[{}, 3]]);
    expect(at('min(limit)')).toEqual([[{}, 2]]);
    expect(at('max by (team) (limit)')).toEqual([
      [{ team: 'blue' }, 2],
      [{ team: 'red' }, 4],
    ]);
    expect(at('count(http_requests_total)')).toEqual([[{}, 3]]);
  });

  it('topk keeps the full labels of the k largest per group', () => {
    expect(vector(evaluateInstant(source, 'topk(1, http_requests_total)', 5 * MIN))).toEqual([
      [{ __name__: 'http_requests_total', job: 'api', code: '200', instance: 'a' }, 600],
    ]);
    expect(vector(evaluateInstant(source, 'topk by (job) (1, http_requests_total)', 5 * MIN)).map(([l]) => l.code)).toEqual(['200', '200']);
    expect(vector(evaluateInstant(source, 'topk(0, http_requests_total)', 5 * MIN))).toEqual([]);
  });
});

describe('binary operators', () => {
  it('scalar arithmetic drops the name; comparisons filter and keep it; bool gives 0/1 without the name', () => {
    expect(vector(evaluateInstant(source, 'limit * 2', 0))).toEqual([
      [{ job: 'api', team: 'red' }, 8],
      [{ job: 'db', team: 'blue' }, 4],
    ]);
    expect(vector(evaluateInstant(source, 'limit > 3', 0))).toEqual([[{ __name__: 'limit', job: 'api', team: 'red' }, 4]]);
    expect(vector(evaluateInstant(source, '3 < limit', 0))).toEqual([[{ __name__: 'limit', job: 'api', team: 'red' }, 4]]);
    expect(vector(evaluateInstant(source, 'limit > bool 3', 0))).toEqual([
      [{ job: 'api', team: 'red' }, 1],
      [{ job: 'db', team: 'blue' }, 0],
    ]);
    expect(evaluateInstant(source, '2 ^ 10 % 7 - -1', 0)).toEqual({ resultType: 'scalar', timeMs: 0, value: 1024 % 7 + 1 });
  });

  it('on(...) one-to-one keeps only the matching labels', () => {
    expect(vector(evaluateInstant(source, 'sum by (job, team) (limit) / on(job) sum by (job) (rate(http_requests_total[1m]))', 5 * MIN))).toEqual([
      [{ job: 'api' }, 4 / 2.2],
      [{ job: 'db' }, 2],
    ]);
  });

  it('group_left copies labels from the one side and keeps the many side labels', () => {
    expect(vector(evaluateInstant(source, 'rate(http_requests_total[1m]) / on(job) group_left(team) limit', 5 * MIN))).toEqual([
      [{ job: 'api', code: '200', instance: 'a', team: 'red' }, 2 / 4],
      [{ job: 'api', code: '500', instance: 'a', team: 'red' }, 0.2 / 4],
      [{ job: 'db', code: '200', instance: 'b', team: 'blue' }, 1 / 2],
    ]);
  });

  it('group_right mirrors group_left, keeping the right side\'s labels and the left value order', () => {
    expect(vector(evaluateInstant(source, 'limit{job="db"} - on(job) group_right(team) http_requests_total', 5 * MIN))).toEqual([
      [{ job: 'db', code: '200', instance: 'b', team: 'blue' }, 2 - 300],
    ]);
  });

  it('ignoring(...) matches on the remaining labels', () => {
    const q = 'sum by (job, code) (rate(http_requests_total{code="500"}[1m])) / ignoring(code) sum by (job) (rate(http_requests_total[1m]))';
    expect(vector(evaluateInstant(source, q, 5 * MIN))).toEqual([[{ job: 'api' }, 0.2 / 2.2]]);
  });

  it('reports many-to-many and implicit many-to-one matches like Prometheus', () => {
    expect(errorOf(() => evaluateInstant(source, 'limit + on() http_requests_total', 0)).message).toMatch(
      /^found duplicate series for the match group \{\} on the right hand-side of the operation: \[.*\];many-to-many matching not allowed: matching labels must be unique on one side$/,
    );
    expect(errorOf(() => evaluateInstant(source, 'http_requests_total + on(job) limit', 0)).message).toBe(
      'multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)',
    );
    expect(errorOf(() => evaluateInstant(source, 'http_requests_total + on(job) limit', 0)).kind).toBe('execution');
  });

  it('and / or / unless', () => {
    const at = (q: string) => vector(evaluateInstant(source, q, 0)).map(([l]) => `${l.__name__}/${l.job}`);
    expect(at('limit and on(job) http_requests_total{code="500"}')).toEqual(['limit/api']);
    expect(at('limit unless on(job) http_requests_total{code="500"}')).toEqual(['limit/db']);
    expect(at('limit{job="api"} or gauge')).toEqual(['gauge/api', 'limit/api']);
  });

  it('clamp_min / clamp_max drop the name', () => {
    expect(vector(evaluateInstant(source, 'clamp_max(limit, 3)', 0))).toEqual([
      [{ job: 'api', team: 'red' }, 3],
      [{ job: 'db', team: 'blue' }, 2],
    ]);
    expect(vector(evaluateInstant(source, 'clamp_min(limit, 3)', 0)).map(([, v]) => v)).toEqual([4, 3]);
  });
});

describe('histogram_quantile', () => {
  const bucket = (le: string, v: number): FixtureSeries => ({
    labels: { __name__: 'lat_bucket', job: 'api', le },
    samples: regularSamples(0, 15_000, ramp(v)),
  });
  const hist = createMemorySource([bucket('0.1', 10), bucket('0.5', 20), bucket('1', 40), bucket('+Inf', 40)]);

  it('works over rate of buckets and drops le and the name', () => {
    expect(vector(evaluateInstant(hist, 'histogram_quantile(0.75, sum by (le) (rate(lat_bucket[1m])))', 5 * MIN))).toEqual([[{}, 0.75]]);
    expect(vector(evaluateInstant(hist, 'histogram_quantile(0.5, lat_bucket)', 5 * MIN))).toEqual([[{ job: 'api' }, 0.5]]);
  });

  it('gives NaN without a +Inf bucket', () => {
    const [[, v] = [{}, 0]] = vector(evaluateInstant(hist, 'histogram_quantile(0.5, lat_bucket{le!="+Inf"})', 5 * MIN));
    expect(v).toBeNaN();
  });
});

describe('range queries', () => {
  it('evaluates at start, start+step, … ≤ end and sorts the matrix by labels', () => {
    const result = evaluateRange(source, 'rate(http_requests_total[1m])', MIN, 3 * MIN + 30_000, MIN);
    expect(result.series.map((s) => `${s.labels.code}${s.labels.job}`)).toEqual(['200api', '200db', '500api']);
    expect(Array.from(result.series[0]?.timesMs ?? [])).toEqual([MIN, 2 * MIN, 3 * MIN]);
    expect(Array.from(result.series[0]?.values ?? [])).toEqual([2, 2, 2]);
  });

  it('returns a scalar as one series with no labels', () => {
    const result = evaluateRange(source, '1 + 1', 0, 2 * MIN, MIN);
    expect(result.series).toEqual([{ labels: {}, timesMs: Float64Array.from([0, MIN, 2 * MIN]), values: Float64Array.from([2, 2, 2]) }]);
  });

  it('omits steps without data', () => {
    const result = evaluateRange(source, 'gauge', 0, 10 * MIN, 5 * MIN);
    expect(Array.from(result.series[0]?.timesMs ?? [])).toEqual([0, 5 * MIN]);
  });

  it('reads each selected series once for the whole range', () => {
    const counting = createMemorySource(FIXTURE);
    evaluateRange(counting, 'sum(rate(http_requests_total[5m]))', 0, 10 * MIN, 15_000);
    expect(counting.sampleReads).toBe(3);
  });

  it('rejects a range vector result', () => {
    expect(errorOf(() => evaluateRange(source, 'limit[5m]', 0, MIN, MIN)).message).toBe(
      'invalid expression type "range vector" for range query, must be Scalar or instant Vector',
    );
  });

  // Its speed is a benchmark's business (npm run bench), not a timed test's: this checks the answer only.
  it('evaluates 24 h at a 60 s step over 300 series', () => {
    const day = 24 * 3600_000;
    const many: FixtureSeries[] = Array.from({ length: 300 }, (_, i) => ({
      labels: { __name__: 'req_bucket', svc: `s${i % 30}`, le: String([0.1, 0.5, 1, 5, 10, 20, 40, 60, 120, '+Inf'][Math.floor(i / 30)]) },
      samples: regularSamples(0, 15_000, ramp(1 + (i % 7), day / 15_000 + 1)),
    }));
    const big = createMemorySource(many);
    const result = evaluateRange(big, 'histogram_quantile(0.99, sum by (svc, le) (rate(req_bucket[5m])))', 0, day, 60_000);
    expect(result.series).toHaveLength(30);
    // The first step has a single sample in its window, so rate drops it.
    expect(result.series[0]?.timesMs.length).toBe(1440);
  });
});

describe('errors', () => {
  it('parse errors carry Prometheus positions', () => {
    expect(errorOf(() => evaluateInstant(source, 'sum(rate(x[5m])', 0)).message).toBe('1:16: parse error: unclosed left parenthesis');
    expect(errorOf(() => evaluateInstant(source, 'rate(x)', 0)).message).toBe(
      '1:6: parse error: expected type range vector in call to function "rate", got instant vector',
    );
    expect(errorOf(() => evaluateInstant(source, 'foo(bar)', 0)).message).toBe('1:1: parse error: unknown function with name "foo"');
    expect(errorOf(() => evaluateInstant(source, 'x{a="b"} > 1 > bool', 0)).kind).toBe('parse');
    expect(errorOf(() => evaluateInstant(source, '1 > 2', 0)).message).toBe('1:3: parse error: comparisons between scalars must use BOOL modifier');
    expect(errorOf(() => evaluateInstant(source, '{a=""}', 0)).message).toBe('1:1: parse error: vector selector must contain at least one non-empty matcher');
  });

  it('names what the demo does not support', () => {
    const unsupported = (q: string) => errorOf(() => evaluateInstant(source, q, 0));
    expect(unsupported('predict_linear(x[5m], 60)').message).toBe('unsupported by the Watchfloor demo: function "predict_linear"');
    expect(unsupported('predict_linear(x[5m], 60)').kind).toBe('unsupported');
    expect(unsupported('rate(x[5m:1m])').message).toBe('unsupported by the Watchfloor demo: subqueries');
    expect(unsupported('x @ 100').message).toBe('unsupported by the Watchfloor demo: the @ modifier');
    expect(unsupported('quantile(0.5, x)').message).toBe('unsupported by the Watchfloor demo: aggregation "quantile"');
    expect(unsupported('"text"').message).toBe('unsupported by the Watchfloor demo: string literals');
  });
});
