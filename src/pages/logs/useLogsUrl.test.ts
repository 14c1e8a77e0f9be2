import { describe, expect, it } from 'vitest';
import { readLogsUrl, writeLogsUrl } from './useLogsUrl';

describe('log explorer URL state', () => {
  it('reads defaults from an empty URL', () => {
    expect(readLogsUrl(new URLSearchParams())).toEqual({ ds: undefined, query: '', sort: 'newest', wrap: false, timeZone: 'local', line: undefined });
  });
  it('round-trips every setting and keeps the time range', () => {
    const out = writeLogsUrl(new URLSearchParams('from=now-6h&to=now'), { ds: 'loki', query: '{a="b"} |= "x"', sort: 'oldest', wrap: true, timeZone: 'utc', line: 'k' });
    expect(out.get('from')).toBe('now-6h');
    expect(readLogsUrl(out)).toEqual({ ds: 'loki', query: '{a="b"} |= "x"', sort: 'oldest', wrap: true, timeZone: 'utc', line: 'k' });
  });
  it('drops defaults and cleared values', () => {
    const out = writeLogsUrl(new URLSearchParams('sort=oldest&wrap=1&tz=utc&line=k'), { sort: 'newest', wrap: false, timeZone: 'local', line: undefined });
    expect(out.toString()).toBe('');
  });
});
