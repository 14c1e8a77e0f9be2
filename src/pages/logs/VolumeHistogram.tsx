import { useRef, useState, type PointerEvent } from 'react';
import type { RangeResult } from '../../datasources/types';
import type { TimeRange } from '../../model/time';
import { LEVEL_COLORS, LEVEL_TEXT } from './levels';
import { formatLogTime, type TimeZoneMode } from './timeFormat';
import { stackVolume } from './volume';

const WIDTH = 1000;
const HEIGHT = 80;
/** A drag narrower than this is a click, not a zoom. */
const MIN_DRAG_PX = 4;

interface VolumeHistogramProps {
  result: RangeResult | undefined;
  range: TimeRange;
  timeZone: TimeZoneMode;
  onZoom: (range: TimeRange) => void;
  loading: boolean;
  error?: string | undefined;
}

/** Lines over the range, stacked by level in the list's colours; drag across it to zoom the page's range. */
export function VolumeHistogram({ result, range, timeZone, onZoom, loading, error }: VolumeHistogramProps) {
  const box = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const span = range.to - range.from;
  const stacks = result ? stackVolume(result.series) : undefined;
  const stepMs = result?.stepMs ?? 0;
  const x = (t: number) => ((t - range.from) / span) * WIDTH;

  const fraction = (e: PointerEvent) => {
    const rect = box.current!.getBoundingClientRect();
    return Math.min(1, Math.max(0, (e.clientX - rect.left) / Math.max(1, rect.width)));
  };
  const onUp = (e: PointerEvent) => {
    if (!drag) return;
    const rect = box.current!.getBoundingClientRect();
    const a = Math.min(drag.start, drag.end);
    const b = Math.max(drag.start, drag.end);
    setDrag(null);
    if ((b - a) * rect.width < MIN_DRAG_PX) return;
    e.preventDefault();
    onZoom({ from: Math.round(range.from + a * span), to: Math.round(range.from + b * span) });
  };

  return (
    <section className="log-volume" aria-label="Log volume by level">
      <div className="log-volume-head">
        <span className="log-volume-title">Volume</span>
        {stacks ? (
          <ul className="log-volume-legend">
            {[...stacks.levels].reverse().map((l) => (
              <li key={l.level}>
                <span className="swatch" style={{ background: LEVEL_COLORS[l.level], height: 8, width: 8 }} /> {LEVEL_TEXT[l.level] === '—' ? 'unknown' : LEVEL_TEXT[l.level]}
              </li>
            ))}
          </ul>
        ) : null}
        {stacks ? <span className="hint">{stacks.total.toLocaleString('en-US')} lines in the range · drag to zoom</span> : null}
        {loading ? <span className="spinner spinner-small" aria-label="Loading volume" /> : null}
        {error ? <span className="log-volume-error">{error}</span> : null}
      </div>
      <div
        ref={box}
        className="log-volume-chart"
        data-testid="log-volume"
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture?.(e.pointerId);
          const f = fraction(e);
          setDrag({ start: f, end: f });
        }}
        onPointerMove={(e) => drag && setDrag({ ...drag, end: fraction(e) })}
        onPointerUp={onUp}
        onPointerCancel={() => setDrag(null)}
      >
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" width="100%" height={HEIGHT} aria-hidden="true">
          {stacks && stacks.max > 0
            ? stacks.times.map((t, i) => {
                let y = HEIGHT;
                const w = Math.max(0.5, (stepMs / span) * WIDTH * 0.85);
                return stacks.levels.map((l) => {
                  const h = (l.counts[i]! / stacks.max) * (HEIGHT - 2);
                  if (h <= 0) return null;
                  y -= h;
                  return <rect key={`${t}:${l.level}`} x={x(t)} y={y} width={w} height={h} fill={LEVEL_COLORS[l.level]} />;
                });
              })
            : null}
        </svg>
        {drag ? (
          <div
            className="zoom-selection"
            style={{ left: `${Math.min(drag.start, drag.end) * 100}%`, width: `${Math.abs(drag.end - drag.start) * 100}%`, top: 0, bottom: 0 }}
          />
        ) : null}
      </div>
      <div className="log-volume-axis" aria-hidden="true">
        <span>{formatLogTime(range.from, timeZone).slice(0, 19)}</span>
        <span>{formatLogTime(range.to, timeZone).slice(0, 19)}</span>
      </div>
    </section>
  );
}
