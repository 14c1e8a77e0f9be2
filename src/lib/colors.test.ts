import { describe, expect, it } from 'vitest';
import { heatColor, seriesColor, SERIES_PALETTE, statusCodeColor, statusColor } from './colors';

describe('colors', () => {
  it('cycles the palette for any index', () => {
    expect(seriesColor(0)).toBe(SERIES_PALETTE[0]);
    expect(seriesColor(SERIES_PALETTE.length)).toBe(SERIES_PALETTE[0]);
    expect(seriesColor(-1)).toBe(SERIES_PALETTE[SERIES_PALETTE.length - 1]);
  });

  it('maps statuses to distinct colours', () => {
    const colors = new Set(['ok', 'warn', 'crit', 'unknown'].map((s) => statusColor(s as 'ok')));
    expect(colors.size).toBe(4);
  });

  it('ramps the heat scale from the first stop to the last and clamps outside [0, 1]', () => {
    expect(heatColor(0)).toBe('rgb(23, 38, 74)');
    expect(heatColor(1)).toBe('rgb(242, 73, 92)');
    expect(heatColor(5)).toBe(heatColor(1));
    expect(heatColor(NaN)).toBe(heatColor(0));
    expect(heatColor(0.5)).not.toBe(heatColor(0.4));
  });

  it('colours HTTP status codes by class', () => {
    expect(statusCodeColor('200')).toBe(statusColor('ok'));
    expect(statusCodeColor('404')).toBe(statusColor('warn'));
    expect(statusCodeColor('503')).toBe(statusColor('crit'));
    expect(statusCodeColor('unknown')).toBeUndefined();
  });
});
