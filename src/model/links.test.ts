import { describe, expect, it } from 'vitest';
import { serviceAtTimeUrl, serviceDashboardUrl, servicesOverviewUrl, traceUrl } from './links';

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

  it('opens a service at a moment as an absolute range', () => {
    expect(serviceAtTimeUrl('orders', 10_000_000, 1_000_000)).toBe('/services/orders?from=9000000&to=11000000');
  });
});
