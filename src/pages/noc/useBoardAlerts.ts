import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import type { DataSource } from '../../datasources/types';
import { suppression, type Alert } from '../../model/alerts';
import { compareAlerts, type StripAlert } from '../../model/board';
import { errorText } from '../shared/panelQuery';

export interface AlertSourceState {
  uid: string;
  name: string;
  kind: string;
  /** Set when the source could not be read: the strip says so and never shows "no alerts" for it. */
  error?: string;
  loading: boolean;
}

export interface BoardAlerts {
  paging: StripAlert[];
  suppressed: StripAlert[];
  sources: AlertSourceState[];
  /** A source's alerts are being fetched. */
  fetching: boolean;
}

/** The last completed attempt: the alerts, or why there are none. */
type AlertsOutcome = { alerts: Alert[]; error?: undefined } | { alerts?: undefined; error: string };

interface SourceResult {
  data: AlertsOutcome | undefined;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
}

/**
 * Module-level, and only the fields read below: TanStack Query shares the combined value structurally, so the
 * board sees the same array (and keeps its strip) until an answer or a fetch state really changes. Without it
 * `useQueries` hands back a new array on every render, and the strip was rebuilt on each of them.
 */
function combineSources(rs: ReadonlyArray<{ data: AlertsOutcome | undefined; isError: boolean; error: unknown; isFetching: boolean }>): SourceResult[] {
  return rs.map((r) => ({ data: r.data, isError: r.isError, error: r.error, isFetching: r.isFetching }));
}

function toStrip(alert: Alert, source: DataSource): StripAlert | undefined {
  // Prometheus' pending alerts have not fired yet; Alertmanager's unprocessed ones are about to be.
  if (alert.state === 'pending' || alert.state === 'inactive') return undefined;
  const reason = suppression(alert);
  return {
    key: alert.fingerprint,
    name: alert.labels.alertname ?? '(no alertname)',
    severity: alert.labels.severity ?? 'none',
    summary: alert.annotations.summary ?? alert.annotations.description ?? '',
    labels: alert.labels,
    sinceMs: alert.startsAt,
    source: source.name,
    ...(reason ? { suppressed: reason } : {}),
  };
}

/**
 * Firing alerts from every datasource with `alerts` (Prometheus' rules, Alertmanager), refreshed with the
 * board. One alert reported by both shows once (same fingerprint), Alertmanager's copy first, since only it
 * knows about silences and inhibitions.
 */
export function useBoardAlerts(sources: readonly DataSource[], refreshMs: number, tick: number): BoardAlerts {
  const withAlerts = useMemo(() => [...sources].filter((ds) => ds.alerts).sort((a, b) => Number(b.kind === 'alertmanager') - Number(a.kind === 'alertmanager')), [sources]);
  // One key per source, refetched on each tick without cancelling one still out: a slow Alertmanager is
  // asked again only once it has answered (or timed out), never with a second request on top of the first.
  // A failure is the query's data, not its error: a refetch of a query that never had data resets it to
  // "pending", which would hide "unreachable" for as long as each retry is out.
  // Memoized options: a new object each render would make useQueries re-apply them (setQueries) every render.
  const alertQueries = useMemo(
    () => ({
      queries: withAlerts.map((ds) => ({
        queryKey: [ds.uid, 'alerts.list'] as const,
        queryFn: async ({ signal }: { signal: AbortSignal }): Promise<AlertsOutcome> => {
          try {
            return { alerts: await ds.alerts!.listAlerts(signal) };
          } catch (error) {
            if (signal.aborted) throw error;
            return { error: errorText(error) };
          }
        },
        gcTime: 2 * refreshMs,
        retry: false,
      })),
      combine: combineSources,
    }),
    [withAlerts, refreshMs],
  );
  const results = useQueries(alertQueries);
  const client = useQueryClient();
  const lastTick = useRef(tick);
  useEffect(() => {
    if (tick === lastTick.current) return;
    lastTick.current = tick;
    for (const ds of withAlerts) void client.refetchQueries({ queryKey: [ds.uid, 'alerts.list'], exact: true }, { cancelRefetch: false });
  }, [tick, withAlerts, client]);
  return useMemo(() => {
    const seen = new Set<string>();
    const paging: StripAlert[] = [];
    const suppressed: StripAlert[] = [];
    withAlerts.forEach((ds, i) => {
      const r = results[i];
      // A failed refresh shows no alerts from this source: stale alerts would read as current.
      if (!r?.data || r.data.error !== undefined) return;
      for (const alert of r.data.alerts ?? []) {
        const strip = toStrip(alert, ds);
        if (!strip || seen.has(strip.key)) continue;
        seen.add(strip.key);
        (strip.suppressed ? suppressed : paging).push(strip);
      }
    });
    paging.sort(compareAlerts);
    suppressed.sort(compareAlerts);
    const states = withAlerts.map((ds, i): AlertSourceState => {
      const r = results[i];
      const error = r?.data?.error ?? (r?.isError ? errorText(r.error) : undefined);
      return { uid: ds.uid, name: ds.name, kind: ds.kind, loading: r?.data === undefined && !r?.isError, ...(error !== undefined ? { error } : {}) };
    });
    return { paging, suppressed, sources: states, fetching: results.some((r) => r.isFetching) };
  }, [withAlerts, results]);
}
