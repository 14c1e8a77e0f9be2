import { Link } from 'react-router';
import { traceUrl } from '../../model/links';
import type { TimeRange } from '../../model/time';
import type { TraceSummary } from '../../model/trace';
import { formatTick, formatTooltipTime, timeTicks } from '../../panels/shared/timeAxis';
import { useElementWidth } from '../../panels/shared/useElementWidth';
import { visibleText } from '../../lib/visibleText';
import { formatMicros } from '../traces/format';

const HEIGHT = 220;
const MARGIN = { top: 10, right: 14, bottom: 24, left: 66 };
/** Durations below this (0 or missing on the wire) are drawn at it: a log axis has no zero. */
const FLOOR_MS = 0.001;

/** Whole decades around the data, so the log axis's ticks are 1 ms, 10 ms, 100 ms, 1 s, … */
export function durationDecades(durationsMs: readonly number[]): { lo: number; hi: number; ticks: number[] } {
  let min = Infinity;
  let max = -Infinity;
  for (const d of durationsMs) {
    const v = Math.max(FLOOR_MS, Number.isFinite(d) ? d : FLOOR_MS);
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (!Number.isFinite(min)) return { lo: 1, hi: 1000, ticks: [1, 10, 100, 1000] };
  const loExp = Math.floor(Math.log10(min));
  let hiExp = Math.ceil(Math.log10(max));
  if (hiExp <= loExp) hiExp = loExp + 1;
  const ticks: number[] = [];
  for (let e = loExp; e <= hiExp; e++) ticks.push(10 ** e);
  return { lo: 10 ** loExp, hi: 10 ** hiExp, ticks };
}

/**
 * Duration over time, one mark per trace: a circle when it had no error, a red triangle when it had one
 * (colour and shape, so the difference survives colour blindness and greyscale). The time axis is the
 * searched range; the duration axis is logarithmic, since a search holds 5 ms and 30 s traces alike. Each
 * mark is a link to its trace, with a window around it so backends that look traces up by time find it.
 */
export function ResultsScatter({ traces, range }: { traces: readonly TraceSummary[]; range: TimeRange }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const plotW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const span = Math.max(1, range.to - range.from);
  const { lo, hi, ticks } = durationDecades(traces.map((t) => t.durationMs));
  const x = (ms: number) => MARGIN.left + ((Math.min(range.to, Math.max(range.from, ms)) - range.from) / span) * plotW;
  const y = (ms: number) => MARGIN.top + plotH - ((Math.log10(Math.max(FLOOR_MS, ms)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * plotH;
  const xTicks = timeTicks(range.from, range.to, Math.max(2, Math.floor(plotW / 110)));
  const ok = traces.filter((t) => !((t.errorCount ?? 0) > 0));
  const failed = traces.filter((t) => (t.errorCount ?? 0) > 0);
  return (
    <figure className="trace-scatter" ref={ref}>
      {width > 0 ? (
        <svg width={width} height={HEIGHT} role="group" aria-label={`Duration over time of ${traces.length} traces`}>
          {ticks.map((tick) => (
            <g key={`y${tick}`} className="axis">
              <line x1={MARGIN.left} x2={MARGIN.left + plotW} y1={y(tick)} y2={y(tick)} className="grid" />
              <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
                {formatMicros(tick * 1000)}
              </text>
            </g>
          ))}
          {xTicks.map((tick) => (
            // A label at the plot's edge is anchored inward, so it is not cut off.
            <text key={`x${tick}`} className="axis" x={x(tick)} y={HEIGHT - 6} textAnchor={x(tick) > MARGIN.left + plotW - 24 ? 'end' : 'middle'}>
              {formatTick(tick, span)}
            </text>
          ))}
          {ok.map((t) => (
            <TraceMark key={t.traceId} trace={t} cx={x(t.startMs)} cy={y(t.durationMs)} />
          ))}
          {failed.map((t) => (
            <TraceMark key={t.traceId} trace={t} cx={x(t.startMs)} cy={y(t.durationMs)} />
          ))}
        </svg>
      ) : null}
      <figcaption className="trace-scatter-legend">
        <span>
          <svg width="10" height="10" aria-hidden="true">
            <circle cx="5" cy="5" r="4" className="mark-ok" />
          </svg>{' '}
          no errors
        </span>
        <span>
          <svg width="10" height="10" aria-hidden="true">
            <path d="M5 0 L10 10 L0 10 Z" className="mark-error" />
          </svg>{' '}
          with errors
        </span>
        <span className="dim">duration (log scale) over start time</span>
      </figcaption>
    </figure>
  );
}

function TraceMark({ trace, cx, cy }: { trace: TraceSummary; cx: number; cy: number }) {
  const errors = trace.errorCount ?? 0;
  const label = `${visibleText(trace.rootService, 40).text}: ${visibleText(trace.rootName).text}, ${formatMicros(trace.durationMs * 1000)}${errors > 0 ? `, ${errors} error${errors === 1 ? '' : 's'}` : ''}, ${formatTooltipTime(trace.startMs)}`;
  return (
    <Link to={traceUrl(trace.traceId, { timeMs: trace.startMs + trace.durationMs / 2 })} aria-label={label} data-testid={errors > 0 ? 'scatter-error' : 'scatter-ok'} data-trace-id={trace.traceId}>
      <title>{label}</title>
      {errors > 0 ? <path d={`M${cx} ${cy - 6} L${cx + 6} ${cy + 5} L${cx - 6} ${cy + 5} Z`} className="mark-error" /> : <circle cx={cx} cy={cy} r={4} className="mark-ok" />}
    </Link>
  );
}
