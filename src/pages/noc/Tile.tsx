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
  // Digits scale with the tile so a 4K wall and a laptop both fill it, and with the text's length so "158 req/s"
  // fits a small tile whole (a bold digit is about 0.62 em wide; 0.66 leaves a margin for a unit's letters); the name and state get a size of their own.
  const text = headline?.value !== undefined ? formatValue(headline.value, headline.unit) : '—';
  const digits = Math.max(12, Math.min(height * 0.3, (width - 24) / (Math.max(text.length, 4) * 0.66)));
  const headFont = Math.max(11, Math.min(height * 0.12, width * 0.075, 44));
  const roomy = height >= 170;
  const label = `${tile.service}: ${TILE_STATE_LABEL[tile.state]}${headline?.value !== undefined ? `, ${headline.title} ${formatValue(headline.value, headline.unit)}` : ''}`;
  return (
    <button type="button" className={`noc-tile noc-${tile.state}`} style={{ width, height }} onClick={() => onOpen(tile.service)} aria-label={label} data-testid="noc-tile" data-service={tile.service} data-state={tile.state} data-as-of={tile.dataAsOf}>
      <div className="noc-tile-head" style={{ fontSize: headFont }}>
        <span className="noc-tile-name" title={name.title}>
          <bdi>{name.text}</bdi>
        </span>
        <span className="noc-tile-state">
          <span aria-hidden="true">{TILE_STATE_GLYPH[tile.state]}</span> {TILE_STATE_LABEL[tile.state]}
        </span>
      </div>
      {tile.state === 'stale' ? (
        <div className="noc-tile-big" style={{ fontSize: Math.min(digits, headFont * 1.6) }}>
          {tile.ageMs !== undefined ? `${formatAge(tile.ageMs)} old` : 'no answer'}
        </div>
      ) : headline?.value !== undefined ? (
        <div className="noc-tile-big" style={{ fontSize: digits }}>
          {text}
          <span className="noc-tile-signal" style={{ fontSize: Math.max(10, headFont * 0.75) }}>
            {headline.title}
          </span>
        </div>
      ) : (
        <div className="noc-tile-big noc-tile-none" style={{ fontSize: digits * 0.6 }}>
          —
        </div>
      )}
      {roomy && tile.state !== 'stale' && headline?.trend ? <Trend values={headline.trend} /> : null}
      <div className="noc-tile-asof" style={{ fontSize: Math.max(10, headFont * 0.55) }}>
        {tile.dataAsOf !== undefined ? `data as of ${clock.format(tile.dataAsOf)}` : 'no data yet'}
      </div>
    </button>
  );
});
