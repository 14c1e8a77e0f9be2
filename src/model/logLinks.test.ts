import { describe, expect, it } from 'vitest';
import { logsPageUrl } from './links';
import { logLineTraceUrl, logLineUrl, logsExploreUrl } from './logLinks';

describe('log explorer links', () => {
  it('leaves defaults out and keeps the query exact', () => {
    const q = '{app="a b"} |= "x&y=z"';
    const url = logsExploreUrl({ ds: 'loki', query: q, sort: 'newest', wrap: false }, { from: 'now-1h', to: 'now' });
    const params = new URL(url, 'http://x').searchParams;
    expect(url.startsWith('/explore/logs?')).toBe(true);
    expect(params.get('q')).toBe(q);
    expect(params.get('ds')).toBe('loki');
    expect(params.has('sort')).toBe(false);
    expect(params.has('wrap')).toBe(false);
    expect(params.get('from')).toBe('now-1h');
  });

  it('writes the non-default view settings', () => {
    const params = new URL(logsExploreUrl({ sort: 'oldest', wrap: true, timeZone: 'utc' }), 'http://x').searchParams;
    expect(params.get('sort')).toBe('oldest');
    expect(params.get('wrap')).toBe('1');
    expect(params.get('tz')).toBe('utc');
  });

  it('links a line by its key, in a window around its time', () => {
    const url = logLineUrl({ ds: 'loki', query: '{a="b"}' }, { key: '{a="b"}@1700000000000000000#0', timeMs: 1_700_000_000_000 }, 60_000);
    const params = new URL(url, 'http://x').searchParams;
    expect(params.get('line')).toBe('{a="b"}@1700000000000000000#0');
    expect(params.get('from')).toBe('1699999940000');
    expect(params.get('to')).toBe('1700000060000');
  });

  it("links a line's trace with a window around the line's time, and nothing without a trace ID", () => {
    const url = logLineTraceUrl({ traceId: '4BF92F3577B34DA6A3CE929D0E0E4736', timeMs: 1_700_000_000_000 });
    expect(url).toBe('/traces/4bf92f3577b34da6a3ce929d0e0e4736?from=1699999100000&to=1700000900000');
    expect(logLineTraceUrl({ timeMs: 1 })).toBeUndefined();
    expect(logLineTraceUrl({ traceId: '', timeMs: 1 })).toBeUndefined();
  });
});

describe('logsPageUrl (the top bar link)', () => {
  it('is the same URL as logsExploreUrl with no view state, so the top bar need not ship the log-view builders', () => {
    for (const t of [{ from: 'now-1h', to: 'now' }, { from: '1700000000000', to: '1700003600000', refresh: '30s' }, { from: 'now-6h', to: 'now', refresh: 'off' }]) {
      expect(logsPageUrl(t)).toBe(logsExploreUrl({}, t));
    }
  });
});
