import { visibleText } from '../../lib/visibleText';
import { formatAge, type StripAlert } from '../../model/board';
import { useSecondClock } from './clocks';
import type { BoardAlerts } from './useBoardAlerts';

function AlertItem({ alert, nowMs }: { alert: StripAlert; nowMs: number }) {
  const name = visibleText(alert.name, 60);
  const summary = visibleText(alert.summary, 120);
  const service = alert.labels.service ?? alert.labels.service_name ?? alert.labels.job;
  return (
    <li className={`noc-alert noc-sev-${alert.severity.replace(/[^a-z]/gi, '')}`} data-testid="noc-alert" data-alertname={alert.name} title={`${name.title}\n${summary.title}\nfrom ${alert.source}`}>
      <span className="noc-alert-sev">{alert.severity.toUpperCase()}</span> <bdi className="noc-alert-name">{name.text}</bdi>
      {service ? (
        <span className="noc-alert-service">
          {' '}
          · <bdi>{visibleText(service, 40).text}</bdi>
        </span>
      ) : null}
      <span className="noc-alert-age"> · {alert.suppressed ? `${alert.suppressed}, ` : ''}firing for {formatAge(nowMs - alert.sinceMs)}</span>
      {alert.summary ? <span className="noc-alert-summary"> · {summary.text}</span> : null}
    </li>
  );
}

/**
 * Firing alerts, paging ones first; silenced, inhibited and muted ones apart. A source that could not be read
 * says so in words: the strip never shows "no alerts" for a source it did not hear from.
 */
export function AlertStrip({ alerts }: { alerts: BoardAlerts }) {
  // The strip's own once-a-second clock ("firing for" ages): the tiles beside it do not re-render with it.
  const nowMs = useSecondClock().wall;
  if (alerts.sources.length === 0) return null;
  const failed = alerts.sources.filter((s) => s.error !== undefined);
  const heard = alerts.sources.filter((s) => s.error === undefined && !s.loading);
  return (
    <section className="noc-alerts" aria-label="Firing alerts" data-testid="noc-alerts">
      {failed.map((s) => (
        <div key={s.uid} className="noc-alerts-down" role="alert" data-testid="noc-alerts-down">
          ◌ {s.name} unreachable: alerts from it are unknown ({visibleText(s.error ?? '', 160).text})
        </div>
      ))}
      {alerts.paging.length > 0 ? (
        <ul className="noc-alert-list">
          {alerts.paging.map((a) => (
            <AlertItem key={a.key} alert={a} nowMs={nowMs} />
          ))}
        </ul>
      ) : heard.length > 0 ? (
        <div className="noc-alerts-none" data-testid="noc-alerts-none">
          ● No firing alerts in {heard.map((s) => s.name).join(', ')}
        </div>
      ) : null}
      {alerts.suppressed.length > 0 ? (
        <details className="noc-alerts-suppressed" data-testid="noc-alerts-suppressed">
          <summary>{alerts.suppressed.length} silenced or inhibited</summary>
          <ul className="noc-alert-list">
            {alerts.suppressed.map((a) => (
              <AlertItem key={a.key} alert={a} nowMs={nowMs} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
