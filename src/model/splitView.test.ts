import { describe, expect, it } from 'vitest';
import {
  checkViewHref,
  MAX_VIEW_HREF_LENGTH,
  navigateSide,
  promoteSide,
  readSplit,
  setLock,
  sideViewHref,
  swapPanes,
  withoutSplit,
  writeSplit,
} from './splitView';

// The app's routes, as far as these tests need: anything under these prefixes, nothing else.
const isAppPath = (p: string) => /^\/(services(\/[^/]+)?|traces(\/[^/]+)?|explore(\/logs)?)$/.test(p);

const search = (side: string, extra = '') => `?from=now-1h&to=now&side=${encodeURIComponent(side)}${extra}`;

describe('checkViewHref: only views of this app on this origin', () => {
  it.each([
    ['//evil.example', 'is not a path in Watchfloor'],
    ['//evil.example/services', 'is not a path in Watchfloor'],
    ['javascript:alert(1)', 'is not a path in Watchfloor'],
    ['JaVaScRiPt:alert(1)', 'is not a path in Watchfloor'],
    ['https://evil.example/services', 'is not a path in Watchfloor'],
    ['data:text/html,<script>alert(1)</script>', 'is not a path in Watchfloor'],
    ['/\\evil.example', 'holds control characters or a backslash'],
    ['/services\n//evil', 'holds control characters or a backslash'],
    ['/services\u0000', 'holds control characters or a backslash'],
    ['services/payments', 'is not a path in Watchfloor'],
    ['', 'is empty'],
    ['/admin', 'is not a Watchfloor view'],
    ['/services/a/b/c', 'is not a Watchfloor view'],
    ['/services/%E0%A4%A', 'has broken percent-encoding'],
    ['/traces/%ZZ', 'has broken percent-encoding'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(checkViewHref(text, isAppPath)).toEqual({ ok: false, reason });
  });

  it('refuses an absurd length, naming it', () => {
    const long = `/explore?q=${'x'.repeat(MAX_VIEW_HREF_LENGTH)}`;
    const result = checkViewHref(long, isAppPath);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/too long \(\d+ characters, at most 2048\)/);
  });

  it('refuses a path whose dot segments climb out to a route that does not exist', () => {
    expect(checkViewHref('/services/../../admin', isAppPath)).toEqual({ ok: false, reason: 'is not a Watchfloor view' });
  });

  it('accepts app views with their query and hash, and drops split state nested in them', () => {
    expect(checkViewHref('/traces/4bf92f3577b34da6a3ce929d0e0e4736?from=1&to=2#x', isAppPath)).toEqual({
      ok: true,
      href: '/traces/4bf92f3577b34da6a3ce929d0e0e4736?from=1&to=2#x',
    });
    expect(checkViewHref('/services/payments?side=%2Fexplore&lock=1&from=now-1h', isAppPath)).toEqual({ ok: true, href: '/services/payments?from=now-1h' });
  });

  it('keeps a hostile but encoded service name as it is', () => {
    const href = `/services/${encodeURIComponent('<img src=x onerror=alert(1)>')}`;
    expect(checkViewHref(href, isAppPath)).toEqual({ ok: true, href });
  });
});

describe('readSplit', () => {
  it('reads no split from a plain URL', () => {
    expect(readSplit('?from=now-1h&to=now', isAppPath)).toEqual({});
  });

  it('reads the side pane and the lock', () => {
    expect(readSplit(search('/traces/abc?from=1&to=2', '&lock=1'), isAppPath)).toEqual({ split: { side: '/traces/abc?from=1&to=2', lock: true } });
    expect(readSplit(search('/traces/abc'), isAppPath)).toEqual({ split: { side: '/traces/abc', lock: false } });
  });

  it('drops a tampered side pane with a message that quotes it', () => {
    const read = readSplit(search('//evil.example'), isAppPath);
    expect(read.split).toBeUndefined();
    expect(read.problem).toBe('Dropped the side pane: "//evil.example" is not a path in Watchfloor.');
  });

  it('quotes at most 60 characters of a long hostile value', () => {
    const read = readSplit(search(`javascript:${'a'.repeat(5000)}`), isAppPath);
    expect(read.problem).toMatch(/^Dropped the side pane: "javascript:a+…" is too long/);
    expect(read.problem!.length).toBeLessThan(200);
  });

  it('reads a lock value other than 1 as unlocked, saying so, and a lone lock as nothing to lock', () => {
    expect(readSplit(search('/explore', '&lock=yes'), isAppPath)).toEqual({
      split: { side: '/explore', lock: false },
      problem: 'Dropped lock="yes": it is 1 or absent; the time ranges are not locked.',
    });
    expect(readSplit('?lock=1', isAppPath).problem).toBe('Dropped lock="1": there is no side pane to lock.');
  });

  it('survives bad percent-encoding in the parameter itself', () => {
    // URLSearchParams decodes leniently (a broken UTF-8 sequence becomes U+FFFD, a lone % stays); the
    // path that results is still checked, and its stray % is broken encoding.
    expect(readSplit('?side=%2Fservices%2F%E0%A4%A', isAppPath).problem).toBe('Dropped the side pane: "/services/\uFFFD%A" has broken percent-encoding.');
    expect(readSplit('?side=%', isAppPath).problem).toBe('Dropped the side pane: "%" is not a path in Watchfloor.');
  });
});

describe('the split URL', () => {
  const main = '/services/payments?from=now-6h&to=now&var=1';

  it('writes and removes the split, keeping other parameters', () => {
    const open = writeSplit(main, { side: '/traces/abc?from=1&to=2', lock: false });
    expect(open).toBe('/services/payments?from=now-6h&to=now&var=1&side=%2Ftraces%2Fabc%3Ffrom%3D1%26to%3D2');
    expect(readSplit(new URL(open, 'http://x').search, isAppPath).split).toEqual({ side: '/traces/abc?from=1&to=2', lock: false });
    expect(writeSplit(open, undefined)).toBe(main);
    expect(withoutSplit(writeSplit(main, { side: '/explore', lock: true }))).toBe(main);
  });

  it('shows the main range in the side pane while locked, its own otherwise', () => {
    expect(sideViewHref(main, { side: '/traces/abc?from=1&to=2', lock: false })).toBe('/traces/abc?from=1&to=2');
    expect(sideViewHref(main, { side: '/traces/abc', lock: true })).toBe('/traces/abc?from=now-6h&to=now');
    expect(sideViewHref('/services', { side: '/traces/abc?from=1&to=2', lock: true })).toBe('/traces/abc');
  });

  it('locked, a range the side pane picks becomes the main range', () => {
    const locked = { side: '/traces/abc', lock: true };
    const next = navigateSide(main, locked, '/traces/abc?from=now-24h&to=now');
    const read = readSplit(new URL(next, 'http://x').search, isAppPath).split!;
    expect(new URL(next, 'http://x').searchParams.get('from')).toBe('now-24h');
    expect(read).toEqual({ side: '/traces/abc', lock: true });
    // A side navigation without a range leaves the main range alone.
    expect(new URL(navigateSide(main, locked, '/explore'), 'http://x').searchParams.get('from')).toBe('now-6h');
  });

  it('unlocked, the side pane keeps its own range and the main one stays', () => {
    const next = navigateSide(main, { side: '/traces/abc', lock: false }, '/traces/abc?from=now-24h&to=now');
    expect(new URL(next, 'http://x').searchParams.get('from')).toBe('now-6h');
    expect(readSplit(new URL(next, 'http://x').search, isAppPath).split!.side).toBe('/traces/abc?from=now-24h&to=now');
  });

  it('locking adopts the main range; unlocking keeps showing it', () => {
    const unlocked = { side: '/traces/abc?from=1&to=2', lock: false };
    const locked = setLock(main, unlocked, true);
    const lockedSplit = readSplit(new URL(locked, 'http://x').search, isAppPath).split!;
    expect(lockedSplit).toEqual({ side: '/traces/abc', lock: true });
    const again = setLock(locked, lockedSplit, false);
    expect(readSplit(new URL(again, 'http://x').search, isAppPath).split).toEqual({ side: '/traces/abc?from=now-6h&to=now', lock: false });
  });

  it('swaps and promotes the panes, each keeping the range it shows', () => {
    const split = { side: '/traces/abc?from=1&to=2', lock: false };
    const swapped = swapPanes(main, split);
    expect(swapped.startsWith('/traces/abc?from=1&to=2&side=')).toBe(true);
    expect(readSplit(new URL(swapped, 'http://x').search, isAppPath).split).toEqual({ side: main, lock: false });
    expect(promoteSide(main, split)).toBe('/traces/abc?from=1&to=2');
    expect(promoteSide(main, { side: '/traces/abc', lock: true })).toBe('/traces/abc?from=now-6h&to=now');
  });
});
