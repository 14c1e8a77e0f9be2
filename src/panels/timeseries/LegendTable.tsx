import { memo, useMemo } from 'react';
import { formatValue } from '../../lib/units';
import type { Unit } from '../../model/units';
import { seriesStats } from '../shared/seriesStats';
import type { NamedSeries } from '../shared/types';

interface LegendTableProps {
  series: readonly NamedSeries[];
  /** Each series' identity (the chart lines' keys), in the order of `series`. */
  keys: readonly string[];
  colors: readonly string[];
  unit: Unit;
  /** The identity of the one series shown, or null when all are. */
  isolated: string | null;
  onToggle: (key: string) => void;
}

/**
 * The legend as a table of min, max, mean and last per series, computed on the full-resolution data
 * (not the thinned lines, which would miss or shift extremes). Clicking a row shows only that series.
 */
export const LegendTable = memo(function LegendTable({ series, keys, colors, unit, isolated, onToggle }: LegendTableProps) {
  const stats = useMemo(() => series.map((s) => seriesStats(s.values)), [series]);
  return (
    <div className="legend">
      <table>
        <thead>
          <tr>
            <th className="legend-name">Series</th>
            <th>Min</th>
            <th>Max</th>
            <th>Mean</th>
            <th>Last</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s, i) => {
            const st = stats[i]!;
            const key = keys[i]!;
            const fmt = (v: number) => (st.count === 0 ? '–' : formatValue(v, unit));
            return (
              <tr
                key={key}
                className={isolated !== null && isolated !== key ? 'legend-dimmed' : undefined}
                onClick={() => onToggle(key)}
                data-testid="legend-row"
              >
                <td className="legend-name">
                  <span className="swatch" style={{ background: colors[i] }} />
                  <span className="legend-label" title={s.name}>
                    {s.name}
                  </span>
                </td>
                <td>{fmt(st.min)}</td>
                <td>{fmt(st.max)}</td>
                <td>{fmt(st.mean)}</td>
                <td>{fmt(st.last)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
