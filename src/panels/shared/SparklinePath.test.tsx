// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EXTREME_COLUMNS } from '../../lib/testing/extremeValues';
import { SparklinePath } from './SparklinePath';

const WIDTH = 96;
const HEIGHT = 24;
const TIMES = Float64Array.from([0, 1000, 2000, 3000]);

function drawnPoints(values: readonly number[], times = TIMES): Array<[number, number]> {
  const { container } = render(
    <SparklinePath times={times} values={Float64Array.from(values)} width={WIDTH} height={HEIGHT} color="#fff" timeDomain={[0, 3000]} />,
  );
  const d = container.querySelector('path')!.getAttribute('d') ?? '';
  cleanup();
  expect(d, `path of [${values.join(', ')}]`).toMatch(/^([ML]-?[\d.]+,-?[\d.]+)*$/);
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

afterEach(cleanup);

describe('SparklinePath over the extremes of a double (#15)', () => {
  it('writes only finite coordinates inside the box, one point per finite sample', () => {
    for (const c of EXTREME_COLUMNS) {
      const points = drawnPoints(c.values);
      for (const [x, y] of points) {
        expect(x >= 0 && x <= WIDTH, `${c.name}: x ${x}`).toBe(true);
        expect(y >= 0 && y <= HEIGHT, `${c.name}: y ${y}`).toBe(true);
      }
      expect(points.length, c.name).toBe(c.values.filter(Number.isFinite).length);
    }
  });

  it('still tells 1e308 from -1e308: the first at the top, the second at the bottom', () => {
    const [[, top], [, bottom]] = drawnPoints([1e308, -1e308, 0, 0]) as [[number, number], [number, number]];
    expect(top).toBeLessThan(2);
    expect(bottom).toBeGreaterThan(HEIGHT - 2);
  });

  it('leaves a point with a time that is not a number out, as a gap', () => {
    const points = drawnPoints([1, 2, 3, 4], Float64Array.from([0, NaN, 2000, 3000]));
    expect(points).toHaveLength(3);
  });
});
