import { formatValue } from '../../lib/units';
import { visibleText } from '../../lib/visibleText';
import type { Labels } from '../../model/series';
import type { Unit } from '../../model/units';
import { formatTooltipTime } from '../shared/timeAxis';
import type { ExemplarTarget } from './drilldown';
import type { MarkerFocus } from './ExemplarMarkers';

const MAX_LABELS = 12;

function LabelRows({ labels, dim }: { labels: Labels; dim?: boolean }) {
  const names = Object.keys(labels).sort();
  return (
    <>
      {names.slice(0, MAX_LABELS).map((name) => (
        <div key={name} className={dim ? 'exemplar-tooltip-label exemplar-tooltip-series' : 'exemplar-tooltip-label'}>
          <span className="exemplar-tooltip-name">{visibleText(name, 60).text}</span>
          <span className="exemplar-tooltip-value">{visibleText(labels[name] ?? '', 120).text}</span>
        </div>
      ))}
      {names.length > MAX_LABELS ? <div className="chart-tooltip-more">+{names.length - MAX_LABELS} more labels</div> : null}
    </>
  );
}

/**
 * What an exemplar is: its value (in the unit of what it measured), time, labels, trace ID, and whether a
 * click opens that trace or why not. Label names and values come from the server and are shown as text,
 * with invisible characters made visible.
 */
export function ExemplarTooltip({ id, focus, unit, target, plotWidth }: { id: string; focus: MarkerFocus; unit: Unit; target: ExemplarTarget | undefined; plotWidth: number }) {
  const { point } = focus;
  const rawTraceId = point.exemplar.traceId;
  const left = focus.x > plotWidth / 2;
  return (
    <div
      id={id}
      role="tooltip"
      className="chart-tooltip exemplar-tooltip"
      // Beside the marker, from the chart's top: the tooltip is taller than most markers are high.
      style={left ? { right: 'auto', left: Math.max(0, focus.x - 12), top: 0, transform: 'translateX(-100%)' } : { right: 'auto', left: focus.x + 12, top: 0 }}
    >
      <div className="chart-tooltip-time">
        {point.error ? <span className="exemplar-tooltip-error">Error · </span> : null}Exemplar · {formatTooltipTime(point.t)}
      </div>
      <div className="exemplar-tooltip-value-row">{formatValue(point.v, unit)}</div>
      <LabelRows labels={point.exemplar.labels} />
      <LabelRows labels={point.exemplar.seriesLabels} dim />
      {target?.link.available ? (
        <div className="exemplar-tooltip-trace">
          Trace <code>{target.traceId ?? rawTraceId}</code> · click to open in {visibleText(target.link.datasourceName, 60).text}
        </div>
      ) : (
        <div className="exemplar-tooltip-unlinked">
          {rawTraceId !== undefined ? (
            <>
              Trace <code>{visibleText(rawTraceId, 80).text}</code>:{' '}
            </>
          ) : null}
          not linked: {target && !target.link.available ? visibleText(target.link.reason, 200).text : 'no trace links here'}
        </div>
      )}
    </div>
  );
}
