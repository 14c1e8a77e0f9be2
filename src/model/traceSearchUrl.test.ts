import { describe, expect, it } from 'vitest';
import { traceSearchAroundUrl, traceSearchPageUrl, traceSearchUrl } from './links';
import { DEFAULT_TRACE_SEARCH, parseTraceSearchUrl, toTraceSearch, traceSearchEntries } from './traceSearchUrl';

const parse = (query: string) => parseTraceSearchUrl(new URLSearchParams(query));

describe('parseTraceSearchUrl', () => {
  it('gives the defaults for an empty URL, with no problems', () => {
    expect(parse('')).toEqual({ state: DEFAULT_TRACE_SEARCH, problems: [] });
  });

  it('reads the link issue 10 builds', () => {
    const { state, problems } = parse('service=payments&from=1&to=2&minDuration=1s&errors=1');
    expect(problems).toEqual([]);
    expect(state).toMatchObject({ service: 'payments', minDurationMs: 1000, errorsOnly: true, mode: 'filters' });
  });

  it('reads every field', () => {
    const { state, problems } = parse('ds=demo-tempo&mode=traceql&q={status=error}&service=s&operation=op&tags=a%3D1+b%3D%22x+y%22&minDuration=300ms&maxDuration=1.2s&limit=50&sort=-duration');
    expect(problems).toEqual([]);
    expect(state).toEqual({
      ds: 'demo-tempo',
      mode: 'traceql',
      traceql: '{status=error}',
      service: 's',
      operation: 'op',
      tags: { a: '1', b: 'x y' },
      minDurationMs: 300,
      maxDurationMs: 1200,
      errorsOnly: false,
      limit: 50,
      sort: { key: 'duration', desc: true },
    });
  });

  it.each([
    ['minDuration=fast', 'minDurationMs', /minDuration "fast" ignored: .*not a duration/],
    ['maxDuration=1.2', 'maxDurationMs', /maxDuration "1.2" ignored/],
    ['limit=0', 'limit', /limit "0" must be a whole number from 1 to 1000: using 20/],
    ['limit=1e3', 'limit', /limit "1e3"/],
    ['limit=99999', 'limit', /limit "99999"/],
    ['errors=maybe', 'errorsOnly', /errors="maybe" not understood/],
    ['sort=colour', 'sort', /sort "colour" not understood/],
    ['tags=error', 'tags', /Tags "error" ignored: .*has no value/],
    ['mode=sql', 'mode', /Unknown search mode "sql"/],
  ] as const)('%s → the default, with a message', (query, field, message) => {
    const { state, problems } = parse(query);
    expect(state[field]).toEqual(DEFAULT_TRACE_SEARCH[field]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('drops a maximum below the minimum, saying so', () => {
    const { state, problems } = parse('minDuration=2s&maxDuration=1s');
    expect(state.minDurationMs).toBe(2000);
    expect(state.maxDurationMs).toBeUndefined();
    expect(problems[0]).toMatch(/maxDuration 1s is below minDuration 2s/);
  });

  it('keeps a message short for a 1 MB value', () => {
    const { problems } = parse(`limit=${'9'.repeat(1_000_000)}`);
    expect(problems[0]!.length).toBeLessThan(200);
  });
});

describe('traceSearchEntries / traceSearchUrl', () => {
  it('leaves the defaults out and round-trips through the parser', () => {
    const state = { ...DEFAULT_TRACE_SEARCH, ds: 'j', service: 'pay ments', operation: 'POST /charge', tags: { 'http.status_code': '500', route: 'a b' }, minDurationMs: 0.045, maxDurationMs: 30_000, errorsOnly: true, limit: 100, sort: { key: 'errors' as const, desc: false } };
    const url = traceSearchUrl(state, { from: 'now-1h', to: 'now' });
    expect(url.startsWith('/traces?ds=j&service=pay+ments&operation=POST+%2Fcharge&tags=')).toBe(true);
    expect(url).toContain('minDuration=45us');
    expect(url).toContain('maxDuration=30s');
    expect(url).toContain('errors=1&limit=100&sort=errors&from=now-1h&to=now');
    const back = parseTraceSearchUrl(new URL(url, 'http://x').searchParams);
    expect(back).toEqual({ state, problems: [] });
  });

  it('is bare /traces for the defaults', () => {
    expect(traceSearchUrl({})).toBe('/traces');
    expect(traceSearchPageUrl({ from: 'now-6h', to: 'now', refresh: '30s' })).toBe(traceSearchUrl({}, { from: 'now-6h', to: 'now', refresh: '30s' }));
    expect(traceSearchEntries(DEFAULT_TRACE_SEARCH)).toEqual([]);
  });

  it('builds the link issue 10 needs', () => {
    expect(traceSearchUrl({ service: 'payments', minDurationMs: 1000, errorsOnly: true }, { from: '1700000000000', to: '1700000900000' })).toBe(
      '/traces?service=payments&minDuration=1s&errors=1&from=1700000000000&to=1700000900000',
    );
  });

  it('builds an absolute window around a moment', () => {
    expect(traceSearchAroundUrl({ service: 'payments' }, { from: 1000.4, to: 2000.6 })).toBe('/traces?service=payments&from=1000&to=2001');
  });

  it('never throws on a lone surrogate or hostile text', () => {
    expect(() => traceSearchUrl({ service: '\ud800<script>', tags: { '\udc00': '"' } })).not.toThrow();
  });
});

describe('toTraceSearch', () => {
  it('maps the filters, leaving out what is unset', () => {
    expect(toTraceSearch({ ...DEFAULT_TRACE_SEARCH, service: 'payments', errorsOnly: true, minDurationMs: 1000 })).toEqual({ service: 'payments', errorsOnly: true, minDurationMs: 1000, limit: 20 });
    expect(toTraceSearch(DEFAULT_TRACE_SEARCH)).toEqual({ limit: 20 });
  });

  it('sends only the query and limit in TraceQL mode', () => {
    expect(toTraceSearch({ ...DEFAULT_TRACE_SEARCH, mode: 'traceql', traceql: '{ status = error }', service: 'x', errorsOnly: true })).toEqual({ query: '{ status = error }', limit: 20 });
  });
});
