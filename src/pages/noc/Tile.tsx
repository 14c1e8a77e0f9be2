import { memo } from 'react';
import { formatValue } from '../../lib/units';
import { visibleText } from '../../lib/visibleText';
import { formatAge, TILE_STATE_GLYPH, TILE_STATE_LABEL } from '../../model/board';
import type { Tile as TileData } from './useBoardTiles';

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** A trend as a small polyline; no axes: the digits carry the value, this only the direction. */
function Trend({ values }: { values: readonly number[] }) {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min || 1;
  const step = 100 / (values.length - 1);
  const points = values.flatMap((v, i) => (Number.isFinite(v) ? [`${(i * step).toFixed(1)},${(28 - ((v - min) / span) * 26).toFixed(1)}`] : [])).join(' ');
  return (
    <svg className="noc-trend" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true">
      <polyline points={points} fill="none" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

/** One service on the wall: its name, state (word and glyph, never colour alone), worst signal in large digits. */
export const Tile = memo(function Tile({ tile, width, height, onOpen }: { tile: TileData; width: number; height: number; onOpen: (service: string) => void }) {
  const name = visibleText(tile.service, 60);
  const { headline } = tile;
  // Digits scale with the tile so a 4K wall and a laptop both fill it; the name gets what is left.
  const digits = Math.max(14, Math.min(height * 0.34, width * 0.2));
  const label = `${tile.service}: ${TILE_STATE_LABEL[tile.state]}${headline?.value !== undefined ? `, ${headline.title} ${formatValue(headline.value, headline.unit)}` : ''}`;
  return (
    <button type="button" className={`noc-tile noc-${tile.state}`} style={{ width, height }} onClick={() => onOpen(tile.service)} aria-label={label} data-testid="noc-tile" data-service={tile.service} data-state={tile.state}>
      <div className="noc-tile-head" style={{ fontSize: Math.max(11, digits * 0.42) }}>
        <span className="noc-tile-name" title={name.title}>
          <bdi>{name.text}</bdi>
        </span>
        <span className="noc-tile-state">
          <span aria-hidden="true">{TILE_STATE_GLYPH[tile.state]}</span> {TILE_STATE_LABEL[tile.state]}
        </span>
      </div>
      {tile.state === 'stale' ? (
        <div className="noc-tile-big" style={{ fontSize: digits * 0.7 }}>
          {tile.ageMs !== undefined ? `${formatAge(tile.ageMs)} old` : 'no answer'}
        </div>
      ) : headline?.value !== undefined ? (
        <div className="noc-tile-big" style={{ fontSize: digits }}>
          {formatValue(headline.value, headline.unit)}
          <span className="noc-tile-signal" style={{ fontSize: Math.max(10, digits * 0.3) }}>
            {headline.title}
          </span>
        </div>
      ) : (
        <div className="noc-tile-big" style={{ fontSize: digits * 0.6 }}>
          —
        </div>
      )}
      {tile.state !== 'stale' && headline?.trend ? <Trend values={headline.trend} /> : null}
      <div className="noc-tile-asof" style={{ fontSize: Math.max(10, digits * 0.22) }}>
        {tile.dataAsOf !== undefined ? `data as of ${clock.format(tile.dataAsOf)}` : 'no data yet'}
      </div>
    </button>
  );
});
