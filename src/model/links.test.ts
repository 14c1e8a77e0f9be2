import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { serviceAtTimeUrl, serviceDashboardUrl, serviceFromSegment, servicesOverviewUrl, traceRefUrl, traceSpanUrl, traceUrl } from './links';

describe('links', () => {
  it('keeps from, to and refresh on the overview and dashboard links', () => {
    const t = { from: 'now-6h', to: 'now', refresh: '30s' };
    expect(servicesOverviewUrl(t)).toBe('/services?from=now-6h&to=now&refresh=30s');
    expect(serviceDashboardUrl('payments', t)).toBe('/services/payments?from=now-6h&to=now&refresh=30s');
  });

  it('drops refresh when it is off', () => {
    expect(serviceDashboardUrl('auth', { from: '1000', to: '2000', refresh: 'off' })).toBe('/services/auth?from=1000&to=2000');
  });

  it('encodes hostile service names into one path segment', () => {
    const url = serviceDashboardUrl('a/b?c=<script>"', { from: 'now-1h', to: 'now' });
    expect(url.startsWith('/services/a%2Fb%3Fc%3D%3Cscript%3E%22?')).toBe(true);
  });

  it('links a trace in canonical form with a window around the moment', () => {
    expect(traceUrl('ABC', { timeMs: 1_000_000, windowMs: 60_000 })).toBe(
      '/traces/00000000000000000000000000000abc?from=940000&to=1060000',
    );
    expect(traceUrl('not-hex')).toBe('/traces/not-hex');
  });

  it('names the trace datasource and the span in a trace reference, after the window', () => {
    expect(traceRefUrl({ datasourceUid: 'tempo', traceId: 'ABC', timeMs: 1_000_000, spanId: '00f067aa0ba902b7' }, 60_000)).toBe(
      '/traces/00000000000000000000000000000abc?from=940000&to=1060000&ds=tempo&span=00f067aa0ba902b7',
    );
    expect(traceRefUrl({ traceId: 'abc' })).toBe('/traces/00000000000000000000000000000abc');
  });

  it('opens a service at a moment as an absolute range', () => {
    expect(serviceAtTimeUrl('orders', 10_000_000, 1_000_000)).toBe('/services/orders?from=9000000&to=11000000');
  });

  it('builds links for lone surrogates without throwing (issue 5 #13)', () => {
    expect(() => serviceDashboardUrl('pay\uD800ments', { from: 'now-1h', to: 'now' })).not.toThrow();
    expect(() => serviceAtTimeUrl('\uDC00', 1_000)).not.toThrow();
    expect(traceUrl('bad\uD800id')).toBe('/traces/bad%EF%BF%BDid');
  });
});

/** What a browser and the router make of a link: URL parsing (dot segments, %2e), then the route param. */
function openedService(href: string): string | undefined {
  const pathname = new URL(href, 'http://watchfloor.test').pathname;
  const match = matchRoutes([{ path: '/services' }, { path: '/services/:service' }], pathname);
  const param = match?.[0]?.params.service;
  return param === undefined ? undefined : serviceFromSegment(param);
}

const HOSTILE_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['a dot', '.'],
  ['two dots', '..'],
  ['three dots', '...'],
  ['a slash', '/'],
  ['a dot-dot path', 'a/../b'],
  ['a percent sign', '%'],
  ['an encoded slash as text', '%2F'],
  ['an encoded dot as text', '%2e'],
  ['a question mark', '?'],
  ['a hash', '#'],
  ['a backslash', '\\'],
  ['the escape character', '~'],
  ['escape look-alikes', '~.~0~p~u0041~~'],
  ['the empty-name escape as text', '~0'],
  ['a lone high surrogate', 'pay\uD800ments'],
  ['a lone low surrogate', '\uDC00'],
  ['a surrogate pair', 'card 💳'],
  ['a right-to-left override', '\u202Eevil'],
  ['a zero-width space', '\u200B'],
  ['control characters', 'a\u0000b\u001b[31m\n'],
  ['spaces', '  '],
  ['the empty name', ''],
  ['100,000 characters', 'x'.repeat(100_000)],
];

describe('service links carry any label value (issue 5 #16)', () => {
  it.each(HOSTILE_NAMES)('round-trips %s through the URL and the route', (_what, name) => {
    const href = serviceDashboardUrl(name, { from: 'now-1h', to: 'now' });
    expect(openedService(href)).toBe(name);
    expect(new URL(href, 'http://watchfloor.test').search).toBe('?from=now-1h&to=now');
  });

  it('leaves ordinary names readable', () => {
    expect(serviceDashboardUrl('api-gateway', { from: 'now-1h', to: 'now' })).toBe('/services/api-gateway?from=now-1h&to=now');
  });

  it('keeps a hand-typed unknown escape as typed', () => {
    expect(serviceFromSegment('~x')).toBe('~x');
    expect(serviceFromSegment('~u12')).toBe('~u12');
  });
});

describe('traceSpanUrl', () => {
  it('opens a span of another trace, the ID canonical and the span encoded', () => {
    expect(traceSpanUrl('ABCD', '00f067aa0ba902b7')).toBe('/traces/0000000000000000000000000000abcd?span=00f067aa0ba902b7');
    expect(traceSpanUrl('not-hex', 'a b&c')).toBe('/traces/not-hex?span=a+b%26c');
  });
});
