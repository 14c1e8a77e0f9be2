import { describe, expect, it } from 'vitest';
import { serviceDashboardUrl, traceUrl } from './links';
import { logsExploreUrl } from './logLinks';
import { viewTitle } from './viewTitle';

describe('viewTitle', () => {
  const t = { from: 'now-1h', to: 'now' };
  it('names a service dashboard by its service, however the name is written in the path', () => {
    expect(viewTitle(serviceDashboardUrl('payments', t))).toBe('payments');
    expect(viewTitle(serviceDashboardUrl('a/b %2F ~', t))).toBe('a/b %2F ~');
    expect(viewTitle(serviceDashboardUrl('..', t))).toBe('..');
    expect(viewTitle('/services/%ZZ')).toBe('%ZZ');
  });

  it('names a trace by the start of its ID', () => {
    expect(viewTitle(traceUrl('4bf92f3577b34da6a3ce929d0e0e4736'))).toBe('trace 4bf92f…');
  });

  it('names logs by their stream selector, cut short', () => {
    expect(viewTitle(logsExploreUrl({ query: '{service_name="payments"} |= "timeout"' }, t))).toBe('logs {service_name="payments"} …');
    expect(viewTitle(logsExploreUrl({ query: '{service_name="payments", level="error", namespace="shop"}' }, t))).toBe('logs {service_name="payments", level…');
    expect(viewTitle('/explore/logs')).toBe('Logs');
  });

  it('names the other views', () => {
    expect(viewTitle('/services')).toBe('Services');
    expect(viewTitle('/traces?service=payments')).toBe('traces of payments');
    expect(viewTitle('/explore')).toBe('Explore');
  });
});
