import { describe, expect, it } from 'vitest';
import { randomTrace, span, trace } from './testing/traceBuilders';
import { hexToRgb, minimapRaster, type MinimapColors } from './traceMinimap';
import { buildTraceTree } from './traceTree';

const colors: MinimapColors = { services: [[10, 0, 0], [0, 20, 0], [0, 0, 30]], synthetic: [5, 5, 5], error: [255, 0, 0] };

function pixel(p: Uint8ClampedArray, width: number, x: number, y: number): number[] {
  const at = (y * width + x) * 4;
  return [...p.subarray(at, at + 4)];
}

describe('minimapRaster', () => {
  // Services sort to a, b, c → colours 10/0/0, 0/20/0, 0/0/30.
  const tree = buildTraceTree(
    trace([span('r', undefined, 0, 100, { service: 'a' }), span('x', 'r', 50, 50, { service: 'b' }), span('y', 'r', 0, 10, { service: 'c', status: 'error' })]),
  );

  it('gives each row its own bar over its time when there is room', () => {
    // 3 rows in 30 px: each gets the thickest bar (6 px, with a 1 px gap), starting at 0, 10 and 20.
    const p = minimapRaster(tree, 0, 100, 100, 30, colors);
    expect(pixel(p, 100, 0, 0)).toEqual([10, 0, 0, 185]);
    expect(pixel(p, 100, 99, 4)).toEqual([10, 0, 0, 185]);
    expect(pixel(p, 100, 0, 5)[3]).toBe(0);
    // Row order: r, y (starts at 0), x. The failing y keeps its colour, with a red bottom line.
    expect(pixel(p, 100, 5, 10)).toEqual([0, 0, 30, 185]);
    expect(pixel(p, 100, 5, 13)).toEqual([0, 0, 30, 185]);
    expect(pixel(p, 100, 5, 14)).toEqual([255, 0, 0, 255]);
    expect(pixel(p, 100, 20, 10)[3]).toBe(0);
    expect(pixel(p, 100, 49, 20)[3]).toBe(0);
    expect(pixel(p, 100, 50, 20)).toEqual([0, 20, 0, 185]);
  });

  it('blends the rows sharing a pixel row, and an error among them wins', () => {
    const p = minimapRaster(tree, 0, 100, 100, 1, colors);
    // At x = 60: r and x share the one pixel row: colours averaged, drawn brighter for two.
    expect(pixel(p, 100, 60, 0)).toEqual([5, 10, 0, 220]);
    // At x = 5, y (an error) is there: red.
    expect(pixel(p, 100, 5, 0)).toEqual([255, 0, 0, 255]);
  });

  it('draws a zero-length span as one pixel, and leaves a zero-size canvas empty', () => {
    const t = buildTraceTree(trace([span('r', undefined, 0, 100, { service: 'a' }), span('z', 'r', 40, 0, { service: 'a' })]));
    const p = minimapRaster(t, 0, 100, 100, 2, colors);
    expect(pixel(p, 100, 40, 1)[3]).toBeGreaterThan(0);
    expect(pixel(p, 100, 41, 1)[3]).toBe(0);
    expect(minimapRaster(t, 0, 100, 0, 10, colors)).toHaveLength(0);
  });

  it('fills 10,000 rows into 60 pixel rows with every span represented', () => {
    const big = buildTraceTree(randomTrace(10_000, 2, 25));
    const p = minimapRaster(big, big.startUs[0]!, big.durationUs[0]!, 400, 60, colors);
    let painted = 0;
    for (let y = 0; y < 60; y++) if (pixel(p, 400, 0, y)[3]! > 0 || pixel(p, 400, 399, y)[3]! > 0 || pixel(p, 400, 200, y)[3]! > 0) painted++;
    expect(painted).toBeGreaterThan(0);
    // The root spans the whole trace: its pixel row is covered end to end.
    for (let x = 0; x < 400; x += 50) expect(pixel(p, 400, x, 0)[3]).toBeGreaterThan(0);
  });
});

describe('hexToRgb', () => {
  it('reads #rrggbb and greys anything else', () => {
    expect(hexToRgb('#73bf69')).toEqual([0x73, 0xbf, 0x69]);
    expect(hexToRgb('red')).toEqual([142, 142, 142]);
  });
});
