import { describe, expect, it } from 'vitest';
import { bandsInUnit, boardBands, compareAlerts, compareTiles, fitTiles, formatAge, freshness, headlineSignal, tileState, type StripAlert, type TileSignal, type TileState } from './board';

/** `null`: the signal has no value. */
const sig = (signal: string, status: TileSignal['status'], value: number | null = 1): TileSignal => ({ signal, title: signal, unit: 'percentunit', status, ...(value === null ? {} : { value }) });

describe('tileState', () => {
  it('is the worst graded signal, NO DATA without values, and STALE above all', () => {
    expect(tileState([sig('errorRatio', 'ok'), sig('latencyP99', 'crit')], false)).toBe('crit');
    expect(tileState([sig('errorRatio', 'warn'), sig('latencyP99', 'ok')], false)).toBe('warn');
    expect(tileState([sig('requestRate', 'ok'), sig('saturation', 'unknown')], false)).toBe('ok');
    expect(tileState([sig('errorRatio', 'unknown', null), sig('latencyP99', 'unknown', NaN)], false)).toBe('nodata');
    // A critical value that stopped updating is STALE, not CRIT, and never OK.
    expect(tileState([sig('errorRatio', 'crit')], true)).toBe('stale');
    expect(tileState([sig('errorRatio', 'ok')], true)).toBe('stale');
  });
  it('headlines the worst graded signal', () => {
    expect(headlineSignal([sig('requestRate', 'ok', 12), sig('errorRatio', 'crit', 0.7), sig('latencyP99', 'warn', 2)])?.signal).toBe('errorRatio');
    expect(headlineSignal([sig('errorRatio', 'unknown', null)])).toBeUndefined();
  });
});

describe('compareTiles', () => {
  it('puts CRIT first, then STALE, WARN, NO DATA, OK, by name within a state', () => {
    const tiles: Array<{ service: string; state: TileState }> = [
      { service: 'a', state: 'ok' }, { service: 'b', state: 'nodata' }, { service: 'c', state: 'warn' },
      { service: 'd', state: 'stale' }, { service: 'f', state: 'crit' }, { service: 'e', state: 'crit' },
    ];
    expect([...tiles].sort(compareTiles).map((t) => t.service)).toEqual(['e', 'f', 'd', 'c', 'b', 'a']);
  });
});

describe('freshness', () => {
  it('is stale past twice the refresh interval, by the monotonic clock', () => {
    expect(freshness(1000, 0, 60_999, 30_000)).toEqual({ stale: false, ageMs: 59_999 });
    expect(freshness(1000, 0, 61_001, 30_000)).toEqual({ stale: true, ageMs: 60_001 });
  });
  it('is stale when nothing has succeeded within twice the interval of the start', () => {
    expect(freshness(undefined, 0, 59_000, 30_000).stale).toBe(false);
    expect(freshness(undefined, 0, 61_000, 30_000).stale).toBe(true);
  });
});

describe('fitTiles', () => {
  it('fits any count into the screen without scrolling', () => {
    for (const [count, w, h] of [[1, 1920, 1080], [9, 1920, 1080], [60, 1920, 1080], [60, 3840, 2160], [200, 1280, 720]] as const) {
      const layout = fitTiles(count, w, h);
      expect(layout.columns * layout.rows).toBeGreaterThanOrEqual(count);
      expect(layout.columns * layout.tileWidth + (layout.columns - 1) * 8).toBeLessThanOrEqual(w);
      expect(layout.rows * layout.tileHeight + (layout.rows - 1) * 8).toBeLessThanOrEqual(h);
    }
  });
  it('prefers tiles near the wanted aspect: 9 tiles on 16:9 are 3 × 3', () => {
    expect(fitTiles(9, 1920, 1080)).toMatchObject({ columns: 3, rows: 3 });
  });
});

describe('boardBands and formatAge', () => {
  it('takes a service override, then "*", then none', () => {
    const board = { id: 'b', title: 'B', refreshMs: 1000, thresholds: { payments: { errorRatio: { warn: 0.001, crit: 0.01 } }, '*': { errorRatio: { warn: 0.02, crit: 0.1 } } } };
    expect(boardBands(board, 'payments', 'errorRatio')).toEqual({ warn: 0.001, crit: 0.01 });
    expect(boardBands(board, 'search', 'errorRatio')).toEqual({ warn: 0.02, crit: 0.1 });
    expect(boardBands(board, 'search', 'latencyP99')).toBeUndefined();
  });
  it('falls back to config.json\'s top-level thresholds, the board\'s own winning', () => {
    const base = { payments: { latencyP99: { warn: 0.3, crit: 0.6 } }, '*': { latencyP99: { warn: 2, crit: 4 }, errorRatio: { warn: 0.5, crit: 0.9 } } };
    const board = { id: 'b', title: 'B', refreshMs: 1000, thresholds: { '*': { errorRatio: { warn: 0.02, crit: 0.1 } } } };
    expect(boardBands(board, 'payments', 'latencyP99', base)).toEqual({ warn: 0.3, crit: 0.6 });
    expect(boardBands(board, 'search', 'latencyP99', base)).toEqual({ warn: 2, crit: 4 });
    expect(boardBands(board, 'payments', 'errorRatio', base)).toEqual({ warn: 0.02, crit: 0.1 });
    expect(boardBands(board, 'payments', 'saturation', base)).toBeUndefined();
  });
  it('converts config bands to the unit a query answers in, and never guesses across units', () => {
    expect(bandsInUnit({ warn: 0.5, crit: 2 }, 'latencyP99', 'ms')).toEqual({ warn: 500, crit: 2000 });
    expect(bandsInUnit({ warn: 0.5, crit: 2 }, 'latencyP99', 's')).toEqual({ warn: 0.5, crit: 2 });
    expect(bandsInUnit({ warn: 0.01, crit: 0.05 }, 'errorRatio', 'percent')).toEqual({ warn: 1, crit: 5 });
    expect(bandsInUnit({ warn: 0.75, crit: 0.9 }, 'saturation', 'cores')).toBeUndefined();
  });
  it('formats ages in the largest whole unit', () => {
    expect([formatAge(0), formatAge(59_999), formatAge(12 * 60_000), formatAge(3 * 3_600_000 + 5 * 60_000), formatAge(50 * 3_600_000)]).toEqual(['0s', '59s', '12m', '3h 5m', '2d 2h']);
  });
});

describe('compareAlerts', () => {
  it('orders by severity, then oldest first', () => {
    const a = (name: string, severity: string, sinceMs: number): StripAlert => ({ key: name, name, severity, summary: '', labels: {}, sinceMs, source: 's' });
    expect([a('w', 'warning', 1), a('c2', 'critical', 5), a('c1', 'critical', 2), a('x', 'weird', 0)].sort(compareAlerts).map((x) => x.name)).toEqual(['c1', 'c2', 'w', 'x']);
  });
});
